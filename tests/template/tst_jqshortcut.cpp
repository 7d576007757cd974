// SPDX-License-Identifier: GPL-3.0-or-later
// Expressions the engine answers without compiling jq (jqshortcut.cpp): each must give exactly
// jq's value or error, and everything outside the subset must still go to jq. The reference
// is jq itself: `(BODY) | .` means the same to jq and is outside the subset, so it compiles.
#include "core/jswriter.h"
#include "template/jqengine.h"
#include "template/jqquirks.h"
#include "template/jqshortcut.h"
#include "testutil.h"

#include <QTest>

using namespace porthole;

class TstJqShortcut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void answersWhatJqAnswers();
    void leavesTheRestToJq();
    void aRenderOfPlainPathsCompilesNothing();
    void exponentLikeFieldsAreIndexed();
};

namespace {

JqLimits inProcess()
{
    JqLimits l;
    l.isolation = Isolation::InProcess;
    return l;
}

QString describe(const JqOutcome& o)
{
    switch (o.kind) {
    case JqOutcome::Kind::Value:
        return QStringLiteral("value ") + QString::fromStdString(JsWriter::stringify(o.value));
    case JqOutcome::Kind::Error:
        return QStringLiteral("error ") + QString::fromStdString(o.error);
    case JqOutcome::Kind::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

} // namespace

void TstJqShortcut::answersWhatJqAnswers()
{
    const std::vector<std::string> contexts = {
        R"({"a":{"b":[10,{"c":"x"},null,false]},"s":"text","n":0,"f":false,"z":null,
            "big":12345678901234567890,"tiny":5e-324,"arr":[1,2,3],"if":1,"then":{"end":2},
            "k y":"sp","é":"u","":"empty","nested":{"a":{"b":{"c":[1,{"d":"deep"}]}}},
            "nul":"a\u0000b","obj":{"k":[]},"e":1,"E":2,"e1x":3,"e1":4,"ex1":5})",
        R"([1,"two",[3],{"a":4}])",
        R"("just a string")",
        R"(null)",
        R"(42)",
        R"({"a":"str","b":{"a":[]},"s":{"x":"nested"},"f":true,"n":null})",
        R"({"lone":"x\ud800y"})", // jq 1.6's parser refuses it: every body is undefined
    };
    const std::vector<std::string> bodies = {
        ".",
        ".a",
        ".a.b",
        ".a.b[1].c",
        ".a.b[9]",
        ".a.b[0].c",
        ".a.b[2]",
        ".a.b[3]",
        ".s.x",
        ".n",
        ".big",
        ".tiny",
        ".arr[2]",
        ".arr[0]",
        ".[0]",
        ".[3].a",
        ".[\"a\"]",
        ".a[\"b\"]",
        ".\"k y\"",
        ".[\"k y\"]",
        ".a.\"b\"",
        ".\"é\"",
        ".\"\"",
        ".if",
        ".e",
        ".E",
        ".e1x",
        ".ex1",
        ".\"e1\"",
        ".[\"e1\"]",
        ".then.end",
        ".nested.a.b.c[1].d",
        ".nul",
        ".obj.k[0]",
        ".a.b[01]",
        ".a.b[999999999]",
        "\"lit\"",
        "\"\"",
        "\"é ✓ 😀\"",
        "\"tab\there\nnewline\"",
        "1.5",
        "0",
        "007",
        "0.1",
        "12345678901234567890",
        "99999999999999999999999999999999999999999999",
        "null",
        "true",
        "false",
        ".z // \"default\"",
        ".f // .n // 3",
        ".s.x // \"not caught in jq 1.6\"",
        ".missing // .a.b[1].c",
        ".a.b[2] // .a.b[3] // false",
        ".a // .s",
        "null // null",
        "if .a then .s else 1 end",
        "if .z then 1 elif .f then 2 elif .n then \"zero is true\" else 4 end",
        "if .s.x then 1 else 2 end",
        "if .z // .f then 1 else (.a.b // \"x\") end",
        "if .s.x // false then \"t\" else \"f\" end",
        "if (.a) then\"t\"else\"f\"end",
        "if.a then.s else.n end",
        "if true then if .f then 1 else 2 end else 3 end",
        "(.a)",
        "( .a.b[3] // ( \"n\" ) )",
        "((((.s))))",
        " .a ",
        "\n.s\t",
    };
    for (const std::string& ctxText : contexts) {
        const JsonValue ctx = test::parseJson(ctxText);
        JqEngine fast;
        JqEngine jq;
        std::vector<std::string> reference;
        for (const std::string& b : bodies) {
            QVERIFY2(JqShortcut::covers(b), b.c_str());
            reference.push_back("(" + b + ") | .");
            QVERIFY(!JqShortcut::covers(reference.back()));
        }
        const auto got = fast.evaluate(bodies, ctx, inProcess());
        const auto want = jq.evaluate(reference, ctx, inProcess());
        const bool jqReadsIt = ctxText.find("\\ud800") == std::string::npos;
        QCOMPARE(fast.stats().shortcuts, jqReadsIt ? uint64_t(bodies.size()) : 0);
        QCOMPARE(jq.stats().shortcuts, uint64_t(0));
        QVERIFY(jq.stats().compiles > 0);
        for (size_t i = 0; i < bodies.size(); ++i) {
            const QString where =
                QString::fromStdString("  [" + bodies[i] + "  on  " + ctxText.substr(0, 40) + "]");
            QCOMPARE(describe(got[i]) + where, describe(want[i]) + where);
            QCOMPARE(got[i].compileError, want[i].compileError);
        }
    }
}

void TstJqShortcut::leavesTheRestToJq()
{
    // jq 1.6 reads these differently, rejects them, or they are simply outside the subset.
    const std::vector<std::string> bodies = {
        ".a.[0]",
        "..",
        ".5",
        "1.",
        "1e3",
        ".a?",
        ".a | .b",
        ".a\r",
        ".a //= 1",
        ".a / 2",
        "if .a then 1 end",
        ".[ \"a\" ]",
        ". a",
        ".a .b",
        "-1",
        ".[-1]",
        "\"\\u00e9\"",
        "\"a\\(1)\"",
        "$__loc__",
        ".a # c",
        "ifx",
        "null::x",
        ".a[1:2]",
        ".[\"a\"]?",
        ".é",
        "nullx",
        "\"open",
        "(.a",
        ".a)",
        "",
        " ",
        ".a,.b",
        "not",
        "empty",
        "1then",
        ".a+1",
        "[.a]",
        "{a:1}",
        ".[]",
        ".a[]",
        "$ENV",
        ".e21",
        ".E1",
        ".a.e1",
        ".e01.a",
        "env",
        ".\"a\\\"b\"",
        "if . then 1 elif . then 2 end",
        "if . then 1 else 2",
        std::string(40, '(') + ".a" + std::string(40, ')'),
        std::string("\"a\0b\"", 5), // jq_compile stops at the NUL
    };
    JqEngine engine;
    for (const std::string& b : bodies)
        QVERIFY2(!JqShortcut::covers(b), b.c_str());
    const auto out = engine.evaluate(bodies, test::parseJson(R"({"a":{"b":1}})"), inProcess());
    QCOMPARE(out.size(), bodies.size());
    QCOMPARE(engine.stats().shortcuts, uint64_t(0));
    // A sample of what jq answers for them, so a change in the subset shows here too.
    QVERIFY(out[0].compileError);              // .a.[0]: jq 1.7 syntax
    QCOMPARE(out[2].value.toNumber(), 0.5);    // .5 is a number
    QCOMPARE(out[4].value.toNumber(), 1000.0); // 1e3
    QVERIFY(out[7].compileError);              // \r is not white space to jq 1.6
    QVERIFY(out[10].compileError);             // jq 1.6 wants an else
    QCOMPARE(out[13].value.toNumber(), 1.0);   // `.a .b` is `.a.b` (left to jq all the same)
    QCOMPARE(describe(out[15]), QStringLiteral("error jq: error: Cannot index object with number"));
}

void TstJqShortcut::aRenderOfPlainPathsCompilesNothing()
{
    JqEngine engine;
    const JsonValue ctx = test::parseJson(
        R"({"workflowRun":{"identifier":"wfr_1"},"outputs":{"trigger":{"region":"eu","n":3}}})");
    const auto out = engine.evaluate({".workflowRun.identifier", ".outputs[\"trigger\"].n",
                                      "if .outputs.trigger.region then \"region\" else null end",
                                      ".outputs.trigger.zone // \"none\""},
                                     ctx, JqLimits{}); // Fork isolation: no child is needed
    QCOMPARE(engine.stats().compiles, uint64_t(0));
    QCOMPARE(engine.stats().forks, uint64_t(0));
    QCOMPARE(QString::fromStdString(out[0].value.toString()), QStringLiteral("wfr_1"));
    QCOMPARE(out[1].value.toNumber(), 3.0);
    QCOMPARE(QString::fromStdString(out[2].value.toString()), QStringLiteral("region"));
    QCOMPARE(QString::fromStdString(out[3].value.toString()), QStringLiteral("none"));
}

void TstJqShortcut::exponentLikeFieldsAreIndexed()
{
    // jq 1.6 lexes `.e2` as a number; the lint's fix indexes it. Each fix must compile in jq
    // and read the field; the original must not compile.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {".e2", ".[\"e2\"]"},
        {".a.e2", ".a[\"e2\"]"},
        {".a[0].E10 // 1", ".a[0][\"E10\"] // 1"},
        {".a?.e1", ".a?[\"e1\"]"},
        {"[.e2, .a.e2]", "[.[\"e2\"], .a[\"e2\"]]"},
        {"\"n=\\(.e2)\"", "\"n=\\(.[\"e2\"])\""},
    };
    const JsonValue ctx = test::parseJson(R"({"e2":"top","a":{"e2":"in","e1":1,"0":0},"E10":3})");
    for (const auto& [before, after] : cases) {
        QCOMPARE(JqQuirks::indexExponentFields(before), after);
        JqEngine engine;
        const auto out = engine.evaluate({before, after}, ctx, inProcess());
        QVERIFY2(out[0].compileError, before.c_str());
        QVERIFY2(!out[1].compileError, out[1].error.c_str());
    }
    JqEngine engine;
    const auto out = engine.evaluate({".[\"e2\"]", ".a[\"e2\"]"}, ctx, inProcess());
    QCOMPARE(describe(out[0]), QStringLiteral("value \"top\""));
    QCOMPARE(describe(out[1]), QStringLiteral("value \"in\""));
    // Not fields jq 1.6 misreads: left alone.
    for (const char* same : {".e2x", ".ex1", ".e", "1.e5", "\".e2\"", ".\"e2\"", ".[\"e2\"]"})
        QCOMPARE(JqQuirks::indexExponentFields(same), std::string());
}

QTEST_GUILESS_MAIN(TstJqShortcut)
#include "tst_jqshortcut.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The workflow model and graph (core, no jq): order, paths, fan-in, which node runs before
// which, the reference scanner, generated inputs, and bad input that must end quickly with
// diagnostics (10,000 nodes, cycles, unknown ends, 5 MB).
#include "core/workflowgraph.h"
#include "core/workflowoutputs.h"
#include "core/workflowrefs.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace porthole;

// moc reads the class before any raw string literal (it cannot lex them).
class TestWorkflowGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void orderPathsAndFanIn();
    void referencesAreFoundWhereJqReadsThem();
    void inputsFromTheSchema();
    void tenThousandNodes();
    void badDocuments();
    void fiveMegabytes();
};

namespace {

std::string readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

std::string example(const char* name)
{
    return readAll(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/workflows/") + QLatin1String(name));
}

// A chain trigger → n1 → … → n(count-1), optionally closed into a loop or with dangling ends.
std::string chain(int count, bool loop, bool unknownEnds)
{
    std::string s = R"({"identifier":"big","nodes":[{"identifier":"n0","config":{"type":)"
                    R"("SELF_SERVE_TRIGGER","userInputs":{"properties":{"a":{"type":"string"}}}}})";
    for (int i = 1; i < count; ++i)
        s += R"(,{"identifier":"n)" + std::to_string(i) +
             R"(","config":{"type":"KAFKA","payload":{"v":"{{ .outputs[\"n)" +
             std::to_string(i - 1) + R"(\"].x }}"}}})";
    s += R"(],"connections":[)";
    for (int i = 1; i < count; ++i) {
        const int from = loop && i == 1 ? count - 1 : i - 1;
        s += std::string(i > 1 ? "," : "") + R"({"sourceIdentifier":"n)" + std::to_string(from) +
             R"(","targetIdentifier":")" + (unknownEnds ? "x" : "n") + std::to_string(i) + R"("})";
    }
    return s + "]}";
}

bool hasCode(const Diagnostics& d, const std::string& code)
{
    return std::any_of(d.begin(), d.end(), [&](const Diagnostic& x) { return x.code == code; });
}

} // namespace

void TestWorkflowGraph::orderPathsAndFanIn()
{
    const std::string text = example("provision-cache.json");
    const Workflow w = Workflow::parse(text);
    QVERIFY(w.ok());
    QCOMPARE(w.diagnostics().size(), size_t(0));
    const WorkflowGraph g(w);
    QCOMPARE(g.lint().size(), size_t(0));
    QCOMPARE(g.order().size(), w.nodes().size());
    const int provision = w.indexOf("provision");
    const int ticket = w.indexOf("open-approval");
    const int record = w.indexOf("record-request");
    const int condition = w.indexOf("is-large");
    QVERIFY(g.isFanIn(provision));
    QVERIFY(!g.isFanIn(ticket));
    // Each node comes after its predecessors.
    auto pos = [&](int n) {
        return std::find(g.order().begin(), g.order().end(), n) - g.order().begin();
    };
    QVERIFY(pos(condition) < pos(ticket) && pos(ticket) < pos(provision));
    QVERIFY(pos(record) < pos(provision));
    const auto paths = g.paths(provision);
    QCOMPARE(paths.size(), size_t(2)); // through the ticket or the record
    for (const auto& p : paths) {
        QCOMPARE(p.front(), w.indexOf("request-cache"));
        QCOMPARE(p.back(), provision);
        QCOMPARE(p.size(), size_t(4));
    }
    QVERIFY(g.runsBefore(ticket, provision));
    QVERIFY(!g.runsBefore(provision, ticket));
    QVERIFY(!g.runsBefore(record, ticket)); // beside: other branch
    QVERIFY(g.onEveryPath(condition, provision));
    QVERIFY(!g.onEveryPath(ticket, provision)); // only one branch runs it
    QVERIFY(g.onEveryPath(provision, w.indexOf("tell-owner")));
}

void TestWorkflowGraph::referencesAreFoundWhereJqReadsThem()
{
    const std::string e =
        R"x(.outputs["fetch-service"].response.data + "\(.outputs.trigger.env)" )x"
        R"x(+ "not .outputs.here" + .a.outputs.x + .outputs.my-node.f + .outputs['q'].z)x";
    const auto refs = WorkflowRefs::find(e, "outputs");
    QCOMPARE(refs.size(), size_t(4));
    QCOMPARE(refs[0].name, std::string("fetch-service"));
    QCOMPARE(refs[0].fields, (std::vector<std::string>{"response", "data"}));
    QCOMPARE(e.substr(refs[0].nameBegin, refs[0].nameEnd - refs[0].nameBegin),
             std::string("fetch-service"));
    QCOMPARE(refs[1].name, std::string("trigger")); // inside an interpolation
    QCOMPARE(refs[1].fields, std::vector<std::string>{"env"});
    QCOMPARE(refs[2].name, std::string("my-node"));
    QVERIFY(refs[2].hyphenatedDot);
    QCOMPARE(refs[3].name, std::string("q"));
    const auto secrets = WorkflowRefs::find(R"(.secrets["api-key"] + .secrets.b)", "secrets");
    QCOMPARE(secrets.size(), size_t(2));
    QCOMPARE(secrets[0].name, std::string("api-key"));
}

void TestWorkflowGraph::inputsFromTheSchema()
{
    const std::string text = example("provision-cache.json");
    const Workflow w = Workflow::parse(text);
    const JsonValue in = WorkflowOutputs::defaultOutput(*w.node("request-cache"));
    QCOMPARE(in["service"].toString(), std::string("service-example")); // entity format
    QCOMPARE(in["size"].toString(), std::string("small"));              // first enum value
    QCOMPARE(in["ttlHours"].toNumber(), 24.0);                          // default
    QCOMPARE(in["owner"].toString(), std::string("dev@example.com"));   // email format
    // variables replace a node's output; a KAFKA node's output is unknown.
    QCOMPARE(*WorkflowOutputs::fields(*w.node("open-approval")),
             (std::vector<std::string>{"ticket", "status"}));
    QVERIFY(!WorkflowOutputs::fields(*w.node("provision")));
    // An AI node with an outputSchema answers a JSON string of that shape (`| fromjson`).
    const Workflow ai = Workflow::parse(
        "{\"nodes\":[{\"identifier\":\"ask\",\"config\":{\"type\":\"AI\",\"outputSchema\":"
        "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"}}}}}]}");
    QCOMPARE(WorkflowOutputs::defaultOutput(*ai.node("ask"))["response"].toString(),
             std::string("{\"summary\":\"example-summary\"}"));
    QCOMPARE(*WorkflowOutputs::fields(*w.node("record-request")),
             (std::vector<std::string>{"response", "error"})); // onFailure: continue
}

void TestWorkflowGraph::tenThousandNodes()
{
    for (const auto& [loop, unknown] :
         {std::pair{false, false}, std::pair{true, false}, std::pair{false, true}}) {
        const std::string text = chain(10000, loop, unknown);
        QElapsedTimer t;
        t.start();
        const Workflow w = Workflow::parse(text);
        const WorkflowGraph g(w);
        const Diagnostics d = g.lint();
        const auto paths = g.paths(int(w.nodes().size()) - 1);
        const qint64 ms = t.elapsed();
        // A guard against a hang, not a speed goal (that is porthole-bench's): under
        // AddressSanitizer on a busy 2-core machine this took 6.7 s.
        QVERIFY2(ms < 60000, qPrintable(QString::number(ms)));
        QCOMPARE(w.nodes().size(), size_t(10000));
        if (loop) {
            QVERIFY(hasCode(d, "PH3108"));
            QCOMPARE(g.cycle().size(), size_t(10000)); // n1 … n9999 n1
        } else if (unknown) {
            QCOMPARE(std::count_if(d.begin(), d.end(),
                                   [](const Diagnostic& x) { return x.code == "PH3101"; }),
                     9999L);
        } else {
            QCOMPARE(d.size(), size_t(0));
            QCOMPARE(paths.size(), size_t(1));
            QCOMPARE(paths[0].size(), size_t(10000));
        }
    }
}

void TestWorkflowGraph::badDocuments()
{
    QVERIFY(hasCode(Workflow::parse("[]").diagnostics(), "PH3001"));
    QVERIFY(hasCode(Workflow::parse(R"({"nodes":{}})").diagnostics(), "PH3001"));
    QVERIFY(hasCode(Workflow::parse(R"({"nodes":[1,{"config":{}}]})").diagnostics(), "PH3002"));
    QVERIFY(!Workflow::parse("{\"nodes\":[").ok());
    const Workflow none = Workflow::parse(R"({"nodes":[],"connections":[]})");
    QVERIFY(hasCode(WorkflowGraph(none).lint(), "PH3109")); // no trigger
    // A self-loop is a cycle, and a trigger target is named.
    const Workflow self = Workflow::parse(
        R"({"nodes":[{"identifier":"t","config":{"type":"EVENT_TRIGGER"}},)"
        R"({"identifier":"k","config":{"type":"KAFKA","payload":{}}}],"connections":[)"
        R"({"sourceIdentifier":"t","targetIdentifier":"k"},)"
        R"({"sourceIdentifier":"k","targetIdentifier":"k"}]})");
    const Diagnostics d = WorkflowGraph(self).lint();
    QVERIFY(hasCode(d, "PH3108"));
    QVERIFY(!hasCode(d, "PH3102")); // one connection out of each: no fan-out
}

void TestWorkflowGraph::fiveMegabytes()
{
    // 5 MB: 2,000 nodes whose payloads carry 2.5 KB strings each.
    std::string s = R"({"nodes":[{"identifier":"t","config":{"type":"SELF_SERVE_TRIGGER"}})";
    const std::string big(2500, 'x');
    for (int i = 0; i < 2000; ++i)
        s += R"(,{"identifier":"k)" + std::to_string(i) +
             R"(","config":{"type":"KAFKA","payload":{"s":")" + big + R"("}}})";
    s += R"(],"connections":[]})";
    QVERIFY(s.size() > 5'000'000);
    QElapsedTimer t;
    t.start();
    const Workflow w = Workflow::parse(s);
    const Diagnostics d = WorkflowGraph(w).lint();
    // A guard against a hang, not a speed goal (that is porthole-bench's).
    QVERIFY2(t.elapsed() < 60000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(
        std::count_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.code == "PH3107"; }),
        2000L); // all unreachable
}

QTEST_GUILESS_MAIN(TestWorkflowGraph)
#include "tst_workflowgraph.moc"

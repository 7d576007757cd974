// SPDX-License-Identifier: GPL-3.0-or-later
// Template lints and per-template diagnostics: codes, positions and quick fixes, checked by
// applying each fix and rendering again.
#include "core/diagnosticformat.h"
#include "core/jswriter.h"
#include "template/noderenderer.h"
#include "template/templatelinter.h"
#include "testutil.h"

#include <QDir>
#include <QTest>

using namespace porthole;

class TstTemplateLint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exampleNodes_data();
    void exampleNodes();
    void seedDateFixRendersATimestamp();
    void seedRendersNullLenientAndFailsStrict();
    void hyphenatedIdFix();
    void exponentLikeFieldFix();
    void strayBracesPointAtTheBrace();
    void newerJqBuiltinsWarn();
    void templateInfoHasPathRangeAndValue();
    void positionsSurviveEscapes();
};

static std::string applyFix(const std::string& text, const Fix& fix)
{
    std::string out = text;
    out.replace(size_t(fix.range.begin.offset),
                size_t(fix.range.end.offset - fix.range.begin.offset), fix.replacement);
    return out;
}

static const Diagnostic* find(const Diagnostics& ds, const char* code)
{
    for (const auto& d : ds)
        if (d.code == code)
            return &d;
    return nullptr;
}

static JsonValue workflowContext()
{
    return test::parseJson(
        test::readAll(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/contexts/workflow.json")));
}

void TstTemplateLint::exampleNodes_data()
{
    QTest::addColumn<QString>("node");
    const QDir dir(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/nodes"));
    const QStringList nodes = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(nodes.size() >= 5, "resources/examples/nodes is missing");
    for (const QString& n : nodes)
        QTest::newRow(qPrintable(n)) << n;
}

void TstTemplateLint::exampleNodes()
{
    // Golden: data/lint/<node>.txt is the text `porthole-cli lint` prints (reviewed by hand).
    QFETCH(QString, node);
    const std::string text = test::readAll(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/nodes/") + node);
    const Diagnostics ds = TemplateLinter::lintNode(text);
    const std::string got = DiagnosticFormat::text("NODE", ds);
    const QString goldenPath =
        QStringLiteral(TEMPLATE_TEST_DATA "/lint/") + node + QStringLiteral(".txt");
    QVERIFY2(QFile::exists(goldenPath), qPrintable(goldenPath));
    QCOMPARE(QString::fromStdString(got), QString::fromStdString(test::readAll(goldenPath)));
}

void TstTemplateLint::seedDateFixRendersATimestamp()
{
    const std::string text =
        test::readAll(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/nodes/basic-publish-event.json"));
    const Diagnostics ds = TemplateLinter::lintNode(text);
    const Diagnostic* go = find(ds, "PH2101");
    QVERIFY(go && go->fix);
    QCOMPARE(go->severity, Severity::Error);
    QCOMPARE(go->fix->replacement, std::string(" now | todateiso8601 "));
    QCOMPARE(text.substr(size_t(go->fix->range.begin.offset),
                         size_t(go->fix->range.end.offset - go->fix->range.begin.offset)),
             std::string(" now | date \\\"2006-01-02T15:04:05Z\\\" "));
    const std::string fixed = applyFix(text, *go->fix);
    QVERIFY(!find(TemplateLinter::lintNode(fixed), "PH2101"));
    RenderOptions strict;
    strict.strict = true;
    const RenderedNode r = renderNode(fixed, workflowContext(), strict);
    QVERIFY2(r.ok, r.error.c_str());
    QVERIFY(r.payload["timestamp"].isString());
    QCOMPARE(r.payload["timestamp"].toString().size(), size_t(20)); // 2026-11-24T09:00:00Z
}

void TstTemplateLint::seedRendersNullLenientAndFailsStrict()
{
    const std::string text =
        test::readAll(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/nodes/basic-publish-event.json"));
    const RenderedNode lenient = renderNode(text, workflowContext());
    QVERIFY2(lenient.ok, lenient.error.c_str());
    QVERIFY(lenient.payload["timestamp"].isNull());
    QCOMPARE(lenient.messages.size(), size_t(1));
    QVERIFY(lenient.messages[0].find("\"timestamp\":null") != std::string::npos);
    QVERIFY(lenient.messages[0].find("\"runId\":\"wfnr_8Jk2Lm4Np6Qr8St0\"") != std::string::npos);
    RenderOptions strict;
    strict.strict = true;
    const RenderedNode r = renderNode(text, workflowContext(), strict);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.rfind("jq: compile error: syntax error", 0) == 0, r.error.c_str());
    QVERIFY(r.messages.empty());
}

void TstTemplateLint::hyphenatedIdFix()
{
    const std::string text =
        R"({"identifier":"n","config":{"type":"KAFKA","payload":{"v":"{{ .outputs.my-node.x }}"}}})";
    const Diagnostics ds = TemplateLinter::lintNode(text);
    const Diagnostic* d = find(ds, "PH2201");
    QVERIFY(d && d->fix);
    const std::string fixed = applyFix(text, *d->fix);
    QVERIFY2(fixed.find(R"({{ .outputs[\"my-node\"].x }})") != std::string::npos, fixed.c_str());
    const RenderedNode r =
        renderNode(fixed, test::parseJson(R"({"outputs":{"my-node":{"x":7}}})"), {});
    QCOMPARE(r.payload["v"].toNumber(), 7.0);
}

void TstTemplateLint::exponentLikeFieldFix()
{
    // jq 1.6 lexes `.e2` as a number: `.outputs.e2` and `.e10 // "x"` do not compile.
    const std::string text =
        R"({"identifier":"n","config":{"type":"KAFKA","payload":{"v":"{{ .outputs.e2 }}",)"
        R"("w":"{{ .e10 // \"x\" }}","s":"{{ \".e2\" }}","ok":"{{ .outputs.e2x }}"}}})";
    const Diagnostics ds = TemplateLinter::lintNode(text);
    std::vector<const Diagnostic*> found;
    for (const auto& d : ds)
        if (d.code == "PH2103")
            found.push_back(&d);
    QCOMPARE(found.size(), size_t(2)); // not the string ".e2", not the field e2x
    std::string fixed = text;
    for (auto it = found.rbegin(); it != found.rend(); ++it) // from the end: offsets hold
        fixed = applyFix(fixed, *(*it)->fix);
    QVERIFY2(fixed.find(R"({{ .outputs[\"e2\"] }})") != std::string::npos, fixed.c_str());
    QVERIFY2(fixed.find(R"({{ .[\"e10\"] // \"x\" }})") != std::string::npos, fixed.c_str());
    QVERIFY(!find(TemplateLinter::lintNode(fixed), "PH2103"));
    const RenderedNode r =
        renderNode(fixed, test::parseJson(R"({"outputs":{"e2":7,"e2x":8},"e10":"ten"})"), {});
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.payload["v"].toNumber(), 7.0);
    QCOMPARE(QString::fromStdString(r.payload["w"].toString()), QStringLiteral("ten"));
    QCOMPARE(QString::fromStdString(r.payload["s"].toString()), QStringLiteral(".e2"));
}

void TstTemplateLint::strayBracesPointAtTheBrace()
{
    const std::string text = "{\"identifier\":\"n\",\"config\":{\"type\":\"KAFKA\",\"payload\":"
                             "{\"v\":\"a\\u00e9 }} b\"}}}";
    const Diagnostics ds = TemplateLinter::lintNode(text);
    const Diagnostic* d = find(ds, "PH2001");
    QVERIFY(d);
    QCOMPARE(d->severity, Severity::Error);
    // "a\u00e9 }}": index 3 in JavaScript, after a 6-character escape in the source.
    QVERIFY(d->message.find("index 3") != std::string::npos);
    QCOMPARE(text.substr(size_t(d->range.begin.offset), 2), std::string("}}"));
    const RenderedNode r = renderNode(text, JsonValue::object(), {});
    QVERIFY(!r.ok);
}

void TstTemplateLint::newerJqBuiltinsWarn()
{
    const std::string text =
        R"({"identifier":"n","config":{"type":"KAFKA","payload":{"a":"{{ .x | pick(.y) }}","b":"{{ if .x then 1 end }}","c":"{{ .x | ascii_upcase }}"}}})";
    const Diagnostics ds = TemplateLinter::lintNode(text);
    int newer = 0;
    for (const auto& d : ds)
        newer += d.code == "PH2401";
    QCOMPARE(newer, 2);
    QVERIFY(!hasErrors(ds));
}

void TstTemplateLint::templateInfoHasPathRangeAndValue()
{
    const std::string text = "{\"identifier\":\"n\",\"config\":{\"type\":\"KAFKA\",\"payload\":"
                             "{\"list\":[\"x {{ .a }}\"],\"{{ .k }}\":1}}}";
    const RenderedNode r = renderNode(text, test::parseJson(R"({"a":5,"k":"key"})"), {});
    QVERIFY(r.ok);
    QCOMPARE(r.templates.size(), size_t(2));
    QCOMPARE(r.templates[0].path, std::string("config.payload.list[0]"));
    QCOMPARE(r.templates[0].value.toNumber(), 5.0);
    QCOMPARE(
        text.substr(size_t(r.templates[0].range.begin.offset),
                    size_t(r.templates[0].range.end.offset - r.templates[0].range.begin.offset)),
        std::string("{{ .a }}"));
    QVERIFY(r.templates[1].inKey);
    QCOMPARE(r.templates[1].value.toString(), std::string("key"));
}

void TstTemplateLint::positionsSurviveEscapes()
{
    // An escaped quote and a non-BMP character before the template shift bytes and columns.
    const std::string text = "{\"identifier\":\"n\",\"config\":{\"type\":\"KAFKA\",\"payload\":"
                             "{\"v\":\"\\\" \xF0\x9F\x98\x80 {{ .a }}\"}}}";
    const RenderedNode r = renderNode(text, test::parseJson(R"({"a":1})"), {});
    QCOMPARE(r.templates.size(), size_t(1));
    const SourceRange rg = r.templates[0].range;
    QCOMPARE(text.substr(size_t(rg.begin.offset), size_t(rg.end.offset - rg.begin.offset)),
             std::string("{{ .a }}"));
    QCOMPARE(rg.end.column - rg.begin.column, 8);
}

QTEST_GUILESS_MAIN(TstTemplateLint)
#include "tst_templatelint.moc"

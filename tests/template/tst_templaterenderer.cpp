// SPDX-License-Identifier: GPL-3.0-or-later
// Golden cases: each folder of data/render holds template.json, optional context.json, an
// optional `strict` flag and what Port's published renderer gave: expected.json (the exact
// JSON.stringify bytes), expected-undefined (nothing printed) or error.txt (the message).
#include "core/jswriter.h"
#include "template/templaterenderer.h"
#include "testutil.h"

#include <QDir>
#include <QTest>

using namespace porthole;

class TstTemplateRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void isolationModesAgree();
    void spreadCanBeTurnedOff();
};

void TstTemplateRenderer::golden_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<int>("isolation");
    const QDir root(QStringLiteral(TEMPLATE_TEST_DATA "/render"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 50, "the golden corpus is missing");
    for (const QString& c : cases) {
        QTest::newRow(qPrintable(c + QStringLiteral("/fork"))) << root.filePath(c) << 0;
        QTest::newRow(qPrintable(c + QStringLiteral("/in-process"))) << root.filePath(c) << 1;
    }
}

void TstTemplateRenderer::golden()
{
    QFETCH(QString, dir);
    QFETCH(int, isolation);
    const std::string templateText = test::readAll(dir + QStringLiteral("/template.json"));
    QVERIFY(!templateText.empty());
    const JsonValue document = test::parseJson(templateText);
    JsonValue context = JsonValue::object();
    if (QFile::exists(dir + QStringLiteral("/context.json")))
        context = test::parseJson(test::readAll(dir + QStringLiteral("/context.json")));
    TemplateSettings settings;
    settings.strict = QFile::exists(dir + QStringLiteral("/strict"));
    settings.limits.isolation = isolation ? Isolation::InProcess : Isolation::Fork;
    const RenderOutcome r = TemplateRenderer::render(document, context, settings);

    if (QFile::exists(dir + QStringLiteral("/error.txt"))) {
        QVERIFY2(!r.ok, JsWriter::stringify(r.value).c_str());
        QCOMPARE(QString::fromStdString(r.error),
                 QString::fromStdString(test::readAll(dir + QStringLiteral("/error.txt"))));
    } else if (QFile::exists(dir + QStringLiteral("/expected-undefined"))) {
        QVERIFY2(r.ok, r.error.c_str());
        QVERIFY(r.value.isUndefined());
    } else {
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(QString::fromStdString(JsWriter::stringify(r.value)),
                 QString::fromStdString(test::readAll(dir + QStringLiteral("/expected.json"))));
    }
}

void TstTemplateRenderer::isolationModesAgree()
{
    // A broad sample of jq behaviour must not depend on where jq runs.
    const JsonValue ctx =
        test::parseJson(R"({"a":[3,1,2],"s":"Hello","n":null,"o":{"x":{"y":1}}})");
    const char* exprs[] = {"sort",
                           ".a | sort",
                           ".s | explode",
                           "[paths]",
                           ".o | tostream",
                           "[.a[] | . * 2] | add",
                           "now | type",
                           ".s | @html",
                           "input",
                           "error(\"x\")",
                           "{} | .a.b.c",
                           ".a | .[1:]",
                           "[limit(2; .a[])]",
                           "try error(\"x\") catch .",
                           "label $f | 1, break $f",
                           "halt",
                           ".a as [$x, $y] | $y",
                           "getpath([\"o\",\"x\"])",
                           "ltrimstr(1)",
                           "[.[] | numbers]",
                           "tojson | fromjson",
                           "$__loc__",
                           "env | length"};
    JsonValue doc = JsonValue::object();
    int i = 0;
    for (const char* e : exprs)
        doc.set("k" + std::to_string(i++), std::string("{{ ") + e + " }}");
    TemplateSettings fork, local;
    local.limits.isolation = Isolation::InProcess;
    const RenderOutcome a = TemplateRenderer::render(doc, ctx, fork);
    const RenderOutcome b = TemplateRenderer::render(doc, ctx, local);
    QVERIFY(a.ok && b.ok);
    // `now` differs between runs: compare types only through the document.
    QCOMPARE(QString::fromStdString(JsWriter::stringify(a.value)),
             QString::fromStdString(JsWriter::stringify(b.value)));
    QCOMPARE(a.value["k8"].type(), JsonValue::Type::Null); // input: an error, not a crash
}

void TstTemplateRenderer::spreadCanBeTurnedOff()
{
    const JsonValue doc = test::parseJson(R"({"{{ spreadValue() }}":{"a":1},"b":2})");
    TemplateSettings legacy;
    legacy.spreadValue = false; // npm 0.0.12: spreadValue() is an undefined jq function → null key
    const RenderOutcome r = TemplateRenderer::render(doc, JsonValue::object(), legacy);
    QVERIFY(r.ok);
    QCOMPARE(QString::fromStdString(JsWriter::stringify(r.value)), QStringLiteral("{\"b\":2}"));
    const RenderOutcome now = TemplateRenderer::render(doc, JsonValue::object(), {});
    QCOMPARE(QString::fromStdString(JsWriter::stringify(now.value)),
             QStringLiteral("{\"a\":1,\"b\":2}"));
}

QTEST_GUILESS_MAIN(TstTemplateRenderer)
#include "tst_templaterenderer.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The context model: presets hold every documented variable, ids look like Port's, files
// round-trip.
#include "core/jswriter.h"
#include "template/contextmodel.h"
#include "template/templaterenderer.h"
#include "testutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace porthole;

class TstContextModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idsLookLikePorts();
    void presetsAnswerEveryDocumentedVariable();
    void refreshGivesNewIds();
    void saveAndLoadRoundTrip();
};

void TstContextModel::idsLookLikePorts()
{
    const QRegularExpression re(QStringLiteral("^wfnr_[A-Za-z0-9]{16}$"));
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string id = ContextModel::generateId(RunId::Kind::NodeRun);
        QVERIFY2(re.match(QString::fromStdString(id)).hasMatch(), id.c_str());
        seen.insert(id);
    }
    QCOMPARE(seen.size(), size_t(200));
}

void TstContextModel::presetsAnswerEveryDocumentedVariable()
{
    for (const auto kind : {ContextModel::Preset::Workflow, ContextModel::Preset::Action}) {
        const JsonValue ctx = ContextModel::preset(kind);
        JsonValue doc = JsonValue::object();
        for (const auto& v : ContextModel::variables(kind)) {
            std::string path = v;
            const auto node = path.find("\"node-id\"");
            if (node != std::string::npos)
                path.replace(node, 9, "\"call-webhook\"");
            const auto name = path.find("\"name\"");
            if (name != std::string::npos)
                path.replace(name, 6, "\"deploy-token\"");
            doc.set(v, "{{ " + path + " | if . == null then error(\"missing\") else . end }}");
        }
        TemplateSettings strict;
        strict.strict = true;
        strict.limits.isolation = Isolation::InProcess;
        const RenderOutcome r = TemplateRenderer::render(doc, ctx, strict);
        // .event is documented as null for action runs that are not event-driven.
        if (kind == ContextModel::Preset::Action)
            QCOMPARE(QString::fromStdString(r.error), QStringLiteral("jq: error: missing"));
        else
            QVERIFY2(r.ok, r.error.c_str());
    }
    const JsonValue wf = ContextModel::preset(ContextModel::Preset::Workflow, "on-deploy");
    QVERIFY(wf["outputs"]["on-deploy"].isObject());
    QVERIFY(QRegularExpression(QStringLiteral("^wfr_[A-Za-z0-9]{16}$"))
                .match(QString::fromStdString(wf["workflowRun"]["identifier"].toString()))
                .hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("^r_[A-Za-z0-9]{16}$"))
                .match(QString::fromStdString(
                    ContextModel::preset(ContextModel::Preset::Action)["run"]["id"].toString()))
                .hasMatch());
}

void TstContextModel::refreshGivesNewIds()
{
    const JsonValue a = ContextModel::preset(ContextModel::Preset::Workflow);
    const JsonValue b = ContextModel::refreshIds(a);
    QVERIFY(a["workflowRun"]["identifier"].toString() != b["workflowRun"]["identifier"].toString());
    QVERIFY(a["workflowNodeRun"]["identifier"].toString() !=
            b["workflowNodeRun"]["identifier"].toString());
    QCOMPARE(JsWriter::stringify(a["outputs"]), JsWriter::stringify(b["outputs"]));
}

void TstContextModel::saveAndLoadRoundTrip()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("ctx.json")).toStdString();
    const JsonValue ctx = ContextModel::preset(ContextModel::Preset::Action);
    std::string error;
    QVERIFY(ContextModel::save(path, ctx, &error));
    const auto back = ContextModel::load(path, &error);
    QVERIFY2(back, error.c_str());
    QCOMPARE(JsWriter::stringify(*back), JsWriter::stringify(ctx));
    QVERIFY(!ContextModel::load(dir.filePath(QStringLiteral("nope.json")).toStdString(), &error));
    QVERIFY(!error.empty());
}

QTEST_GUILESS_MAIN(TstContextModel)
#include "tst_contextmodel.moc"

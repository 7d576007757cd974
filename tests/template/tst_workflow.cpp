// SPDX-License-Identifier: GPL-3.0-or-later
// Workflows with jq (issue 23): the lint golden folders (tests/data/workflow-lint/<case>/
// input.json → expected.txt in `lint`'s text format), the example workflows lint clean, and
// the chained context: CONDITION outlets evaluated or forced, variables rendered against
// .result and replacing the output, mocks, generated inputs, fresh run ids.
#include "core/diagnosticformat.h"
#include "core/runid.h"
#include "template/templatelinter.h"
#include "template/workflowcontext.h"
#include "template/workflowlinter.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <tuple>

using namespace porthole;
using porthole::test::parseJson;
using porthole::test::readAll;

// moc reads the class before any raw string literal (it cannot lex them).
class TstWorkflow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void examplesLintClean_data();
    void examplesLintClean();
    void conditionChoosesThePath();
    void forcedBranchAndVariables();
    void generatedContextIsWellFormed();
    void unreachableNodeIsAnError();
    void inputNodeGivesItsChosenOutlet();
    void jqVersionLintBothWays();
    void bigWorkflowLintsInTime();
};

namespace {

const QString kExamples = QStringLiteral(PORTHOLE_EXAMPLES_DIR "/workflows");

struct Loaded
{
    std::string text;
    Workflow workflow;
};

Loaded load(const QString& name)
{
    Loaded l;
    l.text = readAll(kExamples + QLatin1Char('/') + name);
    l.workflow = Workflow::parse(l.text);
    return l;
}

Chain chainFor(const Workflow& w, const char* node, ChainOptions options)
{
    const WorkflowGraph g(w);
    return WorkflowContext::build(w, g, w.indexOf(node), std::move(options));
}

} // namespace

void TstWorkflow::golden_data()
{
    QTest::addColumn<QString>("dir");
    const QDir root(QStringLiteral(PORTHOLE_TEST_DATA "/workflow-lint"));
    const auto cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 8);
    for (const QString& c : cases)
        QTest::newRow(qPrintable(c)) << root.filePath(c);
}

void TstWorkflow::golden()
{
    QFETCH(QString, dir);
    const std::string input = readAll(dir + QStringLiteral("/input.json"));
    const std::string expected = readAll(dir + QStringLiteral("/expected.txt"));
    QVERIFY(!input.empty());
    const std::string actual = DiagnosticFormat::text("input.json", WorkflowLinter::lint(input));
    QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected));
}

void TstWorkflow::examplesLintClean_data()
{
    QTest::addColumn<QString>("file");
    const auto files = QDir(kExamples).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(files.size(), 3);
    for (const QString& f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void TstWorkflow::examplesLintClean()
{
    QFETCH(QString, file);
    const Loaded l = load(file);
    QVERIFY(l.workflow.ok());
    const Diagnostics d = WorkflowLinter::lint(l.text);
    QCOMPARE(QString::fromStdString(DiagnosticFormat::text("x", d)), QString());
}

void TstWorkflow::conditionChoosesThePath()
{
    const Loaded l = load(QStringLiteral("provision-cache.json"));
    ChainOptions large;
    large.inputs = parseJson(R"({"service":"checkout","size":"large"})");
    const Chain a = chainFor(l.workflow, "provision", large);
    QVERIFY2(a.ok, a.error.c_str());
    const JsonValue& outs = a.context["outputs"];
    QVERIFY(outs.find("open-approval"));   // the "large" outlet ran the ticket
    QVERIFY(!outs.find("record-request")); // and not the other branch
    QCOMPARE(outs["trigger"]["service"].toString(), std::string("checkout"));
    QCOMPARE(outs["request-cache"]["size"].toString(), std::string("large"));
    QCOMPARE(a.path.size(), size_t(4));

    ChainOptions small;
    small.inputs = parseJson(R"({"service":"checkout","size":"small"})");
    const Chain b = chainFor(l.workflow, "provision", small);
    QVERIFY(b.ok);
    QVERIFY(b.context["outputs"].find("record-request"));
    QVERIFY(!b.context["outputs"].find("open-approval"));
    // UPSERT_ENTITY's default output: {response: {data: <entity>}}.
    QVERIFY(b.context["outputs"]["record-request"]["response"]["data"].isObject());
}

void TstWorkflow::forcedBranchAndVariables()
{
    const Loaded l = load(QStringLiteral("provision-cache.json"));
    ChainOptions o;
    o.inputs = parseJson(R"({"service":"checkout","size":"small"})"); // would take fallback
    o.forks["is-large"] = "large";
    o.mocks["open-approval"] = parseJson(R"({"response":{"status":201,"data":{"key":"OPS-7"}}})");
    const Chain c = chainFor(l.workflow, "tell-owner", o);
    QVERIFY2(c.ok, c.error.c_str());
    // The variables replaced the mock: only ticket and status remain.
    const JsonValue& ticket = c.context["outputs"]["open-approval"];
    QCOMPARE(ticket.members().size(), size_t(2));
    QCOMPARE(ticket["ticket"].toString(), std::string("OPS-7"));
    QCOMPARE(ticket["status"].toNumber(), 201.0);
    QVERIFY(!ticket.find("response"));
    // The KAFKA node before tell-owner gives nothing by default (its consumer reports it).
    QVERIFY(c.context["outputs"]["provision"].isObject());
    QVERIFY(c.context["outputs"]["provision"].members().empty());
    QVERIFY(c.sources.at("open-approval").find("variables") != std::string::npos);

    // A forced branch that does not lead to the node: the walk takes one that does.
    ChainOptions wrong;
    wrong.forks["is-large"] = "fallback";
    const Chain d = chainFor(l.workflow, "open-approval", wrong);
    QVERIFY(d.ok);
    QVERIFY(std::any_of(d.notes.begin(), d.notes.end(), [](const std::string& n) {
        return n.find("does not lead to") != std::string::npos;
    }));
}

void TstWorkflow::generatedContextIsWellFormed()
{
    const Loaded l = load(QStringLiteral("incident-paging.json"));
    const Chain c = chainFor(l.workflow, "page-engineer", {});
    QVERIFY2(c.ok, c.error.c_str());
    const JsonValue& ctx = c.context;
    QVERIFY(
        RunId::isPortForm(ctx["workflowRun"]["identifier"].toString(), RunId::Kind::WorkflowRun));
    QVERIFY(
        RunId::isPortForm(ctx["workflowNodeRun"]["identifier"].toString(), RunId::Kind::NodeRun));
    QCOMPARE(ctx["workflowRun"]["trigger"]["identifier"].toString(),
             std::string("incident-updated"));
    QCOMPARE(ctx["workflow"]["identifier"].toString(), std::string("incident-paging"));
    // The secret the workflow reads, with a placeholder to fill.
    QVERIFY(ctx["secrets"].find("oncall-api-key"));
    // An event trigger's output: {action, diff{before, after}} on its blueprint.
    const JsonValue& trigger = ctx["outputs"]["trigger"];
    QCOMPARE(trigger["action"].toString(), std::string("UPDATE"));
    QCOMPARE(trigger["diff"]["after"]["blueprint"].toString(), std::string("incident"));
    // find-on-call's variables were rendered against its default WEBHOOK output.
    const JsonValue& oncall = ctx["outputs"]["find-on-call"];
    QCOMPARE(oncall["httpStatus"].toNumber(), 200.0);
    QVERIFY(oncall.find("engineer"));
    // A fresh context every time.
    const Chain again = chainFor(l.workflow, "page-engineer", {});
    QVERIFY(!(again.context["workflowRun"]["identifier"] == ctx["workflowRun"]["identifier"]));
}

void TstWorkflow::unreachableNodeIsAnError()
{
    const std::string text =
        R"({"nodes":[{"identifier":"t","config":{"type":"SELF_SERVE_TRIGGER"}},)"
        R"({"identifier":"k","config":{"type":"KAFKA","payload":{}}}],"connections":[]})";
    const Workflow w = Workflow::parse(text);
    const Chain c = chainFor(w, "k", {});
    QVERIFY(!c.ok);
    QCOMPARE(c.error, std::string("no trigger leads to node \"k\""));
}

void TstWorkflow::inputNodeGivesItsChosenOutlet()
{
    // An approval: the walk to the "declined" branch records that outlet as the INPUT node's
    // choice, with one response whose inputs follow the node's userInputs.
    const std::string text =
        R"({"nodes":[{"identifier":"t","config":{"type":"SELF_SERVE_TRIGGER"}},)"
        R"({"identifier":"ask","config":{"type":"INPUT","userInputs":{"properties":)"
        R"({"reason":{"type":"string"}}},"outlets":[{"identifier":"yes"},{"identifier":"no"}]}},)"
        R"({"identifier":"ok","config":{"type":"KAFKA","payload":{}}},)"
        R"({"identifier":"nope","config":{"type":"KAFKA","payload":)"
        R"({"why":"{{ .outputs.ask.responses[0].inputs.reason }}"}}}],"connections":[)"
        R"({"sourceIdentifier":"t","targetIdentifier":"ask"},)"
        R"({"sourceIdentifier":"ask","targetIdentifier":"ok","sourceOutletIdentifier":"yes"},)"
        R"({"sourceIdentifier":"ask","targetIdentifier":"nope","sourceOutletIdentifier":"no"}]})";
    const Workflow w = Workflow::parse(text);
    QCOMPARE(WorkflowLinter::lint(text).size(), size_t(0));
    const Chain c = chainFor(w, "nope", {});
    QVERIFY2(c.ok, c.error.c_str());
    const JsonValue& ask = c.context["outputs"]["ask"];
    QCOMPARE(ask["selectedOutlet"]["identifier"].toString(), std::string("no"));
    QCOMPARE(ask["responses"].elements().at(0)["inputs"]["reason"].toString(),
             std::string("example-reason"));

    // Both ways join again (fan-in): the first outlet unless the user forces one, as the
    // Workflow tab's "Branch at" and --branch do; the path follows the choice.
    const std::string joined =
        R"({"nodes":[{"identifier":"t","config":{"type":"SELF_SERVE_TRIGGER"}},)"
        R"({"identifier":"ask","config":{"type":"INPUT","userInputs":{"properties":{}},)"
        R"("outlets":[{"identifier":"yes"},{"identifier":"no"}]}},)"
        R"({"identifier":"ok","config":{"type":"KAFKA","payload":{}}},)"
        R"({"identifier":"nope","config":{"type":"KAFKA","payload":{}}},)"
        R"({"identifier":"done","config":{"type":"KAFKA","payload":{}}}],"connections":[)"
        R"({"sourceIdentifier":"t","targetIdentifier":"ask"},)"
        R"({"sourceIdentifier":"ask","targetIdentifier":"ok","sourceOutletIdentifier":"yes"},)"
        R"({"sourceIdentifier":"ask","targetIdentifier":"nope","sourceOutletIdentifier":"no"},)"
        R"({"sourceIdentifier":"ok","targetIdentifier":"done"},)"
        R"({"sourceIdentifier":"nope","targetIdentifier":"done"}]})";
    const Workflow j = Workflow::parse(joined);
    for (const auto& [forced, want, via] :
         {std::tuple{"", "yes", "ok"}, {"no", "no", "nope"}, {"yes", "yes", "ok"}}) {
        ChainOptions o;
        if (*forced)
            o.forks["ask"] = forced;
        const Chain d = chainFor(j, "done", o);
        QVERIFY2(d.ok, d.error.c_str());
        QCOMPARE(d.context["outputs"]["ask"]["selectedOutlet"]["identifier"].toString(),
                 std::string(want));
        QVERIFY(d.context["outputs"].find(via));
        QVERIFY(std::find(d.path.begin(), d.path.end(), j.indexOf(via)) != d.path.end());
    }
}

void TstWorkflow::jqVersionLintBothWays()
{
    // The node lint has it too: the same machinery.
    const std::string node = R"({"identifier":"n","config":{"type":"KAFKA","payload":)"
                             R"({"a":"{{ [leaf_paths] }}","b":"{{ pick(.x) }}"}}})";
    const Diagnostics d = TemplateLinter::lintNode(node);
    QVERIFY(std::any_of(d.begin(), d.end(), [](const Diagnostic& x) {
        return x.code == "PH2402" && x.message.find("leaf_paths") != std::string::npos;
    }));
    QVERIFY(std::any_of(d.begin(), d.end(), [](const Diagnostic& x) {
        return x.code == "PH2401" && x.message.find("pick/1") != std::string::npos;
    }));
}

void TstWorkflow::bigWorkflowLintsInTime()
{
    // 2,000 KAFKA nodes in a chain, each reading the one before (5,000 templates): the whole
    // lint is one render, so it stays within seconds even with jq in its forked sandbox.
    std::string s = R"({"identifier":"big","nodes":[{"identifier":"n0","config":{"type":)"
                    R"("SELF_SERVE_TRIGGER","userInputs":{"properties":{"a":{"type":"string"}}}}})";
    std::string conns;
    for (int i = 1; i < 2000; ++i) {
        const std::string prev = "n" + std::to_string(i - 1);
        s += R"(,{"identifier":"n)" + std::to_string(i) +
             R"(","config":{"type":"KAFKA","payload":{"v":"{{ .outputs[\")" + prev +
             R"(\"].v }}","w":"{{ .outputs.trigger.a }}"}}})";
        conns += std::string(i > 1 ? "," : "") + R"({"sourceIdentifier":")" + prev +
                 R"(","targetIdentifier":"n)" + std::to_string(i) + R"("})";
    }
    s += R"(],"connections":[)" + conns + "]}";
    QElapsedTimer t;
    t.start();
    const Diagnostics d = WorkflowLinter::lint(s);
    QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
    // Only the first node's read is wrong: the trigger's output has no "v".
    QCOMPARE(d.size(), size_t(1));
    QCOMPARE(d[0].code, std::string("PH3204"));
}

QTEST_GUILESS_MAIN(TstWorkflow)
#include "tst_workflow.moc"

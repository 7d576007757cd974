// SPDX-License-Identifier: GPL-3.0-or-later
// The Report tab against a real local Port API on 127.0.0.1 (offscreen): the run picked from a
// message, each endpoint's words, the JSON output checked at line:column, the answer told
// readably (a 422 names its field), the history, the ledger's events, the warning before
// reporting on a run this session did not publish, and the Timeline button.
#include "core/messagedecoder.h"
#include "gui/report/reporthistorymodel.h"
#include "gui/report/reportpane.h"
#include "gui/session/portaccount.h"
#include "gui/session/session.h"
#include "models/runledger.h"
#include "portapi/localportapi.h"
#include "portapi/portclientconfig.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace porthole;

namespace {

const QString kNode = QStringLiteral("wfnr_Rp0rtPaneNode001");
const QString kRun = QStringLiteral("wfr_Rp0rtPaneFlow001");
const QString kAction = QStringLiteral("r_Rp0rtPaneAct0001");
const QString kSecret = QStringLiteral("report-pane-secret-7d3a9");

// The ids a watched message carries, found the way the Runs tab finds them.
RunIds idsOf(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return MessageDecoder::findIds(std::string_view(utf8.constData(), size_t(utf8.size())));
}

QStringList items(QComboBox* box)
{
    QStringList out;
    for (int i = 0; i < box->count(); ++i)
        out << box->itemData(i).toString();
    return out;
}

} // namespace

class TestReportPane : public QObject
{
    Q_OBJECT

    LocalPortApi* m_api = nullptr;
    RunLedger* m_ledger = nullptr;
    ReportPane* m_pane = nullptr;

    template <typename T> T* child(const char* name) const
    {
        T* w = m_pane->findChild<T*>(QLatin1String(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }
    QString answer() const { return child<QPlainTextEdit>("reportResponse")->toPlainText(); }
    // Sends with the button and waits for the answer; returns the HTTP status.
    int sendAndWait()
    {
        QSignalSpy reported(m_pane, &ReportPane::reportFinished);
        child<QPushButton>("reportSend")->click();
        if (!QTest::qWaitFor([&] { return !reported.isEmpty(); }, 15000))
            return -1;
        return reported.at(0).at(0).toInt();
    }

private Q_SLOTS:
    void init()
    {
        m_api = new LocalPortApi;
        m_api->setCredentials(QStringLiteral("report-client"), kSecret);
        QString error;
        QVERIFY2(m_api->listen(0, &error), qPrintable(error));
        m_api->registerNodeRun(kNode, kRun);
        m_api->registerActionRun(kAction);
        m_pane = new ReportPane;
        m_ledger = m_pane->session()->ledger();
        m_pane->resize(700, 760);
        // The sandbox's: no confirmation.
        m_pane->session()->account()->setSandboxApiUrl(m_api->baseUrl());
        m_pane->session()->account()->set(m_api->baseUrl(), QStringLiteral("report-client"),
                                          kSecret);
    }
    void cleanup()
    {
        delete m_pane;
        delete m_api;
    }

    // Selected message → COMPLETED/SUCCESS → the API holds it; the ledger and history tell it.
    void reportOnWorkflowMessageCompletes()
    {
        m_pane->setEndpoint(ReportEndpoint::ActionRun); // the message's kind must switch it
        const QString value =
            QStringLiteral(R"({"context":{"runId":"%1","workflowRunId":"%2"},"payload":{}})")
                .arg(kNode, kRun);
        QVERIFY(m_pane->reportOn(MessageKind::WorkflowNode, idsOf(value)));
        QCOMPARE(m_pane->endpoint().id(), ReportEndpoint::NodeRun);
        QCOMPARE(child<QLineEdit>("reportRunId")->text(), kNode);
        QCOMPARE(child<QLineEdit>("reportWorkflowRun")->text(), kRun);
        auto* status = child<QComboBox>("reportStatus");
        auto* result = child<QComboBox>("reportResult");
        QCOMPARE(status->currentData().toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(result->currentText(), QStringLiteral("SUCCESS"));

        QCOMPARE(sendAndWait(), 200);
        const QJsonObject run = m_api->handler().store().nodeRunJson(kNode);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
        // The sample output is dated now (it was 2024-01-15): within minutes of this test.
        const QString processedAt =
            run.value(QStringLiteral("output"))[QStringLiteral("processedAt")].toString();
        const QDateTime at = QDateTime::fromString(processedAt, Qt::ISODate);
        QVERIFY2(at.isValid() && processedAt.endsWith(QLatin1Char('Z')) &&
                     qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 600,
                 qPrintable(processedAt));
        const LocalApiCall& call = m_api->handler().calls().last();
        QCOMPARE(call.method, QByteArray("PATCH"));
        QCOMPARE(call.path, QStringLiteral("/v1/workflows/nodes/runs/") + kNode);
        QCOMPARE(call.status, 200);
        // The tab announces itself, so the sandbox's record does not count this report twice.
        QVERIFY2(call.userAgent.startsWith(kReportUserAgentPrefix), call.userAgent.constData());

        // The answer, readably: status line with time, size and trace id, then the body.
        const QString text = answer();
        QVERIFY2(text.startsWith(QStringLiteral("HTTP 200 OK · ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" ms")) && text.contains(QStringLiteral("bytes")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("trace ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\"ok\": true")), qPrintable(text)); // pretty

        const QVector<RunEvent> events = m_ledger->events(kNode);
        QCOMPARE(events.size(), 1);
        const RunEvent& e = events.first();
        QCOMPARE(int(e.stage), int(RunEvent::Stage::Reported));
        QCOMPARE(e.httpStatus, 200);
        QCOMPARE(e.source, QStringLiteral("Porthole"));
        QCOMPARE(e.status, QStringLiteral("COMPLETED"));
        QCOMPARE(e.result, QStringLiteral("SUCCESS"));
        QCOMPARE(e.workflowRunId, kRun);
        QVERIFY(!e.traceId.isEmpty());
        QVERIFY(e.latencyMs >= 0);
        QVERIFY(e.detail.contains(QStringLiteral("\"status\": \"COMPLETED\"")));
        QCOMPARE(m_ledger->state(kNode).status, QStringLiteral("COMPLETED"));

        ReportHistoryModel* history = m_pane->history();
        QCOMPARE(history->rowCount(), 1);
        QCOMPARE(history->index(0, ReportHistoryModel::Run).data().toString(), kNode);
        QCOMPARE(history->index(0, ReportHistoryModel::Sent).data().toString(),
                 QStringLiteral("COMPLETED/SUCCESS"));
        QCOMPARE(history->index(0, ReportHistoryModel::Http).data().toString(),
                 QStringLiteral("200 ok"));
        // Nothing kept or told holds the secret.
        QVERIFY(!history->at(0).text().contains(kSecret));
        QVERIFY(!e.detail.contains(kSecret));
    }

    // Each endpoint offers only its words; IN_PROGRESS takes no result.
    void statusAndResultFollowTheEndpoint()
    {
        auto* status = child<QComboBox>("reportStatus");
        auto* result = child<QComboBox>("reportResult");
        QVERIFY(
            m_pane->reportOn(MessageKind::ActionRun,
                             idsOf(QStringLiteral(R"({"context":{"runId":"%1"}})").arg(kAction))));
        QCOMPARE(m_pane->endpoint().id(), ReportEndpoint::ActionRun);
        QCOMPARE(child<QLineEdit>("reportRunId")->text(), kAction);
        QCOMPARE(items(status),
                 (QStringList{QStringLiteral("SUCCESS"), QStringLiteral("FAILURE"), {}}));
        QVERIFY(!result->isEnabled());
        QVERIFY(!child<QPlainTextEdit>("reportLog")->isEnabled());

        m_pane->setEndpoint(ReportEndpoint::NodeRun);
        QCOMPARE(items(status),
                 (QStringList{QStringLiteral("COMPLETED"), QStringLiteral("IN_PROGRESS"), {}}));
        status->setCurrentIndex(status->findData(QStringLiteral("IN_PROGRESS")));
        QVERIFY(!result->isEnabled());
        QCOMPARE(result->count(), 0);
        status->setCurrentIndex(status->findData(QStringLiteral("COMPLETED")));
        QVERIFY(result->isEnabled());
        QCOMPARE(result->count(), 3);
        QVERIFY(result->findText(QStringLiteral("FAILED")) >= 0);
        QCOMPARE(result->findText(QStringLiteral("FAILURE")), -1);

        m_pane->setEndpoint(ReportEndpoint::NodeRunLogs);
        QVERIFY(!status->isEnabled());
        QVERIFY(!child<QPlainTextEdit>("reportOutput")->isEnabled());
        QVERIFY(child<QComboBox>("reportLogLevel")->isEnabled());
        m_pane->setEndpoint(ReportEndpoint::ActionRunLog);
        QVERIFY(!child<QComboBox>("reportLogLevel")->isEnabled()); // Port's action logs have none

        // IN_PROGRESS on the sandbox: sent without a result, the run stays open.
        m_pane->setRunIds(kRun, kNode);
        QCOMPARE(m_pane->endpoint().id(), ReportEndpoint::NodeRun);
        status->setCurrentIndex(status->findData(QStringLiteral("IN_PROGRESS")));
        QCOMPARE(sendAndWait(), 200);
        // The output as the tab holds it (its sample is dated when the tab was made).
        const QByteArray processedAt =
            QJsonDocument::fromJson(child<QPlainTextEdit>("reportOutput")->toPlainText().toUtf8())
                .object()
                .value(QStringLiteral("processedAt"))
                .toString()
                .toUtf8();
        QVERIFY(!processedAt.isEmpty());
        QCOMPARE(m_api->handler().calls().last().body,
                 QByteArray(R"({"status":"IN_PROGRESS","output":{"processedAt":")") + processedAt +
                     QByteArray(R"("}})"));
        QCOMPARE(m_ledger->state(kNode).status, QStringLiteral("IN_PROGRESS"));
    }

    // Invalid output JSON blocks Send, names line:column, and Ctrl+R's send() refuses too.
    void invalidOutputBlocksSend()
    {
        m_pane->setRunIds(kRun, kNode);
        auto* output = child<QPlainTextEdit>("reportOutput");
        auto* send = child<QPushButton>("reportSend");
        auto* problem = child<QLabel>("reportOutputProblem");
        QVERIFY(send->isEnabled());
        output->setPlainText(QStringLiteral("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        QVERIFY(!send->isEnabled());
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().contains(QStringLiteral("line 3, column 7")),
                 qPrintable(problem->text()));
        const qsizetype callsBefore = m_api->handler().calls().size();
        QSignalSpy reported(m_pane, &ReportPane::reportFinished);
        m_pane->send();
        QCOMPARE(reported.count(), 1);
        QCOMPARE(reported.at(0).at(0).toInt(), 0);
        QVERIFY2(answer().startsWith(QStringLiteral("Not sent: Output is not JSON at line 3, "
                                                    "column 7")),
                 qPrintable(answer()));
        QTest::qWait(100);
        QCOMPARE(m_api->handler().calls().size(), callsBefore);
        QCOMPARE(m_pane->history()->rowCount(), 0);

        output->setPlainText(QStringLiteral("{\"a\": 1}"));
        QVERIFY(send->isEnabled());
        QVERIFY(problem->isHidden());
    }

    // Sent unchecked, an array output gets Port's 422, told as the field it is about.
    void unprocessableNamesTheField()
    {
        m_pane->setRunIds(kRun, kNode);
        child<QCheckBox>("reportValidate")->setChecked(false);
        child<QPlainTextEdit>("reportOutput")->setPlainText(QStringLiteral("[1, 2]"));
        QVERIFY(!child<QLabel>("reportOutputProblem")->isHidden()); // a warning, not a block
        QVERIFY(child<QPushButton>("reportSend")->isEnabled());
        QCOMPARE(sendAndWait(), 422);
        const QString text = answer();
        QVERIFY2(text.startsWith(QStringLiteral("HTTP 422 Unprocessable Entity · ")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Port refused the field “output”: output must be "
                                              "an object")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("invalid_request")), qPrintable(text));
        QCOMPARE(m_pane->history()->index(0, ReportHistoryModel::Http).data().toString(),
                 QStringLiteral("422 refused"));
        const RunEvent e = m_ledger->events(kNode).last();
        QCOMPARE(e.httpStatus, 422);
        QVERIFY2(e.summary.contains(QStringLiteral("“output”")), qPrintable(e.summary));
        QVERIFY(m_ledger->state(kNode).status.isEmpty()); // a refusal changes no state
        QCOMPARE(m_api->handler().store().nodeRunJson(kNode).value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("IN_PROGRESS")));
    }

    // Log lines with a level (a line may name its own), on the logs endpoint: a Logged event.
    void logLinesCarryTheirLevel()
    {
        m_pane->setRunIds(kRun, kNode);
        m_pane->setEndpoint(ReportEndpoint::NodeRunLogs);
        child<QComboBox>("reportLogLevel")->setCurrentText(QStringLiteral("DEBUG"));
        child<QPlainTextEdit>("reportLog")->setPlainText(QStringLiteral("fetching\n\nWARN: slow"));
        QCOMPARE(sendAndWait(), 200);
        const QJsonArray logs =
            m_api->handler().store().nodeRunJson(kNode).value(QStringLiteral("logs")).toArray();
        QCOMPARE(logs.size(), 2);
        QCOMPARE(logs.at(0)[QStringLiteral("logLevel")].toString(), QStringLiteral("DEBUG"));
        QCOMPARE(logs.at(1)[QStringLiteral("logLevel")].toString(), QStringLiteral("WARN"));
        QCOMPARE(logs.at(1)[QStringLiteral("log")].toString(), QStringLiteral("slow"));
        const RunEvent e = m_ledger->events(kNode).last();
        QCOMPARE(int(e.stage), int(RunEvent::Stage::Logged));
        QCOMPARE(m_pane->history()->index(0, ReportHistoryModel::Sent).data().toString(),
                 QStringLiteral("2 log lines"));
    }

    // Not the sandbox's API and a run this session did not publish: ask first.
    void asksBeforeReportingOnSomeoneElsesRun()
    {
        // m_api is "real" now.
        m_pane->session()->account()->setSandboxApiUrl(QStringLiteral("http://127.0.0.1:1"));
        m_pane->setRunIds(kRun, kNode);
        const qsizetype before = m_api->handler().calls().size();
        const auto box = [this] {
            return m_pane->findChild<QMessageBox*>(QStringLiteral("reportConfirm"));
        };

        QSignalSpy reported(m_pane, &ReportPane::reportFinished);
        m_pane->send();
        QTRY_VERIFY(box() && box()->isVisible());
        QVERIFY(box()->text().contains(kNode));
        QVERIFY(!child<QPushButton>("reportSend")->isEnabled()); // one question at a time
        box()->button(QMessageBox::Cancel)->click();
        QTRY_COMPARE(reported.count(), 1);
        QCOMPARE(reported.at(0).at(0).toInt(), 0);
        QVERIFY2(answer().contains(QStringLiteral("cancelled")), qPrintable(answer()));
        QTest::qWait(100);
        QCOMPARE(m_api->handler().calls().size(), before); // nothing went out
        QTRY_VERIFY(!box());

        // "Send anyway" with "don't ask again for this run": sent, and not asked again.
        m_pane->send();
        QTRY_VERIFY(box() && box()->isVisible());
        box()->findChild<QCheckBox*>(QStringLiteral("reportConfirmDontAsk"))->setChecked(true);
        QPushButton* anyway = nullptr;
        for (QAbstractButton* b : box()->buttons())
            if (box()->buttonRole(b) == QMessageBox::AcceptRole)
                anyway = qobject_cast<QPushButton*>(b);
        QVERIFY(anyway);
        anyway->click();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 2, 15000);
        QCOMPARE(reported.at(1).at(0).toInt(), 200);
        QTRY_VERIFY(!box());
        QCOMPARE(sendAndWait(), 200);
        QVERIFY(!box());

        // A run this session published is its own: no question either.
        RunEvent published;
        published.stage = RunEvent::Stage::Published;
        published.at = QDateTime::currentDateTimeUtc();
        published.runId = QStringLiteral("wfnr_Rp0rtPaneNode002");
        m_ledger->add(published);
        m_api->registerNodeRun(published.runId, kRun);
        m_pane->setRunIds(kRun, published.runId);
        QCOMPARE(sendAndWait(), 200);
        QVERIFY(!box());
    }

    // The history keeps each report; selecting an older one shows its request and answer.
    void historySelectionShowsThatReport()
    {
        m_pane->setRunIds(kRun, kNode);
        auto* status = child<QComboBox>("reportStatus");
        status->setCurrentIndex(status->findData(QStringLiteral("IN_PROGRESS")));
        QCOMPARE(sendAndWait(), 200);
        status->setCurrentIndex(status->findData(QStringLiteral("COMPLETED")));
        child<QComboBox>("reportResult")->setCurrentText(QStringLiteral("FAILED"));
        QCOMPARE(sendAndWait(), 200);
        QCOMPARE(m_pane->history()->rowCount(), 2);
        QCOMPARE(m_pane->history()->index(0, ReportHistoryModel::Sent).data().toString(),
                 QStringLiteral("COMPLETED/FAILED"));
        auto* view = child<QTreeView>("reportHistory");
        view->setCurrentIndex(m_pane->history()->index(1, 0));
        QVERIFY2(answer().contains(QStringLiteral("\"status\": \"IN_PROGRESS\"")),
                 qPrintable(answer()));
        QVERIFY(!answer().contains(QStringLiteral("FAILED")));
        view->setCurrentIndex(m_pane->history()->index(0, 0));
        QVERIFY(answer().contains(QStringLiteral("\"result\": \"FAILED\"")));
    }

    void timelineButtonAsksForTheRun()
    {
        auto* timeline = child<QPushButton>("reportTimeline");
        child<QLineEdit>("reportRunId")->clear();
        QVERIFY(!timeline->isEnabled());
        m_pane->setRunIds(kRun, kNode);
        QVERIFY(timeline->isEnabled());
        QSignalSpy asked(m_pane->session(), &Session::timelineRequested);
        timeline->click();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), kNode);
    }
};

QTEST_MAIN(TestReportPane)
#include "tst_reportpane.moc"

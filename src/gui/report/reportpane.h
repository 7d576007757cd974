// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagedecoder.h"
#include "portapi/reportendpoint.h"

#include <QSet>
#include <QWidget>

#include <memory>

namespace Ui {
class ReportPane;
}

namespace porthole {

class KeyringRow;
class PortClient;
class ReportHistoryModel;
class Session;
struct PortRequest;
struct SentReport;

/// Reports a run's status back to Port's API (or the sandbox's local one): workflow node runs on
/// either documented route or their logs, classic action runs or their logs. Each endpoint
/// offers only the statuses and results it accepts; the output is JSON checked as it is typed
/// (line:column); the answer is shown readably (status, time, size, trace id, the refused
/// field, the body) and kept in a history of this session's reports; every report goes to the
/// run ledger. Reporting on a run this session did not publish, on an API that is not the
/// sandbox's, asks first: it can fail someone's real run. The client secret is kept in memory,
/// and in the OS keyring only when "Remember in the system keyring" is checked and Port
/// accepted it (KeyringRow); it is never written to settings, logs, history or curl commands.
/// Its address, client id and secret are the session's Port account (the fields edit it); the
/// run ids follow the preview's context, and the selected run when the user asks to report on
/// it. It sends only when the user presses Send.
class ReportPane : public QWidget
{
    Q_OBJECT
public:
    /// `session` null: a private one (a pane on its own, in a test).
    explicit ReportPane(Session* session = nullptr, QWidget* parent = nullptr);
    ~ReportPane() override;

    Session* session() const { return m_shared; }
    /// Prefills the run ids (from the rendered context or a watched message); an r_ id picks
    /// the action run endpoint, a wfnr_ id a workflow one.
    void setRunIds(const QString& workflowRunId, const QString& nodeRunId);
    /// The run ids in the form.
    QString workflowRunId() const;
    QString runId() const;
    /// Prepares a report on the run a message names: the endpoint of its kind (a workflow one
    /// stays as chosen) and its ids. False when the message names no run to report on.
    bool reportOn(porthole::MessageKind kind, const porthole::RunIds& ids);
    /// The endpoint chosen.
    ReportEndpoint endpoint() const;
    /// Chooses the endpoint.
    void setEndpoint(ReportEndpoint::Id id);
    /// Sends the report (asking first when the run may be someone else's).
    void send();
    /// The keyring box and status line below the credentials.
    KeyringRow* keyringRow() const { return m_keyring; }
    /// This session's reports, newest first.
    ReportHistoryModel* history() const { return m_history; }

Q_SIGNALS:
    /// A report got its answer (HTTP status, 0 when none or not sent).
    void reportFinished(int status, bool ok);

protected:
    void showEvent(QShowEvent* event) override;
    void sizeSplitter();

private:
    std::unique_ptr<Ui::ReportPane> m_ui; // the form (ui/reportpane.ui)
    KeyringRow* m_keyring;
    ReportHistoryModel* m_history;
    Session* m_shared; // the window's session (or this pane's own)
    PortClient* m_client = nullptr;
    QSet<QString> m_confirmedRuns; // "don't ask again for this run"
    QString m_jsonText[2];         // the JSON editor's text per kind: workflow, action
    QString m_contextIds;          // the ids setRunIds() last applied
    bool m_sending = false;
    bool m_showingAccount = false; // the fields are being set from the session's account
    bool m_splitterSized = false;  // the first show sets the split
    int m_endpointShown = -1;

    void endpointChanged();
    void statusChanged();
    void updateSendState();
    QList<NodeLogEntry> logEntries() const;
    bool buildRequest(PortRequest* request, QString* error) const;
    void configureClient();
    void accountChanged();
    void showAccount();
    void takeSelection();
    bool needsConfirmation(const QString& runId) const;
    void dispatch(const PortRequest& request);
    void finished(SentReport report, bool secretAccepted, const QString& baseUrl,
                  const QString& clientId, const QString& secret);
    void refuse(const QString& why);
};

} // namespace porthole

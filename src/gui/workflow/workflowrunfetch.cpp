// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowrunfetch.h"

#include "core/jsonparser.h"
#include "gui/session/portaccount.h"
#include "portapi/portcall.h"
#include "portapi/portclient.h"
#include "portapi/portrequest.h"

namespace porthole {

WorkflowRunFetch::WorkflowRunFetch(QObject* parent) : QObject(parent) {}

WorkflowRunFetch::~WorkflowRunFetch() = default;

bool WorkflowRunFetch::start(const PortAccount& account, const QString& wfr, QString* error,
                             QString* where)
{
    const auto request = PortRequest::workflowRun(wfr, error);
    if (!request)
        return false;
    // The account's API (the sandbox sets itself as it when it starts), else the sandbox's.
    QString base = account.baseUrl().trimmed();
    if (base.isEmpty())
        base = account.sandboxApiUrl();
    if (base.isEmpty()) {
        *error = tr("No Port API is set: connect to Port (Report tab) or start the sandbox.");
        return false;
    }
    PortClientConfig config;
    const auto url = PortClientConfig::parseBaseUrl(base, error);
    if (!url)
        return false;
    config.baseUrl = *url;
    config.clientId = account.clientId();
    config.clientSecret = account.clientSecret();
    config.timeoutMs = 10000;
    config.maxAttempts = 2; // a person is waiting: fail in words rather than retry for long
    if (!m_client)
        m_client = new PortClient(config, this);
    else
        m_client->setConfig(config);
    if (where)
        *where = url->toString();
    const int generation = ++m_generation;
    m_busy = true;
    PortCall* call = m_client->send(*request);
    call->setParent(this);
    const QString api = url->toString();
    connect(call, &PortCall::finished, this, [this, call, wfr, api, generation] {
        call->deleteLater();
        if (generation != m_generation)
            return; // cancelled, or another run was asked for meanwhile
        m_busy = false;
        const int status = call->status();
        if (status == 200) {
            // The answer as sent: redaction is for what is shown, not for values.
            const QByteArray body = call->rawBody();
            const JsonDocument doc =
                JsonParser::parse(std::string_view(body.constData(), size_t(body.size())));
            if (doc.root) {
                Q_EMIT fetched(wfr, doc.root->toValue());
                return;
            }
            Q_EMIT failed(wfr, tr("%1 answered, but not with JSON.").arg(api));
            return;
        }
        QString why;
        if (status == 401 || status == 403)
            why = tr("%1 refused the credentials (%2): check the client id and secret of the "
                     "Port account (Report tab).")
                      .arg(api)
                      .arg(status);
        else if (status == 404)
            why = tr("%1 knows no workflow run %2 (404).").arg(api, wfr);
        else if (status == 0)
            why = tr("Could not reach %1: %2").arg(api, call->errorString());
        else
            why = tr("%1 answered %2: %3").arg(api).arg(status).arg(call->errorString());
        Q_EMIT failed(wfr, why);
    });
    return true;
}

} // namespace porthole

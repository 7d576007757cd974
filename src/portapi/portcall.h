// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portexchange.h"
#include "portrequest.h"
#include "portresponse.h"

#include <QObject>

#include <optional>

namespace porthole {

// One logical call to Port's API (which may take a token request, retries and a re-login on
// 401). Emits finished() once; the caller owns it (deleteLater after use).
class PortCall : public QObject
{
    Q_OBJECT
public:
    explicit PortCall(PortRequest request, QObject* parent = nullptr);

    /// The request as built.
    const PortRequest& request() const { return m_request; }
    /// True once finished() was emitted.
    bool isFinished() const { return m_finished; }
    /// True for a 2xx answer to the request itself.
    bool isSuccess() const { return m_finished && m_error.isEmpty(); }
    /// The final HTTP status (0 when no answer arrived).
    int status() const { return m_status; }
    /// The final response body as text to show or record: secrets redacted.
    QByteArray body() const { return m_body; }
    /// The final response body as Port sent it, to read values from. Redaction is for text
    /// shown or logged, never for values: on the sandbox the organisation id and the client
    /// secret are both "sandbox", and an id read from body() was "<redacted>". Memory only:
    /// never show, log or store it.
    QByteArray rawBody() const { return m_rawBody; }
    /// One readable line on failure; empty on success.
    QString errorString() const { return m_error; }
    /// Every exchange this call made, token request and retries included, in order.
    const QList<PortExchange>& exchanges() const { return m_exchanges; }
    /// For GET /v1/kafka-credentials that succeeded: what Port answered, password included
    /// (body() has it redacted). Memory only: the caller decides where the password goes.
    const std::optional<PortResponse::KafkaCredentials>& kafkaCredentials() const
    {
        return m_kafkaCredentials;
    }
    /// Spins an event loop until finished() (for the CLI); returns isSuccess().
    bool waitForFinished();

    // Used by PortClient.
    void addExchange(const PortExchange& e) { m_exchanges.append(e); }
    void finish(int status, const QByteArray& body, const QString& error,
                const QByteArray& rawBody = {});
    void setKafkaCredentials(PortResponse::KafkaCredentials c)
    {
        m_kafkaCredentials = std::move(c);
    }

Q_SIGNALS:
    /// The call is over (successfully or not).
    void finished();

private:
    PortRequest m_request;
    bool m_finished = false;
    int m_status = 0;
    QByteArray m_body;
    QByteArray m_rawBody;
    QString m_error;
    QList<PortExchange> m_exchanges;
    std::optional<PortResponse::KafkaCredentials> m_kafkaCredentials;
};

} // namespace porthole

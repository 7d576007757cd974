// SPDX-License-Identifier: GPL-3.0-or-later
#include "portcall.h"

#include <QEventLoop>

namespace porthole {

PortCall::PortCall(PortRequest request, QObject* parent)
    : QObject(parent), m_request(std::move(request))
{}

void PortCall::finish(int status, const QByteArray& body, const QString& error,
                      const QByteArray& rawBody)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_body = body;
    m_rawBody = rawBody;
    m_error = error;
    Q_EMIT finished();
}

bool PortCall::waitForFinished()
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &PortCall::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return isSuccess();
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "portaccount.h"

namespace porthole {

void PortAccount::set(const QString& baseUrl, const QString& clientId, const QString& clientSecret)
{
    if (baseUrl == m_baseUrl && clientId == m_clientId && clientSecret == m_clientSecret)
        return;
    m_baseUrl = baseUrl;
    m_clientId = clientId;
    m_clientSecret = clientSecret;
    Q_EMIT changed();
}

void PortAccount::setBaseUrl(const QString& url)
{
    set(url, m_clientId, m_clientSecret);
}

void PortAccount::setClientId(const QString& id)
{
    set(m_baseUrl, id, m_clientSecret);
}

void PortAccount::setClientSecret(const QString& secret)
{
    set(m_baseUrl, m_clientId, secret);
}

void PortAccount::setSandboxApiUrl(const QString& url)
{
    if (url == m_sandboxApiUrl)
        return;
    m_sandboxApiUrl = url;
    Q_EMIT changed();
}

} // namespace porthole

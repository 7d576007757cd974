// SPDX-License-Identifier: GPL-3.0-or-later
#include "portclientconfig.h"

namespace porthole {

QUrl PortClientConfig::regionUrl(PortRegion region)
{
    switch (region) {
    case PortRegion::US:
        return QUrl(QStringLiteral("https://api.us.getport.io"));
    case PortRegion::EU:
    case PortRegion::Custom:
        break;
    }
    return QUrl(QStringLiteral("https://api.getport.io"));
}

std::optional<QUrl> PortClientConfig::parseBaseUrl(const QString& text, QString* error)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("eu"), Qt::CaseInsensitive) == 0)
        return regionUrl(PortRegion::EU);
    if (t.compare(QLatin1String("us"), Qt::CaseInsensitive) == 0)
        return regionUrl(PortRegion::US);
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        *error = QStringLiteral("'%1' is not eu, us or an http(s):// URL").arg(text);
        return std::nullopt;
    }
    if (url.hasQuery() || url.hasFragment()) {
        *error = QStringLiteral("'%1': the base URL takes no query or fragment").arg(text);
        return std::nullopt;
    }
    return url;
}

} // namespace porthole

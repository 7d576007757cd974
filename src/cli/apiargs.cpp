// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiargs.h"

#include <QProcessEnvironment>

namespace porthole::cli {

std::variant<std::nullopt_t, PortClientConfig, QString>
ApiOptions::read(const QCommandLineParser& parser) const
{
    const bool credentials =
        parser.isSet(clientId) || parser.isSet(clientSecret) || parser.isSet(token);
    if (!parser.isSet(api)) {
        if (credentials)
            return QStringLiteral("--client-id, --client-secret and --token go with --api");
        return std::nullopt;
    }
    QString error;
    const auto base = PortClientConfig::parseBaseUrl(parser.value(api), &error);
    if (!base)
        return QStringLiteral("--api: ") + error;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const auto pick = [&](const QCommandLineOption& opt, const char* var) {
        return parser.isSet(opt) ? parser.value(opt) : env.value(QLatin1String(var));
    };
    PortClientConfig c;
    c.baseUrl = *base;
    const QString id = pick(clientId, "PORT_CLIENT_ID");
    const QString secret = pick(clientSecret, "PORT_CLIENT_SECRET");
    const QString bearer = pick(token, "PORT_TOKEN");
    if (parser.isSet(token) || ((id.isEmpty() || secret.isEmpty()) && !bearer.isEmpty())) {
        c.token = bearer;
    } else if (!id.isEmpty() && !secret.isEmpty()) {
        c.clientId = id;
        c.clientSecret = secret;
    } else {
        return QStringLiteral("--api needs --token (or PORT_TOKEN) or --client-id and "
                              "--client-secret (or PORT_CLIENT_ID/PORT_CLIENT_SECRET)");
    }
    return c;
}

} // namespace porthole::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portapi/portclientconfig.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>
#include <variant>

namespace porthole::cli {

/// --api URL with its credentials (--client-id/--client-secret or --token, else the
/// environment's PORT_CLIENT_ID/PORT_CLIENT_SECRET/PORT_TOKEN), for a command that reads Port.
struct ApiOptions
{
    QCommandLineOption api{QStringLiteral("api"),
                           QStringLiteral("Port API base URL: eu, us or a URL such as the "
                                          "sandbox's."),
                           QStringLiteral("URL")};
    QCommandLineOption clientId{QStringLiteral("client-id"),
                                QStringLiteral("Client id (or env PORT_CLIENT_ID)."),
                                QStringLiteral("ID")};
    QCommandLineOption clientSecret{QStringLiteral("client-secret"),
                                    QStringLiteral("Client secret (or env PORT_CLIENT_SECRET)."),
                                    QStringLiteral("S")};
    QCommandLineOption token{QStringLiteral("token"),
                             QStringLiteral("Bearer token (or env PORT_TOKEN)."),
                             QStringLiteral("T")};

    QList<QCommandLineOption> all() const { return {api, clientId, clientSecret, token}; }
    /// The client's configuration; nullopt when --api is not given; a string: what is wrong.
    std::variant<std::nullopt_t, PortClientConfig, QString>
    read(const QCommandLineParser& parser) const;
};

} // namespace porthole::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkaargs.h"

#include "command.h"

namespace porthole::cli {

KafkaConnectionOptions::KafkaConnectionOptions(const QString& propertyHelp)
    : bootstrap(QStringLiteral("bootstrap"), QStringLiteral("Broker list HOST:PORT[,HOST:PORT…]."),
                QStringLiteral("HOST:PORT")),
      profile(QStringLiteral("profile"),
              QStringLiteral("A saved connection profile or a preset (port-eu, port-us, sandbox)."),
              QStringLiteral("NAME")),
      property(QStringLiteral("X"), propertyHelp, QStringLiteral("property=value"))
{}

std::optional<ResolvedConnection>
KafkaConnectionOptions::resolve(const QCommandLineParser& parser, const QString& command,
                                std::vector<std::string> defaults) const
{
    for (const QString& p : parser.values(property))
        defaults.push_back(p.toStdString());
    std::string error;
    auto conn = ConnectionResolver::resolve(parser.value(bootstrap).toStdString(),
                                            parser.value(profile).toStdString(), defaults, &error);
    if (!conn)
        fail(command, QString::fromStdString(error), UsageError);
    return conn;
}

} // namespace porthole::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxargs.h"

#include "command.h"

#include <optional>

namespace porthole::cli {
namespace {

std::optional<uint16_t> parsePort(const QString& text)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return std::nullopt;
    return uint16_t(value);
}

} // namespace

std::variant<int, SandboxArgs> parseSandboxArgs(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("Organisation id: topics ORG.runs and "
                                                "ORG.change.log (default: sandbox)."),
                                 QStringLiteral("ORG"), QStringLiteral("sandbox"));
    const QCommandLineOption kafkaPort(QStringLiteral("kafka-port"),
                                       QStringLiteral("Broker port on 127.0.0.1 (0: a free one)."),
                                       QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption apiPort(QStringLiteral("api-port"),
                                     QStringLiteral("Local Port API port (0: a free one)."),
                                     QStringLiteral("Q"), QStringLiteral("0"));
    parser.addOptions({org, kafkaPort, apiPort});
    if (auto done = parseArgs(parser, args, QStringLiteral("sandbox"),
                              QStringLiteral("Run the embedded Kafka broker (librdkafka's mock "
                                             "cluster) and the local Port API on 127.0.0.1 until "
                                             "SIGINT/SIGTERM. It keeps only ~4 MB per partition "
                                             "and speaks neither TLS nor SASL."),
                              QString()))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return fail(
            QStringLiteral("sandbox"),
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            UsageError);
    SandboxArgs out;
    out.org = parser.value(org);
    if (out.org.isEmpty() || out.org.contains(QLatin1Char(' ')))
        return fail(QStringLiteral("sandbox"), QStringLiteral("--org must be a non-empty id"),
                    UsageError);
    const auto kp = parsePort(parser.value(kafkaPort));
    const auto ap = parsePort(parser.value(apiPort));
    if (!kp || !ap)
        return fail(QStringLiteral("sandbox"),
                    QStringLiteral("ports must be numbers from 0 to 65535"), UsageError);
    out.kafkaPort = *kp;
    out.apiPort = *ap;
    return out;
}

} // namespace porthole::cli

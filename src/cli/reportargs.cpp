// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportargs.h"

#include "command.h"

#include "portapi/portvalidator.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace porthole::cli {
namespace {

const QString kCmd = QStringLiteral("report");

struct Options
{
    QList<QCommandLineOption> list;
    QCommandLineOption add(const QStringList& names, const QString& help, const QString& value = {},
                           const QString& defaultValue = {})
    {
        list.append(QCommandLineOption(names, help, value, defaultValue));
        return list.last();
    }
};

// "LEVEL:MESSAGE" → entry; false when LEVEL is not one of Port's levels.
bool parseLog(const QString& text, NodeLogEntry* out)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    out->level = text.left(colon).trimmed().toUpper();
    out->message = text.mid(colon + 1);
    return PortValidator::logLevel(out->level).isEmpty();
}

} // namespace

std::variant<int, ReportArgs> parseReportArgs(const QStringList& args)
{
    QCommandLineParser parser;
    Options o;
    const auto api = o.add({QStringLiteral("api")},
                           QStringLiteral("Port API base URL: eu, us, or a URL such as the "
                                          "sandbox's http://127.0.0.1:PORT."),
                           QStringLiteral("BASE_URL"));
    const auto token =
        o.add({QStringLiteral("token")}, QStringLiteral("Bearer token (or env PORT_TOKEN)."),
              QStringLiteral("T"));
    const auto clientId =
        o.add({QStringLiteral("client-id")}, QStringLiteral("Client id (or env PORT_CLIENT_ID)."),
              QStringLiteral("ID"));
    const auto clientSecret =
        o.add({QStringLiteral("client-secret")},
              QStringLiteral("Client secret (or env PORT_CLIENT_SECRET)."), QStringLiteral("S"));
    const auto nodeRun =
        o.add({QStringLiteral("node-run")}, QStringLiteral("Workflow node run to update."),
              QStringLiteral("wfnr_…"));
    const auto workflowRun = o.add({QStringLiteral("workflow-run")},
                                   QStringLiteral("Its workflow run: selects the route "
                                                  "/v1/workflows/runs/{wfr}/nodes/{wfnr}."),
                                   QStringLiteral("wfr_…"));
    const auto actionRun =
        o.add({QStringLiteral("action-run")}, QStringLiteral("Classic action run to update."),
              QStringLiteral("r_…"));
    const auto status = o.add({QStringLiteral("status")},
                              QStringLiteral("IN_PROGRESS or COMPLETED (--result alone implies "
                                             "COMPLETED)."),
                              QStringLiteral("STATUS"));
    const auto result = o.add({QStringLiteral("result")},
                              QStringLiteral("Node runs: SUCCESS|FAILED|CANCELLED; action runs: "
                                             "SUCCESS|FAILURE."),
                              QStringLiteral("RESULT"));
    const auto output =
        o.add({QStringLiteral("output")}, QStringLiteral("Node run output, a JSON object."),
              QStringLiteral("JSON"));
    const auto log = o.add({QStringLiteral("log")},
                           QStringLiteral("A log line, LEVEL:MESSAGE with LEVEL %1 (repeatable).")
                               .arg(PortValidator::logLevels().join(u'|')),
                           QStringLiteral("LEVEL:MESSAGE"));
    const auto statusLabel =
        o.add({QStringLiteral("status-label")}, QStringLiteral("Action runs: status label."),
              QStringLiteral("TEXT"));
    const auto link =
        o.add({QStringLiteral("link")}, QStringLiteral("Action runs: a link (repeatable)."),
              QStringLiteral("URL"));
    const auto summary = o.add({QStringLiteral("summary")}, QStringLiteral("Action runs: summary."),
                               QStringLiteral("TEXT"));
    const auto externalRunId =
        o.add({QStringLiteral("external-run-id")}, QStringLiteral("Action runs: external run id."),
              QStringLiteral("ID"));
    const auto printCurl = o.add({QStringLiteral("print-curl")},
                                 QStringLiteral("Print the curl command(s) with $PORT_TOKEN; "
                                                "send nothing."));
    const auto noValidate = o.add({QStringLiteral("no-validate")},
                                  QStringLiteral("Send even what Port's rules refuse (to see "
                                                 "the server's answer)."));
    const auto caFile = o.add({QStringLiteral("ca-file")},
                              QStringLiteral("Also trust the CA certificates in this PEM file."),
                              QStringLiteral("FILE"));
    const auto timeout = o.add({QStringLiteral("timeout")},
                               QStringLiteral("Seconds to wait for each answer (default 30)."),
                               QStringLiteral("S"), QStringLiteral("30"));
    const auto retries =
        o.add({QStringLiteral("retries")}, QStringLiteral("Retries for 429/5xx (default 3)."),
              QStringLiteral("N"), QStringLiteral("3"));
    const auto maxWait = o.add({QStringLiteral("max-retry-wait")},
                               QStringLiteral("Longest wait before a retry, in seconds; a longer "
                                              "Retry-After gives up (default 30)."),
                               QStringLiteral("S"), QStringLiteral("30"));
    const auto history = o.add({QStringLiteral("history")},
                               QStringLiteral("Request history file (JSON Lines, redacted; "
                                              "default in the app data folder)."),
                               QStringLiteral("FILE"));
    const auto noHistory =
        o.add({QStringLiteral("no-history")}, QStringLiteral("Do not record the exchanges."));
    parser.addOptions(o.list);
    if (auto done = parseArgs(parser, args, kCmd,
                              QStringLiteral("Report a workflow node run's (or a classic action "
                                             "run's) status, output and logs to Port's API. "
                                             "Prints HTTP status and body of each request; exit "
                                             "3 on a non-2xx answer."),
                              {}))
        return *done;
    const auto usage = [](const QString& why) { return fail(kCmd, why, UsageError); };
    if (!parser.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    ReportArgs out;
    PortClientConfig& config = out.config;
    QList<PortRequest>& requests = out.requests;
    if (!parser.isSet(api))
        return usage(QStringLiteral("--api BASE_URL is required (eu, us or a URL)"));
    QString error;
    const auto base = PortClientConfig::parseBaseUrl(parser.value(api), &error);
    if (!base)
        return usage(QStringLiteral("--api: ") + error);
    config.baseUrl = *base;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const auto pick = [&](const QCommandLineOption& opt, const char* var) {
        return parser.isSet(opt) ? parser.value(opt) : env.value(QLatin1String(var));
    };
    config.token = pick(token, "PORT_TOKEN");
    config.clientId = pick(clientId, "PORT_CLIENT_ID");
    config.clientSecret = pick(clientSecret, "PORT_CLIENT_SECRET");
    const bool curlOnly = out.printCurl = parser.isSet(printCurl);
    const bool haveLogin = !config.clientId.isEmpty() && !config.clientSecret.isEmpty();
    if (parser.isSet(token) || (!haveLogin && !config.token.isEmpty())) {
        config.clientId.clear();
        config.clientSecret.clear();
    } else if (!haveLogin && !curlOnly) {
        return usage(QStringLiteral("give --token (or PORT_TOKEN) or --client-id and "
                                    "--client-secret (or PORT_CLIENT_ID/PORT_CLIENT_SECRET)"));
    }
    config.caFile = parser.value(caFile);
    bool okNumber = false;
    config.timeoutMs = int(parser.value(timeout).toDouble(&okNumber) * 1000);
    if (!okNumber || config.timeoutMs <= 0)
        return usage(QStringLiteral("--timeout must be a positive number of seconds"));
    config.maxAttempts = parser.value(retries).toInt(&okNumber) + 1;
    if (!okNumber || config.maxAttempts < 1)
        return usage(QStringLiteral("--retries must be 0 or more"));
    config.maxRetryWaitMs = int(parser.value(maxWait).toDouble(&okNumber) * 1000);
    if (!okNumber || config.maxRetryWaitMs < 0)
        return usage(QStringLiteral("--max-retry-wait must be 0 or more seconds"));

    const bool isNode = parser.isSet(nodeRun);
    if (isNode == parser.isSet(actionRun))
        return usage(QStringLiteral("give exactly one of --node-run or --action-run"));
    if (!isNode && parser.isSet(workflowRun))
        return usage(QStringLiteral("--workflow-run goes with --node-run"));
    const bool validate = !parser.isSet(noValidate);
    QString statusValue = parser.value(status);
    const QString resultValue = parser.value(result);
    if (statusValue.isEmpty() && !resultValue.isEmpty())
        statusValue = QStringLiteral("COMPLETED");

    const auto build = [&](std::optional<PortRequest> r) {
        if (r)
            requests.append(*r);
        return r.has_value();
    };
    if (isNode) {
        NodeRunUpdate u;
        u.nodeRunId = parser.value(nodeRun);
        u.workflowRunId = parser.value(workflowRun);
        u.status = statusValue;
        u.result = resultValue;
        if (parser.isSet(output)) {
            QJsonParseError perr;
            const QJsonDocument doc = QJsonDocument::fromJson(parser.value(output).toUtf8(), &perr);
            if (perr.error != QJsonParseError::NoError)
                return fail(kCmd,
                            QStringLiteral("--output is not JSON: %1 at offset %2")
                                .arg(perr.errorString())
                                .arg(perr.offset),
                            InputError);
            if (!doc.isObject())
                return fail(kCmd, QStringLiteral("--output must be a JSON object"), InputError);
            u.output = doc.object();
        }
        for (const QString& line : parser.values(log)) {
            NodeLogEntry e;
            if (!parseLog(line, &e))
                return usage(QStringLiteral("--log '%1': expected LEVEL:MESSAGE with LEVEL one "
                                            "of %2")
                                 .arg(line, PortValidator::logLevels().join(u'|')));
            u.logs.append(e);
        }
        for (const char* actionOnly : {"status-label", "link", "summary", "external-run-id"})
            if (parser.isSet(QLatin1String(actionOnly)))
                return usage(QStringLiteral("--%1 is for classic action runs")
                                 .arg(QLatin1String(actionOnly)));
        const NodeRunRoute route =
            u.workflowRunId.isEmpty() ? NodeRunRoute::NodeRuns : NodeRunRoute::WorkflowRunNodes;
        if (!u.status.isEmpty() || u.output) {
            if (!build(PortRequest::nodeRunUpdate(u, route, &error, validate)))
                return fail(kCmd, error, InputError);
        } else if (!u.logs.isEmpty()) {
            if (!build(PortRequest::nodeRunLogs(u.nodeRunId, u.logs, &error, validate)))
                return fail(kCmd, error, InputError);
        } else {
            return usage(QStringLiteral("nothing to report: give --status, --result, --output "
                                        "or --log"));
        }
    } else {
        if (parser.isSet(output))
            return usage(QStringLiteral("--output is for workflow node runs; classic action "
                                        "runs take --summary, --link, --status-label"));
        if (statusValue == QLatin1String("COMPLETED") && resultValue.isEmpty())
            return fail(kCmd, QStringLiteral("COMPLETED needs --result SUCCESS|FAILURE"),
                        InputError);
        if (!statusValue.isEmpty() && statusValue != QLatin1String("COMPLETED") &&
            statusValue != QLatin1String("IN_PROGRESS") && validate)
            return fail(
                kCmd,
                QStringLiteral("status '%1' is not one of IN_PROGRESS|COMPLETED").arg(statusValue),
                InputError);
        ActionRunUpdate u;
        u.runId = parser.value(actionRun);
        u.status = resultValue;
        u.statusLabel = parser.value(statusLabel);
        u.link = parser.values(link);
        u.summary = parser.value(summary);
        u.externalRunId = parser.value(externalRunId);
        const bool patch = !u.status.isEmpty() || !u.statusLabel.isEmpty() || !u.link.isEmpty() ||
                           !u.summary.isEmpty() || !u.externalRunId.isEmpty();
        if (patch && !build(PortRequest::actionRunUpdate(u, &error, validate)))
            return fail(kCmd, error, InputError);
        for (const QString& line : parser.values(log)) {
            // Classic run logs have no level: a LEVEL: prefix is dropped.
            NodeLogEntry e;
            const QString message = parseLog(line, &e) ? e.message : line;
            if (!build(PortRequest::actionRunLog(u.runId, message, {}, &error, validate)))
                return fail(kCmd, error, InputError);
        }
        if (requests.isEmpty())
            return usage(QStringLiteral("nothing to report: give --result, --status-label, "
                                        "--link, --summary, --external-run-id or --log"));
    }
    out.recordHistory = !parser.isSet(noHistory);
    if (parser.isSet(history))
        out.historyFile = parser.value(history);
    return out;
}

} // namespace porthole::cli

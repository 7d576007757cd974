// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli diagnose RUN_ID (--bootstrap B | --profile P) --org ORG [--group G]...
//     [--api URL (--client-id ID --client-secret S | --token T)] [--since TIME]
//     [--format text|json]
#include "command.h"
#include "diagnoseargs.h"
#include "diagnosis.h"

#include "core/messagedecoder.h"
#include "kafka/groupoffsets.h"
#include "kafka/runscan.h"
#include "portapi/portclient.h"

#include <QDateTime>
#include <QJsonDocument>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <set>
#include <unistd.h>

namespace porthole::cli {
namespace {

const QString kCmd = QStringLiteral("diagnose");
std::atomic<bool> g_cancel{false};

void onSignal(int sig)
{
    g_cancel = true; // the scan ends within ~100 ms and the verdict says it was cancelled
    ::signal(sig, SIG_DFL);
}

void writeErr(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

// Port's creation time comes before the message: a margin covers the clocks of Port and the
// broker disagreeing.
constexpr int64_t kSinceMarginMs = 5 * 60 * 1000;

// Asks Port; nullopt when the API cannot be reached or refuses the credentials (exit 3).
std::optional<PortRecord> askPort(PortClient& client, const RunId& run, const PortRequest& r,
                                  QString* error)
{
    std::unique_ptr<PortCall> call(client.send(r));
    call->waitForFinished();
    const int status = call->status();
    if (status == 0 || status == 401 || status == 403 || status >= 500) {
        *error = QStringLiteral("Port's API: %1 %2: %3")
                     .arg(QString::fromLatin1(r.method), r.path, call->errorString());
        return std::nullopt;
    }
    return portRecordFrom(run, QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path, status,
                          call->body());
}

int runDiagnose(const QStringList& args)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    auto parsed = parseDiagnoseArgs(args, now);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const DiagnoseArgs& a = std::get<DiagnoseArgs>(parsed);
    const QString runText = QString::fromStdString(a.run.text());
    std::unique_ptr<PortClient> client;
    if (a.api)
        client = std::make_unique<PortClient>(*a.api);

    DiagnosisInput in;
    in.run = a.run;
    in.nowMs = now;
    QString error;
    // Port first where the id names what to ask for: its creation time narrows the scan.
    if (client && a.run.kind() != RunId::Kind::NodeRun) {
        const auto request = a.run.kind() == RunId::Kind::ActionRun
                                 ? PortRequest::actionRun(runText, &error)
                                 : PortRequest::workflowRun(runText, &error);
        if (!request)
            return fail(kCmd, error, UsageError);
        const auto record = askPort(*client, a.run, *request, &error);
        if (!record)
            return fail(kCmd, error, ServiceError);
        in.port = *record;
    }
    std::optional<int64_t> since = a.sinceMs;
    if (!since && in.port.createdAt.isValid())
        since = std::max<int64_t>(0, in.port.createdAt.toMSecsSinceEpoch() - kSinceMarginMs);
    in.sinceMs = since;

    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    RunScanOptions scan;
    scan.config = a.config;
    scan.topic = a.topic;
    scan.runId = a.run.text();
    scan.sinceMs = since.value_or(-1);
    scan.connectTimeoutMs = a.timeoutMs;
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    int64_t lastLine = 0;
    bool printed = false;
    std::string scanError;
    RunScan::Failure failure = RunScan::Failure::None;
    const auto result = RunScan::run(
        scan,
        [&](const RunScanProgress& p) {
            const int64_t t = QDateTime::currentMSecsSinceEpoch();
            if (!tty && t - lastLine < 1000 && p.partitionsLeft > 0)
                return;
            lastLine = t;
            printed = true;
            writeErr(QStringLiteral("%1diagnose: scanned %2 messages, ~%3 left in %4 of %5 "
                                    "partitions%6")
                         .arg(tty ? QStringLiteral("\r") : QString())
                         .arg(p.scanned)
                         .arg(p.remaining)
                         .arg(p.partitionsLeft)
                         .arg(p.partitions)
                         .arg(tty ? QStringLiteral("\033[K") : QStringLiteral("\n")));
        },
        &g_cancel, &scanError, &failure);
    if (tty && printed)
        writeErr(QStringLiteral("\n"));
    if (!result)
        return fail(kCmd, QString::fromStdString(scanError), ServiceError);
    in.messages = result->messages;
    in.scanned = result->scanned;
    in.scanCancelled = result->cancelled;

    // A node run is read through its workflow run, named in its message.
    if (client && a.run.kind() == RunId::Kind::NodeRun) {
        RunId workflowRun;
        for (const KafkaRecord& m : in.messages)
            if (m.value && workflowRun.isNull())
                workflowRun = MessageDecoder::findIds(*m.value).workflowRun;
        if (workflowRun.isNull()) {
            in.port.note = in.messages.empty()
                               ? QStringLiteral("not asked: no message names the node run's "
                                                "workflow run (wfr_…)")
                               : QStringLiteral("not asked: the message names no workflow run "
                                                "(wfr_…), and Port reads node runs through it");
        } else if (const auto request = PortRequest::workflowRun(
                       QString::fromStdString(workflowRun.text()), &error)) {
            const auto record = askPort(*client, a.run, *request, &error);
            if (!record)
                return fail(kCmd, error, ServiceError);
            in.port = *record;
        }
    }

    std::set<int32_t> partitions;
    for (const KafkaRecord& m : in.messages)
        partitions.insert(m.partition);
    if (!partitions.empty()) {
        std::string kafkaError;
        auto reader = GroupOffsets::create(a.config, &kafkaError);
        if (!reader)
            return fail(kCmd, QString::fromStdString(kafkaError), ServiceError);
        std::vector<std::string> groups = a.groups;
        if (groups.empty()) {
            const GroupListing listing = reader->list(a.org + ".", a.timeoutMs);
            groups = listing.groups;
            in.groupsNote = !listing.unavailable.empty() ? listing.unavailable
                            : groups.empty()
                                ? "the broker lists no group starting with " + a.org + "."
                                : std::string();
        }
        const std::vector<int32_t> list(partitions.begin(), partitions.end());
        for (const std::string& g : groups) {
            const auto positions = reader->positions(g, a.topic, list, now, &kafkaError);
            if (!positions)
                return fail(kCmd, QString::fromStdString(kafkaError), ServiceError);
            in.groups.insert(in.groups.end(), positions->begin(), positions->end());
        }
    }

    const Diagnosis d = diagnose(in);
    if (a.json) {
        writeOut(QJsonDocument(d.json).toJson(QJsonDocument::Compact).toStdString() + "\n");
    } else {
        QString text = QStringLiteral("%1: %2 (%3)\n").arg(runText, d.verdict, d.summary);
        for (const QString& line : d.evidence)
            text += QStringLiteral("  ") + line + QLatin1Char('\n');
        writeOut(text.toStdString());
    }
    return d.exitCode;
}

const RegisterCommand reg({"diagnose",
                           "Why is a run stuck? Its message, the groups' offsets, Port's record.",
                           runDiagnose});

} // namespace
} // namespace porthole::cli

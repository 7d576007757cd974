// SPDX-License-Identifier: GPL-3.0-or-later
#include "rundiagnoser.h"

#include "core/messagedecoder.h"
#include "kafka/groupoffsets.h"
#include "portapi/portclient.h"

#include <memory>
#include <set>

namespace porthole::RunDiagnoser {
namespace {

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

DiagnoseOutcome failed(const QString& error, bool usage = false)
{
    DiagnoseOutcome out;
    out.error = error;
    out.usage = usage;
    return out;
}

} // namespace

DiagnoseOutcome run(const DiagnoseRequest& a,
                    const std::function<void(const RunScanProgress&)>& progress,
                    const std::atomic<bool>* cancel)
{
    const QString runText = QString::fromStdString(a.run.text());
    std::unique_ptr<PortClient> client;
    if (a.api)
        client = std::make_unique<PortClient>(*a.api);

    DiagnosisInput in;
    in.run = a.run;
    in.nowMs = a.nowMs;
    QString error;
    // Port first where the id names what to ask for: its creation time narrows the scan.
    if (client && a.run.kind() != RunId::Kind::NodeRun) {
        const auto request = a.run.kind() == RunId::Kind::ActionRun
                                 ? PortRequest::actionRun(runText, &error)
                                 : PortRequest::workflowRun(runText, &error);
        if (!request)
            return failed(error, true);
        const auto record = askPort(*client, a.run, *request, &error);
        if (!record)
            return failed(error);
        in.port = *record;
    }
    std::optional<int64_t> since = a.sinceMs;
    if (!since && in.port.createdAt.isValid())
        since = std::max<int64_t>(0, in.port.createdAt.toMSecsSinceEpoch() - kSinceMarginMs);
    in.sinceMs = since;

    RunScanOptions scan;
    scan.config = a.config;
    scan.topic = a.topic;
    scan.runId = a.run.text();
    scan.sinceMs = since.value_or(-1);
    scan.connectTimeoutMs = a.timeoutMs;
    std::string scanError;
    RunScan::Failure failure = RunScan::Failure::None;
    const auto result = RunScan::run(scan, progress, cancel, &scanError, &failure);
    if (!result)
        return failed(QString::fromStdString(scanError));
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
                return failed(error);
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
            return failed(QString::fromStdString(kafkaError));
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
            const auto positions = reader->positions(g, a.topic, list, a.nowMs, &kafkaError);
            if (!positions)
                return failed(QString::fromStdString(kafkaError));
            in.groups.insert(in.groups.end(), positions->begin(), positions->end());
        }
    }
    DiagnoseOutcome out;
    out.diagnosis = diagnose(in);
    return out;
}

} // namespace porthole::RunDiagnoser

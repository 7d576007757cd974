// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli report --api BASE_URL (--token T | --client-id ID --client-secret S)
//          (--node-run wfnr_… [--workflow-run wfr_…] | --action-run r_…)
//          [--status IN_PROGRESS|COMPLETED] [--result SUCCESS|FAILED|CANCELLED|FAILURE]
//          [--output JSON] [--log LEVEL:MESSAGE]... [--print-curl]
#include "command.h"
#include "reportargs.h"

#include "portapi/portclient.h"
#include "portapi/requesthistory.h"

#include <cstdio>

namespace porthole::cli {
namespace {

const QString kCmd = QStringLiteral("report");

void writeErr(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

int runReport(const QStringList& args)
{
    auto parsed = parseReportArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const ReportArgs& opts = std::get<ReportArgs>(parsed);
    const QList<PortRequest>& requests = opts.requests;
    PortClient client(opts.config);
    if (opts.printCurl) {
        for (const PortRequest& r : requests)
            writeOut(client.curlCommand(r).toStdString() + "\n");
        return Ok;
    }
    std::optional<RequestHistory> store;
    if (opts.recordHistory)
        store.emplace(opts.historyFile.value_or(RequestHistory::defaultPath()));
    bool historyWarned = false;
    QObject::connect(&client, &PortClient::exchangeRecorded, [&](const PortExchange& e) {
        QString why;
        if (store && !store->append(e, &why) && !historyWarned) {
            historyWarned = true;
            writeErr(QStringLiteral("porthole-cli: report: warning: history not written: ") + why);
        }
    });
    for (const PortRequest& r : requests) {
        std::unique_ptr<PortCall> call(client.send(r));
        const bool ok = call->waitForFinished();
        if (call->status() != 0)
            writeOut(QStringLiteral("HTTP %1\n").arg(call->status()).toStdString() +
                     call->body().toStdString() + "\n");
        if (!ok)
            return fail(kCmd,
                        QStringLiteral("%1 %2: %3")
                            .arg(QString::fromLatin1(r.method), r.path, call->errorString()),
                        ServiceError);
    }
    return Ok;
}

const RegisterCommand reg(networkCommand("report", runReport));

} // namespace
} // namespace porthole::cli

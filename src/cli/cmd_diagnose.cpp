// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli diagnose RUN_ID (--bootstrap B | --profile P) --org ORG [--group G]...
//     [--api URL (--client-id ID --client-secret S | --token T)] [--since TIME]
//     [--format text|json]
#include "check/rundiagnoser.h"
#include "command.h"
#include "diagnoseargs.h"

#include <QDateTime>
#include <QJsonDocument>

#include <atomic>
#include <csignal>
#include <cstdio>
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

int runDiagnose(const QStringList& args)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    auto parsed = parseDiagnoseArgs(args, now);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const DiagnoseArgs& a = std::get<DiagnoseArgs>(parsed);
    const QString runText = QString::fromStdString(a.run.text());
    DiagnoseRequest request;
    request.run = a.run;
    request.config = a.config;
    request.org = a.org;
    request.topic = a.topic;
    request.groups = a.groups;
    request.api = a.api;
    request.sinceMs = a.sinceMs;
    request.timeoutMs = a.timeoutMs;
    request.nowMs = now;

    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    int64_t lastLine = 0;
    bool printed = false;
    const DiagnoseOutcome outcome = RunDiagnoser::run(
        request,
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
        &g_cancel);
    if (tty && printed)
        writeErr(QStringLiteral("\n"));
    if (!outcome.diagnosis)
        return fail(kCmd, outcome.error, outcome.usage ? UsageError : ServiceError);

    const Diagnosis& d = *outcome.diagnosis;
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

const RegisterCommand reg(networkCommand("diagnose", runDiagnose));

} // namespace
} // namespace porthole::cli

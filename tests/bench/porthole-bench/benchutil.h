// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace porthole::bench {

/// A field of /proc/self/status in bytes (VmRSS, RssAnon, VmHWM), 0 when unknown.
inline long long procStatusBytes(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray want = QByteArray(field) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(want))
            return line.mid(want.size()).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

/// The value after `name` in args, or `fallback`.
inline QString option(const QStringList& args, const QString& name, const QString& fallback = {})
{
    const auto i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

[[noreturn]] inline void usage(const char* why)
{
    std::fprintf(stderr, "porthole-bench: %s\n", why);
    std::fprintf(
        stderr,
        "usage: porthole-bench ingest (--bootstrap HOST:PORT --topic T | --synthetic N) "
        "--count N [--filter TEXT] [--jq EXPR]\n"
        "       porthole-bench ui-stall --rows N --rate MSG_PER_S --seconds S\n"
        "       porthole-bench keystroke NODE.json [--context CTX.json] [--edits N]\n"
        "       porthole-bench workflow --cli PORTHOLE_CLI [--nodes N] [--runs R]\n"
        "       porthole-bench workflow-select [--workflow F] [--nodes N] [--switches K]\n");
    std::exit(2);
}

int runIngest(const QStringList& args);
int runUiStall(const QStringList& args);
int runKeystroke(const QStringList& args);
int runWorkflow(const QStringList& args);
int runWorkflowSelect(const QStringList& args);
/// A `count`-node workflow (workflowbench.cpp): its template count and last KAFKA node.
QByteArray generatedWorkflow(int count, int* templates, QString* lastKafka);

} // namespace porthole::bench

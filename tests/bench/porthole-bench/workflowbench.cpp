// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-bench workflow --cli PORTHOLE_CLI [--nodes N] [--runs R]
// Times `porthole-cli lint --workflow` and `render --workflow --node` on a generated N-node
// workflow (default 50: a self-service trigger, a CONDITION whose branches join again, WEBHOOK
// nodes with variables, KAFKA nodes reading the nodes before them) as whole processes, the way
// scripts and CI call them (issue 23's goal: <= 100 ms each). Prints one JSON line:
// {"nodes","templates","target","lintP50Ms","lintMaxMs","lintCpuP50Ms","renderP50Ms",
// "renderMaxMs","renderCpuP50Ms","runs"} (Cpu: user + system time of the process). Never
// fails on speed; exit 1 when the CLI fails.
#include "benchutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

#include <sys/resource.h>

namespace porthole::bench {

// trigger → route (CONDITION: big / fallback) → two branches of alternating WEBHOOK and
// KAFKA nodes → they join → a tail of the same up to `count` nodes.
QByteArray generatedWorkflow(int count, int* templates, QString* lastKafka)
{
    QStringList nodes, conns;
    *templates = 0;
    auto node = [&](const QString& id, int i, const QString& prev) {
        if (i % 2) {
            nodes << QStringLiteral(
                         R"({"identifier":"%1","config":{"type":"WEBHOOK","url":)"
                         R"("https://example.com/{{ .outputs.trigger.service }}","method":"POST",)"
                         R"("body":{"v":"{{ .outputs.trigger.version }}","by":)"
                         R"("{{ .workflowRun.trigger.by.email }}"}},"variables":)"
                         R"({"status":"{{ .result.response.status }}","data":)"
                         R"("{{ .result.response.data }}"}})")
                         .arg(id);
            *templates += 5;
        } else {
            *lastKafka = id;
            nodes << QStringLiteral(
                         R"({"identifier":"%1","config":{"type":"KAFKA","payload":)"
                         R"({"service":"{{ .outputs.trigger.service }}","from":)"
                         R"("{{ .outputs[\"%2\"] }}","run":"{{ .workflowRun.identifier }}",)"
                         R"("n":"{{ %3 + 1 }}","secret":"{{ .secrets[\"token\"] }}"}}})")
                         .arg(id, prev)
                         .arg(i);
            *templates += 5;
        }
    };
    auto connect = [&](const QString& a, const QString& b, const QString& extra = {}) {
        conns << QStringLiteral(R"({"sourceIdentifier":"%1","targetIdentifier":"%2"%3})")
                     .arg(a, b, extra);
    };
    nodes << QStringLiteral(
        R"({"identifier":"request","config":{"type":"SELF_SERVE_TRIGGER","userInputs":)"
        R"({"properties":{"service":{"type":"string"},"version":{"type":"string"},)"
        R"("size":{"type":"string","enum":["small","big"]}}}}})");
    nodes << QStringLiteral(
        R"({"identifier":"route","config":{"type":"CONDITION","outlets":[{"identifier":"big",)"
        R"("expression":".outputs.trigger.size == \"big\""}]}})");
    connect(QStringLiteral("request"), QStringLiteral("route"));
    const int branch = std::max(1, (count - 3) / 4);
    QString last[2];
    int i = 0;
    for (int b = 0; b < 2; ++b) {
        QString prev = QStringLiteral("route");
        for (int k = 0; k < branch; ++k, ++i) {
            const QString id = QStringLiteral("b%1-step-%2").arg(b).arg(k);
            node(id, k, prev == QLatin1String("route") ? QStringLiteral("request") : prev);
            connect(prev, id,
                    prev == QLatin1String("route")
                        ? (b ? QStringLiteral(R"(,"fallback":true)")
                             : QStringLiteral(R"(,"sourceOutletIdentifier":"big")"))
                        : QString());
            prev = id;
        }
        last[b] = prev;
    }
    QString prev = QStringLiteral("join");
    nodes << QStringLiteral(R"({"identifier":"join","config":{"type":"KAFKA","payload":)"
                            R"({"service":"{{ .outputs.trigger.service }}"}}})");
    *templates += 1;
    *lastKafka = prev;
    connect(last[0], prev);
    connect(last[1], prev);
    for (int k = 0; nodes.size() < count; ++k) {
        const QString id = QStringLiteral("tail-%1").arg(k);
        node(id, k, prev);
        connect(prev, id);
        prev = id;
    }
    return QStringLiteral(R"({"identifier":"bench","nodes":[%1],"connections":[%2]})")
        .arg(nodes.join(QLatin1Char(',')), conns.join(QLatin1Char(',')))
        .toUtf8();
}

int runWorkflow(const QStringList& args)
{
    const QString cli = option(args, QStringLiteral("--cli"));
    if (cli.isEmpty())
        usage("workflow needs --cli PORTHOLE_CLI");
    const int count =
        std::max(4, option(args, QStringLiteral("--nodes"), QStringLiteral("50")).toInt());
    const int runs =
        std::max(1, option(args, QStringLiteral("--runs"), QStringLiteral("20")).toInt());
    QTemporaryDir dir;
    int templates = 0;
    QString target; // the last KAFKA node: every node before it is on its chain
    const QString file = dir.filePath(QStringLiteral("workflow.json"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(generatedWorkflow(count, &templates, &target)) < 0)
        return 1;
    f.close();
    // Wall time, and CPU time (user + system of the process and its jq children): on a busy
    // machine the wall time mostly measures the wait for a core.
    std::vector<double> lint, render, lintCpu, renderCpu;
    auto childCpuMs = [] {
        rusage u{};
        getrusage(RUSAGE_CHILDREN, &u);
        return (double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3) +
               double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
    };
    auto time = [&](const QStringList& a, std::vector<double>* ms) {
        QProcess p;
        QElapsedTimer t;
        const double cpu0 = childCpuMs();
        t.start();
        p.start(cli, a);
        p.waitForFinished(60000);
        ms->push_back(double(t.nsecsElapsed()) / 1e6);
        (ms == &lint ? lintCpu : renderCpu).push_back(childCpuMs() - cpu0);
        if (p.exitCode() != 0 && !(a.first() == QLatin1String("lint") && p.exitCode() == 1)) {
            std::fprintf(stderr, "%s\n", p.readAllStandardError().constData());
            return false;
        }
        return true;
    };
    for (int r = 0; r < runs; ++r) {
        if (!time({QStringLiteral("lint"), QStringLiteral("--workflow"), file}, &lint) ||
            !time({QStringLiteral("render"), QStringLiteral("--workflow"), file,
                   QStringLiteral("--node"), target},
                  &render))
            return 1;
    }
    std::printf("{\"nodes\":%d,\"templates\":%d,\"target\":\"%s\",\"lintP50Ms\":%.1f,"
                "\"lintMaxMs\":%.1f,\"lintCpuP50Ms\":%.1f,\"renderP50Ms\":%.1f,"
                "\"renderMaxMs\":%.1f,\"renderCpuP50Ms\":%.1f,\"runs\":%d}\n",
                count, templates, qPrintable(target), percentile(lint, 0.5), percentile(lint, 1.0),
                percentile(lintCpu, 0.5), percentile(render, 0.5), percentile(render, 1.0),
                percentile(renderCpu, 0.5), runs);
    return 0;
}

} // namespace porthole::bench

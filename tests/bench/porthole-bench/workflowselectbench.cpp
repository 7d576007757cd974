// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-bench workflow-select [--workflow FILE] [--nodes N] [--switches K]
// Times choosing another KAFKA node in the app's Workflow tab (issue 23's goal: <= 50 ms): the
// edited node put back into the workflow, the chosen node's text into the editor, its chained
// context built (CONDITION outlets and variables through jq) and put in force in the preview.
// The window is the real one (offscreen); the analysis the editor then starts runs off the UI
// thread and is not counted. Without --workflow the workflow is the generated N-node one of
// `porthole-bench workflow` (default 50). Prints one JSON line:
// {"nodes","kafkaNodes","switches","p50Ms","p95Ms","maxMs","cpuP50Ms","cpuP95Ms"} (cpu: the UI
// thread's CPU time and its jq children's, which a machine shared with other builds does not
// inflate). Never fails on speed.
#include "benchutil.h"

#include "gui/mainwindow.h"
#include "gui/workflow/workflowpane.h"
#include "sandbox/sandbox.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <ctime>

#include <sys/resource.h>

namespace porthole::bench {

namespace {

// The UI thread's CPU time plus that of the jq children it waited for (jq runs forked).
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    const auto ms = [](const timeval& v) {
        return double(v.tv_sec) * 1e3 + double(v.tv_usec) / 1e3;
    };
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6 + ms(children.ru_utime) +
           ms(children.ru_stime);
}

} // namespace

int runWorkflowSelect(const QStringList& args)
{
    QTemporaryDir dir;
    QString file = option(args, QStringLiteral("--workflow"));
    if (file.isEmpty()) {
        int templates = 0;
        QString last;
        file = dir.filePath(QStringLiteral("workflow.json"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(generatedWorkflow(
                option(args, QStringLiteral("--nodes"), QStringLiteral("50")).toInt(), &templates,
                &last)) < 0)
            return 1;
    }
    const int switches = option(args, QStringLiteral("--switches"), QStringLiteral("40")).toInt();
    Sandbox sandbox; // not started: choosing a node needs no broker
    MainWindow window(&sandbox);
    window.resize(1280, 800);
    window.show();
    if (!window.openFile(file))
        return 1;
    auto* pane = window.findChild<WorkflowPane*>(QStringLiteral("workflowPane"));
    if (!pane || !pane->document().isOpen()) {
        std::fprintf(stderr, "porthole-bench: %s is not a workflow\n", qPrintable(file));
        return 1;
    }
    QStringList kafka;
    for (const auto& n : pane->document().workflow().nodes())
        if (n.type == "KAFKA")
            kafka << QString::fromStdString(n.id);
    if (kafka.size() < 2) {
        std::fprintf(stderr, "porthole-bench: %s has fewer than two KAFKA nodes\n",
                     qPrintable(file));
        return 1;
    }
    std::vector<double> ms, cpu;
    for (int i = 0; i < switches; ++i) {
        const QString id = kafka[(i + 1) % kafka.size()];
        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        if (!pane->chooseNode(id))
            return 1;
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpu0);
        QApplication::processEvents(); // what the switch started, outside the timing
    }
    std::printf("{\"nodes\":%zu,\"kafkaNodes\":%lld,\"switches\":%d,\"p50Ms\":%.2f,"
                "\"p95Ms\":%.2f,\"maxMs\":%.2f,\"cpuP50Ms\":%.2f,\"cpuP95Ms\":%.2f}\n",
                pane->document().workflow().nodes().size(), static_cast<long long>(kafka.size()),
                switches, percentile(ms, 0.5), percentile(ms, 0.95),
                *std::max_element(ms.begin(), ms.end()), percentile(cpu, 0.5),
                percentile(cpu, 0.95));
    return 0;
}

} // namespace porthole::bench

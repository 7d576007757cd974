// SPDX-License-Identifier: GPL-3.0-or-later
// Template engine benchmark (ctest -L bench): cold render of each example node, re-render after
// a one-character edit, warm renders per second, a 200-template node; with Port's published
// renderer (the oracle, tests/oracle/oracle.js) beside ours when it is installed.
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "template/contextmodel.h"
#include "template/jqengine.h"
#include "template/noderenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace porthole;

namespace {

std::string readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

void writeAll(const QString& path, const std::string& text)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text.data(), qint64(text.size()));
}

// Best of `runs` wall times of a whole process, in ms; -1 when it fails.
double processMs(const QString& program, const QStringList& args, int runs,
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    double best = -1;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(program, args);
        if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit)
            return -1;
        const double ms = double(t.nsecsElapsed()) / 1e6;
        best = best < 0 ? ms : std::min(best, ms);
    }
    return best;
}

struct Oracle
{
    QString script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    bool ok() const { return !script.isEmpty(); }
};

Oracle findOracle()
{
    Oracle o;
    const QString dir = qEnvironmentVariableIsSet("PORTHOLE_ORACLE_DIR")
                            ? qEnvironmentVariable("PORTHOLE_ORACLE_DIR")
                            : QDir::homePath() + QStringLiteral("/.cache/porthole/oracle");
    QString script = qEnvironmentVariable("PORTHOLE_ORACLE_JS");
    if (script.isEmpty())
        script = QStringLiteral(PORTHOLE_SOURCE_DIR "/tests/oracle/oracle.js");
    if (QFile::exists(script) && QDir(dir + QStringLiteral("/node_modules")).exists()) {
        o.script = script;
        o.env.insert(QStringLiteral("NODE_PATH"), dir + QStringLiteral("/node_modules"));
    }
    return o;
}

std::string payloadOf(const std::string& nodeText)
{
    JsonDocument d = JsonParser::parse(nodeText);
    return JsWriter::stringify(d.root->member("config")->member("payload")->toValue());
}

std::string column(double ms)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%10.1f ms", ms);
    return ms < 0 ? std::string("    failed   ") : std::string(buf);
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Oracle oracle = findOracle();
    const QString cli = QStringLiteral(PORTHOLE_CLI);
    const QString shared = QStringLiteral(PORTHOLE_EXAMPLES_DIR);
    const QString ctxPath = shared + QStringLiteral("/contexts/workflow.json");
    const JsonValue ctx = JsonParser::parse(readAll(ctxPath)).root->toValue();
    QTemporaryDir tmp;
    const char* noOracle = "oracle not installed";

    const bool warmOnly = app.arguments().contains(QStringLiteral("--warm-only"));
    if (!warmOnly) {
        std::printf(
            "== Cold render, whole process (best of 3): porthole-cli render | oracle (node)\n");
        const QStringList nodes =
            QDir(shared + QStringLiteral("/nodes"))
                .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString& n : nodes) {
            const QString node = shared + QStringLiteral("/nodes/") + n;
            const double ours = processMs(
                cli, {QStringLiteral("render"), node, QStringLiteral("--context"), ctxPath}, 3);
            const QString payload = tmp.filePath(n);
            writeAll(payload, payloadOf(readAll(node)));
            std::string theirs = noOracle;
            if (oracle.ok())
                theirs = column(processMs(
                    QStringLiteral("node"),
                    {oracle.script, QStringLiteral("--context"), ctxPath, payload}, 3, oracle.env));
            std::printf("  %-36s %s | %s\n", qPrintable(n), column(ours).c_str(), theirs.c_str());
        }

        std::printf("== Cold render in-process (fresh engine, includes jq compile)\n");
        for (const QString& n : nodes) {
            const std::string text = readAll(shared + QStringLiteral("/nodes/") + n);
            JqEngine::shared().clear();
            RenderOptions o;
            o.isolation = Isolation::InProcess;
            QElapsedTimer t;
            t.start();
            const RenderedNode r = renderNode(text, ctx, o);
            std::printf("  %-36s %10.2f ms%s\n", qPrintable(n), double(t.nsecsElapsed()) / 1e6,
                        r.ok ? "" : "  (render failed)");
        }

        // The 200-template node.
        JsonValue payload = JsonValue::object();
        for (int i = 0; i < 200; ++i)
            payload.set("field" + std::to_string(i), "{{ .outputs.trigger.service + \"-" +
                                                         std::to_string(i) +
                                                         "\" | ascii_upcase }}");
        JsonValue config = JsonValue::object();
        config.set("type", "KAFKA");
        config.set("payload", payload);
        JsonValue nodeValue = JsonValue::object();
        nodeValue.set("identifier", "big-node");
        nodeValue.set("title", "200 templates");
        nodeValue.set("config", config);
        const std::string bigText = JsWriter::stringify(nodeValue, 2);
        const QString bigNode = tmp.filePath(QStringLiteral("big-node.json"));
        const QString bigPayload = tmp.filePath(QStringLiteral("big-payload.json"));
        writeAll(bigNode, bigText);
        writeAll(bigPayload, JsWriter::stringify(payload));
        std::printf("== 200-template node, whole process (best of 3)\n");
        const double oursBig = processMs(
            cli, {QStringLiteral("render"), bigNode, QStringLiteral("--context"), ctxPath}, 3);
        std::printf("  porthole-cli render          %s\n", column(oursBig).c_str());
        if (oracle.ok()) {
            const double theirs = processMs(
                QStringLiteral("node"),
                {oracle.script, QStringLiteral("--context"), ctxPath, bigPayload}, 1, oracle.env);
            std::printf("  oracle (node, 1 run)         %s\n", column(theirs).c_str());
            if (theirs > 0 && oursBig > 0)
                std::printf("  ours / oracle                %9.2f %%  (goal < 5 %%)\n",
                            100.0 * oursBig / theirs);
        } else {
            std::printf("  oracle                       %s\n", noOracle);
        }

        std::printf("== Re-render after a one-character edit inside one template (warm)\n");
        for (const Isolation iso : {Isolation::InProcess, Isolation::Fork}) {
            RenderOptions o;
            o.isolation = iso;
            renderNode(bigText, ctx, o); // warm
            double worst = 0, worstCpu = 0;
            for (int k = 0; k < 5; ++k) {
                std::string edited = bigText;
                const std::string needle = "\"-" + std::to_string(17 * k) + "\\\"";
                const size_t at = edited.find("-" + std::to_string(17 * k) + "\\\"");
                // "-17" → "-x17": a new expression (another letter per isolation mode).
                edited.insert(at + 1, iso == Isolation::Fork ? "f" : "x");
                (void)needle;
                QElapsedTimer t;
                t.start();
                const double cpu0 = cpuSeconds();
                const RenderedNode r = renderNode(edited, ctx, o);
                worst = std::max(worst, double(t.nsecsElapsed()) / 1e6);
                worstCpu = std::max(worstCpu, (cpuSeconds() - cpu0) * 1e3);
                if (!r.ok)
                    std::printf("  render failed: %s\n", r.error.c_str());
            }
            std::printf("  200-template node, %-10s worst of 5: %8.2f ms wall, %6.2f ms CPU of "
                        "this process (goal < 30 ms)\n",
                        iso == Isolation::Fork ? "fork" : "in-process", worst, worstCpu);
        }
    }
    std::printf("== Warm renders per second (renderNode, in-process, with-run-ids.json)\n");
    {
        const std::string text = readAll(shared + QStringLiteral("/nodes/with-run-ids.json"));
        RenderOptions o;
        o.isolation = Isolation::InProcess;
        renderNode(text, ctx, o);
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuSeconds();
        int n = 0;
        while (t.elapsed() < 2000) {
            for (int i = 0; i < 100; ++i)
                renderNode(text, ctx, o);
            n += 100;
        }
        const double perSec = n / (double(t.nsecsElapsed()) / 1e9);
        const double perCpuSec = n / (cpuSeconds() - cpu0);
        std::printf("  %.0f renders/s wall clock, %.0f per CPU second (goal >= 20000; the CPU "
                    "figure is the one a shared machine cannot distort)\n",
                    perSec, perCpuSec);
        if (warmOnly)
            return 0;
        std::printf("  (same context every time: pure expressions are memoised per context)\n");
        // A new run each time (fresh ids, as when publishing): jq runs for every render.
        for (const Isolation iso : {Isolation::InProcess, Isolation::Fork}) {
            RenderOptions f;
            f.isolation = iso;
            std::vector<JsonValue> contexts;
            for (int i = 0; i < 3000; ++i)
                contexts.push_back(ContextModel::refreshIds(ctx));
            QElapsedTimer tf;
            tf.start();
            const double c0 = cpuSeconds();
            int nf = 0;
            while (tf.elapsed() < 2000 && nf < 3000)
                renderNode(text, contexts[size_t(nf++)], f);
            std::printf("  %.0f renders/s wall (%.0f per CPU second of this process) with a new "
                        "context each time, %s\n",
                        nf / (double(tf.nsecsElapsed()) / 1e9), nf / (cpuSeconds() - c0),
                        iso == Isolation::Fork ? "fork isolation" : "in-process");
        }
    }
    const auto st = JqEngine::shared().stats();
    std::printf("== engine: %llu compiles (%llu combined), %llu forks\n",
                (unsigned long long)st.compiles, (unsigned long long)st.combinedCompiles,
                (unsigned long long)st.forks);
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-bench ingest: broker (or synthetic source) -> watcher thread -> decode/classify ->
// RunsTableModel -> RunsFilterProxy (filter active), timed until the model holds --count.
#include "benchutil.h"
#include "syntheticsource.h"

#include "gui/runs/jqfiltercontroller.h"
#include "kafka/watchsession.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <malloc.h>

namespace porthole::bench {
namespace {

/// Bytes malloc has handed out and not had back, in every arena (what the rows really hold;
/// RSS adds what the allocator keeps around).
size_t heapInUse()
{
    const struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

} // namespace

int runIngest(const QStringList& args)
{
    const QString bootstrap = option(args, QStringLiteral("--bootstrap"));
    const QString topic = option(args, QStringLiteral("--topic"));
    const qint64 synthetic =
        option(args, QStringLiteral("--synthetic"), QStringLiteral("-1")).toLongLong();
    const qint64 count = option(args, QStringLiteral("--count"), QStringLiteral("-1")).toLongLong();
    const QString filter = option(args, QStringLiteral("--filter"));
    const QString jq = option(args, QStringLiteral("--jq"));
    if (count <= 0)
        usage("--count N is required");
    if ((bootstrap.isEmpty() || topic.isEmpty()) && synthetic <= 0)
        usage("--bootstrap and --topic, or --synthetic N, are required");

    if (synthetic > 0 && synthetic < count)
        usage("--synthetic N must be at least --count");
    // Anonymous resident memory (heap, mmaps, stacks): the code pages a run first touches
    // (librdkafka's, ours: ~2 MB) are resident too, but they are no message's.
    const long long rssBefore = procStatusBytes("RssAnon");
    const size_t heapBefore = heapInUse();
    RunsTableModel model;
    model.setCapacity(int(std::max<qint64>(count, 1)));
    model.setByteBudget(qint64(16) << 30); // measuring the store, not the budget
    RunsFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setText(filter);
    // --jq: the Runs pane's jq filter (bounded worker process, verdicts fed to the proxy),
    // compiled before the clock starts.
    JqFilterController jqFilter(&model, &proxy);
    if (!jq.isEmpty()) {
        QString compileError;
        bool compiled = false;
        QObject::connect(&jqFilter, &JqFilterController::applied, &model, [&] { compiled = true; });
        QObject::connect(&jqFilter, &JqFilterController::compileFailed, &model,
                         [&](const QString& e) {
                             compileError = e;
                             compiled = true;
                         });
        jqFilter.setExpression(jq);
        while (!compiled)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (!compileError.isEmpty()) {
            std::fprintf(stderr, "porthole-bench: ingest: --jq: %s\n", qPrintable(compileError));
            return 2;
        }
    }

    QElapsedTimer clock;
    int code = 0;
    QString failure;
    auto done = [&] {
        if (model.receivedCount() >= count)
            QCoreApplication::exit(0);
    };
    std::unique_ptr<WatchSession> session;
    std::unique_ptr<SyntheticSource> source;
    clock.start();
    if (synthetic > 0) {
        source = std::make_unique<SyntheticSource>(std::min(synthetic, count), 0);
        QObject::connect(source.get(), &SyntheticSource::messagesReceived, &model,
                         [&](const MessageBatch& b) {
                             model.appendBatch(b);
                             source->batchTaken();
                             done();
                         });
        source->start();
    } else {
        WatchOptions options;
        options.config.set("bootstrap.servers", bootstrap.toStdString());
        options.topic = topic.toStdString();
        options.from.kind = StartPosition::Kind::Beginning;
        session = std::make_unique<WatchSession>(options);
        QObject::connect(session.get(), &WatchSession::messagesReceived, &model,
                         [&](const MessageBatch& b) {
                             model.appendBatch(b);
                             done();
                         });
        QObject::connect(session.get(), &WatchSession::failed, &model, [&](const QString& e) {
            failure = e;
            QCoreApplication::exit(3);
        });
        QObject::connect(session.get(), &WatchSession::reachedEnd, &model, [&] {
            if (model.receivedCount() < count) {
                failure =
                    QStringLiteral("the topic holds only %1 messages").arg(model.receivedCount());
                QCoreApplication::exit(1);
            }
        });
        session->start();
    }
    QTimer::singleShot(120000, &model, [&] {
        failure = QStringLiteral("not done within 120 s");
        QCoreApplication::exit(1);
    });
    code = QCoreApplication::exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    // Let a refilter still in progress finish: the proxy is part of the path measured.
    while (proxy.isFiltering())
        QCoreApplication::processEvents();
    // Until every message is judged and shown or hidden (with --jq: by the jq worker).
    const double filteredSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (session)
        session->stop();
    if (source)
        source->stop();
    if (code != 0) {
        std::fprintf(stderr, "porthole-bench: ingest: %s\n", qPrintable(failure));
        return code;
    }
    // What stays: the reader is gone, freed memory goes back to the system; the rest is the
    // model, the proxy and the allocator's slack (librdkafka's buffers are not rows held).
    session.reset();
    source.reset();
    malloc_trim(0);
    const long long rssAfter = procStatusBytes("RssAnon");
    const size_t heapAfter = heapInUse();
    const qint64 n = model.receivedCount();
    std::printf(
        "{\"messages\":%lld,\"seconds\":%.4f,\"messagesPerSecond\":%.0f,"
        "\"peakRssBytes\":%lld,\"bytesPerMessage\":%.0f,\"heapBytesPerMessage\":%.0f,"
        "\"rawBytesPerMessage\":%.0f,"
        "\"rowsShown\":%d,\"filteredSeconds\":%.4f,\"jqTimedOut\":%lld,\"jqErrors\":%lld}\n",
        (long long)n, seconds, double(n) / seconds, procStatusBytes("VmHWM"),
        double(rssAfter - rssBefore) / double(n), double(heapAfter - heapBefore) / double(n),
        double(model.heldBytes()) / double(n), proxy.rowCount(), filteredSeconds,
        (long long)jqFilter.timedOut(), (long long)jqFilter.errors());
    return 0;
}

} // namespace porthole::bench

// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-bench ui-stall: the Runs view (offscreen, 1280x800) holding --rows messages while
// --rate messages per second arrive through the model's real path; a 5 ms timer on the UI
// thread measures how late the event loop answers.
#include "benchutil.h"
#include "syntheticsource.h"

#include "gui/runs/runspane.h"
#include "gui/session/session.h"
#include "gui/story/ledgerfeed.h"
#include "models/runevent.h"

#include "models/runledger.h"
#include "models/runstablemodel.h"
#include <QDateTime>

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>

namespace porthole::bench {

int runUiStall(const QStringList& args)
{
    const qint64 rows = option(args, QStringLiteral("--rows"), QStringLiteral("-1")).toLongLong();
    const double rate = option(args, QStringLiteral("--rate"), QStringLiteral("-1")).toDouble();
    const double seconds =
        option(args, QStringLiteral("--seconds"), QStringLiteral("-1")).toDouble();
    if (rows <= 0 || rate < 0 || seconds <= 0)
        usage("ui-stall needs --rows N --rate MSG_PER_S --seconds S [--ledger]");
    // --ledger: as in the app, every message naming a run is told to a run ledger and the
    // Status column reads it; one run in ten of those arriving has a story already (published
    // from Porthole), so its messages are added to it.
    const bool withLedger = args.contains(QStringLiteral("--ledger"));

    RunsPane pane;
    pane.resize(1280, 800);
    pane.show();
    RunsTableModel* model = pane.model();
    RunLedger& ledger = *pane.session()->ledger();
    std::unique_ptr<LedgerFeed> feed;
    if (withLedger) {
        feed = std::make_unique<LedgerFeed>(pane.session(), model);
        model->setLedger(&ledger);
        const qint64 arriving = qint64(rate * seconds) + 1;
        for (qint64 n = 0; n < arriving; n += 10) {
            RunEvent e;
            e.stage = RunEvent::Stage::Published;
            e.at = QDateTime::currentDateTimeUtc();
            e.runId = SyntheticSource::nodeRunId(n);
            e.source = QStringLiteral("Porthole");
            e.summary = QStringLiteral("published");
            ledger.add(e);
        }
    }
    model->setCapacity(int(rows));
    model->setByteBudget(qint64(16) << 30);
    // Fill to the cap first (the messages the view holds), then measure while more arrive.
    for (qint64 made = 0; made < rows;) {
        auto batch = std::make_shared<std::vector<WatchedMessage>>();
        const qint64 n = std::min<qint64>(10000, rows - made);
        batch->reserve(size_t(n));
        for (qint64 i = 0; i < n; ++i)
            batch->push_back(SyntheticSource::make(made + i));
        made += n;
        model->appendBatch(batch);
    }
    QApplication::processEvents();

    SyntheticSource source(-1, rate);
    qint64 next = rows;
    QObject::connect(&source, &SyntheticSource::messagesReceived, model,
                     [&](const MessageBatch& b) {
                         // Offsets continue after the prefilled rows (the source counts from 0).
                         auto shifted = std::make_shared<std::vector<WatchedMessage>>(*b);
                         for (auto& m : *shifted) {
                             auto r = std::make_shared<KafkaRecord>(*m.record);
                             r->offset = next / 3;
                             r->partition = int32_t(next % 3);
                             ++next;
                             m.record = std::move(r);
                         }
                         model->appendBatch(shifted);
                     });
    std::vector<double> late;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        late.push_back(std::max(0.0, double(clock.nsecsElapsed()) / 1e6 - 5.0));
        clock.restart();
    });
    QTimer::singleShot(int(seconds * 1000), [] { QApplication::exit(0); });
    source.start();
    clock.start();
    probe.start();
    QApplication::exec();
    source.stop();
    std::printf("{\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,\"rowsHeld\":%d,\"received\":%lld,"
                "\"ledgerStories\":%d,\"ledgerReceived\":%d}\n",
                percentile(late, 0.5), percentile(late, 0.99), percentile(late, 1.0),
                model->rowCount(), (long long)(next - rows), int(ledger.runIds().size()),
                ledger.count(RunEvent::Stage::Received));
    return 0;
}

} // namespace porthole::bench

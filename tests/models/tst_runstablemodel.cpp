// SPDX-License-Identifier: GPL-3.0-or-later
// The runs table: batched inserts, a hard cap, compact storage formatted on demand, and the
// proxy: filtering by kind and words, newest first, sliced refiltering, trimming under a filter.
#include "core/messagedecoder.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace porthole;

namespace {

WatchedMessage makeMessage(int64_t offset, std::string value, std::optional<std::string> key = {})
{
    auto r = std::make_shared<KafkaRecord>();
    r->topic = "sandbox.runs";
    r->partition = int32_t(offset % 3);
    r->offset = offset;
    r->timestamp = 1764000000000 + offset;
    r->key = std::move(key);
    r->value = std::move(value);
    WatchedMessage m;
    m.info = MessageDecoder::decode(*r);
    m.record = std::move(r);
    return m;
}

MessageBatch batchOf(int64_t first, int count)
{
    auto v = std::make_shared<std::vector<WatchedMessage>>();
    for (int i = 0; i < count; ++i)
        v->push_back(
            makeMessage(first + i, R"({"context":{"runId":"wfnr_)" +
                                       std::string(16 - std::to_string(first + i).size(), 'a') +
                                       std::to_string(first + i) + R"("},"payload":{"n":)" +
                                       std::to_string(first + i) + "}}"));
    return v;
}

} // namespace

class TestRunsTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void batchIsOneInsertion()
    {
        RunsTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendBatch(batchOf(0, 500));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(model.index(7, RunsTableModel::Offset).data().toString(), QStringLiteral("7"));
        QCOMPARE(model.index(7, RunsTableModel::Kind).data().toString(),
                 QStringLiteral("workflow-node"));
        QCOMPARE(model.index(7, RunsTableModel::RunId).data().toString(),
                 QStringLiteral("wfnr_aaaaaaaaaaaaaaa7"));
    }

    void capDropsOldestInOneRemoval()
    {
        RunsTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(1000);
        model.appendBatch(batchOf(0, 800));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.appendBatch(batchOf(800, 500));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(0, RunsTableModel::Offset).data().toString(), QStringLiteral("300"));
        QCOMPARE(model.droppedCount(), qint64(300));
        model.appendBatch(batchOf(2000, 5000)); // bigger than the cap on its own
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(999, RunsTableModel::Offset).data().toString(),
                 QStringLiteral("6999"));
    }

    void byteBudgetDropsOldestButKeepsTheNewest()
    {
        RunsTableModel model;
        QAbstractItemModelTester tester(&model);
        model.setByteBudget(25 * 1024 * 1024);
        for (int i = 0; i < 5; ++i) {
            auto b = std::make_shared<std::vector<WatchedMessage>>();
            b->push_back(makeMessage(i, std::string(10 * 1024 * 1024, char('a' + i))));
            model.appendBatch(b);
        }
        QCOMPARE(model.rowCount(), 2); // 20 MiB of the last two fit, a third would not
        QCOMPARE(model.droppedCount(), 3);
        QCOMPARE(model.record(0).offset, 3);
        QCOMPARE(model.heldBytes(), qint64(20 * 1024 * 1024));
        // One message over the whole budget still shows: the newest row always stays.
        auto huge = std::make_shared<std::vector<WatchedMessage>>();
        huge->push_back(makeMessage(9, std::string(30 * 1024 * 1024, 'z')));
        model.appendBatch(huge);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.record(0).offset, 9);
        model.clear();
        QCOMPARE(model.heldBytes(), qint64(0));
    }

    void oddValuesStayReadable()
    {
        RunsTableModel model;
        auto v = std::make_shared<std::vector<WatchedMessage>>();
        v->push_back(
            makeMessage(1, std::string("\x00\xff\xfe binary", 10), std::string("\xff", 1)));
        v->push_back(makeMessage(2, "plain text, not JSON"));
        v->push_back(makeMessage(3, std::string(10 * 1024 * 1024, 'x')));
        model.appendBatch(v);
        QCOMPARE(model.index(0, RunsTableModel::Value).data().toString(),
                 QStringLiteral("(binary, 10 bytes)"));
        QCOMPARE(model.index(0, RunsTableModel::Key).data().toString(), QStringLiteral("(binary)"));
        QCOMPARE(model.index(1, RunsTableModel::Kind).data().toString(), QStringLiteral("unknown"));
        QVERIFY(model.index(2, RunsTableModel::Value).data().toString().size() < 400);
    }

    void storeKeepsEveryByteAndHeader()
    {
        RunsTableModel model;
        auto v = std::make_shared<std::vector<WatchedMessage>>();
        WatchedMessage m =
            makeMessage(5, std::string("\x00\x01\xff value", 10), std::string("k\0y", 3));
        auto r = std::make_shared<KafkaRecord>(*m.record);
        r->headers = {{"a", std::string("1")},
                      {"empty", std::string()},
                      {"null", std::nullopt},
                      {"bin", std::string("\xff\x00", 2)}};
        r->timestampType = TimestampType::LogAppendTime;
        m.record = r;
        v->push_back(m);
        v->push_back(makeMessage(6, std::string(300 * 1024, 'B'))); // a chunk of its own
        v->push_back(makeMessage(7, "small after big"));
        WatchedMessage tomb = makeMessage(8, "");
        auto t = std::make_shared<KafkaRecord>(*tomb.record);
        t->value.reset();
        tomb.record = t;
        v->push_back(tomb);
        model.appendBatch(v);
        const KafkaRecord back = model.record(0);
        QCOMPARE(back.value, r->value);
        QCOMPARE(back.key, r->key);
        QCOMPARE(back.headers, r->headers);
        QCOMPARE(back.topic, std::string("sandbox.runs"));
        QCOMPARE(back.timestamp, r->timestamp);
        QCOMPARE(back.timestampType, TimestampType::LogAppendTime);
        QCOMPARE(model.record(1).timestampType, TimestampType::None);
        QCOMPARE(model.record(1).value->size(), size_t(300 * 1024));
        QCOMPARE(*model.record(2).value, std::string("small after big"));
        QVERIFY(!model.record(3).value);
        QCOMPARE(model.index(3, RunsTableModel::Value).data().toString(),
                 QStringLiteral("tombstone"));
    }

    // Issue 22: the Time column has the date, in local time, UTC or relative; the tooltip and
    // a CSV export have ISO-8601 in UTC with milliseconds whatever the column shows.
    void timeColumnModes()
    {
        RunsTableModel model;
        auto v = std::make_shared<std::vector<WatchedMessage>>();
        v->push_back(makeMessage(7, "{}"));
        WatchedMessage recent = makeMessage(8, "{}");
        auto r = std::make_shared<KafkaRecord>(*recent.record);
        r->timestamp = QDateTime::currentMSecsSinceEpoch() - 90 * 1000;
        recent.record = r;
        v->push_back(recent);
        model.appendBatch(v);
        const QModelIndex t = model.index(0, RunsTableModel::Time);
        const QString iso = QStringLiteral("2025-11-24T16:00:00.007Z");
        QCOMPARE(model.timeMode(), RunsTableModel::TimeMode::Local);
        QCOMPARE(t.data().toString(), QDateTime::fromMSecsSinceEpoch(1764000000007)
                                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        QVERIFY(t.data(Qt::ToolTipRole).toString().startsWith(iso));
        QCOMPARE(t.data(RunsTableModel::ExportRole).toString(), iso);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTimeMode(RunsTableModel::TimeMode::Utc);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(t.data().toString(), QStringLiteral("2025-11-24 16:00:00.007Z"));
        model.setTimeMode(RunsTableModel::TimeMode::Relative);
        QCOMPARE(model.index(1, RunsTableModel::Time).data().toString(),
                 QStringLiteral("1 min ago"));
        QCOMPARE(t.data(RunsTableModel::ExportRole).toString(), iso); // exports stay ISO
        QCOMPARE(RunsTableModel::relativeTime(0, 5000), QStringLiteral("5 s ago"));
        QCOMPARE(RunsTableModel::relativeTime(0, 3 * 3600 * 1000), QStringLiteral("3 h ago"));
        QCOMPARE(RunsTableModel::relativeTime(0, 2 * 86400 * 1000LL), QStringLiteral("2 d ago"));
        QCOMPARE(RunsTableModel::relativeTime(4000, 0), QStringLiteral("in 4 s"));
        QCOMPARE(RunsTableModel::isoTime(-1), QString());
    }

    // Issue 22: what is absent is said in words, muted, never "null" or "(null)".
    void noKeyAndTombstoneInWords()
    {
        RunsTableModel model;
        auto v = std::make_shared<std::vector<WatchedMessage>>();
        v->push_back(makeMessage(1, "{}"));
        v->push_back(makeMessage(2, "{}", std::string("k1")));
        WatchedMessage tomb = makeMessage(3, "", std::string("gone"));
        auto t = std::make_shared<KafkaRecord>(*tomb.record);
        t->value.reset();
        tomb.record = t;
        v->push_back(tomb);
        model.appendBatch(v);
        const auto at = [&](int row, int column) { return model.index(row, column); };
        QCOMPARE(at(0, RunsTableModel::Key).data().toString(), QStringLiteral("no key"));
        QVERIFY(at(0, RunsTableModel::Key).data(RunsTableModel::MutedRole).toBool());
        QCOMPARE(at(0, RunsTableModel::Key).data(RunsTableModel::ExportRole).toString(), QString());
        QCOMPARE(at(1, RunsTableModel::Key).data().toString(), QStringLiteral("k1"));
        QVERIFY(!at(1, RunsTableModel::Key).data(RunsTableModel::MutedRole).toBool());
        QCOMPARE(at(2, RunsTableModel::Value).data().toString(), QStringLiteral("tombstone"));
        QVERIFY(at(2, RunsTableModel::Value).data(RunsTableModel::MutedRole).toBool());
        QVERIFY(!at(1, RunsTableModel::Value).data(RunsTableModel::MutedRole).toBool());
        for (int row = 0; row < 3; ++row)
            for (int c = 0; c < RunsTableModel::ColumnCount; ++c)
                QVERIFY(!at(row, c).data().toString().contains(QStringLiteral("null")));
    }

    void millionSmallRowsStayCompact()
    {
        // Small values: the store must cost little more than the bytes themselves.
        RunsTableModel model;
        for (int b = 0; b < 100; ++b)
            model.appendBatch(batchOf(b * 10000, 10000));
        QCOMPARE(model.rowCount(), 1000000);
        const double perRow = double(model.store().allocatedBytes()) / model.rowCount();
        const double raw = double(model.heldBytes()) / model.rowCount();
        qInfo("store: %.0f bytes per row for %.0f bytes of message", perRow, raw);
        QVERIFY(perRow < raw + 80);
        QCOMPARE(model.index(999999, RunsTableModel::Offset).data().toString(),
                 QStringLiteral("999999"));
    }

    void proxyFollowsInsertsAndFrontTrimsUnderAFilter()
    {
        RunsTableModel model;
        model.setCapacity(1000);
        RunsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setText(QStringLiteral("\"n\":1")); // n = 1, 10..19, 100..199, 1000..1999, ...
        // New rows are filtered in 8 ms slices; a slow machine (ASan, a loaded CI) needs more
        // than one, so each check waits for the filtering to finish.
        auto settled = [&proxy] { return !proxy.isFiltering(); };
        model.appendBatch(batchOf(0, 800));
        QTRY_VERIFY(settled());
        QCOMPARE(proxy.rowCount(), 1 + 10 + 100);
        model.appendBatch(batchOf(800, 500)); // drops offsets 0..299, adds 800..1299
        QTRY_VERIFY(settled());
        QCOMPARE(proxy.rowCount(), 300); // 1000..1299 (the others went with the oldest rows)
        QCOMPARE(proxy.index(0, RunsTableModel::Offset).data().toString(), QStringLiteral("1000"));
        proxy.setNewestFirst(true);
        QCOMPARE(proxy.index(0, RunsTableModel::Offset).data().toString(), QStringLiteral("1299"));
        model.appendBatch(batchOf(1300, 10)); // 1300..1309 match
        QTRY_VERIFY(settled());
        QCOMPARE(proxy.index(0, RunsTableModel::Offset).data().toString(), QStringLiteral("1309"));
        QCOMPARE(proxy.index(proxy.rowCount() - 1, RunsTableModel::Offset).data().toString(),
                 QStringLiteral("1000"));
        const QModelIndex src = model.index(model.rowCount() - 1, RunsTableModel::Offset);
        QCOMPARE(proxy.mapFromSource(src).row(), 0);
        QCOMPARE(proxy.mapToSource(proxy.index(0, RunsTableModel::Offset)), src);
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void gateShowsRowsInOrderAsVerdictsCome()
    {
        // A jq filter's verdicts arrive from another thread in batches: rows are shown in
        // order, the scan waiting at the first row without a verdict.
        RunsTableModel model;
        RunsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch(batchOf(0, 100));
        std::map<uint64_t, int> verdicts;
        const uint64_t base = model.firstSeq();
        proxy.setGate([&](uint64_t seq) {
            const auto it = verdicts.find(seq);
            return it == verdicts.end() ? -1 : it->second;
        });
        QVERIFY(proxy.isFiltering());
        QCOMPARE(proxy.rowCount(), 0);
        const auto judge = [&](int from, int to) {
            for (int i = from; i < to; ++i)
                verdicts[base + uint64_t(i)] = i % 2 == 0 ? 1 : 0;
            proxy.resume();
        };
        judge(0, 50);
        QTRY_COMPARE(proxy.rowCount(), 25);
        judge(60, 100); // out of order: waits at 50
        QTest::qWait(20);
        QCOMPARE(proxy.rowCount(), 25);
        QVERIFY(proxy.isFiltering());
        judge(50, 60);
        QTRY_VERIFY(!proxy.isFiltering());
        QCOMPARE(proxy.rowCount(), 50);
        QCOMPARE(proxy.index(1, RunsTableModel::Offset).data().toString(), QStringLiteral("2"));
        // With the words filter too: both must accept.
        proxy.setText(QStringLiteral("\"n\":1"));
        QTRY_VERIFY(!proxy.isFiltering());
        QCOMPARE(proxy.rowCount(), 5); // 10, 12, 14, 16, 18
        proxy.setText(QString());
        proxy.setGate({});
        QTRY_VERIFY(!proxy.isFiltering());
        QCOMPARE(proxy.rowCount(), 100);
        // Computed columns come and go as columns.
        model.setExtraCell([](int row, int, int role) {
            return role == Qt::DisplayRole ? QVariant(row * 2) : QVariant();
        });
        model.appendExtraColumn(QStringLiteral(".x"));
        QCOMPARE(proxy.columnCount(), RunsTableModel::ColumnCount + 1);
        QCOMPARE(proxy.index(3, RunsTableModel::ColumnCount).data().toInt(), 6);
        QCOMPARE(proxy.headerData(RunsTableModel::ColumnCount, Qt::Horizontal).toString(),
                 QStringLiteral(".x"));
        model.removeExtraColumn(0);
        QCOMPARE(proxy.columnCount(), int(RunsTableModel::ColumnCount));
    }

    void newFilterRunsInSlices()
    {
        RunsTableModel model;
        for (int b = 0; b < 40; ++b)
            model.appendBatch(batchOf(b * 10000, 10000));
        RunsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 400000);
        QSignalSpy finished(&proxy, &RunsFilterProxy::filterFinished);
        proxy.setText(QStringLiteral("aaaaaaaaaaa3999"));
        // The first slice returns before every row was looked at: the loop keeps turning.
        QVERIFY(proxy.isFiltering());
        QVERIFY(finished.wait(20000));
        QVERIFY(!proxy.isFiltering());
        // wfnr_ + 11 a's + 5 digits: 39990..39999, and 3999 (12 a's hold 11); not 6 digits.
        QCOMPARE(proxy.rowCount(), 11);
        proxy.setText(QStringLiteral("WFNR_AAAAAAAAAAAA399")); // 12 a's: 3990..3999
        QVERIFY(finished.wait(20000));
        QCOMPARE(proxy.rowCount(), 10);
    }

    void filterByWordsAndKind()
    {
        RunsTableModel model;
        RunsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch(batchOf(0, 100));
        auto v = std::make_shared<std::vector<WatchedMessage>>();
        v->push_back(makeMessage(
            100,
            R"({"action":"deploy","resourceType":"run","status":"TRIGGERED","context":{"runId":"r_AbCdEfGhIjKlMnOp"}})"));
        model.appendBatch(v);
        proxy.setText(QStringLiteral("WFNR_ \"n\":42}"));
        QTRY_VERIFY(!proxy.isFiltering());
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QString());
        proxy.setKind(int(MessageKind::ActionRun));
        QTRY_VERIFY(!proxy.isFiltering());
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, RunsTableModel::RunId).data().toString(),
                 QStringLiteral("r_AbCdEfGhIjKlMnOp"));
        proxy.setKind(-1);
        QTRY_VERIFY(!proxy.isFiltering());
        QCOMPARE(proxy.rowCount(), 101);
    }
};

QTEST_GUILESS_MAIN(TestRunsTableModel)
#include "tst_runstablemodel.moc"

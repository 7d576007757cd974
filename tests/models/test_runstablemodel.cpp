// The runs table: batched inserts, a hard cap, precomputed text, filtering by kind and words.
#include "core/messagedecoder.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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
        QCOMPARE(model.message(0).record->offset, 3);
        QCOMPARE(model.heldBytes(), qint64(20 * 1024 * 1024));
        // One message over the whole budget still shows: the newest row always stays.
        auto huge = std::make_shared<std::vector<WatchedMessage>>();
        huge->push_back(makeMessage(9, std::string(30 * 1024 * 1024, 'z')));
        model.appendBatch(huge);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.message(0).record->offset, 9);
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
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QString());
        proxy.setKind(int(MessageKind::ActionRun));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, RunsTableModel::RunId).data().toString(),
                 QStringLiteral("r_AbCdEfGhIjKlMnOp"));
        proxy.setKind(-1);
        QCOMPARE(proxy.rowCount(), 101);
    }
};

QTEST_GUILESS_MAIN(TestRunsTableModel)
#include "test_runstablemodel.moc"

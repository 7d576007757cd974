// SPDX-License-Identifier: GPL-3.0-or-later
// The Runs table's row tools (issue 24): two selected rows compared (exactly the changed keys
// marked), the detail's Raw tab (hex that decodes back to the message's bytes), tombstones
// shown as such, and Go to offset against the real embedded broker: a loaded row is selected,
// an unloaded one is sought and selected when it arrives, a missing partition and an offset
// past the end are refused in words.
#include "gui/runs/messagedetailview.h"
#include "gui/runs/messagevalueview.h"
#include "gui/runs/rawbytesview.h"
#include "gui/runs/readpositionbar.h"
#include "gui/runs/rowtools.h"
#include "gui/runs/runspane.h"
#include "gui/runs/valuediffdialog.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "kafka/kafkaproducer.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"

#include <QAbstractButton>
#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <map>

using namespace porthole;

namespace {

std::shared_ptr<KafkaRecord> make(int32_t partition, int64_t offset, std::optional<std::string> key,
                                  std::optional<std::string> value)
{
    auto r = std::make_shared<KafkaRecord>();
    r->topic = "acme.runs";
    r->partition = partition;
    r->offset = offset;
    r->timestamp = 1700000000000 + offset;
    r->timestampType = TimestampType::CreateTime;
    r->key = std::move(key);
    r->value = std::move(value);
    return r;
}

MessageBatch batchOf(const std::vector<std::shared_ptr<KafkaRecord>>& records)
{
    auto batch = std::make_shared<std::vector<WatchedMessage>>();
    for (const auto& r : records)
        batch->push_back({r, MessageDecoder::decode(*r)});
    return batch;
}

// The bytes a hex dump shows (the hex columns of its lines), for the lines after `heading`.
QByteArray bytesUnder(const QString& text, const QString& heading)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QByteArray out;
    qsizetype i = lines.indexOf(heading);
    if (i < 0)
        return "heading not found";
    for (++i; i < lines.size() && lines[i].size() > 10 && lines[i][8] == QLatin1Char(' '); ++i)
        out += QByteArray::fromHex(lines[i].mid(10, 49).toLatin1());
    return out;
}

} // namespace

class TestRowTools : public QObject
{
    Q_OBJECT
    Sandbox m_sandbox;

    void selectRows(RunsPane& pane, int a, int b)
    {
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->selectRow(a);
        table->selectionModel()->select(pane.proxy()->index(b, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral("rowtools"), 0, 0, &error), qPrintable(error));
    }

    void compareMarksExactlyTheChangedKeys()
    {
        RunsPane pane;
        pane.resize(1000, 700);
        pane.show();
        pane.model()->appendBatch(batchOf({
            make(0, 1, std::string("k"),
                 std::string(R"({"status":"IN_PROGRESS","runId":"r_1","n":1,"old":true,)"
                             R"("payload":{"a":1,"b":2}})")),
            make(0, 2, std::string("k"), std::string("not json")),
            make(0, 3, std::string("k"),
                 std::string(R"({"payload":{"b":3,"a":1},"runId":"r_1","n":1,)"
                             R"("status":"COMPLETED","new":null})")),
        }));
        QAction* compare = pane.rowTools()->compareAction();
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->selectRow(0);
        QVERIFY(!compare->isEnabled()); // one row: nothing to compare
        QVERIFY(!pane.rowTools()->compareSelected());
        selectRows(pane, 2, 0); // picked newest first: still the older on the left
        QVERIFY(compare->isEnabled());
        ValueDiffDialog* dialog = pane.rowTools()->compareSelected();
        QVERIFY(dialog);
        QVERIFY(dialog->summary().startsWith(QStringLiteral("4 keys differ: ")));
        for (const char* key :
             {"new (added)", "old (removed)", "payload.b (changed)", "status (changed)"})
            QVERIFY2(dialog->summary().contains(QLatin1String(key)), qPrintable(dialog->summary()));
        // The rows marked name exactly the keys that changed; the rest is the same on both
        // sides even though the members came in another order.
        QStringList marked;
        int same = 0;
        for (const auto& row : dialog->rows()) {
            if (row.mark == ValueDiffDialog::Row::Mark::Same) {
                QCOMPARE(row.left, row.right);
                ++same;
                continue;
            }
            for (const QString& side : {row.left, row.right})
                if (const qsizetype colon = side.indexOf(QLatin1String("\": ")); colon > 0)
                    marked << side.trimmed().mid(1,
                                                 side.trimmed().indexOf(QLatin1Char('"'), 1) - 1);
        }
        marked.removeDuplicates();
        marked.sort();
        QCOMPARE(marked, QStringList({QStringLiteral("b"), QStringLiteral("new"),
                                      QStringLiteral("old"), QStringLiteral("status")}));
        QVERIFY(same >= 6); // {, "a": 1, "n": 1, "payload": {, "runId", }, }
        // "old" faces "new" (a changed row, ~ on both sides); the mark is in the text itself.
        QVERIFY(dialog->leftView()->toPlainText().contains(QStringLiteral("~   \"old\": true,")));
        QVERIFY(dialog->rightView()->toPlainText().contains(QStringLiteral("~   \"new\": null,")));
        // Each differing row has its background on both sides (colour beside the mark).
        const qsizetype differing = qsizetype(dialog->rows().size()) - same;
        QCOMPARE(dialog->leftView()->extraSelections().size(), differing);
        QCOMPARE(dialog->rightView()->extraSelections().size(), differing);
        dialog->close();

        // JSON against text: a text diff, counted in lines.
        selectRows(pane, 0, 1);
        dialog = pane.rowTools()->compareSelected();
        QVERIFY(dialog);
        QVERIFY2(dialog->summary().contains(QStringLiteral("line")), qPrintable(dialog->summary()));
        QVERIFY(dialog->rightView()->toPlainText().contains(QStringLiteral("~ not json")));
        dialog->close();
    }

    void rawTabShowsTheExactBytes()
    {
        RunsPane pane;
        pane.resize(1000, 700);
        pane.show();
        std::string value;
        for (int i = 0; i < 300; ++i)
            value += char((i * 37 + 11) & 0xff);
        const std::string key("\x00wfr_k\xff", 7);
        pane.model()->appendBatch(batchOf({make(1, 7, key, value)}));
        pane.findChild<QTableView*>(QStringLiteral("runsTable"))->selectRow(0);
        MessageDetailView* detail = pane.detail();
        detail->tabs()->setCurrentWidget(detail->rawView());
        const QString text = detail->rawView()->text();
        QCOMPARE(bytesUnder(text, QStringLiteral("Key · 7 bytes")), QByteArray::fromStdString(key));
        QCOMPARE(bytesUnder(text, QStringLiteral("Value · 300 bytes")),
                 QByteArray::fromStdString(value));
        QVERIFY(text.contains(QStringLiteral("00000010  ")));
        // Selectable and copyable.
        QPlainTextEdit* view = detail->rawView()->textView();
        QVERIFY(view->isReadOnly());
        QVERIFY(view->textInteractionFlags() & Qt::TextSelectableByMouse);
        view->selectAll();
        QVERIFY(view->textCursor().selectedText().size() > 300 * 3);
    }

    void tombstonesAndNullKeysSaySo()
    {
        RunsPane pane;
        pane.resize(1000, 700);
        pane.show();
        pane.model()->appendBatch(batchOf({make(0, 1, std::string("gone"), std::nullopt),
                                           make(0, 2, std::nullopt, std::string("{}"))}));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->selectRow(0);
        MessageDetailView* detail = pane.detail();
        MessageValueView* value = detail->valueView();
        QVERIFY(value->isTombstone());
        QCOMPARE(value->shownText(), QStringLiteral("Tombstone (null value)"));
        // A sentence, no JSON viewer.
        QVERIFY(value->findChild<QLabel*>(QStringLiteral("runsDetailTombstone"))->isVisible());
        QVERIFY(!value->findChild<QWidget*>(QStringLiteral("runsDetailValue"))->isVisible());
        QCOMPARE(detail->tabs()->tabText(0), QStringLiteral("Value (tombstone)"));
        QVERIFY(detail->rawView()->text().contains(QStringLiteral("Value · null (a tombstone)")));
        QVERIFY(detail->rawView()->text().contains(QStringLiteral("Key · 4 bytes")));

        table->selectRow(1); // a null key, a value: the editor is back
        QVERIFY(!value->isTombstone());
        QVERIFY(value->findChild<QWidget*>(QStringLiteral("runsDetailValue"))->isVisible());
        QCOMPARE(detail->tabs()->tabText(0), QStringLiteral("Value"));
        QVERIFY(detail->rawView()->text().startsWith(QStringLiteral("Key · null (no key)")));
    }

    void goToOffsetSelectsOrSeeks()
    {
        const std::string topic = "rowtools.goto";
        KafkaConfig config;
        config.set("bootstrap.servers", m_sandbox.bootstrap().toStdString());
        std::vector<DeliveryReport> reports;
        std::string err;
        auto producer = KafkaProducer::create(
            config, [&](const DeliveryReport& r) { reports.push_back(r); },
            [](const std::string&) {}, &err);
        QVERIFY2(producer, err.c_str());
        for (int i = 0; i < 40; ++i)
            producer->send(
                {topic, "k" + std::to_string(i), {}, "{\"n\":" + std::to_string(i) + "}"});
        producer->finish(20000);
        std::map<int32_t, int64_t> ends;
        for (const auto& r : reports) {
            QVERIFY2(r.delivered(), r.error.c_str());
            ends[r.partition] = std::max(ends[r.partition], r.offset + 1);
        }
        const auto [partition, end] = *std::max_element(
            ends.begin(), ends.end(), [](auto& a, auto& b) { return a.second < b.second; });
        QVERIFY2(end >= 6, "too few messages in one partition");

        RunsPane pane;
        pane.resize(1000, 700);
        pane.show();
        pane.session()->connection()->setTarget(
            KafkaTarget::plain(m_sandbox.bootstrap(), QString::fromStdString(topic)));
        // Only the newest messages are loaded: from offset end-2 in every partition.
        pane.positionBar()->setPosition({StartPosition::Kind::Offset, end - 2});
        pane.startWatching();
        RowTools* tools = pane.rowTools();
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        const auto current = [&] {
            const QModelIndex at = pane.proxy()->mapToSource(table->currentIndex());
            const KafkaRecord r = pane.model()->record(at.row());
            return std::pair<int, qint64>{r.partition, r.offset};
        };

        // Loaded: selected at once.
        const auto loaded = [&](int p, qint64 o) {
            for (int row = 0; row < pane.model()->rowCount(); ++row)
                if (pane.model()->record(row).partition == p &&
                    pane.model()->record(row).offset == o)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(loaded(partition, end - 1), 20000);
        QVERIFY(!loaded(partition, 3));
        QVERIFY(tools->goTo(partition, end - 1));
        QCOMPARE(current(), (std::pair<int, qint64>{partition, end - 1}));

        // Not loaded: the broker is asked, the user offered a seek, the row selected on arrival.
        QSignalSpy checked(tools, &RowTools::checked);
        QSignalSpy selected(tools, &RowTools::selected);
        QVERIFY(!tools->goTo(partition, 3));
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 10000);
        QCOMPARE(checked.at(0).at(0).toString(), QString());
        QMessageBox* ask = pane.findChild<QMessageBox*>(QStringLiteral("runsGoToOffsetQuestion"));
        QVERIFY(ask);
        QVERIFY(ask->text().contains(QStringLiteral("offset 3 is not loaded")));
        ask->button(QMessageBox::Yes)->click();
        QVERIFY(tools->pending().has_value());
        QTRY_COMPARE_WITH_TIMEOUT(selected.size(), 1, 20000);
        QCOMPARE(current(), (std::pair<int, qint64>{partition, 3}));
        QVERIFY(!tools->pending().has_value());
        QCOMPARE(pane.positionBar()->position().kind, StartPosition::Kind::Offset);
        QCOMPARE(pane.positionBar()->position().value, 3);

        // Not there: clear words, no seek.
        const auto refused = [&](int p, qint64 o) {
            checked.clear();
            tools->goTo(p, o);
            if (!QTest::qWaitFor([&] { return checked.size() == 1; }, 15000))
                return QStringLiteral("no answer");
            auto* box = pane.findChild<QMessageBox*>(QStringLiteral("runsGoToOffsetError"));
            const QString text = box ? box->text() : QStringLiteral("no error box");
            if (box)
                box->close();
            return text;
        };
        const QString beyond = refused(partition, end + 100);
        QVERIFY2(beyond.contains(QStringLiteral("beyond the end of partition")),
                 qPrintable(beyond));
        QVERIFY2(beyond.contains(QString::number(end)), qPrintable(beyond));
        const QString missing = refused(64, 0);
        QVERIFY2(missing.contains(QStringLiteral("Partition 64 does not exist")),
                 qPrintable(missing));
        QVERIFY(!tools->pending().has_value());
        pane.stopWatching();
    }
};

QTEST_MAIN(TestRowTools)
#include "tst_rowtools.moc"

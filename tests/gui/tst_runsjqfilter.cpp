// SPDX-License-Identifier: GPL-3.0-or-later
// The Runs pane's jq filter over a synthetic batch: rows narrowed off the UI thread (the proxy
// checked by QAbstractItemModelTester meanwhile), a compile error shown under the box with its
// line while the table keeps its rows, a runaway on one message hides that message only,
// refiltering a big table shows progress and can be cancelled, and saved filters.
#include "core/appsettings.h"
#include "gui/runs/filterbar.h"
#include "gui/runs/jqcolumns.h"
#include "gui/runs/jqfiltercontroller.h"
#include "gui/runs/ratechart.h"
#include "gui/runs/recordingexport.h"
#include "gui/runs/runspane.h"
#include "gui/runs/runsrecorder.h"
#include "models/runstablemodel.h"
#include "support/throwawaysettings.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace porthole;

namespace {

// n messages; every third is for "billing"; `loopAt` (if >= 0) carries "loop":true.
MessageBatch batch(int n, int loopAt = -1)
{
    auto v = std::make_shared<std::vector<WatchedMessage>>();
    for (int i = 0; i < n; ++i) {
        auto r = std::make_shared<KafkaRecord>();
        r->topic = "t.runs";
        r->partition = i % 3;
        r->offset = i;
        r->timestamp = 1764000000000 + i;
        r->key = "k" + std::to_string(i);
        r->value = R"({"payload":{"n":)" + std::to_string(i) + R"(,"service":")" +
                   (i % 3 == 0 ? "billing" : "other") + "\"" +
                   (i == loopAt ? std::string(R"(,"loop":true)") : std::string()) + "}}";
        WatchedMessage m;
        m.info = MessageDecoder::decode(*r);
        m.record = std::move(r);
        v->push_back(std::move(m));
    }
    return v;
}

// n messages with payload.env cycling production/staging/dev; every 7th has no env.
MessageBatch envBatch(int n)
{
    static const char* const envs[] = {"production", "staging", "dev"};
    auto v = std::make_shared<std::vector<WatchedMessage>>();
    for (int i = 0; i < n; ++i) {
        auto r = std::make_shared<KafkaRecord>();
        r->topic = "t.runs";
        r->offset = i;
        r->timestamp = 1764000000000 + i;
        r->value = R"({"payload":{"n":)" + std::to_string(i) +
                   (i % 7 == 0 ? std::string() : std::string(R"(,"env":")") + envs[i % 3] + "\"") +
                   "}}";
        WatchedMessage m;
        m.info = MessageDecoder::decode(*r);
        m.record = std::move(r);
        v->push_back(std::move(m));
    }
    return v;
}

// The rows of a CSV file as Python's csv module reads them.
QJsonArray csvRows(const QString& path)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv, json, sys\n"
                                 "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                                 "    print(json.dumps(list(csv.reader(f))))\n"),
                  path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(python.readAllStandardOutput()).array();
}

} // namespace

class TestRunsJqFilter : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;

    static void type(QLineEdit* edit, const QString& text)
    {
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private Q_SLOTS:
    void filtersRowsAndShowsCompileErrors()
    {
        RunsPane pane;
        pane.model()->appendBatch(batch(3000));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        auto* edit = pane.findChild<QLineEdit*>(QStringLiteral("runsJqFilter"));
        auto* status = pane.findChild<QLabel*>(QStringLiteral("runsJqStatus"));
        QVERIFY(table && edit && status);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 3000);

        type(edit, QStringLiteral("select(.value.payload.service == \"billing\")"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1000, 20000);
        const QModelIndex value = table->model()->index(1, RunsTableModel::Value);
        QVERIFY(value.data().toString().contains(QStringLiteral("\"n\":3,")));
        QVERIFY(!status->isVisible() || !status->text().contains(QStringLiteral("error")));

        // New rows are judged as they come.
        pane.model()->appendBatch(batch(30));
        QTRY_COMPARE(table->model()->rowCount(), 1010);

        // A compile error: under the box with its line; the table keeps its rows.
        type(edit, QStringLiteral(".value | | .x"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("compile error")));
        QVERIFY2(status->text().startsWith(QStringLiteral(
                     "Column 10: jq: compile error: syntax error, unexpected '|' (the table")),
                 qPrintable(status->text()));
        QCOMPARE(table->model()->rowCount(), 1010);
        // Fixing it applies the new filter.
        type(edit, QStringLiteral(".value.payload.n < 10"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 10 + 10, 20000);
        QTRY_VERIFY(!status->text().contains(QStringLiteral("compile error")));
        // Clearing the box shows everything again.
        edit->clear();
        QTRY_COMPARE(table->model()->rowCount(), 3030);
    }

    void runawayHidesOneMessage()
    {
        RunsPane pane;
        pane.model()->appendBatch(batch(500, 123));
        auto* bar = pane.findChild<FilterBar*>(QStringLiteral("runsFilterBar"));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        auto* status = pane.findChild<QLabel*>(QStringLiteral("runsJqStatus"));
        QVERIFY(bar && table && status);
        bar->controller()->setTimeoutMs(1000);
        bar->apply(QStringLiteral("if .value.payload.loop then last(repeat(1)) else true end"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 499, 20000);
        QCOMPARE(bar->controller()->timedOut(), 1);
        QTRY_VERIFY(status->text().contains(QStringLiteral("1 message took longer")));
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QVERIFY(!table->model()
                         ->index(row, RunsTableModel::Value)
                         .data()
                         .toString()
                         .contains(QStringLiteral("loop")));
    }

    void bigRefilterShowsProgressAndCancels()
    {
        RunsPane pane;
        pane.model()->appendBatch(batch(30000));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        auto* bar = pane.findChild<FilterBar*>(QStringLiteral("runsFilterBar"));
        auto* cancel = pane.findChild<QPushButton*>(QStringLiteral("runsJqCancel"));
        auto* status = pane.findChild<QLabel*>(QStringLiteral("runsJqStatus"));
        QVERIFY(table && bar && cancel && status);
        pane.show();
        // Slow on purpose (a few ms per message): 30,000 take far longer than the test.
        bar->apply(QStringLiteral("([range(0; 30000)] | length) > 0 and .value.payload.n > 0"));
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 10000);
        QTRY_VERIFY(status->text().contains(QStringLiteral("of 30,000 messages judged")));
        QVERIFY(table->model()->rowCount() < 30000);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), 30000);
        QVERIFY(!cancel->isVisible());
        QVERIFY(bar->controller()->activeExpression().isEmpty());
        QVERIFY2(status->text().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(status->text()));
    }

    void rateChartFollowsTheStrip()
    {
        // The live strip samples once a second; the chart beside it gets each sample.
        RunsPane pane;
        auto* chart = pane.findChild<RateChart*>(QStringLiteral("runsRateChart"));
        QVERIFY(chart);
        pane.model()->appendBatch(batch(500));
        QTRY_VERIFY_WITH_TIMEOUT(!chart->samples().empty() && chart->samples().back() > 100, 5000);
        QVERIFY(chart->samples().size() <= size_t(RateChart::kSeconds));
        QVERIFY(chart->toolTip().contains(QStringLiteral("peak")));
    }

    void columnsFromJqPaths()
    {
        AppSettings::runsJqColumns.reset();
        {
            RunsPane pane;
            pane.resize(1200, 700);
            pane.show();
            pane.model()->appendBatch(batch(200));
            auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
            auto* columns = pane.findChild<JqColumns*>();
            QVERIFY(table && columns);
            QAbstractItemModelTester tester(table->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            const int first = RunsTableModel::ColumnCount;
            // The header's menu offers it.
            QMenu menu;
            columns->extendHeaderMenu(&menu, table->horizontalHeader(), 0);
            QVERIFY(!menu.actions().isEmpty());
            QCOMPARE(menu.actions().last()->text(), QStringLiteral("Add column from jq path…"));

            columns->add(QStringLiteral(".value.payload.service")); // plain path: no jq
            columns->add(QStringLiteral(".value.payload.n * 2 | tostring + \"!\""));
            QCOMPARE(table->model()->columnCount(), first + 2);
            QCOMPARE(table->model()->headerData(first, Qt::Horizontal).toString(),
                     QStringLiteral(".value.payload.service"));
            // Placed before the value preview, which keeps the stretch.
            QCOMPARE(table->horizontalHeader()->visualIndex(RunsTableModel::Value),
                     table->model()->columnCount() - 1);
            QCOMPARE(table->model()->index(0, first).data().toString(), QStringLiteral("billing"));
            QCOMPARE(table->model()->index(1, first).data().toString(), QStringLiteral("other"));
            // The jq one arrives from the worker for the rows asked for.
            table->model()->index(5, first + 1).data();
            QTRY_COMPARE(table->model()->index(5, first + 1).data().toString(),
                         QStringLiteral("10!"));
            // Filtering keeps the columns.
            auto* bar = pane.findChild<FilterBar*>(QStringLiteral("runsFilterBar"));
            bar->apply(QStringLiteral(".value.payload.n >= 100"));
            QTRY_COMPARE(table->model()->rowCount(), 100);
            QTRY_COMPARE(table->model()->index(0, first + 1).data().toString(),
                         QStringLiteral("200!"));
            // Removable from the header menu of that column.
            QMenu onColumn;
            columns->extendHeaderMenu(&onColumn, table->horizontalHeader(), first);
            QVERIFY(onColumn.actions().last()->text().startsWith(QStringLiteral("Remove column")));
            onColumn.actions().last()->trigger();
            QCOMPARE(table->model()->columnCount(), first + 1);
            QCOMPARE(table->model()->headerData(first, Qt::Horizontal).toString(),
                     QStringLiteral(".value.payload.n * 2 | tostring + \"!\""));
        }
        // Remembered.
        RunsPane again;
        auto* table = again.findChild<QTableView*>(QStringLiteral("runsTable"));
        QCOMPARE(table->model()->columnCount(), RunsTableModel::ColumnCount + 1);
        AppSettings::runsJqColumns.reset();
    }

    // CSV export writes the jq columns as their cells show them, for every row exported (not
    // only those on screen): the plain path read directly, the other through the bounded
    // worker in blocks, a jq error as the cell's text. JSON Lines stays watch's line.
    void csvExportWritesJqColumns()
    {
        AppSettings::runsJqColumns.reset();
        QTemporaryDir tmp;
        RunsPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.model()->appendBatch(envBatch(700));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        auto* columns = pane.findChild<JqColumns*>();
        auto* bar = pane.findChild<FilterBar*>(QStringLiteral("runsFilterBar"));
        QVERIFY(table && columns && bar);
        const QString plain = QStringLiteral(".value.payload.env");
        const QString upper = QStringLiteral(".value.payload.env | ascii_upcase");
        columns->add(plain);
        columns->add(upper);
        bar->apply(QStringLiteral(".value.payload.n >= 100")); // 600 rows: blocks of 256 + rest
        QTRY_COMPARE(table->model()->rowCount(), 600);
        // What the table shows for a row without env (a jq error) and one with.
        const int first = RunsTableModel::ColumnCount;
        // The cell's text once computed ("…" while the worker has it).
        const auto shown = [table](int row, int column) {
            const QModelIndex index = table->model()->index(row, column);
            index.data();
            if (!QTest::qWaitFor([&] { return index.data().toString() != QStringLiteral("…"); },
                                 10000))
                return QStringLiteral("(never computed)");
            return index.data().toString();
        };
        const QString errorCell = shown(5, first + 1); // n = 105: no env
        QVERIFY2(!errorCell.isEmpty(), "a jq error shows its text");
        QCOMPARE(shown(1, first + 1), QStringLiteral("DEV")); // n = 101

        QSignalSpy done(pane.recorder(), &RunsRecorder::done);
        const QString csv = tmp.filePath(QStringLiteral("runs.csv"));
        pane.recorder()->exportTo(csv, RecordingExport::Format::Csv);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        const QJsonArray rows = csvRows(csv);
        QCOMPARE(rows.size(), 601);
        const QJsonArray header = rows.at(0).toArray();
        int offsetAt = -1, plainAt = -1, upperAt = -1;
        for (int i = 0; i < header.size(); ++i) {
            const QString name = header.at(i).toString();
            offsetAt = name == QStringLiteral("Offset") ? i : offsetAt;
            plainAt = name == plain ? i : plainAt;
            upperAt = name == upper ? i : upperAt;
        }
        QVERIFY2(offsetAt >= 0 && plainAt >= 0 && upperAt >= 0,
                 QJsonDocument(header).toJson().constData());
        static const char* const envs[] = {"production", "staging", "dev"};
        for (int row = 1; row < rows.size(); ++row) {
            const QJsonArray cells = rows.at(row).toArray();
            const int n = cells.at(offsetAt).toString().toInt();
            QCOMPARE(n, 99 + row);
            const QString env = n % 7 == 0 ? QString() : QString::fromLatin1(envs[n % 3]);
            QCOMPARE(cells.at(plainAt).toString(), env);
            QCOMPARE(cells.at(upperAt).toString(), env.isEmpty() ? errorCell : env.toUpper());
        }
        // Exactly what the table shows, row for row, where it has been computed.
        for (int row = 0; row < 20; ++row) {
            const QJsonArray cells = rows.at(row + 1).toArray();
            QCOMPARE(cells.at(plainAt).toString(), shown(row, first));
            QCOMPARE(cells.at(upperAt).toString(), shown(row, first + 1));
        }

        // JSON Lines: watch's line only, no jq fields.
        const QString jsonl = tmp.filePath(QStringLiteral("runs.jsonl"));
        pane.recorder()->exportTo(jsonl, RecordingExport::Format::JsonLines);
        QTRY_COMPARE(done.size(), 2);
        QFile f(jsonl);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray firstLine = f.readLine().trimmed();
        QCOMPARE(firstLine,
                 QByteArray::fromStdString(MessageDecoder::toJsonLine(pane.model()->record(100))));
        AppSettings::runsJqColumns.reset();
    }

    // A slow jq column: the export waits for the worker, its progress dialog still cancels,
    // and nothing is written.
    void csvExportWithSlowJqColumnCancels()
    {
        AppSettings::runsJqColumns.reset();
        QTemporaryDir tmp;
        RunsPane pane;
        pane.show();
        pane.model()->appendBatch(envBatch(3000));
        auto* columns = pane.findChild<JqColumns*>();
        QVERIFY(columns);
        // A few ms per message: 3,000 take far longer than the test waits.
        columns->add(QStringLiteral("[range(0; 30000)] | length"));
        QSignalSpy done(pane.recorder(), &RunsRecorder::done);
        const QString csv = tmp.filePath(QStringLiteral("slow.csv"));
        pane.recorder()->exportTo(csv, RecordingExport::Format::Csv);
        QProgressDialog* progress = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (progress = pane.findChild<QProgressDialog*>(QStringLiteral("runsWalkProgress"))) &&
                progress->isVisible(),
            10000);
        QVERIFY(done.isEmpty());
        // The walk is waiting for the worker: Cancel ends it at once all the same.
        auto* cancel = progress->findChild<QPushButton*>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(!done.at(0).at(0).toBool());
        QVERIFY2(done.at(0).at(1).toString().contains(QStringLiteral("cancelled")),
                 qPrintable(done.at(0).at(1).toString()));
        QVERIFY(!QFile::exists(csv));
        AppSettings::runsJqColumns.reset();
    }

    void savedFilters()
    {
        RunsPane pane;
        auto* bar = pane.findChild<FilterBar*>(QStringLiteral("runsFilterBar"));
        auto* edit = pane.findChild<QLineEdit*>(QStringLiteral("runsJqFilter"));
        auto* saved = pane.findChild<QToolButton*>(QStringLiteral("runsSavedFilters"));
        QVERIFY(bar && edit && saved);
        FilterBar::saveFilter(QStringLiteral("billing"),
                              QStringLiteral("select(.value.payload.service == \"billing\")"));
        QCOMPARE(FilterBar::savedFilters().size(), 1);
        // The menu lists it; choosing it fills the box and applies it.
        Q_EMIT saved->menu()->aboutToShow();
        QAction* apply = nullptr;
        for (QAction* a : saved->menu()->actions())
            if (a->text() == QStringLiteral("billing"))
                apply = a;
        QVERIFY(apply);
        apply->trigger();
        QCOMPARE(edit->text(), QStringLiteral("select(.value.payload.service == \"billing\")"));
        QTRY_COMPARE(bar->controller()->activeExpression(), edit->text());
        FilterBar::deleteFilter(QStringLiteral("billing"));
        QVERIFY(FilterBar::savedFilters().isEmpty());
    }
};

QTEST_MAIN(TestRunsJqFilter)
#include "tst_runsjqfilter.moc"

// The Runs pane's jq filter over a synthetic batch: rows narrowed off the UI thread (the proxy
// checked by QAbstractItemModelTester meanwhile), a compile error shown under the box with its
// line while the table keeps its rows, a runaway on one message hides that message only,
// refiltering a big table shows progress and can be cancelled, and saved filters.
#include "core/appsettings.h"
#include "gui/runs/filterbar.h"
#include "gui/runs/jqcolumns.h"
#include "gui/runs/jqfiltercontroller.h"
#include "gui/runs/ratechart.h"
#include "gui/runs/runspane.h"
#include "models/runstablemodel.h"
#include "support/throwawaysettings.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
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
#include "test_runsjqfilter.moc"

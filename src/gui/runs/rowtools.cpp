// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowtools.h"

#include "gotooffsetdialog.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "kafka/groupoffsets.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "readpositionbar.h"
#include "runspane.h"
#include "valuediffdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QFutureWatcher>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace porthole {

RowTools::RowTools(RunsPane* pane, QTableView* table)
    : QObject(pane), m_pane(pane), m_table(table),
      m_compare(new QAction(tr("Compare values"), pane)),
      m_goTo(new QAction(tr("Go to offset…"), pane))
{
    m_compare->setObjectName(QStringLiteral("runsCompareValues"));
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_compare->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_compare->setToolTip(tr("Compare the values of the two selected rows side by side, JSON "
                             "keys sorted (Ctrl+D; Ctrl+click selects a second row)"));
    m_compare->setEnabled(false);
    pane->addAction(m_compare); // the shortcut works anywhere in the pane
    connect(m_compare, &QAction::triggered, this, [this] { compareSelected(); });
    // The window's Run menu has the shortcut (Ctrl+G); this is the context menu's copy.
    m_goTo->setObjectName(QStringLiteral("runsGoToOffset"));
    connect(m_goTo, &QAction::triggered, this, &RowTools::askGoToOffset);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_compare->setEnabled(m_table->selectionModel()->selectedRows().size() == 2);
    });
    RunsTableModel* model = m_pane->model();
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { rowsArrived(first, last); });
}

void RowTools::addTo(QMenu* menu) const
{
    menu->addAction(m_compare);
    menu->addAction(m_goTo);
}

ValueDiffDialog* RowTools::compareSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 2)
        return nullptr;
    int a = m_pane->proxy()->mapToSource(rows[0]).row();
    int b = m_pane->proxy()->mapToSource(rows[1]).row();
    if (a < 0 || b < 0)
        return nullptr;
    // The older message on the left: by timestamp, then by arrival (partitions interleave).
    const MessageStore& store = m_pane->model()->store();
    const auto when = [&store](int row) {
        return std::pair{store.entry(size_t(row)).timestamp, row};
    };
    if (when(a) > when(b))
        std::swap(a, b);
    auto* dialog =
        new ValueDiffDialog(m_pane->model()->record(a), m_pane->model()->record(b), m_pane);
    dialog->show();
    return dialog;
}

void RowTools::askGoToOffset()
{
    int partition = 0;
    qint64 offset = 0;
    if (const QModelIndex at = m_pane->proxy()->mapToSource(m_table->currentIndex());
        at.isValid()) {
        const auto& e = m_pane->model()->store().entry(size_t(at.row()));
        partition = e.partition;
        offset = e.offset;
    }
    GoToOffsetDialog dialog(partition, offset, m_pane);
    if (dialog.exec() == QDialog::Accepted)
        goTo(dialog.partition(), dialog.offset());
}

int RowTools::findRow(int partition, qint64 offset, int from) const
{
    const MessageStore& store = m_pane->model()->store();
    // Newest first: a topic read twice (a seek back) has the later copy at the end.
    for (int row = m_pane->model()->rowCount() - 1; row >= from; --row) {
        const auto& e = store.entry(size_t(row));
        if (e.partition == partition && e.offset == offset)
            return row;
    }
    return -1;
}

bool RowTools::select(int row)
{
    const QModelIndex shown = m_pane->proxy()->mapFromSource(m_pane->model()->index(row, 0));
    const auto& e = m_pane->model()->store().entry(size_t(row));
    if (!shown.isValid()) {
        Q_EMIT told(tr("Partition %1, offset %2 is loaded but hidden by the filter: clear the "
                       "filter to see it")
                        .arg(e.partition)
                        .arg(e.offset));
        return false;
    }
    m_table->selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(shown, QAbstractItemView::PositionAtCenter);
    m_table->setFocus();
    Q_EMIT selected(e.partition, e.offset);
    return true;
}

bool RowTools::goTo(int partition, qint64 offset)
{
    m_pending.reset();
    if (const int row = findRow(partition, offset); row >= 0)
        return select(row);
    checkWithBroker(partition, offset);
    return false;
}

void RowTools::checkWithBroker(int partition, qint64 offset)
{
    const KafkaTarget target = m_pane->session()->connection()->effective();
    QString error;
    const auto watched = m_pane->positionBar()->partitions(&error);
    if (target.bootstrap().isEmpty() || target.topic.isEmpty())
        error = tr("Partition %1, offset %2 is not loaded, and there is no Kafka connection to "
                   "read it from (choose one in the toolbar, Ctrl+K).")
                    .arg(partition)
                    .arg(offset);
    else if (watched && !watched->empty() &&
             std::find(watched->begin(), watched->end(), partition) == watched->end())
        error = tr("Partition %1 is not among the partitions the Runs tab reads: add it to "
                   "the Partitions field first.")
                    .arg(partition);
    if (!error.isEmpty()) {
        showBox(false, error, partition, offset);
        return;
    }
    Q_EMIT told(tr("Looking up partition %1 of %2…").arg(partition).arg(target.topic));
    // The broker's answer takes a round trip (seconds when it is far): off the UI thread.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, partition, offset] {
        watcher->deleteLater();
        const QString error = watcher->result();
        Q_EMIT checked(error);
        if (!error.isEmpty()) {
            showBox(false, error, partition, offset);
            return;
        }
        showBox(true,
                tr("Partition %1, offset %2 is not loaded. Watch from offset %2 (in "
                   "every partition read) and select it when it arrives?")
                    .arg(partition)
                    .arg(offset),
                partition, offset);
    });
    watcher->setFuture(
        QtConcurrent::run([config = target.config, topic = target.topic.toStdString(), partition,
                           offset]() -> QString {
            std::string why;
            const auto client = GroupOffsets::create(config, &why);
            if (!client)
                return QString::fromStdString(why);
            const auto marks = client->watermarks(topic, {partition}, &why);
            if (!marks || !marks->count(partition)) {
                // librdkafka: "Local: Unknown partition" or the broker's "Unknown topic or
                // partition" (UNKNOWN_TOPIC_OR_PART).
                if (why.find("Unknown partition") != std::string::npos ||
                    why.find("Unknown topic or partition") != std::string::npos ||
                    why.find("UNKNOWN_TOPIC_OR_PART") != std::string::npos)
                    return tr("Partition %1 does not exist in %2.")
                        .arg(partition)
                        .arg(QString::fromStdString(topic));
                return tr("Cannot look up partition %1: %2")
                    .arg(partition)
                    .arg(QString::fromStdString(why));
            }
            const auto [first, end] = marks->at(partition);
            if (offset >= end)
                return tr("Offset %1 is beyond the end of partition %2: its next message will be "
                          "offset %3.")
                    .arg(offset)
                    .arg(partition)
                    .arg(end);
            if (offset < first)
                return tr("Offset %1 of partition %2 is gone (retention): the oldest left is "
                          "offset %3.")
                    .arg(offset)
                    .arg(partition)
                    .arg(first);
            return QString();
        }));
}

void RowTools::showBox(bool question, const QString& text, int partition, qint64 offset)
{
    Q_EMIT told(text);
    if (m_box)
        m_box->close();
    m_box = new QMessageBox(
        question ? QMessageBox::Question : QMessageBox::Warning, tr("Go to offset"), text,
        question ? QMessageBox::Yes | QMessageBox::Cancel : QMessageBox::Ok, m_pane);
    m_box->setObjectName(question ? QStringLiteral("runsGoToOffsetQuestion")
                                  : QStringLiteral("runsGoToOffsetError"));
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    if (question) {
        QAbstractButton* yes = m_box->button(QMessageBox::Yes);
        yes->setText(tr("Watch from there"));
        connect(m_box, &QMessageBox::buttonClicked, this,
                [this, yes, partition, offset](QAbstractButton* clicked) {
                    if (clicked == yes)
                        seekTo(partition, offset);
                });
    }
    m_box->open(); // not exec(): rows and broker news keep coming meanwhile
}

void RowTools::seekTo(int partition, qint64 offset)
{
    m_pane->positionBar()->setPosition({StartPosition::Kind::Offset, offset});
    m_pane->startWatching();
    if (!m_pane->isWatching())
        return; // the pane's status line says why
    m_pending = std::pair{partition, offset};
    Q_EMIT told(tr("Watching from offset %1; partition %2's message is selected when it "
                   "arrives")
                    .arg(offset)
                    .arg(partition));
}

void RowTools::rowsArrived(int first, int last)
{
    if (!m_pending)
        return;
    const auto [partition, offset] = *m_pending;
    const int row = findRow(partition, offset, first);
    if (row < 0 || row > last)
        return;
    m_pending.reset();
    // Once the proxy has the rows too (it hears of them after this model signal); found again
    // then, in case the oldest rows went meanwhile.
    QMetaObject::invokeMethod(
        this,
        [this, partition, offset] {
            if (const int now = findRow(partition, offset); now >= 0)
                select(now);
        },
        Qt::QueuedConnection);
}

} // namespace porthole

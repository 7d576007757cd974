// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupspanel.h"

#include "grouppoller.h"
#include "groupwords.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "gui/systemtheme.h"
#include "lagchart.h"
#include "models/groupcommits.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <map>

namespace porthole {
namespace {

QString settingsKey(const QString& topic)
{
    return QStringLiteral("runs/groups/") + QString(topic).replace(QLatin1Char('/'), u'_');
}

QTableWidgetItem* item(const QString& text, bool number = false)
{
    auto* i = new QTableWidgetItem(text);
    if (number)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

} // namespace

GroupsPanel::GroupsPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_poller(new GroupPoller(this)),
      m_timer(new QTimer(this)), m_add(new QLineEdit(this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_note(new QLabel(this)),
      m_table(new QTableWidget(0, 6, this)), m_chart(new LagChart(this))
{
    setObjectName(QStringLiteral("groupsPanel"));
    auto* title = new QLabel(tr("<b>Consumer groups</b>"), this);
    m_add->setObjectName(QStringLiteral("groupsAdd"));
    m_add->setAccessibleName(tr("Group id to watch"));
    m_add->setPlaceholderText(tr("Add a group id (ORG.…)"));
    auto* addButton = new QPushButton(tr("Add"), this);
    addButton->setObjectName(QStringLiteral("groupsAddButton"));
    m_remove->setObjectName(QStringLiteral("groupsRemove"));
    m_remove->setToolTip(tr("Stop watching the selected group (only groups you named)"));
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("groupsRefresh"));
    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_add, 1);
    top->addWidget(addButton);
    top->addWidget(m_remove);
    top->addWidget(refreshButton);

    m_note->setObjectName(QStringLiteral("groupsNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(SystemTheme::css(SystemTheme::Tone::Caution));
    m_note->hide();
    m_table->setObjectName(QStringLiteral("groupsTable"));
    m_table->setAccessibleName(tr("Consumer groups per partition"));
    m_table->setHorizontalHeaderLabels(
        {tr("Group"), tr("Part."), tr("Committed"), tr("End"), tr("Lag"), tr("Waiting")});
    m_table->horizontalHeaderItem(5)->setToolTip(tr("The oldest waiting message's age"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 6; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("groupsSplit"));
    split->addWidget(m_table);
    split->addWidget(m_chart);
    // Every number column whole and the start of a group id: the chart gives way first.
    int tableMin = m_table->fontMetrics().horizontalAdvance(QStringLiteral("ORG.group")) +
                   2 * m_table->frameWidth();
    for (int c = 1; c < 6; ++c)
        tableMin += m_table->horizontalHeader()->sectionSizeHint(c);
    m_table->setMinimumWidth(tableMin);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);

    const auto addTyped = [this] {
        addGroup(m_add->text().trimmed());
        m_add->clear();
    };
    connect(m_add, &QLineEdit::returnPressed, this, addTyped);
    connect(addButton, &QPushButton::clicked, this, addTyped);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_named.removeAll(m_table->item(row, 0)->text());
        saveNamed();
        publishGroups();
        refresh();
    });
    connect(refreshButton, &QPushButton::clicked, this, [this] {
        m_listAgain = true;
        refresh();
    });
    connect(m_poller, &GroupPoller::polled, this, &GroupsPanel::present);
    m_timer->setInterval(kIntervalMs);
    // Named groups feed the Consumed column even while the panel is hidden; listing the
    // broker's groups waits until the panel is seen.
    connect(m_timer, &QTimer::timeout, this, &GroupsPanel::refresh);
    m_timer->start();
    connect(m_session->connection(), &ConnectionState::changed, this,
            &GroupsPanel::connectionChanged);
    connectionChanged();
}

void GroupsPanel::connectionChanged()
{
    const QString topic = m_session->connection()->topic();
    if (topic == m_topic)
        return;
    m_topic = topic;
    m_named = QSettings().value(settingsKey(topic)).toStringList();
    m_listed.clear();
    m_listNote.clear();
    m_listAgain = true;
    m_table->setRowCount(0);
    m_chart->clear();
    m_note->hide();
    publishGroups();
    refresh();
}

void GroupsPanel::addGroup(const QString& group)
{
    if (group.isEmpty() || m_named.contains(group))
        return;
    m_named << group;
    m_named.sort();
    saveNamed();
    publishGroups();
    refresh();
}

void GroupsPanel::saveNamed()
{
    QSettings settings;
    if (m_named.isEmpty())
        settings.remove(settingsKey(m_topic));
    else
        settings.setValue(settingsKey(m_topic), m_named);
}

void GroupsPanel::publishGroups()
{
    QStringList all = m_named + m_listed;
    all.removeDuplicates();
    m_session->groupCommits()->setGroups(all);
}

void GroupsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void GroupsPanel::refresh()
{
    const KafkaTarget target = m_session->connection()->effective();
    // Hidden with no group named, there is nothing to show or to tick: no Kafka client at all.
    if (target.bootstrap().isEmpty() || m_topic.isEmpty() || (!isVisible() && m_named.isEmpty()))
        return;
    // Listing only when someone looks: it is one more request per poll on a real cluster.
    const bool list = m_listAgain && isVisible();
    if (m_poller->poll(target.config, m_topic, orgOfTopic(m_topic), m_named, list) && list)
        m_listAgain = false;
}

bool GroupsPanel::selectGroup(const QString& group)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == group) {
            m_table->selectRow(row);
            m_table->scrollToItem(m_table->item(row, 0));
            return true;
        }
    return false;
}

void GroupsPanel::present(const GroupsSnapshot& s)
{
    if (s.listAsked) { // kept until the next listing (they are asked once per connection)
        m_listed = s.listed;
        m_listNote = s.listNote;
        m_listNote.remove(QStringLiteral("; name them with --group")); // the CLI's words
    }
    publishGroups();
    QStringList notes;
    QStringList whole; // the tooltip: the same with the listing's reason in full
    if (!s.error.isEmpty())
        notes << s.error;
    whole = notes;
    if (!m_listNote.isEmpty()) {
        // One line: at 1024x700 the panel has about ten lines in all.
        notes << tr("Group listing unavailable: add group ids above to watch them.");
        whole << tr("Listing the organisation's groups is unavailable: %1.").arg(m_listNote);
    }
    notes << s.errors;
    whole << s.errors;
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
    m_note->setToolTip(whole.join(QLatin1Char('\n')));
    if (!s.error.isEmpty())
        return; // the last rows stay: better old numbers than none, the note says why

    const QString selected =
        m_table->currentRow() >= 0 ? m_table->item(m_table->currentRow(), 0)->text() : QString();
    m_table->setRowCount(int(s.positions.size()));
    std::map<QString, std::map<int32_t, int64_t>> committed;
    QMap<QString, qint64> lags;
    int row = 0;
    for (const GroupPosition& g : s.positions) {
        const QString group = QString::fromStdString(g.group);
        committed[group][g.partition] = g.committed;
        if (g.committed >= 0) // a group without an offset there has no lag to draw
            lags[group] += g.lag;
        m_table->setItem(row, 0, item(group));
        m_table->setItem(row, 1, item(QString::number(g.partition), true));
        m_table->setItem(row, 2,
                         item(g.committed < 0 ? tr("none") : QString::number(g.committed), true));
        m_table->setItem(row, 3, item(g.end < 0 ? tr("?") : QString::number(g.end), true));
        m_table->setItem(row, 4, item(g.lag < 0 ? tr("—") : QString::number(g.lag), true));
        m_table->setItem(row, 5,
                         item(g.oldestWaitingS ? waitingAge(*g.oldestWaitingS) : tr("—"), true));
        ++row;
    }
    for (const auto& [group, offsets] : committed)
        m_session->groupCommits()->setCommitted(group, offsets);
    m_chart->addSample(s.atMs, lags);
    if (!selected.isEmpty())
        selectGroup(selected);
    Q_EMIT refreshed();
}

} // namespace porthole

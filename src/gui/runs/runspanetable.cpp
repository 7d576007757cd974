// SPDX-License-Identifier: GPL-3.0-or-later
// The Runs pane's table extras (issue 22), apart from runspane.cpp: the time mode, the Follow
// toggle, muted cells ("no key", "tombstone") and the empty table's sentence.
#include "runspane.h"

#include "autoscroller.h"
#include "emptytablenote.h"
#include "models/runstablemodel.h"
#include "mutedcelldelegate.h"
#include "runsheaderstate.h"
#include "runsrecorder.h"
#include "ui_runspane.h"
#include "wraprow.h"

#include <QAction>
#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

namespace porthole {

void RunsPane::setupTableExtras()
{
    m_model->setTimeMode(RunsHeaderState::timeMode());
    m_table->setItemDelegate(new MutedCellDelegate(m_table)); // "no key", "tombstone"
    // Follow: checked while the newest row stays in sight; a selected row pauses it.
    QAction* follow = m_scroller->followAction();
    addAction(follow);
    auto* followButton = new QToolButton(this);
    followButton->setObjectName(QStringLiteral("runsFollowButton"));
    followButton->setDefaultAction(follow);
    m_ui->filterRow->addWidget(followButton); // beside Newest first: both about the order
    // The position row must hold at 1024 px (the Partitions box readable): its buttons may
    // give up the style's minimum width down to their text's.
    for (QPushButton* b : {m_pauseButton, m_clearButton})
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(tr("Resume")) + 24);
    // Narrower still (beside the editor at 1024), they go under the start combo and its field.
    new WrapRow(this, m_ui->runsLayout, m_ui->positionRow,
                {m_pauseButton, m_clearButton, m_recordButton});
    m_emptyNote = new EmptyTableNote(m_table, [this] { return emptyText(); });
    connect(m_emptyNote, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("all"))
            showAllRows();
        else if (link == QLatin1String("watch"))
            startWatching();
    });
    connect(m_recorder, &RunsRecorder::loading, this, [this](const QString& path) {
        m_recording = path;
        m_emptyNote->refresh();
    });
}

QString RunsPane::emptyText() const
{
    const QString topic = m_topic->text().trimmed().toHtmlEscaped();
    if (m_model->rowCount() > 0)
        return tr("None of the %Ln message(s) held matches the filter. "
                  "<a href=\"all\">Show all</a>",
                  nullptr, m_model->rowCount());
    const QString publish = tr("publish a message (Ctrl+Enter in Publish) to see it here.");
    if (isWatching()) {
        if (m_paused)
            return tr("Paused: new messages on %1 wait on the broker. Resume to take them.")
                .arg(topic);
        switch (m_watchFrom.kind) {
        case StartPosition::Kind::End:
            return tr("Watching %1 from the end — %2").arg(topic, publish);
        case StartPosition::Kind::Beginning:
            return tr("Watching %1 from the beginning: nothing on it yet — %2").arg(topic, publish);
        case StartPosition::Kind::Offset:
            return tr("Watching %1 from offset %2: nothing there yet — %3")
                .arg(topic)
                .arg(m_watchFrom.value)
                .arg(publish);
        case StartPosition::Kind::Timestamp:
            return tr("Watching %1 from %2: nothing since then yet — %3")
                .arg(topic,
                     QDateTime::fromMSecsSinceEpoch(m_watchFrom.value)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     publish);
        case StartPosition::Kind::Tail:
            return tr("Watching the last %Ln message(s) per partition of %1: none yet — %2",
                      nullptr, int(m_watchFrom.value))
                .arg(topic, publish);
        }
    }
    if (!m_recording.isEmpty())
        return tr("The recording %1 holds no messages.")
            .arg(QFileInfo(m_recording).fileName().toHtmlEscaped());
    if (m_wantWatch) // the watch failed: it tries again when the connection changes
        return tr("%1<br>Choose another connection (Ctrl+K) or <a href=\"watch\">watch "
                  "again</a> (F5).")
            .arg(m_connection.toHtmlEscaped());
    return tr("Not watching. <a href=\"watch\">Watch %1</a> (F5) to see its messages here, or "
              "open a recording (Ctrl+Shift+O).")
        .arg(topic);
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinedialog.h"

#include "timelineview.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace porthole {

TimelineDialog::TimelineDialog(RunLedger* ledger, QWidget* parent)
    : QDialog(parent), m_view(new TimelineView(ledger, this))
{
    setObjectName(QStringLiteral("timelineDialog"));
    setModal(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    QPushButton* diagnose = buttons->addButton(tr("&Diagnose…"), QDialogButtonBox::ActionRole);
    diagnose->setObjectName(QStringLiteral("timelineDiagnose"));
    diagnose->setToolTip(tr("Find the run's message, the groups' offsets and Port's record"));
    connect(diagnose, &QPushButton::clicked, this, [this] { Q_EMIT diagnoseRequested(m_runId); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    // Never wider or taller than the screen it opens on (1024×700 screens exist); a workflow
    // run's node runs take a few rows above the story.
    QSize size(1100, 520);
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.94);
    resize(size);
}

void TimelineDialog::showRun(const QString& runId)
{
    setWindowTitle(tr("Timeline of %1 — Porthole").arg(runId));
    m_runId = runId;
    m_view->setRunId(runId);
    show();
    raise();
    activateWindow();
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftbar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace porthole {

DraftBar::DraftBar(QWidget* parent) : QFrame(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("draftBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    m_text->setObjectName(QStringLiteral("draftText"));
    m_text->setWordWrap(true);
    m_text->setForegroundRole(QPalette::ToolTipText);
    auto* restore = new QPushButton(tr("&Restore"), this);
    restore->setObjectName(QStringLiteral("draftRestore"));
    auto* discard = new QPushButton(tr("D&iscard"), this);
    discard->setObjectName(QStringLiteral("draftDiscard"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    row->addWidget(m_text, 1);
    row->addWidget(restore);
    row->addWidget(discard);
    connect(restore, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT restoreRequested(m_draft);
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT discardRequested();
    });
    hide();
}

void DraftBar::offer(const NodeDocument::Draft& draft)
{
    m_draft = draft;
    const QString name = draft.path.isEmpty() ? tr("an untitled node")
                         : draft.path.startsWith(QLatin1Char(':'))
                             ? tr("the example %1").arg(QFileInfo(draft.path).fileName())
                             : QFileInfo(draft.path).fileName();
    m_text->setText(
        tr("Porthole did not close cleanly. Unsaved work on %1 was autosaved at %2.")
            .arg(name, QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat)));
    show();
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "errordetails.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace porthole {

ErrorDetails::ErrorDetails(QWidget* parent)
    : QWidget(parent), m_toggle(new QToolButton(this)), m_text(new QPlainTextEdit(this))
{
    m_toggle->setObjectName(QStringLiteral("errorDetailsToggle"));
    m_toggle->setText(tr("Details"));
    m_toggle->setToolTip(tr("The Kafka client's own words"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_text->setObjectName(QStringLiteral("errorDetailsText"));
    m_text->setAccessibleName(tr("Error details"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A few lines: librdkafka's text is one or two, wrapped.
    m_text->setMaximumHeight(m_text->fontMetrics().lineSpacing() * 5);
    m_text->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_text);
    connect(m_toggle, &QToolButton::toggled, this, &ErrorDetails::setExpanded);
    setVisible(false);
}

void ErrorDetails::setDetails(const QString& text)
{
    m_text->setPlainText(text);
    if (text.isEmpty())
        setExpanded(false);
    setVisible(!text.isEmpty());
}

QString ErrorDetails::details() const
{
    return m_text->toPlainText();
}

bool ErrorDetails::isExpanded() const
{
    return m_toggle->isChecked();
}

void ErrorDetails::setExpanded(bool expanded)
{
    if (m_toggle->isChecked() != expanded)
        m_toggle->setChecked(expanded); // toggled() comes back here
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_text->setVisible(expanded);
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "elidedlabel.h"

namespace porthole {

ElidedLabel::ElidedLabel(QWidget* parent) : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString& text)
{
    // sizeHint() is the whole text's width: the layout must hear when that changes.
    const bool widthChanged =
        fontMetrics().horizontalAdvance(text) != fontMetrics().horizontalAdvance(m_full);
    m_full = text;
    elide();
    if (widthChanged)
        updateGeometry();
}

void ElidedLabel::setDetail(const QString& detail)
{
    m_detail = detail;
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("……")),
            QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    const QString line = QString(m_full).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(line) + m.left() + m.right() + 2 * margin() + 1,
            QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const QString line = QString(m_full).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QString shown =
        fontMetrics().elidedText(line, Qt::ElideRight, std::max(0, contentsRect().width()));
    QLabel::setText(shown);
    const QString cut = shown == line ? QString() : m_full;
    setToolTip(m_detail.isEmpty() ? cut
               : cut.isEmpty()    ? m_detail
                                  : cut + QStringLiteral("\n\n") + m_detail);
}

} // namespace porthole

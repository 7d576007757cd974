// SPDX-License-Identifier: GPL-3.0-or-later
#include "examplenote.h"

#include "exampleindex.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace porthole {

ExampleNote::ExampleNote(const ExampleIndex& examples, QWidget* parent)
    : QFrame(parent), m_examples(examples), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("exampleNote"));
    m_text->setObjectName(QStringLiteral("exampleNoteText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    setAutoFillBackground(true);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(10, 6, 10, 6);
    // The style's information icon, not a character: "ⓘ" was an empty box where the fonts lack it.
    auto* icon = new QLabel(this);
    const int side = fontMetrics().height();
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(side, side));
    icon->setAlignment(Qt::AlignTop);
    row->addWidget(icon);
    row->addWidget(m_text, 1);
    colour();
    hide();
}

void ExampleNote::showFor(const QString& path)
{
    const ExampleEntry* e = m_examples.find(path);
    if (!e || e->deliberateMistake.isEmpty()) {
        m_text->clear();
        hide();
        return;
    }
    m_text->setText(e->deliberateMistake);
    setAccessibleName(e->deliberateMistake);
    show();
}

QString ExampleNote::text() const
{
    return m_text->text();
}

void ExampleNote::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        colour();
}

void ExampleNote::colour()
{
    // A fifth of the highlight over the base: a quiet band that follows light and dark
    // palettes, its text the palette's own (so the contrast is the palette's).
    QPalette p = palette();
    const QColor base = p.color(QPalette::Base), mark = p.color(QPalette::Highlight);
    const auto mix = [](int a, int b) { return (4 * a + b) / 5; };
    p.setColor(QPalette::Window,
               QColor(mix(base.red(), mark.red()), mix(base.green(), mark.green()),
                      mix(base.blue(), mark.blue())));
    p.setColor(QPalette::WindowText, p.color(QPalette::Text));
    setPalette(p);
}

} // namespace porthole

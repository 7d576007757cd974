// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagevalueview.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include "core/hexdump.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "gui/systemtheme.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace porthole {
namespace {

// Scintilla lays a line out whole: one line of 256 KiB stalls the window for a third of a
// second (measured), so longer lines are broken for display; counts the breaks.
constexpr qsizetype kDisplayLine = 4000;

QString brokenForDisplay(const QString& text, int* breaks)
{
    QString out;
    out.reserve(text.size() + text.size() / kDisplayLine + 1);
    qsizetype run = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            run = 0;
        } else if (++run > kDisplayLine && !c.isLowSurrogate()) {
            out += QLatin1Char('\n');
            ++*breaks;
            run = 1;
        }
        out += c;
    }
    return out;
}

} // namespace

MessageValueView::MessageValueView(QWidget* parent)
    : QWidget(parent), m_editor(new QsciScintilla(this)), m_note(new QLabel(this)),
      m_tombstone(new QLabel(this)), m_showAll(new QPushButton(this)), m_findBar(new QWidget(this)),
      m_find(new QLineEdit(this)), m_findStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("messageValueView"));
    m_editor->setObjectName(QStringLiteral("runsDetailValue"));
    m_editor->setUtf8(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* lexer = new QsciLexerJSON(m_editor);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    m_editor->setLexer(lexer);
    // Its colours from the palette: light-theme dark red on a dark base would not read.
    SystemTheme::fitEditor(m_editor, lexer);
    m_editor->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginWidth(0, QStringLiteral("00000"));
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setWrapMode(QsciScintilla::WrapNone);
    m_editor->SendScintilla(QsciScintilla::SCI_SETSCROLLWIDTH, 1);
    m_editor->SendScintilla(QsciScintilla::SCI_SETSCROLLWIDTHTRACKING, 1);
    m_editor->setReadOnly(true);

    // A null value is not the text "null": no editor, a sentence saying what it is.
    m_tombstone->setObjectName(QStringLiteral("runsDetailTombstone"));
    m_tombstone->setText(tr("<b>Tombstone (null value)</b><br>The message has no value at all: "
                            "on a compacted topic it deletes its key."));
    m_tombstone->setAlignment(Qt::AlignCenter);
    m_tombstone->setWordWrap(true);
    m_tombstone->hide();
    m_note->setObjectName(QStringLiteral("runsDetailValueNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_showAll->setObjectName(QStringLiteral("runsDetailShowAll"));
    m_showAll->hide();
    connect(m_showAll, &QPushButton::clicked, this, &MessageValueView::showAll);

    m_find->setObjectName(QStringLiteral("runsDetailFind"));
    m_find->setPlaceholderText(tr("Find in the value (Enter: next, Shift+Enter: previous)"));
    m_findStatus->setObjectName(QStringLiteral("runsDetailFindStatus"));
    auto* closeFind = new QToolButton(m_findBar);
    closeFind->setText(tr("Close"));
    auto* findRow = new QHBoxLayout(m_findBar);
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_findStatus);
    findRow->addWidget(closeFind);
    m_findBar->hide();
    connect(closeFind, &QToolButton::clicked, m_findBar, &QWidget::hide);
    connect(m_find, &QLineEdit::returnPressed, this,
            [this] { findNext(!(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier)); });
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, &MessageValueView::openFind);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_findBar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, m_findBar, &QWidget::hide);

    auto* noteRow = new QHBoxLayout;
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_showAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_findBar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_tombstone, 1);
    layout->addLayout(noteRow);
}

void MessageValueView::setValue(const std::optional<std::string>& value, ValueFormat format)
{
    auto record = std::make_shared<KafkaRecord>();
    record->value = value;
    setValue(std::move(record), format);
}

void MessageValueView::setValue(std::shared_ptr<const KafkaRecord> record, ValueFormat format)
{
    m_record = std::move(record);
    m_value = &m_record->value;
    m_format = format;
    render(false);
}

void MessageValueView::clear()
{
    m_record.reset();
    m_value = nullptr;
    m_format = ValueFormat::Null;
    m_partial = false;
    m_editor->setText(QString());
    m_editor->show();
    m_tombstone->hide();
    m_note->hide();
    m_showAll->hide();
}

QString MessageValueView::shownText() const
{
    return isTombstone() ? tr("Tombstone (null value)") : m_editor->text();
}

bool MessageValueView::isTombstone() const
{
    return m_value && !*m_value;
}

void MessageValueView::showAll()
{
    render(true);
}

void MessageValueView::openFind()
{
    m_findBar->show();
    m_find->setFocus();
    m_find->selectAll();
}

void MessageValueView::render(bool whole)
{
    const QLocale locale;
    QString note;
    QString text;
    m_partial = false;
    m_tombstone->setVisible(isTombstone());
    m_editor->setVisible(!isTombstone());
    if (!m_value || !*m_value) {
        // Nothing in the editor (hidden for a tombstone, empty when cleared).
    } else {
        const std::string& v = **m_value;
        const bool cut = !whole && v.size() > kLazyBytes;
        const std::string_view shown = cut ? std::string_view(v).substr(0, kLazyBytes) : v;
        m_partial = cut;
        if (m_format == ValueFormat::Binary) {
            text = hexDump(shown);
            note = tr("Binary value (%1 bytes, not UTF-8), shown as hex. Copy value copies it as "
                      "base64; Save value… writes the bytes.")
                       .arg(locale.toString(qulonglong(v.size())));
        } else if (m_format == ValueFormat::Json && !cut) {
            // Pretty JSON in JavaScript's key order, parsed only now, for the message shown.
            const JsonDocument doc = JsonParser::parse(v);
            text = doc.ok() ? QString::fromStdString(JsWriter::stringify(doc.root->toValue(), 2))
                            : QString::fromUtf8(v.data(), qsizetype(v.size()));
        } else {
            text = QString::fromUtf8(shown.data(), qsizetype(shown.size()));
        }
        if (cut)
            note = tr("Showing the first %1 of %2 (not pretty-printed).")
                       .arg(locale.formattedDataSize(qint64(kLazyBytes)),
                            locale.formattedDataSize(qint64(v.size())));
    }
    int breaks = 0;
    text = brokenForDisplay(text, &breaks);
    if (breaks > 0)
        note += (note.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("Lines longer than %1 characters are broken for display (Copy value and "
                   "Save value… keep the bytes).")
                    .arg(kDisplayLine);
    m_editor->setText(text);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_showAll->setText(
        m_value && *m_value
            ? tr("Show all (%1)").arg(locale.formattedDataSize(qint64((*m_value)->size())))
            : QString());
    m_showAll->setVisible(m_partial);
}

void MessageValueView::findNext(bool forward)
{
    const QString what = m_find->text();
    if (what.isEmpty())
        return;
    int line = 0, index = 0;
    m_editor->getCursorPosition(&line, &index);
    if (!forward) {
        int fromLine = 0, fromIndex = 0, toLine = 0, toIndex = 0;
        m_editor->getSelection(&fromLine, &fromIndex, &toLine, &toIndex);
        if (fromLine >= 0) {
            line = fromLine;
            index = fromIndex;
        }
    }
    const bool found = m_editor->findFirst(what, false, false, false, true, forward, line, index);
    m_findStatus->setText(found ? QString() : tr("not found"));
}

} // namespace porthole

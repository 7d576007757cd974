// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodeeditor.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscistyledtext.h>

#include "core/jswriter.h"
#include "gui/systemtheme.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QPalette>

#include <QHelpEvent>
#include <QKeyEvent>
#include <QResizeEvent>
#include <QToolTip>
#include <algorithm>
#include <map>
#include <set>

namespace porthole {
namespace {

// Scintilla never wraps an annotation: a long line ran past the editor's edge, cut off. Breaks
// `text` into lines of at most `columns` characters, at spaces where it can; continuation lines
// are indented so a wrapped message still reads as one.
QString wrapped(const QString& text, int columns)
{
    QStringList out;
    const QString indent = QStringLiteral("  ");
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString rest = paragraph;
        bool first = true;
        while (!rest.isEmpty()) {
            const int room = std::max(8, columns - (first ? 0 : int(indent.size())));
            if (rest.size() <= room) {
                out << (first ? rest : indent + rest);
                break;
            }
            qsizetype cut = rest.lastIndexOf(QLatin1Char(' '), room);
            if (cut <= room / 3)
                cut = room; // one long word (a path, a value): cut it where the room ends
            out << (first ? QString() : indent) + rest.left(cut).trimmed();
            rest = rest.mid(cut).trimmed();
            first = false;
        }
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

NodeEditor::NodeEditor(QWidget* parent) : QsciScintilla(parent)
{
    setObjectName(QStringLiteral("nodeEditor"));
    setUtf8(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(10);
    auto* lexer = new QsciLexerJSON(this);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    setLexer(lexer);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginLineNumbers(0, true);
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 14);
    setMarginSensitivity(1, false);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setCaretLineVisible(true);
    const bool dark = SystemTheme::isDark();
    setCaretLineBackgroundColor(dark ? QColor(0x2a, 0x2d, 0x33) : QColor(0xf4, 0xf6, 0xfa));
    // The JSON lexer's colours are made for white paper: readable on the palette's base.
    SystemTheme::fitEditor(this, lexer);
    setWrapMode(QsciScintilla::WrapNone);
    // Size the horizontal scroll bar to the text instead of a fixed 2000 px.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);

    // Squiggles for errors (red) and warnings (amber); markers in the symbol margin.
    m_errorIndicator = indicatorDefine(QsciScintilla::SquiggleIndicator, m_errorIndicator);
    setIndicatorForegroundColor(QColor(0xd3, 0x2f, 0x2f), m_errorIndicator);
    m_warningIndicator = indicatorDefine(QsciScintilla::SquiggleIndicator, m_warningIndicator);
    setIndicatorForegroundColor(QColor(0xe0, 0x9b, 0x00), m_warningIndicator);
    m_errorMarker = markerDefine(QsciScintilla::Circle, m_errorMarker);
    setMarkerBackgroundColor(QColor(0xd3, 0x2f, 0x2f), m_errorMarker);
    setMarkerForegroundColor(QColor(0xd3, 0x2f, 0x2f), m_errorMarker);
    m_warningMarker = markerDefine(QsciScintilla::Circle, m_warningMarker);
    setMarkerBackgroundColor(QColor(0xe0, 0x9b, 0x00), m_warningMarker);
    setMarkerForegroundColor(QColor(0xe0, 0x9b, 0x00), m_warningMarker);
    setMouseTracking(true);

    // Template values sit under their line in a quiet box; errors in red.
    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    QFont small = mono;
    small.setPointSize(9);
    m_valueStyle = QsciStyle(-1, QStringLiteral("template value"),
                             dark ? QColor(0x9c, 0xd6, 0x9f) : QColor(0x1b, 0x5e, 0x20),
                             dark ? QColor(0x1f, 0x33, 0x22) : QColor(0xee, 0xf7, 0xee), small);
    m_errorStyle = QsciStyle(-1, QStringLiteral("template error"),
                             dark ? QColor(0xf2, 0x9a, 0x94) : QColor(0xb7, 0x1c, 0x1c),
                             dark ? QColor(0x3d, 0x22, 0x22) : QColor(0xfd, 0xec, 0xea), small);
}

void NodeEditor::setTemplateValues(const std::vector<TemplateInfo>& templates)
{
    m_templates = templates;
    // Styles go in by number: a QsciStyledText built from a QsciStyle copies it and never frees
    // the copy.
    m_valueStyle.apply(this);
    m_errorStyle.apply(this);
    std::map<int, QStringList> valueLines, errorLines;
    constexpr int kMaxShown = 160; // a long value is cut: the preview shows it whole
    constexpr int kMaxError = 480; // an error wraps onto a few lines; the tooltip has it all
    m_annotationWidth = viewport()->width();
    for (const auto& t : templates) {
        QString text;
        if (!t.ok)
            text = QStringLiteral("✖ {{%1}}: %2")
                       .arg(QString::fromStdString(t.expression), QString::fromStdString(t.error));
        else
            text = QStringLiteral("= %1").arg(
                t.undefinedValue ? QStringLiteral("undefined")
                                 : QString::fromStdString(JsWriter::stringify(t.value)));
        const int max = t.ok ? kMaxShown : kMaxError;
        if (text.size() > max)
            text = text.left(max) + QStringLiteral("…");
        (t.ok ? valueLines : errorLines)[t.range.begin.line - 1] << text;
    }
    std::map<int, std::pair<QString, QString>> shown; // line -> (values, errors)
    for (const auto& [line, values] : valueLines)
        shown[line].first = wrapped(values.join(QStringLiteral("   ")), annotationColumns(line));
    for (const auto& [line, errors] : errorLines)
        shown[line].second = wrapped(errors.join(QStringLiteral("\n")), annotationColumns(line));
    // Only lines whose annotation differs are annotated again: re-laying out every template's
    // line at each key was most of the UI thread's share of a keystroke on a 200-template node.
    // Scintilla's own annotations are compared (they move with inserted and deleted lines).
    const int lineCount = lines();
    for (int line = 0; line < lineCount; ++line)
        if (!shown.count(line) &&
            SendScintilla(SCI_ANNOTATIONGETTEXT, static_cast<unsigned long>(line)) > 0)
            clearAnnotations(line);
    for (const auto& [line, text] : shown) {
        const auto& [values, errors] = text;
        const QString separator =
            values.isEmpty() || errors.isEmpty() ? QString() : QStringLiteral("\n");
        if (annotation(line) == values + separator + errors)
            continue;
        QList<QsciStyledText> parts;
        if (!values.isEmpty())
            parts << QsciStyledText(values, m_valueStyle.style());
        if (!errors.isEmpty())
            parts << QsciStyledText(separator + errors, m_errorStyle.style());
        annotate(line, parts);
    }
}

int NodeEditor::annotationColumns(int line) const
{
    // Scintilla starts a line's annotation box where the line's text starts (its indentation):
    // the room is from there to the right edge, less the box, in the annotations' small
    // monospace font. The horizontal scroll is added back: wrapping must not follow it.
    const long indent = SendScintilla(SCI_GETLINEINDENTPOSITION, static_cast<unsigned long>(line));
    const long left =
        SendScintilla(SCI_POINTXFROMPOSITION, 0UL, indent) + SendScintilla(SCI_GETXOFFSET);
    // Fractional advances: Scintilla lays text out in them, and an int 'M' rounded down
    // overflowed a 75-character line by a character.
    const QFontMetricsF metrics(m_valueStyle.font());
    const double width = viewport()->width() - double(left) - 16;
    return std::max(24,
                    int(width / std::max(1.0, metrics.horizontalAdvance(QLatin1Char('M')))) - 1);
}

void NodeEditor::resizeEvent(QResizeEvent* e)
{
    QsciScintilla::resizeEvent(e);
    // A narrower editor (a splitter moved, a smaller window) wraps the annotations again.
    if (!m_templates.empty() && viewport()->width() != m_annotationWidth)
        setTemplateValues(std::vector<TemplateInfo>(m_templates));
}

void NodeEditor::setUtf8Text(std::string_view bytes)
{
    // Not setText(): it goes through QString (invalid UTF-8 becomes U+FFFD) and a C string (a
    // NUL ends it), and the linter must see, and point at, exactly the bytes of the file.
    SendScintilla(SCI_CLEARALL);
    SendScintilla(SCI_APPENDTEXT, static_cast<unsigned long>(bytes.size()), bytes.data());
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    SendScintilla(SCI_GOTOPOS, 0L);
}

std::string NodeEditor::utf8Text() const
{
    // Scintilla's own UTF-8 buffer: byte offsets in diagnostics index exactly this.
    const long length = SendScintilla(SCI_GETLENGTH);
    std::string bytes(size_t(length) + 1, '\0');
    SendScintilla(SCI_GETTEXT, length + 1, bytes.data());
    bytes.resize(size_t(length));
    return bytes;
}

void NodeEditor::setDiagnostics(const Diagnostics& diagnostics)
{
    m_diagnostics = diagnostics;
    const long length = SendScintilla(SCI_GETLENGTH);
    for (int ind : {m_errorIndicator, m_warningIndicator}) {
        SendScintilla(SCI_SETINDICATORCURRENT, ind);
        SendScintilla(SCI_INDICATORCLEARRANGE, 0, length);
    }
    markerDeleteAll();
    for (const auto& d : m_diagnostics) {
        const bool err = d.severity == Severity::Error;
        long begin = long(std::min<int64_t>(d.range.begin.offset, length));
        long end = long(std::min<int64_t>(d.range.end.offset, length));
        if (end <= begin) // an empty range (end of file) still deserves a visible mark
            begin = std::max(0L, end - 1);
        SendScintilla(SCI_SETINDICATORCURRENT, err ? m_errorIndicator : m_warningIndicator);
        SendScintilla(SCI_INDICATORFILLRANGE, begin, std::max(1L, end - begin));
        markerAdd(d.range.begin.line - 1, err ? m_errorMarker : m_warningMarker);
    }
}

void NodeEditor::selectBytes(int64_t begin, int64_t end)
{
    SendScintilla(SCI_SETSEL, long(begin), long(end));
    SendScintilla(SCI_SCROLLCARET);
    setFocus();
}

void NodeEditor::replaceBytes(int64_t begin, int64_t end, const std::string& text)
{
    beginUndoAction();
    SendScintilla(SCI_SETTARGETSTART, long(begin));
    SendScintilla(SCI_SETTARGETEND, long(end));
    SendScintilla(SCI_REPLACETARGET, long(text.size()), text.c_str());
    endUndoAction();
}

int64_t NodeEditor::cursorByte() const
{
    return SendScintilla(SCI_GETCURRENTPOS);
}

void NodeEditor::keyPressEvent(QKeyEvent* e)
{
    // Scintilla types the text of any key it has no command for, so Ctrl+. became "." and
    // Alt+F an "f". A chord with Ctrl or Alt that reaches here is not the editor's: let it go
    // up to the window (whose shortcuts and menus take it) instead of typing it. AltGr chords
    // (Ctrl+Alt on some layouts) still type, since they are how those keyboards write { and }.
    const Qt::KeyboardModifiers mods = e->modifiers() & (Qt::ControlModifier | Qt::AltModifier);
    const bool altGr = mods == (Qt::ControlModifier | Qt::AltModifier) && !e->text().isEmpty() &&
                       e->text().at(0).isPrint();
    if (mods && !altGr && !e->text().isEmpty() && e->text().at(0).isPrint()) {
        e->ignore();
        return;
    }
    QsciScintilla::keyPressEvent(e);
}

bool NodeEditor::focusNextPrevChild(bool next)
{
    // Scintilla keeps Tab to indent; Ctrl+M (tabMovesFocus) lets keyboard users out.
    if (m_tabMovesFocus)
        return QWidget::focusNextPrevChild(next);
    return QsciScintilla::focusNextPrevChild(next);
}

QString NodeEditor::hoverText(long pos) const
{
    if (pos < 0)
        return {};
    // Rich text, so Qt wraps it: a long value used to make a 1,000-px one-line tooltip.
    QStringList parts;
    constexpr int kMaxValue = 600;
    for (const auto& t : m_templates) {
        if (pos < t.range.begin.offset || pos >= t.range.end.offset)
            continue;
        QString body;
        if (!t.ok) {
            body = tr("<b>Error</b>: %1").arg(QString::fromStdString(t.error).toHtmlEscaped());
        } else if (t.undefinedValue) {
            body = tr("<b>undefined</b> (no output: Port drops the key or renders null)");
        } else {
            QString value = QString::fromStdString(JsWriter::stringify(t.value, 2));
            if (value.size() > kMaxValue)
                value = value.left(kMaxValue) + QStringLiteral("…");
            body = tr("<b>%1</b><pre style='white-space:pre-wrap'>%2</pre>")
                       .arg(QString::fromUtf8(t.value.typeName()), value.toHtmlEscaped());
        }
        parts << QStringLiteral("<code>{{%1}}</code><br>%2")
                     .arg(QString::fromStdString(t.expression).toHtmlEscaped(), body);
    }
    for (const auto& d : m_diagnostics) {
        const int64_t end = std::max(d.range.end.offset, d.range.begin.offset + 1);
        if (pos >= d.range.begin.offset && pos < end)
            parts << QStringLiteral("<b>%1</b>: %2")
                         .arg(QString::fromUtf8(severityName(d.severity)),
                              QString::fromStdString(d.message).toHtmlEscaped());
    }
    if (parts.isEmpty())
        return {};
    return QStringLiteral("<qt>%1</qt>").arg(parts.join(QStringLiteral("<hr>")));
}

bool NodeEditor::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const long pos =
            SendScintilla(SCI_POSITIONFROMPOINTCLOSE, help->pos().x(), help->pos().y());
        const QString text = hoverText(pos);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QsciScintilla::event(e);
}

} // namespace porthole

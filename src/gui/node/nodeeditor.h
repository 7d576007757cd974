// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/diagnostic.h"
#include "template/noderenderer.h"

#include <Qsci/qscistyle.h>

#include <Qsci/qsciscintilla.h>

namespace porthole {

/// The node JSON editor: QScintilla with JSON highlighting, squiggles and margin markers for
/// diagnostics (positions are UTF-8 byte offsets, which is what Scintilla counts), and a tooltip
/// with the message under the mouse.
class NodeEditor : public QsciScintilla
{
    Q_OBJECT
public:
    explicit NodeEditor(QWidget* parent = nullptr);

    /// Replaces the shown diagnostics.
    void setDiagnostics(const Diagnostics& diagnostics);
    /// The diagnostics shown.
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    /// Shows each template's value or error in place, under its line.
    void setTemplateValues(const std::vector<TemplateInfo>& templates);
    /// The editor's text as UTF-8 bytes.
    std::string utf8Text() const;
    /// Replaces the text with these bytes exactly (NULs and invalid UTF-8 included).
    void setUtf8Text(std::string_view bytes);
    /// Moves the cursor to a byte offset and selects [begin, end).
    void selectBytes(int64_t begin, int64_t end);
    /// Replaces the byte range [begin, end) with `text`, as one undo step.
    void replaceBytes(int64_t begin, int64_t end, const std::string& text);
    /// The cursor's byte offset.
    int64_t cursorByte() const;
    /// When true, Tab and Shift+Tab move focus out of the editor instead of indenting (Ctrl+M).
    void setTabMovesFocus(bool on) { m_tabMovesFocus = on; }
    bool tabMovesFocus() const { return m_tabMovesFocus; }

protected:
    bool event(QEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    bool focusNextPrevChild(bool next) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    /// The tooltip for byte `pos`: the template there (value, type or error) and diagnostics.
    QString hoverText(long pos) const;
    /// How many characters of line `line`'s annotation fit across the editor now.
    int annotationColumns(int line) const;

private:
    Diagnostics m_diagnostics;
    std::vector<TemplateInfo> m_templates;
    int m_errorIndicator = 8;
    int m_warningIndicator = 9;
    int m_warningMarker = 0;
    int m_errorMarker = 1; // the higher marker number is drawn on top: errors win
    QsciStyle m_valueStyle;
    QsciStyle m_errorStyle;
    bool m_tabMovesFocus = false;
    int m_annotationWidth = 0; // the viewport width the annotations were wrapped to
};

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagedecoder.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QsciScintilla;

namespace porthole {

/// A message's value in a read-only QScintilla editor: pretty JSON with folding, text as it is,
/// binary as a hex dump with a note. Large values are lazy: the first 256 KiB are shown, with a
/// "Show all" button for the rest. Ctrl+F opens a search line (Enter: next, Shift+Enter: back).
class MessageValueView : public QWidget
{
    Q_OBJECT
public:
    static constexpr size_t kLazyBytes = 256 * 1024;

    explicit MessageValueView(QWidget* parent = nullptr);

    /// Shows `value` (nullopt: a null value) of the given format.
    void setValue(const std::optional<std::string>& value, ValueFormat format);
    /// The same without a copy: the value of a record someone else keeps alive.
    void setValue(std::shared_ptr<const KafkaRecord> record, ValueFormat format);
    void clear();
    /// The text shown now (UTF-8); for a tombstone, the words that say so.
    QString shownText() const;
    /// True when the value shown is null (a tombstone): a sentence instead of the editor.
    bool isTombstone() const;
    /// True when only the start of the value is shown.
    bool isPartial() const { return m_partial; }
    /// Shows the whole value (what "Show all" does).
    void showAll();
    /// Opens the search line with the focus in it.
    void openFind();

private:
    QsciScintilla* m_editor;
    QLabel* m_note;
    QLabel* m_tombstone; ///< replaces the editor for a null value
    QPushButton* m_showAll;
    QWidget* m_findBar;
    QLineEdit* m_find;
    QLabel* m_findStatus;
    std::shared_ptr<const KafkaRecord> m_record; // holds the value shown (never copied)
    const std::optional<std::string>* m_value = nullptr;
    ValueFormat m_format = ValueFormat::Null;
    bool m_partial = false;

    void render(bool whole);
    void findNext(bool forward);
};

} // namespace porthole

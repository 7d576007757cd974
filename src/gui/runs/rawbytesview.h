// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;

namespace porthole {

/// The detail's Raw tab: the key's and the value's exact bytes as a hex dump (offset, hex,
/// ASCII), each with its size; a null key or value says so. Selectable and copyable. Parts
/// over kShownBytes show their start (Save value… writes every byte).
class RawBytesView : public QWidget
{
    Q_OBJECT
public:
    static constexpr size_t kShownBytes = 256 * 1024;

    explicit RawBytesView(QWidget* parent = nullptr);

    /// Shows the record's key and value (kept alive, never copied); the dump is made when the
    /// view is shown, so a message selected while another tab is open costs nothing here.
    void setRecord(std::shared_ptr<const KafkaRecord> record);
    void clear();
    /// The text shown (headings and dumps), made now if it was not yet.
    QString text();
    QPlainTextEdit* textView() const { return m_text; }

private:
    QPlainTextEdit* m_text;
    std::shared_ptr<const KafkaRecord> m_record;
    bool m_dirty = false; ///< m_record not rendered yet

    void showEvent(QShowEvent* event) override;
    void render();
};

} // namespace porthole

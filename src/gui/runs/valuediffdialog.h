// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"

#include <QDialog>

#include <vector>

class QLabel;
class QPlainTextEdit;

namespace porthole {

/// Two messages' values side by side (the Runs table's "Compare values"): JSON in one
/// canonical form with its keys sorted (ValueDiff), other values as text or hex. Changed lines
/// are aligned; each row carries a mark (- removed, + added, ~ changed) beside its colour, so
/// colour is never the only sign; the colours are mixed from the palette and read in light
/// and dark. A line above says how many keys (or lines) differ and which.
class ValueDiffDialog : public QDialog
{
    Q_OBJECT
public:
    struct Row
    {
        enum class Mark
        {
            Same,
            Removed, ///< a line only on the left
            Added,   ///< a line only on the right
            Changed  ///< a line on each side, different
        };
        Mark mark = Mark::Same;
        QString left, right; ///< the lines (empty where a side has none)
    };

    /// `left` is the older message (the dialog copies what it shows).
    ValueDiffDialog(const KafkaRecord& left, const KafkaRecord& right, QWidget* parent = nullptr);

    const std::vector<Row>& rows() const { return m_rows; }
    /// The summary line ("3 keys differ: …").
    QString summary() const;
    QPlainTextEdit* leftView() const { return m_leftView; }
    QPlainTextEdit* rightView() const { return m_rightView; }

private:
    std::vector<Row> m_rows;
    QLabel* m_summary;
    QPlainTextEdit* m_leftView;
    QPlainTextEdit* m_rightView;

    void fill();
};

} // namespace porthole

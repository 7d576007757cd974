// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafka/watchoptions.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QSpinBox;

namespace porthole {

/// Where a watch starts: the beginning, new messages only, an offset, a time (date-time
/// picker) or the last N per partition; and which partitions ("all", "0,2", "1-3").
class ReadPositionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ReadPositionBar(QWidget* parent = nullptr);

    /// The start position chosen.
    StartPosition position() const;
    /// The partitions chosen (empty: all); nullopt with `error` set when the text is wrong.
    std::optional<std::vector<int32_t>> partitions(QString* error) const;
    /// Selects a kind and value programmatically (tests, --from in a saved session).
    void setPosition(const StartPosition& position);

Q_SIGNALS:
    /// The user chose another position or partitions (a kind picked, a value entered): a
    /// watch going on restarts from there.
    void chosen();

private:
    QComboBox* m_kind;
    QLineEdit* m_offset;
    QDateTimeEdit* m_time;
    QSpinBox* m_count;
    QLineEdit* m_partitions;
    void showFields();
};

} // namespace porthole

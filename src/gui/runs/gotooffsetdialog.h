// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace porthole {

/// Asks for a partition and an offset (Run ▸ Go to offset…); starts from the selected row's.
class GoToOffsetDialog : public QDialog
{
    Q_OBJECT
public:
    GoToOffsetDialog(int partition, qint64 offset, QWidget* parent = nullptr);

    int partition() const;
    qint64 offset() const;

private:
    QSpinBox* m_partition;
    QLineEdit* m_offset;
};

} // namespace porthole

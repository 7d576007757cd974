// SPDX-License-Identifier: GPL-3.0-or-later
#include "gotooffsetdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>

namespace porthole {

GoToOffsetDialog::GoToOffsetDialog(int partition, qint64 offset, QWidget* parent)
    : QDialog(parent), m_partition(new QSpinBox(this)), m_offset(new QLineEdit(this))
{
    setObjectName(QStringLiteral("runsGoToOffsetDialog"));
    setWindowTitle(tr("Go to offset"));
    m_partition->setObjectName(QStringLiteral("goToPartition"));
    m_partition->setRange(0, 99999);
    m_partition->setValue(partition);
    m_offset->setObjectName(QStringLiteral("goToOffset"));
    // Offsets are int64; 18 digits keep every accepted text inside it.
    m_offset->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,18}")), this));
    m_offset->setText(QString::number(offset));
    m_offset->selectAll();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Go"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_offset, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_offset->hasAcceptableInput());
    });
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Partition:"), m_partition);
    form->addRow(tr("&Offset:"), m_offset);
    form->addRow(buttons);
    m_offset->setFocus();
}

int GoToOffsetDialog::partition() const
{
    return m_partition->value();
}

qint64 GoToOffsetDialog::offset() const
{
    return m_offset->text().toLongLong();
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"
#include "gui/guisettings.h"

#include "core/appsettings.h"
#include "ui_preferencesdialog.h"

namespace porthole {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("preferencesDialog"));
    m_ui->keepPorts->setChecked(AppSettings::sandboxKeepPorts.value());
    const int kafka = AppSettings::sandboxKafkaPort.value();
    const int api = AppSettings::sandboxApiPort.value();
    m_ui->portsNote->setText(kafka > 0 ? tr("Last ports: Kafka %1, Port API %2. Takes effect at "
                                            "the next launch.")
                                             .arg(kafka)
                                             .arg(api)
                                       : tr("Takes effect at the next launch."));
    m_ui->autosaveSeconds->setValue(AppSettings::autosaveSeconds.value());
    m_ui->tabMovesFocus->setChecked(GuiSettings::editorTabMovesFocus.value());
    connect(this, &QDialog::accepted, this, &PreferencesDialog::apply);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::apply()
{
    AppSettings::sandboxKeepPorts.setValue(m_ui->keepPorts->isChecked());
    AppSettings::autosaveSeconds.setValue(m_ui->autosaveSeconds->value());
    GuiSettings::editorTabMovesFocus.setValue(m_ui->tabMovesFocus->isChecked());
}

} // namespace porthole

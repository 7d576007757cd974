// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}

namespace porthole {

/// Edit ▸ Preferences: the choices that are not remembered by simply using the app. The form is
/// ui/preferencesdialog.ui; this class reads and writes AppSettings.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    ~PreferencesDialog() override;
    /// Stores the choices (also done on OK).
    void apply();

private:
    std::unique_ptr<Ui::PreferencesDialog> m_ui;
};

} // namespace porthole

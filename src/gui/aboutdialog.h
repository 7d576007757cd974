// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QFormLayout;

namespace porthole {

/// Help ▸ About: what Porthole is and the versions of the libraries it runs on, as the loaded
/// libraries report them (Qt, librdkafka; libjq has no such call: the version built against),
/// with a button that copies them for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    /// "Porthole 0.1.0\nQt 6.4.2\n…": what the copy button puts on the clipboard.
    QString versionsText() const;

private:
    void addRow(QFormLayout* form, const QString& name, const QString& version,
                const QString& objectName);

    QStringList m_lines;
};

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "kafka/kafkaversion.h"
#include "template/jqversion.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace porthole {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Porthole"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/porthole.svg")).pixmap(64, 64));
    auto* title = new QLabel(tr("<b>Porthole %1</b>").arg(QStringLiteral(PORTHOLE_VERSION)), this);
    auto* text = new QLabel(tr("An inspector for Port's workflow Kafka action node: edit with a "
                               "live template preview, publish test messages, watch the runs "
                               "topic, report back to Port."),
                            this);
    text->setWordWrap(true);
    // The licence's SPDX id comes from CMake (PORTHOLE_LICENSE), as the package's metainfo's.
    auto* licence = new QLabel(tr("Free software under the GNU General Public License, version 3 "
                                  "or later (%1), with no warranty.")
                                   .arg(QStringLiteral(PORTHOLE_LICENSE)),
                               this);
    licence->setObjectName(QStringLiteral("licence"));
    licence->setWordWrap(true);

    auto* form = new QFormLayout;
    addRow(form, QStringLiteral("Porthole"), QStringLiteral(PORTHOLE_VERSION),
           QStringLiteral("porthole"));
    // qVersion() is the library loaded now; QT_VERSION_STR the one compiled against.
    const QString qt = QString::fromLatin1(qVersion());
    addRow(form, QStringLiteral("Qt"),
           qt == QLatin1String(QT_VERSION_STR)
               ? qt
               : tr("%1 (built with %2)").arg(qt, QLatin1String(QT_VERSION_STR)),
           QStringLiteral("qt"));
    addRow(form, QStringLiteral("librdkafka"), QString::fromStdString(librdkafkaVersion()),
           QStringLiteral("librdkafka"));
    addRow(form, QStringLiteral("jq"),
           tr("%1 (built against)").arg(QString::fromStdString(jqVersion())), QStringLiteral("jq"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersions"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);
    layout->addLayout(header);
    layout->addWidget(text);
    layout->addWidget(licence);
    layout->addLayout(form);
    layout->addWidget(buttons);
    // Wide enough that the description does not wrap into a narrow column.
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
}

QString AboutDialog::versionsText() const
{
    return m_lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void AboutDialog::addRow(QFormLayout* form, const QString& name, const QString& version,
                         const QString& objectName)
{
    auto* label = new QLabel(version, this);
    label->setObjectName(objectName + QStringLiteral("Version"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(name + QLatin1Char(':'), label);
    m_lines.append(name + QLatin1Char(' ') + version);
}

} // namespace porthole

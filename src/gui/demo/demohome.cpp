// SPDX-License-Identifier: GPL-3.0-or-later
#include "demohome.h"

#include <QDir>
#include <QFile>
#include <QSettings>

namespace porthole {

std::unique_ptr<DemoHome> DemoHome::enter(QString* error)
{
    std::unique_ptr<DemoHome> home(new DemoHome);
    if (!home->m_dir.isValid()) {
        *error = home->m_dir.errorString();
        return nullptr;
    }
    home->m_user = QProcessEnvironment::systemEnvironment();
    const QDir dir(home->m_dir.path());
    // QSettings' own path, not XDG_CONFIG_HOME: the desktop's theme, fonts and dark preference
    // (read from the user's config folder) stay the user's.
    for (const auto format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, dir.filePath(QStringLiteral("config")));
    // Drafts and the report history (QStandardPaths' data locations).
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
    qputenv("PORTHOLE_KAFKA_PROFILES",
            QFile::encodeName(dir.filePath(QStringLiteral("kafka-profiles.json"))));
    return home;
}

DemoHome::~DemoHome() = default;

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Points QSettings and the app's data folders at a temporary directory for the life of a test,
// so tests never read or write the user's preferences (or each other's).
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace porthole::test {

class ThrowAwaySettings
{
public:
    ThrowAwaySettings()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PortholeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("PortholeTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
    }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

} // namespace porthole::test

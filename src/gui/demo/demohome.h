// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <memory>

namespace porthole {

/// The demo's own state: a throw-away folder for the app's settings (QSettings), its data
/// (drafts, report history) and Kafka connection profiles, so the demo shows none of the
/// user's saved key, headers, connections or last file, and nothing it does is written where
/// the user's Porthole reads. Made by main() before QApplication, for the whole demo process;
/// the folder is removed when the process ends. The keyring is never written by the demo: its
/// only API is the sandbox's, whose loopback secret is never stored.
class DemoHome
{
public:
    /// Points this process at a fresh folder; null (and `error` set) when none can be made.
    static std::unique_ptr<DemoHome> enter(QString* error);
    ~DemoHome();

    QString path() const { return m_dir.path(); }
    /// The environment the process had before: for starting the user's own Porthole.
    const QProcessEnvironment& userEnvironment() const { return m_user; }

private:
    DemoHome() = default;
    QTemporaryDir m_dir;
    QProcessEnvironment m_user;
};

} // namespace porthole

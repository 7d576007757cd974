// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace porthole {

/// Starts the demo in a process of its own (`porthole --demo`): its own window, sandbox and
/// throw-away settings (DemoHome), so nothing the demo shows or does touches the user's work,
/// settings or connections. The user's window stays as it was; closing it ends the demo too.
class DemoLauncher : public QObject
{
    Q_OBJECT
public:
    explicit DemoLauncher(QObject* parent = nullptr);

    /// The program to start (default: this one); tests name the built app.
    void setProgram(const QString& program) { m_program = program; }
    /// Options added after --demo (tests: --exit-when-done, --demo-pace 0).
    void setExtraArguments(const QStringList& args) { m_extra = args; }
    /// Starts the demo unless one is playing; false when it cannot start.
    bool launch();
    bool isPlaying() const { return m_process.state() != QProcess::NotRunning; }
    /// The environment variable that tells a demo a window opened it ("Start using Porthole"
    /// then just closes the demo).
    static const char* openedByAppVariable() { return "PORTHOLE_DEMO_OPENED_BY_APP"; }

Q_SIGNALS:
    void started();
    /// The demo process ended (its exit code; its standard output for tests).
    void ended(int exitCode, const QByteArray& output);
    void failedToStart(const QString& error);

private:
    QProcess m_process;
    QString m_program;
    QStringList m_extra;
};

} // namespace porthole

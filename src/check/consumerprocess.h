// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace porthole {

/// The team's consumer as a child process: stdout and stderr merged and kept (the newest
/// kKeptBytes), stopped with SIGTERM and, when it does not exit within the grace period,
/// SIGKILL. It also dies with us (PR_SET_PDEATHSIG), so a killed check leaves no consumer behind.
class ConsumerProcess : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kKeptBytes = 4 * 1024 * 1024;

    explicit ConsumerProcess(QObject* parent = nullptr);
    ~ConsumerProcess() override;

    /// Starts `program` with `arguments` and `env`; failedToStart() or started() follows.
    void start(const QString& program, const QStringList& arguments, const QProcessEnvironment& env,
               const QString& workingDirectory = {});
    /// TERM, then KILL after `graceMs`; stopped() follows (at once when not running).
    void stop(int graceMs = 3000);

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool hasExited() const { return m_exited; }
    /// Exit code, or the signal's number when crashed() (valid once exited).
    int exitCode() const { return m_exitCode; }
    bool crashed() const { return m_crashed; }
    /// True when stop() had to use SIGKILL.
    bool wasKilled() const { return m_killed; }
    /// Everything it printed (the newest kKeptBytes).
    const QByteArray& output() const { return m_output; }
    /// Characters of a line lastLines() shows; the rest is cut and counted.
    static constexpr qsizetype kLineShown = 2000;

    /// Its last `n` lines of output (each cut at kLineShown characters).
    QStringList lastLines(int n) const;
    /// The same with `secret` scrubbed (Redactor): what a check shows of a consumer that may
    /// print the client secret it was given.
    QStringList lastLinesWithout(const QString& secret, int n) const;
    /// "exited with code 1" / "was killed by signal 9".
    QString exitDescription() const;

Q_SIGNALS:
    void started(qint64 pid);
    void failedToStart(const QString& reason);
    /// It exited on its own (not because of stop()).
    void exited();
    /// stop() is done: the process is gone.
    void stopped();
    /// New output arrived (for live views).
    void printed(const QByteArray& bytes);

private:
    void onFinished(int code, QProcess::ExitStatus status);

    QProcess m_process;
    QByteArray m_output;
    int m_exitCode = 0;
    bool m_exited = false, m_crashed = false, m_stopping = false, m_killed = false;
};

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>

namespace porthole::test {

/// porthole-cli running in the background (a watch, a long publish) while a test acts on the
/// broker; its output is collected as it comes, so QTRY_* can wait on it.
class CliJob
{
public:
    CliJob();
    ~CliJob();
    /// Starts porthole-cli with `args` in `env`.
    void start(const QStringList& args, const QProcessEnvironment& env);
    /// True until the process has ended.
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// Its exit code (-1 if it crashed or still runs).
    int exitCode() const;
    /// Complete stdout lines so far.
    qsizetype lineCount();
    /// Complete stdout lines that contain `text`.
    qsizetype linesContaining(const QString& text);
    /// Every complete stdout line that is a JSON object.
    QList<QJsonObject> jsonLines();
    /// Everything written to stderr so far.
    QByteArray stderrText();

private:
    void collect();
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace porthole::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the Kafka tests: run real peers (kcat, python3-kafka, porthole-cli) as
// processes and read what they say. A missing peer fails loudly.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace porthole::test {

struct Finished
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

/// Runs a program to completion (stdin given), up to `timeoutMs`; kills it when late.
inline Finished run(const QString& program, const QStringList& args, const QByteArray& input = {},
                    int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    Finished f;
    if (!p.waitForStarted(10000)) {
        f.err = "cannot start " + program.toUtf8() + ": " + p.errorString().toUtf8();
        return f;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        f.err = program.toUtf8() + " did not finish in time; stderr: " + p.readAllStandardError();
        return f;
    }
    f.exitCode = p.exitCode();
    f.crashed = p.exitStatus() != QProcess::NormalExit;
    f.out = p.readAllStandardOutput();
    f.err = p.readAllStandardError();
    return f;
}

/// Non-empty lines of a process output.
inline QList<QByteArray> lines(const QByteArray& out)
{
    QList<QByteArray> result;
    for (const QByteArray& l : out.split('\n'))
        if (!l.isEmpty())
            result.push_back(l);
    return result;
}

/// Produces "key<TAB>value" lines with kcat (-K tab); extra args e.g. -H k=v, -p 0.
inline Finished kcatProduce(const QString& bootstrap, const QString& topic, const QByteArray& lines,
                            const QStringList& extra = {})
{
    QStringList args = {QStringLiteral("-b"), bootstrap, QStringLiteral("-P"),
                        QStringLiteral("-t"), topic,     QStringLiteral("-K\t")};
    args += extra;
    return run(QStringLiteral("kcat"), args, lines);
}

/// A `porthole-cli sandbox` process: start() waits for its first line.
class SandboxProcess
{
public:
    bool start(const QString& org, quint16 wantedPort = 0)
    {
        m_process = std::make_unique<QProcess>();
        m_process->start(QStringLiteral(PORTHOLE_CLI),
                         {QStringLiteral("sandbox"), QStringLiteral("--org"), org,
                          QStringLiteral("--kafka-port"), QString::number(wantedPort)});
        if (!m_process->waitForStarted(10000))
            return false;
        while (!m_process->canReadLine())
            if (!m_process->waitForReadyRead(20000))
                return false;
        firstLine = m_process->readLine().trimmed();
        // bootstrap=127.0.0.1:P api=http://127.0.0.1:Q org=ORG
        const QList<QByteArray> parts = firstLine.split(' ');
        if (parts.size() != 3 || !parts[0].startsWith("bootstrap="))
            return false;
        bootstrap = QString::fromUtf8(parts[0].mid(10));
        port = quint16(bootstrap.section(QLatin1Char(':'), 1).toUInt());
        return true;
    }
    /// SIGTERM and wait; returns the exit code (-1 when it crashed or hung).
    int stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return -1;
        m_process->terminate();
        if (!m_process->waitForFinished(20000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            return -1;
        }
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }
    ~SandboxProcess() { stop(); }

    QByteArray firstLine;
    QString bootstrap;
    quint16 port = 0;

private:
    std::unique_ptr<QProcess> m_process;
};

} // namespace porthole::test

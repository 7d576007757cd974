// SPDX-License-Identifier: GPL-3.0-or-later
#include "consumerprocess.h"

#include "portapi/redactor.h"

#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace porthole {

ConsumerProcess::ConsumerProcess(QObject* parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setChildProcessModifier([] {
        // Runs in the child between fork and exec: if the check dies, so does the consumer.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(&m_process, &QProcess::readyRead, this, [this] {
        const QByteArray bytes = m_process.readAll();
        m_output.append(bytes);
        if (m_output.size() > kKeptBytes)
            m_output.remove(0, m_output.size() - kKeptBytes);
        Q_EMIT printed(bytes);
    });
    connect(&m_process, &QProcess::started, this,
            [this] { Q_EMIT started(m_process.processId()); });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            Q_EMIT failedToStart(m_process.errorString());
    });
    connect(&m_process, &QProcess::finished, this, &ConsumerProcess::onFinished);
}

ConsumerProcess::~ConsumerProcess()
{
    // Killed on the way out: no signal may reach listeners while this object is destroyed.
    disconnect(&m_process, nullptr, this, nullptr);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void ConsumerProcess::start(const QString& program, const QStringList& arguments,
                            const QProcessEnvironment& env, const QString& workingDirectory)
{
    m_process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        m_process.setWorkingDirectory(workingDirectory);
    m_process.start(program, arguments, QIODevice::ReadOnly);
}

void ConsumerProcess::onFinished(int code, QProcess::ExitStatus status)
{
    m_exited = true;
    m_crashed = status == QProcess::CrashExit;
    m_exitCode = code;
    if (const QByteArray rest = m_process.readAll(); !rest.isEmpty()) {
        m_output.append(rest);
        Q_EMIT printed(rest);
    }
    if (m_stopping)
        Q_EMIT stopped();
    else
        Q_EMIT exited();
}

void ConsumerProcess::stop(int graceMs)
{
    if (m_process.state() == QProcess::NotRunning) {
        QTimer::singleShot(0, this, &ConsumerProcess::stopped);
        return;
    }
    m_stopping = true;
    m_process.terminate();
    QTimer::singleShot(graceMs, this, [this] {
        if (m_process.state() != QProcess::NotRunning) {
            m_killed = true;
            m_process.kill();
        }
    });
}

QStringList ConsumerProcess::lastLines(int n) const
{
    QStringList lines = QString::fromUtf8(m_output).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    lines = lines.mid(std::max<qsizetype>(0, lines.size() - n));
    // A consumer that prints megabytes on one line must not put them in a CI log or a dialog.
    for (QString& line : lines)
        if (line.size() > kLineShown)
            line = line.left(kLineShown) +
                   QStringLiteral("… (%1 characters cut)").arg(line.size() - kLineShown);
    return lines;
}

QString ConsumerProcess::exitDescription() const
{
    if (!m_exited)
        return QStringLiteral("is running");
    if (m_crashed)
        return m_killed ? QStringLiteral("was killed (it ignored SIGTERM)")
                        : QStringLiteral("crashed or was killed by a signal");
    return QStringLiteral("exited with code %1").arg(m_exitCode);
}

QStringList ConsumerProcess::lastLinesWithout(const QString& secret, int n) const
{
    Redactor redactor;
    redactor.addSecret(secret.toUtf8());
    QStringList lines = lastLines(n);
    for (QString& line : lines)
        line = QString::fromUtf8(redactor.scrub(line.toUtf8()));
    return lines;
}

} // namespace porthole

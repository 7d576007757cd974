// SPDX-License-Identifier: GPL-3.0-or-later
#include "clijob.h"

#include <QJsonDocument>

namespace porthole::test {

CliJob::CliJob() = default;

CliJob::~CliJob()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

void CliJob::start(const QStringList& args, const QProcessEnvironment& env)
{
    m_process.setProcessEnvironment(env);
    m_process.start(QStringLiteral(PORTHOLE_CLI), args);
    m_process.waitForStarted(30000);
}

int CliJob::exitCode() const
{
    if (isRunning() || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

void CliJob::collect()
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}

qsizetype CliJob::lineCount()
{
    collect();
    return m_out.count('\n');
}

qsizetype CliJob::linesContaining(const QString& text)
{
    collect();
    const QByteArray needle = text.toUtf8();
    qsizetype n = 0;
    for (const QByteArray& line : m_out.split('\n'))
        n += line.contains(needle) ? 1 : 0;
    return n;
}

QList<QJsonObject> CliJob::jsonLines()
{
    collect();
    QList<QJsonObject> out;
    for (const QByteArray& line : m_out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            out << doc.object();
    }
    return out;
}

QByteArray CliJob::stderrText()
{
    collect();
    return m_err;
}

} // namespace porthole::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "demolauncher.h"

#include <QCoreApplication>

namespace porthole {

DemoLauncher::DemoLauncher(QObject* parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::started, this, &DemoLauncher::started);
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        Q_EMIT ended(status == QProcess::NormalExit ? code : -1, m_process.readAllStandardOutput());
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            Q_EMIT failedToStart(m_process.errorString());
    });
}

bool DemoLauncher::launch()
{
    if (isPlaying())
        return true;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(openedByAppVariable()), QStringLiteral("1"));
    m_process.setProcessEnvironment(env);
    m_process.setProgram(m_program.isEmpty() ? QCoreApplication::applicationFilePath() : m_program);
    m_process.setArguments(QStringList{QStringLiteral("--demo")} + m_extra);
    m_process.start();
    return m_process.waitForStarted(5000);
}

} // namespace porthole

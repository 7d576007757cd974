// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli's way to the commands built into porthole-cli-net (command.h: networkCommands).
#include "command.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace porthole::cli {

namespace {
char** g_argv = nullptr;
} // namespace

void keepProcessArguments(char** argv)
{
    g_argv = argv;
}

int runInNetworkCli()
{
    const QString command = g_argv && g_argv[0] && g_argv[1] ? QString::fromLocal8Bit(g_argv[1])
                                                             : QStringLiteral("porthole-cli");
    // Beside porthole-cli in a build tree; PORTHOLE_CLI_NET_DIR (libexec/porthole) from the
    // directory of bin/porthole-cli once installed.
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        dir + QStringLiteral("/porthole-cli-net"),
        dir + QStringLiteral("/../" PORTHOLE_CLI_NET_DIR "/porthole-cli-net")};
    for (const QString& c : candidates) {
        const QFileInfo info(c);
        if (!info.isFile() || !info.isExecutable())
            continue;
        const QByteArray path = QFile::encodeName(info.canonicalFilePath());
        std::fflush(stdout);
        std::fflush(stderr);
        ::execv(path.constData(), g_argv);
        return fail(
            command,
            QStringLiteral("cannot run %1: %2")
                .arg(info.canonicalFilePath(), QString::fromLocal8Bit(std::strerror(errno))),
            ServiceError);
    }
    return fail(command,
                QStringLiteral("this command is in porthole-cli-net, which was not found (looked "
                               "for %1)")
                    .arg(candidates.join(QStringLiteral(" and "))),
                ServiceError);
}

} // namespace porthole::cli

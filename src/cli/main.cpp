// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli: a thin dispatcher; each subcommand lives in its own cmd_*.cpp.
#include "command.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

using namespace porthole::cli;

namespace {

void printUsage()
{
    std::string out = "Usage: porthole-cli COMMAND [OPTIONS]\n\n"
                      "Porthole's command-line tool: lint, render, publish and watch Port's "
                      "KAFKA action nodes.\n\nCommands:\n";
    auto commands = registry();
    for (const NetworkCommand& n : networkCommands()) // porthole-cli runs them in porthole-cli-net
        if (std::none_of(commands.begin(), commands.end(),
                         [&](const Command& c) { return std::string_view(c.name) == n.name; }))
            commands.push_back(Command{n.name, n.summary, nullptr});
    std::sort(commands.begin(), commands.end(),
              [](const Command& a, const Command& b) { return std::string_view(a.name) < b.name; });
    for (const auto& c : commands) {
        std::string name = c.name;
        name.resize(std::max<size_t>(name.size(), 12), ' ');
        out += "  " + name + "  " + c.summary + "\n";
    }
    out += "\nOptions:\n  --version     Print \"porthole " PORTHOLE_VERSION "\".\n"
           "  -h, --help    Show this help; COMMAND --help shows a command's options.\n\n"
           "Exit codes: 0 success, 1 wrong input, 2 usage error, 3 connection or service "
           "failure.\n";
    writeOut(out);
}

} // namespace

int main(int argc, char** argv)
{
    // The arguments as given, before QCoreApplication takes its own out of them: what
    // porthole-cli-net gets when a command runs there.
    std::vector<char*> given(argv, argv + argc);
    given.push_back(nullptr);
    keepProcessArguments(given.data());
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("porthole-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Porthole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTHOLE_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage();
        return UsageError;
    }
    const QString first = args.first();
    if (first == QStringLiteral("--version") || first == QStringLiteral("-V")) {
        writeOut("porthole " PORTHOLE_VERSION "\n");
        return Ok;
    }
    if (first == QStringLiteral("--help") || first == QStringLiteral("-h") ||
        first == QStringLiteral("help")) {
        printUsage();
        return Ok;
    }
    for (const auto& c : registry())
        if (first == QLatin1String(c.name))
            return c.run(args);
    for (const NetworkCommand& n : networkCommands())
        if (first == QLatin1String(n.name))
            return runInNetworkCli();
    return fail(first, QStringLiteral("unknown command (see porthole-cli --help)"), UsageError);
}

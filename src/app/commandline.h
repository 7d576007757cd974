// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace porthole {

/// The desktop app's options, parsed before any QApplication exists: --help and --version
/// must answer without a display (a package smoke test, a remote shell), and the man page
/// porthole(1) is generated from the --help text.
class CommandLine
{
public:
    CommandLine();

    /// Parses argv. Returns an exit code when the process should stop now (--help, --version,
    /// a usage error), or std::nullopt when the app should start.
    std::optional<int> parse(int argc, char** argv);

    /// The JSON file named on the command line, or an empty string.
    QString file() const;
    /// --demo: play the demo once the window is up.
    bool demo() const;
    /// --exit-when-done: after the demo, print its counts line and exit (0 when they match).
    bool exitWhenDone() const;
    /// --demo-pace MS: the least time each demo step stays on screen (default 1500).
    int demoPaceMs() const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
    QCommandLineOption m_demo;
    QCommandLineOption m_exitWhenDone;
    QCommandLineOption m_demoPace;
};

} // namespace porthole

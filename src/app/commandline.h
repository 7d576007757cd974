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

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
};

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include "core/jsonvalue.h"

#include <optional>
#include <string>
#include <vector>

// Subcommands register themselves, so each lives in its own cmd_*.cpp and main.cpp never
// changes when one is added.
namespace porthole::cli {

/// Exit codes of cli-contract.md.
enum ExitCode
{
    Ok = 0,
    InputError = 1,
    UsageError = 2,
    ServiceError = 3
};

struct Command
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args); // args[0] is the command name
};

std::vector<Command>& registry();

struct RegisterCommand
{
    explicit RegisterCommand(Command c) { registry().push_back(c); }
};

/// The commands that talk to Port's API or run the sandbox. They need QtNetwork and
/// QtHttpServer (13 more libraries at start-up, ~2 ms of a 40,000-message publish), so they
/// are built into porthole-cli-net, which porthole-cli runs in their place (exec: same process,
/// arguments, streams and exit code); publish, watch, template, lint and render start without
/// the network stack. One list for both programs: porthole-cli's help shows these too.
struct NetworkCommand
{
    const char* name;
    const char* summary;
};
const std::vector<NetworkCommand>& networkCommands();

/// The Command of network command `name`, with its summary from networkCommands().
Command networkCommand(const char* name, int (*run)(const QStringList& args));

/// Replaces this process by porthole-cli-net with the same arguments (what `porthole-cli X`
/// does for a network command X, and `render --workflow --run`). Returns only on failure,
/// after saying why, with ServiceError. main() keeps its argv for it first.
int runInNetworkCli();
void keepProcessArguments(char** argv);

/// Prints "porthole-cli: WHAT: WHY" to stderr and returns `code`.
int fail(const QString& what, const QString& why, int code);

/// Parses `args` for `command`; prints help (returns 0) or a usage error (returns 2).
/// Returns std::nullopt when parsing succeeded and the command should go on.
std::optional<int> parseArgs(QCommandLineParser& parser, const QStringList& args,
                             const QString& command, const QString& description,
                             const QString& positionalSyntax);

/// Reads a whole file; on failure fills `error` with a readable reason.
std::optional<std::string> readFile(const QString& path, QString* error);

/// Reads and parses a JSON file (context, envelope, template) as JSON.parse would; on failure
/// prints "porthole-cli: FILE: LINE:COL: why" and returns InputError, else Ok.
int loadJson(const QString& path, JsonValue* out);

/// Writes bytes to stdout unchanged (no locale conversion).
void writeOut(const std::string& bytes);

} // namespace porthole::cli

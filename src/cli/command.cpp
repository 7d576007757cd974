// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "core/jsonparser.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace porthole::cli {

std::vector<Command>& registry()
{
    static std::vector<Command> commands;
    return commands;
}

const std::vector<NetworkCommand>& networkCommands()
{
    static const std::vector<NetworkCommand> commands = {
        {"check-consumer", "Run a consumer against a private sandbox; check it reports back."},
        {"diagnose", "Why is a run stuck? Its message, the groups' offsets, Port's record."},
        {"report", "Report a node run's status, output and logs to Port."},
        {"sandbox", "Run the embedded Kafka broker and local Port API."},
    };
    return commands;
}

Command networkCommand(const char* name, int (*run)(const QStringList& args))
{
    for (const NetworkCommand& c : networkCommands())
        if (std::string_view(c.name) == name)
            return Command{c.name, c.summary, run};
    std::abort(); // a network command missing from networkCommands(): a build mistake
}

int fail(const QString& what, const QString& why, int code)
{
    const QByteArray line = QStringLiteral("porthole-cli: %1: %2\n").arg(what, why).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    return code;
}

std::optional<int> parseArgs(QCommandLineParser& parser, const QStringList& args,
                             const QString& command, const QString& description,
                             const QString& positionalSyntax)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!positionalSyntax.isEmpty())
        parser.addPositionalArgument(positionalSyntax, QString());
    QStringList argv = args;
    argv[0] = QStringLiteral("porthole-cli ") + command;
    if (!parser.parse(argv))
        return fail(command, parser.errorText() + QStringLiteral(" (see --help)"), UsageError);
    if (parser.isSet(help)) {
        // Qt names the executable's path in the usage line; show the command as typed instead.
        QString help = parser.helpText();
        const qsizetype firstLineEnd = help.indexOf(QLatin1Char('\n'));
        const qsizetype options = help.indexOf(QStringLiteral(" [options]"));
        if (options > 0 && options < firstLineEnd)
            help.replace(0, options, QStringLiteral("Usage: porthole-cli ") + command);
        writeOut(help.toStdString());
        return Ok;
    }
    return std::nullopt;
}

std::optional<std::string> readFile(const QString& path, QString* error)
{
    QFile f(path);
    if (!QFileInfo(path).isFile()) {
        *error = QFileInfo::exists(path) ? QStringLiteral("not a regular file")
                                         : QStringLiteral("no such file");
        return std::nullopt;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return std::nullopt;
    }
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

int loadJson(const QString& path, JsonValue* out)
{
    QString why;
    const auto text = readFile(path, &why);
    if (!text)
        return fail(path, why, InputError);
    const JsonDocument doc = JsonParser::parse(*text);
    if (!doc.ok()) {
        const Diagnostic& d = doc.diagnostics.front();
        return fail(path,
                    QStringLiteral("%1:%2: %3")
                        .arg(d.range.begin.line)
                        .arg(d.range.begin.column)
                        .arg(QString::fromStdString(d.message)),
                    InputError);
    }
    *out = doc.root->toValue();
    return Ok;
}

void writeOut(const std::string& bytes)
{
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

} // namespace porthole::cli

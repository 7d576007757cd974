// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <cstdio>

namespace porthole {

namespace {

void print(std::FILE* to, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), to);
}

// QGuiApplication's own options (-platform offscreen, -style fusion, ...). Declared hidden so
// that parsing before QApplication accepts them; QApplication consumes them afterwards.
void addQtOptions(QCommandLineParser& parser)
{
    const char* const withValue[] = {
        "platform",    "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
        "qwindowicon", "qwindowtitle",       "session",       "style",  "stylesheet",
        "display",     "geometry",           "qmljsdebugger"};
    const char* const flags[] = {"reverse", "widgetcount", "nograb", "dograb", "sync"};
    for (const char* name : withValue) {
        QCommandLineOption o(QString::fromLatin1(name), QString(), QStringLiteral("value"));
        o.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(o);
    }
    for (const char* name : flags) {
        QCommandLineOption o(QString::fromLatin1(name));
        o.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(o);
    }
}

} // namespace

CommandLine::CommandLine()
    : m_help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")),
      m_version({QStringLiteral("v"), QStringLiteral("version")},
                QStringLiteral("Print \"porthole " PORTHOLE_VERSION "\" and exit.")),
      m_demo(QStringLiteral("demo"),
             QStringLiteral("Play the demo, Porthole's story in about a minute and a half, on a "
                            "sandbox and settings of its own (nothing of yours is shown or "
                            "changed): a node and its values, three runs published and picked "
                            "up by a built-in consumer, one failing with Port's answer, a "
                            "timeline, a report sent from a row (the toolbar's Demo button "
                            "does the same). Esc leaves it.")),
      m_exitWhenDone(QStringLiteral("exit-when-done"),
                     QStringLiteral("With --demo: print \"demo: published=N received=N "
                                    "reported=N completed=N failed=F\" when the story ends and "
                                    "exit, 0 when all four N match, N is at least 3 and one "
                                    "run failed, 1 otherwise or after a timeout.")),
      m_demoPace(QStringLiteral("demo-pace"),
                 QStringLiteral("With --demo: the pace, in milliseconds (default 1500: each "
                                "caption stays a few paces; 0 plays at full speed)."),
                 QStringLiteral("MS"), QStringLiteral("1500"))
{
    m_parser.setApplicationDescription(QStringLiteral(
        "Porthole edits a Port workflow KAFKA action node with a live preview that renders "
        "its templates as Port does, publishes test messages to Kafka, watches the runs topic "
        "read-only and reports run status to Port's API; an embedded sandbox (a Kafka broker "
        "and a local Port API) makes the whole loop work offline. Qt's own options, such as "
        "-platform and -style, are accepted too. See porthole-cli(1) for the same work from "
        "a shell."));
    // Qt spells its options with one dash (-platform); read every option that way.
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(m_help);
    m_parser.addOption(m_version);
    m_parser.addOption(m_demo);
    m_parser.addOption(m_exitWhenDone);
    m_parser.addOption(m_demoPace);
    addQtOptions(m_parser);
    m_parser.addPositionalArgument(
        QStringLiteral("FILE.json"),
        QStringLiteral("A KAFKA node to open (default: a bundled example)."),
        QStringLiteral("[FILE.json]"));
}

std::optional<int> CommandLine::parse(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (!m_parser.parse(args)) {
        print(stderr,
              QStringLiteral("porthole: %1 (see porthole --help)\n").arg(m_parser.errorText()));
        return 2;
    }
    if (m_parser.isSet(m_help)) {
        // Without a QCoreApplication Qt names the program "<executable_name>".
        QString help = m_parser.helpText();
        const qsizetype options = help.indexOf(QStringLiteral(" [options]"));
        if (help.startsWith(QStringLiteral("Usage: ")) && options > 0)
            help.replace(7, options - 7, QStringLiteral("porthole"));
        print(stdout, help);
        return 0;
    }
    if (m_parser.isSet(m_version)) {
        print(stdout, QStringLiteral("porthole " PORTHOLE_VERSION "\n"));
        return 0;
    }
    bool paceOk = false;
    const int pace = m_parser.value(m_demoPace).toInt(&paceOk);
    if (!paceOk || pace < 0 || pace > 60000) {
        print(stderr, QStringLiteral("porthole: --demo-pace takes milliseconds from 0 to 60000, "
                                     "not \"%1\" (see porthole --help)\n")
                          .arg(m_parser.value(m_demoPace)));
        return 2;
    }
    if ((m_parser.isSet(m_exitWhenDone) || m_parser.isSet(m_demoPace)) && !m_parser.isSet(m_demo)) {
        print(stderr, QStringLiteral("porthole: --exit-when-done and --demo-pace go with --demo "
                                     "(see porthole --help)\n"));
        return 2;
    }
    if (m_parser.positionalArguments().size() > 1) {
        print(stderr, QStringLiteral("porthole: at most one FILE.json (see porthole --help)\n"));
        return 2;
    }
    return std::nullopt;
}

QString CommandLine::file() const
{
    const QStringList files = m_parser.positionalArguments();
    return files.isEmpty() ? QString() : files.first();
}

bool CommandLine::demo() const
{
    return m_parser.isSet(m_demo);
}

bool CommandLine::exitWhenDone() const
{
    return m_parser.isSet(m_exitWhenDone);
}

int CommandLine::demoPaceMs() const
{
    return m_parser.value(m_demoPace).toInt();
}

} // namespace porthole

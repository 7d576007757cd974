// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-mangen: writes porthole(1) and porthole-cli(1) at build time from the programs'
// own --help output, so a man page cannot drift from the options the programs declare.
//   porthole-mangen cli|app EXECUTABLE OUTPUT.1 DATE VERSION
#include "helpdoc.h"
#include "roffwriter.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <cstdio>

using namespace porthole::man;

namespace {

// Runs `exe args`; with no display in the environment, which also proves --help needs none.
QString helpOf(const QString& exe, const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(exe, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "porthole-mangen: %s %s failed: %s\n", qPrintable(exe),
                     qPrintable(args.join(QLatin1Char(' '))),
                     qPrintable(QString::fromUtf8(p.readAllStandardError()).trimmed()));
        std::exit(1);
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

void entries(RoffWriter& roff, const HelpDoc::Section* section)
{
    if (!section)
        return;
    for (const HelpDoc::Entry& e : section->entries)
        if (!e.description.isEmpty()) // Qt lists undescribed positionals; the usage shows them
            roff.entry(e);
}

void description(RoffWriter& roff, const HelpDoc& doc)
{
    for (const QString& p : doc.paragraphs)
        if (!p.startsWith(QStringLiteral("Exit codes:")))
            roff.paragraph(p);
}

QString cliPage(const QString& exe, const QString& date, const QString& version)
{
    const HelpDoc top = HelpDoc::parse(helpOf(exe, {QStringLiteral("--help")}));
    RoffWriter roff(QStringLiteral("porthole-cli"), date, QStringLiteral("porthole ") + version);
    roff.section(QStringLiteral("Name"));
    roff.line(QStringLiteral("porthole-cli - lint, render, publish and watch Port's "
                             "workflow Kafka action nodes"));
    roff.section(QStringLiteral("Synopsis"));
    roff.usage(top.usage);
    roff.section(QStringLiteral("Description"));
    description(roff, top);
    roff.section(QStringLiteral("Options"));
    entries(roff, top.section(QStringLiteral("Options")));
    roff.section(QStringLiteral("Commands"));
    if (const HelpDoc::Section* commands = top.section(QStringLiteral("Commands"))) {
        for (const HelpDoc::Entry& c : commands->entries) {
            const HelpDoc sub = HelpDoc::parse(helpOf(exe, {c.term, QStringLiteral("--help")}));
            roff.subsection(c.term);
            roff.usage(sub.usage);
            description(roff, sub);
            entries(roff, sub.section(QStringLiteral("Options")));
            entries(roff, sub.section(QStringLiteral("Arguments")));
        }
    }
    for (const QString& p : top.paragraphs)
        if (p.startsWith(QStringLiteral("Exit codes:"))) {
            roff.section(QStringLiteral("Exit status"));
            roff.paragraph(p.mid(11).trimmed());
        }
    roff.section(QStringLiteral("See also"));
    roff.paragraph(QStringLiteral("porthole(1)"));
    return roff.text();
}

QString appPage(const QString& exe, const QString& date, const QString& version)
{
    const HelpDoc doc = HelpDoc::parse(helpOf(exe, {QStringLiteral("--help")}));
    RoffWriter roff(QStringLiteral("porthole"), date, QStringLiteral("porthole ") + version);
    roff.section(QStringLiteral("Name"));
    roff.line(QStringLiteral("porthole - desktop inspector for Port's workflow Kafka "
                             "action nodes"));
    roff.section(QStringLiteral("Synopsis"));
    roff.usage(doc.usage);
    roff.section(QStringLiteral("Description"));
    description(roff, doc);
    roff.section(QStringLiteral("Options"));
    entries(roff, doc.section(QStringLiteral("Options")));
    if (const HelpDoc::Section* args = doc.section(QStringLiteral("Arguments"))) {
        roff.section(QStringLiteral("Arguments"));
        entries(roff, args);
    }
    roff.section(QStringLiteral("See also"));
    roff.paragraph(QStringLiteral("porthole-cli(1)"));
    return roff.text();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 6) {
        std::fputs("usage: porthole-mangen cli|app EXECUTABLE OUTPUT.1 DATE VERSION\n", stderr);
        return 2;
    }
    const QString kind = QString::fromLocal8Bit(argv[1]);
    const QString exe = QString::fromLocal8Bit(argv[2]);
    const QString date = QString::fromLocal8Bit(argv[4]);
    const QString version = QString::fromLocal8Bit(argv[5]);
    const QString page =
        kind == QStringLiteral("app") ? appPage(exe, date, version) : cliPage(exe, date, version);
    QFile out(QString::fromLocal8Bit(argv[3]));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(page.toUtf8()) < 0) {
        std::fprintf(stderr, "porthole-mangen: %s: %s\n", argv[3], qPrintable(out.errorString()));
        return 1;
    }
    return 0;
}

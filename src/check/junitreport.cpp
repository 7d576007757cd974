// SPDX-License-Identifier: GPL-3.0-or-later
#include "junitreport.h"

#include <QDateTime>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace porthole::JunitReport {
namespace {

// XML 1.0 has no place for most control characters (a consumer's coloured log has ESC): they
// become U+FFFD so the report stays well-formed.
QString clean(QString text)
{
    for (QChar& c : text)
        if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') ||
            c.unicode() == 0xFFFE || c.unicode() == 0xFFFF)
            c = QChar(0xFFFD);
    return text;
}

QString seconds(qint64 ms)
{
    return QString::number(ms < 0 ? 0.0 : double(ms) / 1000.0, 'f', 3);
}

// One line per recorded call: what the consumer did, in order.
QString callLog(const CheckRun& run)
{
    QString out;
    for (const RunCall& c : run.calls) {
        out += QStringLiteral("+%1 ms %2 %3 -> %4")
                   .arg(c.atMs - run.publishedMs)
                   .arg(QString::fromLatin1(c.call.method), c.call.path)
                   .arg(c.call.status);
        if (!c.call.error.isEmpty())
            out += QStringLiteral(" (") + c.call.error + QLatin1Char(')');
        if (!c.call.body.isEmpty())
            out += QStringLiteral(" body: ") + QString::fromUtf8(c.call.body.left(2048));
        out += QLatin1Char('\n');
    }
    return out;
}

struct Counts
{
    int failures = 0, errors = 0;
};

Counts count(const std::vector<CheckRun>& runs)
{
    Counts c;
    for (const CheckRun& r : runs) {
        c.failures += r.outcome == CheckRun::Outcome::Failed;
        c.errors +=
            r.outcome != CheckRun::Outcome::Failed && r.outcome != CheckRun::Outcome::Completed;
    }
    return c;
}

void writeSuite(QXmlStreamWriter& w, const Suite& suite, const std::vector<CheckRun>& runs)
{
    const Counts c = count(runs);
    w.writeStartElement(QStringLiteral("testsuite"));
    w.writeAttribute(QStringLiteral("name"), suite.name);
    w.writeAttribute(QStringLiteral("tests"), QString::number(runs.size()));
    w.writeAttribute(QStringLiteral("failures"), QString::number(c.failures));
    w.writeAttribute(QStringLiteral("errors"), QString::number(c.errors));
    w.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("time"), QString::number(suite.seconds, 'f', 3));
    w.writeAttribute(QStringLiteral("timestamp"),
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    for (const CheckRun& r : runs) {
        w.writeStartElement(QStringLiteral("testcase"));
        w.writeAttribute(QStringLiteral("classname"),
                         suite.name + QLatin1Char('.') + suite.nodeName);
        w.writeAttribute(QStringLiteral("name"),
                         QStringLiteral("run %1 %2").arg(r.index + 1).arg(r.nodeRunId));
        w.writeAttribute(QStringLiteral("time"),
                         seconds(r.isCompleted() ? r.toCompletionMs() : r.toFirstReportMs()));
        if (r.outcome != CheckRun::Outcome::Completed) {
            const bool failed = r.outcome == CheckRun::Outcome::Failed;
            w.writeStartElement(failed ? QStringLiteral("failure") : QStringLiteral("error"));
            w.writeAttribute(QStringLiteral("message"), clean(r.reasons.value(0)));
            w.writeAttribute(QStringLiteral("type"), CheckRun::outcomeName(r.outcome));
            w.writeCharacters(clean(r.reasons.join(QLatin1Char('\n'))));
            w.writeEndElement();
        }
        w.writeTextElement(QStringLiteral("system-out"),
                           QStringLiteral("node run %1, workflow run %2: %3 %4\n%5")
                               .arg(r.nodeRunId, r.workflowRunId, r.status,
                                    r.result.isEmpty() ? QStringLiteral("-") : r.result,
                                    clean(callLog(r))));
        w.writeEndElement();
    }
    QString out = suite.notes.join(QLatin1Char('\n'));
    if (!suite.consumerOutput.isEmpty())
        out += QStringLiteral("\n--- the consumer's last output lines ---\n") +
               suite.consumerOutput.join(QLatin1Char('\n'));
    w.writeTextElement(QStringLiteral("system-out"), clean(out));
    w.writeEndElement();
}

} // namespace

QByteArray toXml(const QList<SuiteRuns>& suites)
{
    Counts all;
    qsizetype tests = 0;
    double totalS = 0;
    for (const SuiteRuns& s : suites) {
        const Counts c = count(s.runs);
        all.failures += c.failures;
        all.errors += c.errors;
        tests += qsizetype(s.runs.size());
        totalS += s.suite.seconds;
    }
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("testsuites"));
    w.writeAttribute(QStringLiteral("name"), suites.size() == 1 ? suites.first().suite.name
                                                                : QStringLiteral("check-consumer"));
    w.writeAttribute(QStringLiteral("tests"), QString::number(tests));
    w.writeAttribute(QStringLiteral("failures"), QString::number(all.failures));
    w.writeAttribute(QStringLiteral("errors"), QString::number(all.errors));
    w.writeAttribute(QStringLiteral("time"), QString::number(totalS, 'f', 3));
    for (const SuiteRuns& s : suites)
        writeSuite(w, s.suite, s.runs);
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

QByteArray toXml(const Suite& suite, const std::vector<CheckRun>& runs)
{
    return toXml(QList<SuiteRuns>{{suite, runs}});
}

bool write(const QString& path, const Suite& suite, const std::vector<CheckRun>& runs,
           QString* error)
{
    return write(path, QList<SuiteRuns>{{suite, runs}}, error);
}

bool write(const QString& path, const QList<SuiteRuns>& suites, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toXml(suites)) < 0 || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace porthole::JunitReport

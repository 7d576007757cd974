// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosiswords.h"

#include "groupwords.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace porthole::DiagnosisWords {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DiagnosisWords", text);
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString link(const QString& kind, const QString& target, const QString& text)
{
    return QStringLiteral("<a href=\"%1:%2\">%3</a>")
        .arg(kind, QString::fromLatin1(QUrl::toPercentEncoding(target)), esc(text));
}

QString when(qint64 ms, qint64 nowMs)
{
    const QString at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
    return nowMs >= ms ? tr("%1 (%2 ago)").arg(at, waitingAge(double(nowMs - ms) / 1000.0)) : at;
}

QString groupLine(const QJsonObject& g)
{
    const QString group = g.value(QStringLiteral("group")).toString();
    const int partition = g.value(QStringLiteral("partition")).toInt();
    const QString who = link(QStringLiteral("group"), group, group);
    if (g.value(QStringLiteral("committedOffset")).isNull())
        return tr("%1 has no committed offset on partition %2: it has never read there.")
            .arg(who)
            .arg(partition);
    const qint64 committed = g.value(QStringLiteral("committedOffset")).toInteger();
    const qint64 lag = g.value(QStringLiteral("lag")).toInteger();
    QString line = g.value(QStringLiteral("consumed")).toBool()
                       ? tr("%1 has read it: on partition %2 its committed offset is %3 (end %4, "
                            "lag %5).")
                       : tr("%1 has not reached it: on partition %2 its committed offset is %3 "
                            "(end %4, lag %5).");
    line = line.arg(who).arg(partition).arg(committed).arg(committed + lag).arg(lag);
    if (const QJsonValue w = g.value(QStringLiteral("oldestWaitingS")); w.isDouble())
        line += QLatin1Char(' ') +
                tr("Its oldest unread message has waited %1.").arg(waitingAge(w.toDouble()));
    return line;
}

QString portLine(const QJsonObject& p)
{
    if (!p.value(QStringLiteral("asked")).toBool()) {
        const QString note = p.value(QStringLiteral("note")).toString();
        return note.isEmpty() ? tr("Port was not asked: no API address in the Report tab.")
                              : tr("Port was not asked (%1).").arg(esc(note));
    }
    const QString route = esc(p.value(QStringLiteral("route")).toString());
    const int http = p.value(QStringLiteral("httpStatus")).toInt();
    if (!p.value(QStringLiteral("found")).toBool()) {
        const QString note = p.value(QStringLiteral("note")).toString();
        return tr("Port answered %1 with HTTP %2%3: it has no record of the run.")
            .arg(route)
            .arg(http)
            .arg(note.isEmpty() ? QString() : QStringLiteral(" (") + esc(note) + u')');
    }
    QString state = p.value(QStringLiteral("status")).toString();
    if (const QString result = p.value(QStringLiteral("result")).toString(); !result.isEmpty())
        state += QStringLiteral(" · ") + result;
    const QJsonArray logs = p.value(QStringLiteral("logs")).toArray();
    QString line =
        tr("Port answered %1 with HTTP %2: the run is %3, %4.")
            .arg(route)
            .arg(http)
            .arg(esc(state))
            .arg(p.value(QStringLiteral("reported")).toBool()
                     ? (logs.size() == 1 ? tr("1 log line") : tr("%1 log lines").arg(logs.size()))
                     : tr("no report from a consumer yet"));
    const QJsonValue updated = p.value(QStringLiteral("updatedAt"));
    if (updated.isString())
        line += QLatin1Char(' ') + tr("Last update %1.").arg(esc(updated.toString()));
    const QJsonValue output = p.value(QStringLiteral("output"));
    if (output.isObject() && !output.toObject().isEmpty())
        line += QLatin1Char(' ') + tr("It has an output.");
    return line;
}

} // namespace

QString verdictTitle(const QString& verdict)
{
    QString t = verdict;
    t.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!t.isEmpty())
        t[0] = t[0].toUpper();
    return t;
}

QString evidenceHtml(const Diagnosis& d, qint64 nowMs)
{
    const QJsonObject& j = d.json;
    const QString run = j.value(QStringLiteral("run")).toString();
    QStringList items;
    const QJsonArray messages = j.value(QStringLiteral("messages")).toArray();
    for (const QJsonValue& v : messages) {
        const QJsonObject m = v.toObject();
        QString line = tr("Its message is on partition %1 at offset %2")
                           .arg(m.value(QStringLiteral("partition")).toInt())
                           .arg(m.value(QStringLiteral("offset")).toInteger());
        if (m.value(QStringLiteral("timestamp")).isDouble())
            line +=
                QLatin1Char(' ') +
                tr("written %1").arg(when(m.value(QStringLiteral("timestamp")).toInteger(), nowMs));
        items << line + QStringLiteral(". ") + link(QStringLiteral("row"), run, tr("Show the row"));
    }
    for (const QJsonValue& v : j.value(QStringLiteral("groups")).toArray())
        items << groupLine(v.toObject());
    for (const QString& e : d.evidence)
        if (e.startsWith(QLatin1String("groups ")))
            items << tr("Groups: %1.").arg(esc(e.mid(6).trimmed()));
    items << portLine(j.value(QStringLiteral("port")).toObject());
    const QJsonObject scan = j.value(QStringLiteral("scan")).toObject();
    const QJsonValue since = scan.value(QStringLiteral("since"));
    items << tr("The scan read %1 message(s) of the topic from %2%3. %4")
                 .arg(scan.value(QStringLiteral("scanned")).toInteger())
                 .arg(since.isString() ? esc(since.toString()) : tr("the start of the log"))
                 .arg(scan.value(QStringLiteral("cancelled")).toBool()
                          ? tr(", and was cancelled before the end")
                          : QString())
                 .arg(link(QStringLiteral("timeline"), run, tr("Show the run's timeline")));
    QString html = QStringLiteral("<ul>");
    for (const QString& i : items)
        html += QStringLiteral("<li>") + i + QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

} // namespace porthole::DiagnosisWords

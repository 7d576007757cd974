// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosis.h"

#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace porthole {
namespace {

QDateTime timeOf(const QJsonValue& v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

// A consumer reported when the run moved past its initial state: a status other than
// IN_PROGRESS, a result, a log, or an update after its creation. (Port creates runs
// IN_PROGRESS; the sandbox leaves updatedAt null until the first report.)
bool reportedOn(const QJsonObject& o)
{
    const QString status = o.value(QStringLiteral("status")).toString();
    const QDateTime created = timeOf(o.value(QStringLiteral("createdAt")));
    const QDateTime updated = timeOf(o.value(QStringLiteral("updatedAt")));
    return (!status.isEmpty() && status != QLatin1String("IN_PROGRESS")) ||
           o.value(QStringLiteral("result")).isString() ||
           !o.value(QStringLiteral("logs")).toArray().isEmpty() ||
           (updated.isValid() && (!created.isValid() || updated > created));
}

void fill(PortRecord& r, const QJsonObject& o)
{
    r.found = true;
    r.status = o.value(QStringLiteral("status")).toString();
    r.result = o.value(QStringLiteral("result")).toString();
    r.output = o.value(QStringLiteral("output"));
    r.logs = o.value(QStringLiteral("logs")).toArray();
    r.createdAt = timeOf(o.value(QStringLiteral("createdAt")));
    r.updatedAt = timeOf(o.value(QStringLiteral("updatedAt")));
    r.reported = reportedOn(o);
}

QString lastLog(const QJsonArray& logs)
{
    if (logs.isEmpty())
        return {};
    const QJsonObject o = logs.last().toObject();
    for (const char* key : {"log", "message"})
        if (o.value(QLatin1String(key)).isString())
            return o.value(QLatin1String(key)).toString();
    return {};
}

QJsonValue orNull(int64_t v)
{
    return v < 0 ? QJsonValue() : QJsonValue(qint64(v));
}

} // namespace

QString isoTime(int64_t epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

PortRecord portRecordFrom(const RunId& run, const QString& route, int httpStatus,
                          const QByteArray& body)
{
    PortRecord r;
    r.asked = true;
    r.route = route;
    r.httpStatus = httpStatus;
    const QJsonObject doc = QJsonDocument::fromJson(body).object();
    if (httpStatus < 200 || httpStatus > 299) {
        r.note = doc.value(QStringLiteral("message")).toString();
        return r;
    }
    const QString id = QString::fromStdString(run.text());
    if (run.kind() == RunId::Kind::ActionRun) {
        fill(r, doc.value(QStringLiteral("run")).toObject());
        return r;
    }
    const QJsonObject wf = doc.value(QStringLiteral("workflowRun")).toObject();
    if (run.kind() == RunId::Kind::WorkflowRun) {
        fill(r, wf);
        for (const QJsonValue& n : wf.value(QStringLiteral("nodeRuns")).toArray())
            r.reported = r.reported || reportedOn(n.toObject());
        return r;
    }
    for (const QJsonValue& n : wf.value(QStringLiteral("nodeRuns")).toArray())
        if (n.toObject().value(QStringLiteral("identifier")).toString() == id) {
            fill(r, n.toObject());
            return r;
        }
    r.note = QStringLiteral("the workflow run does not list node run %1").arg(id);
    return r;
}

Diagnosis diagnose(const DiagnosisInput& in)
{
    Diagnosis d;
    const PortRecord& port = in.port;
    const bool classic = in.run.kind() == RunId::Kind::ActionRun;

    // The run's messages against the groups on their partitions.
    enum class Reach
    {
        Consumed,
        Waiting,
        NoConsumer
    };
    std::vector<Reach> reach;
    std::map<int32_t, int64_t> lastOffset; // per partition: the run's last message there
    for (const KafkaRecord& m : in.messages) {
        lastOffset[m.partition] = std::max(lastOffset[m.partition], m.offset);
        bool anyGroup = false, past = false;
        for (const GroupPosition& g : in.groups)
            if (g.partition == m.partition && g.committed >= 0) {
                anyGroup = true;
                past = past || g.committed > m.offset;
            }
        reach.push_back(past ? Reach::Consumed : anyGroup ? Reach::Waiting : Reach::NoConsumer);
    }
    const auto count = [&reach](Reach r) { return std::count(reach.begin(), reach.end(), r); };
    const auto any = [&count](Reach r) { return count(r) > 0; };

    const bool completed = port.found && (classic ? port.status == QLatin1String("SUCCESS")
                                                  : port.status == QLatin1String("COMPLETED") &&
                                                        port.result == QLatin1String("SUCCESS"));
    const bool failed =
        port.found && (classic ? port.status == QLatin1String("FAILURE")
                               : port.status == QLatin1String("COMPLETED") && !completed);
    const QString reason = lastLog(port.logs);
    if (completed) {
        d.verdict = QStringLiteral("completed");
        d.summary = QStringLiteral("Port has the run COMPLETED");
    } else if (failed) {
        d.verdict = QStringLiteral("failed");
        d.summary =
            QStringLiteral("Port has the run %1")
                .arg(classic ? port.status : port.status + QStringLiteral(" · ") + port.result);
        if (!reason.isEmpty())
            d.summary += QStringLiteral(": ") + reason;
    } else if (port.found && port.reported) {
        d.verdict = QStringLiteral("in-progress");
        const QDateTime last = port.updatedAt.isValid() ? port.updatedAt : port.createdAt;
        d.summary = QStringLiteral("reported %1, not finished").arg(port.status);
        if (last.isValid())
            d.summary += QStringLiteral("; last report %1 s ago")
                             .arg((in.nowMs - last.toMSecsSinceEpoch()) / 1000);
    } else if (in.messages.empty()) {
        d.verdict = QStringLiteral("not-published");
        d.summary =
            in.sinceMs
                ? QStringLiteral("no message names the run since %1").arg(isoTime(*in.sinceMs))
                : QStringLiteral("no message names the run in the topic");
        if (in.scanCancelled)
            d.summary += QStringLiteral(" as far as the scan read before it was cancelled");
    } else if (any(Reach::Waiting)) {
        d.verdict = QStringLiteral("not-consumed");
        d.summary = QStringLiteral("published, and no group has reached it yet");
        if (reach.size() > 1) // an array payload, or one run sent more than once
            d.summary = QStringLiteral("published, and no group has reached %1 of its %2 "
                                       "messages yet")
                            .arg(qsizetype(reach.size()) - count(Reach::Consumed))
                            .arg(reach.size());
    } else if (any(Reach::NoConsumer)) {
        d.verdict = QStringLiteral("no-consumer");
        d.summary = in.groupsNote.empty()
                        ? QStringLiteral("no group has a committed offset on its partition")
                        : QStringLiteral("no group's offsets could be read: ") +
                              QString::fromStdString(in.groupsNote);
        if (in.groupsNote.empty() && reach.size() > 1)
            d.summary = QStringLiteral("no group has a committed offset on the partition of "
                                       "%1 of its %2 messages (%3 read)")
                            .arg(count(Reach::NoConsumer))
                            .arg(reach.size())
                            .arg(count(Reach::Consumed));
    } else {
        d.verdict = QStringLiteral("consumed-not-reported");
        d.summary = port.asked ? QStringLiteral("a group read past it, but Port has no report")
                               : QStringLiteral("a group read past it; Port's record was not "
                                                "read (give --api)");
    }
    d.exitCode = d.verdict == QLatin1String("completed") ? 0 : 1;

    QJsonArray messages;
    for (const KafkaRecord& m : in.messages) {
        messages.append(QJsonObject{{QStringLiteral("partition"), m.partition},
                                    {QStringLiteral("offset"), qint64(m.offset)},
                                    {QStringLiteral("timestamp"), orNull(m.timestamp)}});
        d.evidence << QStringLiteral("message  partition %1 offset %2 at %3")
                          .arg(m.partition)
                          .arg(m.offset)
                          .arg(m.timestamp >= 0 ? isoTime(m.timestamp) : QStringLiteral("?"));
    }
    QJsonArray groups;
    for (const GroupPosition& g : in.groups) {
        const auto last = lastOffset.find(g.partition);
        const bool consumed =
            last != lastOffset.end() && g.committed >= 0 && g.committed > last->second;
        QJsonObject o{{QStringLiteral("group"), QString::fromStdString(g.group)},
                      {QStringLiteral("partition"), g.partition},
                      {QStringLiteral("committedOffset"), orNull(g.committed)},
                      {QStringLiteral("lag"), orNull(g.lag)},
                      {QStringLiteral("oldestWaitingS"),
                       g.oldestWaitingS ? QJsonValue(*g.oldestWaitingS) : QJsonValue()},
                      {QStringLiteral("consumed"), consumed}};
        groups.append(o);
        QString line = QStringLiteral("group    %1 partition %2: ")
                           .arg(QString::fromStdString(g.group))
                           .arg(g.partition);
        if (g.committed < 0)
            line += QStringLiteral("no committed offset");
        else
            line +=
                QStringLiteral("committed %1, end %2, lag %3%4, %5")
                    .arg(g.committed)
                    .arg(g.end)
                    .arg(g.lag)
                    .arg(g.oldestWaitingS ? QStringLiteral(", oldest waiting %1 s")
                                                .arg(*g.oldestWaitingS, 0, 'f', 1)
                                          : QString())
                    .arg(consumed ? QStringLiteral("consumed") : QStringLiteral("not consumed"));
        d.evidence << line;
    }
    if (!in.groupsNote.empty())
        d.evidence << QStringLiteral("groups   ") + QString::fromStdString(in.groupsNote);

    QJsonObject p{{QStringLiteral("asked"), port.asked}};
    if (port.asked) {
        p.insert(QStringLiteral("route"), port.route);
        p.insert(QStringLiteral("httpStatus"), port.httpStatus);
        p.insert(QStringLiteral("found"), port.found);
    }
    if (port.found) {
        p.insert(QStringLiteral("status"), port.status);
        p.insert(QStringLiteral("result"),
                 port.result.isEmpty() ? QJsonValue() : QJsonValue(port.result));
        p.insert(QStringLiteral("output"), port.output.isUndefined() ? QJsonValue() : port.output);
        p.insert(QStringLiteral("logs"), port.logs);
        p.insert(QStringLiteral("reported"), port.reported);
        p.insert(QStringLiteral("updatedAt"),
                 port.updatedAt.isValid() ? QJsonValue(port.updatedAt.toString(Qt::ISODateWithMs))
                                          : QJsonValue());
    }
    if (!port.note.isEmpty())
        p.insert(QStringLiteral("note"), port.note);
    QString portLine = QStringLiteral("port     ");
    if (!port.asked)
        portLine += port.note.isEmpty() ? QStringLiteral("not asked (give --api)") : port.note;
    else if (!port.found)
        portLine += QStringLiteral("%1: HTTP %2%3")
                        .arg(port.route)
                        .arg(port.httpStatus)
                        .arg(port.note.isEmpty() ? QString() : QStringLiteral(" ") + port.note);
    else
        portLine +=
            QStringLiteral("%1: HTTP %2, %3%4, %5")
                .arg(port.route)
                .arg(port.httpStatus)
                .arg(port.status)
                .arg(port.result.isEmpty() ? QString() : QStringLiteral(" · ") + port.result)
                .arg(port.reported ? QStringLiteral("%1 log line(s)").arg(port.logs.size())
                                   : QStringLiteral("no report"));
    d.evidence << portLine;
    d.evidence << QStringLiteral("scan     %1 message(s) read from %2%3")
                      .arg(in.scanned)
                      .arg(in.sinceMs ? isoTime(*in.sinceMs) : QStringLiteral("the log start"))
                      .arg(in.scanCancelled ? QStringLiteral(" (cancelled)") : QString());

    d.json =
        QJsonObject{{QStringLiteral("run"), QString::fromStdString(in.run.text())},
                    {QStringLiteral("verdict"), d.verdict},
                    {QStringLiteral("summary"), d.summary},
                    {QStringLiteral("messages"), messages},
                    {QStringLiteral("groups"), groups},
                    {QStringLiteral("port"), p},
                    {QStringLiteral("scan"),
                     QJsonObject{{QStringLiteral("scanned"), qint64(in.scanned)},
                                 {QStringLiteral("since"),
                                  in.sinceMs ? QJsonValue(isoTime(*in.sinceMs)) : QJsonValue()},
                                 {QStringLiteral("cancelled"), in.scanCancelled}}},
                    {QStringLiteral("evidence"), QJsonArray::fromStringList(d.evidence)}};
    return d;
}

} // namespace porthole

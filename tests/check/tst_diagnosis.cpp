// SPDX-License-Identifier: GPL-3.0-or-later
// diagnose's verdict from plain values: every verdict of issue 24's table, Port's answers as the
// local Port API and Port's docs shape them, and the JSON object's fields.
#include "check/diagnosis.h"

#include <QJsonDocument>
#include <QTest>

using namespace porthole;

namespace {

const int64_t kNow = 1'705'314'600'000; // 2024-01-15T10:30:00Z

KafkaRecord message(int32_t partition, int64_t offset)
{
    KafkaRecord r;
    r.partition = partition;
    r.offset = offset;
    r.timestamp = kNow - 60'000;
    return r;
}

GroupPosition group(const char* name, int32_t partition, int64_t committed, int64_t end)
{
    GroupPosition g;
    g.group = name;
    g.partition = partition;
    g.committed = committed;
    g.end = end;
    g.lag = committed < 0 ? -1 : end - committed;
    if (committed >= 0 && committed < end)
        g.oldestWaitingS = 42.5;
    return g;
}

PortRecord nodeRunRecord(const char* nodeJson)
{
    const QByteArray body = QByteArray(R"({"ok":true,"workflowRun":{"identifier":"wfr_x",)"
                                       R"("status":"IN_PROGRESS","nodeRuns":[)") +
                            nodeJson + "]}}";
    return portRecordFrom(RunId::parse("wfnr_Aaaaaaaaaaaaaaa1"),
                          QStringLiteral("GET /v1/workflows/runs/wfr_x"), 200, body);
}

DiagnosisInput input(PortRecord port = {})
{
    DiagnosisInput in;
    in.run = RunId::parse("wfnr_Aaaaaaaaaaaaaaa1");
    in.nowMs = kNow;
    in.port = port;
    in.scanned = 10;
    return in;
}

} // namespace

class TestDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portsReportDecidesFirst()
    {
        const PortRecord done = nodeRunRecord(
            R"({"identifier":"wfnr_Aaaaaaaaaaaaaaa1","status":"COMPLETED","result":"SUCCESS"})");
        QVERIFY(done.found && done.reported);
        DiagnosisInput in = input(done);
        in.messages = {message(0, 5)};
        in.groups = {group("acme.worker", 0, 3, 9)}; // even when no group reached it
        Diagnosis d = diagnose(in);
        QCOMPARE(d.verdict, QStringLiteral("completed"));
        QCOMPARE(d.exitCode, 0);

        const PortRecord failed = nodeRunRecord(
            R"({"identifier":"wfnr_Aaaaaaaaaaaaaaa1","status":"COMPLETED","result":"FAILED",)"
            R"("logs":[{"logLevel":"ERROR","log":"disk full"}]})");
        d = diagnose(input(failed));
        QCOMPARE(d.verdict, QStringLiteral("failed"));
        QVERIFY2(d.summary.contains(QLatin1String("disk full")), qPrintable(d.summary));
        QCOMPARE(d.exitCode, 1);

        const PortRecord running = nodeRunRecord(
            R"({"identifier":"wfnr_Aaaaaaaaaaaaaaa1","status":"IN_PROGRESS","result":null,)"
            R"("createdAt":"2024-01-15T10:00:00.000Z","updatedAt":"2024-01-15T10:29:00.000Z"})");
        d = diagnose(input(running));
        QCOMPARE(d.verdict, QStringLiteral("in-progress"));
        QVERIFY2(d.summary.contains(QLatin1String("60 s ago")), qPrintable(d.summary));
    }

    void classicRunsUseSuccessAndFailure()
    {
        const RunId r = RunId::parse("r_Ddddddddddddddd4");
        DiagnosisInput in = input(portRecordFrom(
            r, QStringLiteral("GET /v1/actions/runs/r_Ddddddddddddddd4"), 200,
            R"({"ok":true,"run":{"id":"r_Ddddddddddddddd4","status":"FAILURE","logs":[]}})"));
        in.run = r;
        QCOMPARE(diagnose(in).verdict, QStringLiteral("failed"));
        in.port = portRecordFrom(r, QStringLiteral("GET /v1/actions/runs/r_Ddddddddddddddd4"), 200,
                                 R"({"ok":true,"run":{"status":"SUCCESS"}})");
        QCOMPARE(diagnose(in).verdict, QStringLiteral("completed"));
    }

    void theTopicDecidesWhenPortHasNoReport()
    {
        // The sandbox's fresh node run: IN_PROGRESS, updatedAt null, no logs.
        const PortRecord fresh = nodeRunRecord(
            R"({"identifier":"wfnr_Aaaaaaaaaaaaaaa1","status":"IN_PROGRESS","result":null,)"
            R"("logs":[],"createdAt":"2024-01-15T10:00:00.000Z","updatedAt":null})");
        QVERIFY(fresh.found && !fresh.reported);
        DiagnosisInput in = input(fresh);
        QCOMPARE(diagnose(in).verdict, QStringLiteral("not-published"));
        in.messages = {message(1, 7)};
        in.groups = {group("acme.worker", 1, 7, 10), group("acme.audit", 1, -1, 10)};
        Diagnosis d = diagnose(in);
        QCOMPARE(d.verdict, QStringLiteral("not-consumed")); // committed 7 is not past 7
        in.groups[0].committed = 8;
        QCOMPARE(diagnose(in).verdict, QStringLiteral("consumed-not-reported"));
        in.groups = {group("acme.audit", 1, -1, 10)};
        QCOMPARE(diagnose(in).verdict, QStringLiteral("no-consumer"));
        in.groups.clear();
        in.groupsNote = "the broker cannot list consumer groups";
        d = diagnose(in);
        QCOMPARE(d.verdict, QStringLiteral("no-consumer"));
        QVERIFY(d.summary.contains(QLatin1String("cannot list")));
        // A run with messages on three partitions, one read: the summary counts them.
        in.groupsNote.clear();
        in.messages = {message(0, 0), message(1, 0), message(2, 0)};
        in.groups = {group("acme.worker", 0, 1, 1)};
        d = diagnose(in);
        QCOMPARE(d.verdict, QStringLiteral("no-consumer"));
        QCOMPARE(d.summary, QStringLiteral("no group has a committed offset on the partition "
                                           "of 2 of its 3 messages (1 read)"));
        in.groups = {group("acme.worker", 0, 1, 1), group("acme.worker", 1, 0, 1),
                     group("acme.worker", 2, 1, 1)};
        d = diagnose(in);
        QCOMPARE(d.verdict, QStringLiteral("not-consumed"));
        QCOMPARE(d.summary,
                 QStringLiteral("published, and no group has reached 1 of its 3 messages yet"));
        in.groups.pop_back(); // partition 2 unread too, and by no group at all
        d = diagnose(in);
        QCOMPARE(d.verdict, QStringLiteral("not-consumed"));
        QCOMPARE(d.summary,
                 QStringLiteral("published, and no group has reached 2 of its 3 messages yet"));
        // The node run missing from its workflow run: Port has no record of it.
        const PortRecord other = nodeRunRecord(R"({"identifier":"wfnr_Other00000000000"})");
        QVERIFY(!other.found && other.note.contains(QLatin1String("does not list")));
    }

    void jsonShape()
    {
        DiagnosisInput in = input(nodeRunRecord(
            R"({"identifier":"wfnr_Aaaaaaaaaaaaaaa1","status":"IN_PROGRESS","logs":[]})"));
        in.messages = {message(0, 5)};
        in.groups = {group("acme.worker", 0, 5, 9), group("acme.audit", 0, -1, 9)};
        const Diagnosis d = diagnose(in);
        const QJsonObject j = d.json;
        QCOMPARE(j.value(QStringLiteral("run")).toString(),
                 QStringLiteral("wfnr_Aaaaaaaaaaaaaaa1"));
        QCOMPARE(j.value(QStringLiteral("verdict")).toString(), QStringLiteral("not-consumed"));
        const QJsonObject m = j.value(QStringLiteral("messages")).toArray().at(0).toObject();
        QCOMPARE(m.keys(), (QStringList{QStringLiteral("offset"), QStringLiteral("partition"),
                                        QStringLiteral("timestamp")}));
        QCOMPARE(m.value(QStringLiteral("timestamp")).toInteger(), kNow - 60'000);
        const QJsonArray groups = j.value(QStringLiteral("groups")).toArray();
        const QJsonObject g = groups.at(0).toObject();
        QCOMPARE(g.keys(),
                 (QStringList{QStringLiteral("committedOffset"), QStringLiteral("consumed"),
                              QStringLiteral("group"), QStringLiteral("lag"),
                              QStringLiteral("oldestWaitingS"), QStringLiteral("partition")}));
        QCOMPARE(g.value(QStringLiteral("lag")).toInteger(), 4);
        QCOMPARE(g.value(QStringLiteral("oldestWaitingS")).toDouble(), 42.5);
        QCOMPARE(g.value(QStringLiteral("consumed")).toBool(), false);
        const QJsonObject none = groups.at(1).toObject();
        QVERIFY(none.value(QStringLiteral("committedOffset")).isNull());
        QVERIFY(none.value(QStringLiteral("lag")).isNull());
        QVERIFY(none.value(QStringLiteral("oldestWaitingS")).isNull());
        const QJsonObject port = j.value(QStringLiteral("port")).toObject();
        QCOMPARE(port.value(QStringLiteral("httpStatus")).toInt(), 200);
        QCOMPARE(port.value(QStringLiteral("status")).toString(), QStringLiteral("IN_PROGRESS"));
        QVERIFY(d.evidence.first().startsWith(QLatin1String("message  partition 0 offset 5 at "
                                                            "2024-01-15T10:29:00.000Z")));
        QVERIFY2(d.evidence.at(1).contains(QLatin1String("committed 5, end 9, lag 4, oldest "
                                                         "waiting 42.5 s, not consumed")),
                 qPrintable(d.evidence.at(1)));
    }

    void notAskedAndErrorsAreSaid()
    {
        DiagnosisInput in = input();
        in.messages = {message(0, 5)};
        in.groups = {group("acme.worker", 0, 6, 9)};
        Diagnosis d = diagnose(in);
        QCOMPARE(d.verdict, QStringLiteral("consumed-not-reported"));
        QVERIFY(d.summary.contains(QLatin1String("--api")));
        QCOMPARE(d.json.value(QStringLiteral("port")).toObject().value(QStringLiteral("asked")),
                 QJsonValue(false));
        const PortRecord missing = portRecordFrom(
            RunId::parse("wfr_Ccccccccccccccc3"), QStringLiteral("GET /v1/workflows/runs/x"), 404,
            R"({"ok":false,"error":"not_found","message":"workflow run x was not found"})");
        QVERIFY(missing.asked && !missing.found);
        QCOMPARE(missing.note, QStringLiteral("workflow run x was not found"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"

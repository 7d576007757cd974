// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli sandbox / publish / watch against real peers: the seed's python3-kafka consumer,
// kcat, and sandbox processes that are stopped and restarted on the same port.
#include "kafka/kafkatesttools.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/runid.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace porthole;
using namespace porthole::test;

namespace {

const QString kCli = QStringLiteral(PORTHOLE_CLI);
const QString kPython = QStringLiteral("/usr/bin/python3");

QString script(const char* name)
{
    return QStringLiteral(PORTHOLE_KAFKA_TEST_DIR "/") + QLatin1String(name);
}

JsonValue parse(const QByteArray& text)
{
    const JsonDocument doc =
        JsonParser::parse(std::string_view(text.constData(), size_t(text.size())));
    return doc.ok() ? doc.root->toValue() : JsonValue();
}

// The same JSON written one canonical way, to compare values across tools.
QByteArray canonical(const QByteArray& json)
{
    const JsonValue v = parse(json);
    return v.isUndefined() ? "<not json: " + json + ">"
                           : QByteArray::fromStdString(JsWriter::stringify(v));
}

QStringList canonicalLines(const QByteArray& out)
{
    QStringList result;
    for (const QByteArray& l : lines(out))
        result << QString::fromUtf8(canonical(l));
    result.sort();
    return result;
}

QStringList exampleNodes()
{
    const QDir dir(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/nodes"));
    QStringList paths;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

QString workflowContext()
{
    return QStringLiteral(PORTHOLE_EXAMPLES_DIR "/contexts/workflow.json");
}

// `now` renders differently from one second to the next: compare without it.
QStringList withoutTimes(QStringList values)
{
    static const QRegularExpression iso(
        QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    for (QString& v : values)
        v.replace(iso, QStringLiteral("<time>"));
    values.sort();
    return values;
}

} // namespace

class TestCliKafka : public QObject
{
    Q_OBJECT
    SandboxProcess m_sandbox;
    QTemporaryDir m_tmp;
    QByteArray m_published;

    QString bootstrap() const { return m_sandbox.bootstrap; }

    QString writeTemp(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    }

    Finished watchAll(const QString& topic, const QStringList& extra = {})
    {
        return run(kCli,
                   QStringList{QStringLiteral("watch"), QStringLiteral("--bootstrap"), bootstrap(),
                               QStringLiteral("--topic"), topic, QStringLiteral("--from"),
                               QStringLiteral("beginning"), QStringLiteral("--exit-at-end")} +
                       extra);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(kPython).isExecutable(), "Debian's /usr/bin/python3 is required");
        const Finished kcat = run(QStringLiteral("kcat"), {QStringLiteral("-V")});
        QVERIFY2(kcat.exitCode == 0, "kcat is required: " + kcat.err);
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_sandbox.start(QStringLiteral("itest")), m_sandbox.firstLine.constData());
        QVERIFY(m_sandbox.firstLine.startsWith("bootstrap=127.0.0.1:"));
        QVERIFY(m_sandbox.firstLine.contains(" api=http://127.0.0.1:"));
        QVERIFY(m_sandbox.firstLine.endsWith(" org=itest"));
    }

    void publishedMessagesReachEveryConsumer()
    {
        // What Port would publish for each example node, as `render` prints it.
        int expected = 0;
        for (const QString& node : exampleNodes()) {
            const QStringList common = {node, QStringLiteral("--context"), workflowContext(),
                                        QStringLiteral("--org"), QStringLiteral("itest")};
            const Finished render = run(kCli, QStringList{QStringLiteral("render")} + common);
            QVERIFY2(render.exitCode == 0, render.err.constData());
            m_published += render.out;
            const Finished pub =
                run(kCli, QStringList{QStringLiteral("publish")} + common +
                              QStringList{QStringLiteral("--bootstrap"), bootstrap()});
            QVERIFY2(pub.exitCode == 0, pub.err.constData());
            const QList<QByteArray> reports = lines(pub.out);
            const int count = int(lines(render.out).size());
            QCOMPARE(int(reports.size()), count + 1);
            for (int i = 0; i < count; ++i) {
                const JsonValue r = parse(reports[i]);
                QCOMPARE(r["topic"].toString(), std::string("itest.runs"));
                QVERIFY(r["partition"].toNumber() >= 0 && r["offset"].toNumber() >= 0);
                // librdkafka's time from produce() to the report: never zero for a round trip.
                QVERIFY(r["latencyMs"].isNumber() && r["latencyMs"].toNumber() > 0);
                QVERIFY(r["error"].isUndefined());
            }
            QCOMPARE(canonical(reports.last()),
                     QByteArray("{\"delivered\":") + QByteArray::number(count) + ",\"failed\":0}");
            expected += count;
        }
        QCOMPARE(expected, 6);

        const QStringList want = withoutTimes(canonicalLines(m_published));
        // The seed page's Python consumer, in a group of the organisation.
        const Finished py =
            run(kPython, {script("seed_consumer.py"), bootstrap(), QStringLiteral("itest.runs"),
                          QStringLiteral("itest.seed")});
        QVERIFY2(py.exitCode == 0, py.err.constData());
        QCOMPARE(withoutTimes(canonicalLines(py.out)), want);
        // kcat reads the same values.
        const Finished kcat =
            run(QStringLiteral("kcat"),
                {QStringLiteral("-b"), bootstrap(), QStringLiteral("-C"), QStringLiteral("-t"),
                 QStringLiteral("itest.runs"), QStringLiteral("-e"), QStringLiteral("-q"),
                 QStringLiteral("-f"), QStringLiteral("%s\\n")});
        QVERIFY2(kcat.exitCode == 0, kcat.err.constData());
        QCOMPARE(withoutTimes(canonicalLines(kcat.out)), want);
        // porthole-cli watch shows them with the contract's fields.
        const Finished watch = watchAll(QStringLiteral("itest.runs"));
        QVERIFY2(watch.exitCode == 0, watch.err.constData());
        QStringList values;
        for (const QByteArray& l : lines(watch.out)) {
            const JsonValue m = parse(l);
            QVERIFY2(m.isObject(), l.constData());
            for (const char* field : {"topic", "partition", "offset", "timestamp", "key", "headers",
                                      "value", "kind", "ids"})
                QVERIFY2(!m[field].isUndefined(), field);
            for (const char* id : {"workflowRun", "nodeRun", "actionRun"})
                QVERIFY(!m["ids"][id].isUndefined());
            QCOMPARE(m["topic"].toString(), std::string("itest.runs"));
            QVERIFY(m["value"].isObject());
            // The default envelope carries the node run id: Port's workflow-node shape.
            QCOMPARE(m["kind"].toString(), std::string("workflow-node"));
            QCOMPARE(m["ids"]["nodeRun"].toString(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
            QCOMPARE(m["ids"]["workflowRun"].toString(), std::string("wfr_4hT9xQ2mLp0aZ7Kd"));
            values << QString::fromStdString(JsWriter::stringify(m["value"]));
        }
        QCOMPARE(withoutTimes(values), want);
    }

    // Every repeat is a new run (issue 21, bug 3): 3 node-run ids, all Port-form and new, each
    // message's signature valid for Python's hmac; --same-ids keeps the context's id.
    void repeatGivesEachRunItsOwnIds()
    {
        const QString node =
            QStringLiteral(PORTHOLE_EXAMPLES_DIR "/nodes/basic-publish-event.json");
        const auto publish = [&](const QString& topic, const QStringList& extra) {
            return run(kCli,
                       QStringList{QStringLiteral("publish"), node, QStringLiteral("--context"),
                                   workflowContext(), QStringLiteral("--topic"), topic,
                                   QStringLiteral("--bootstrap"), bootstrap(),
                                   QStringLiteral("--sign"), QStringLiteral("--client-secret"),
                                   QStringLiteral("s3cret")} +
                           extra);
        };
        // Each value read back with kcat and checked as Port's agent does: "<runId> valid".
        const auto readBack = [&](const QString& topic) {
            const Finished kcat =
                run(QStringLiteral("kcat"),
                    {QStringLiteral("-b"), bootstrap(), QStringLiteral("-C"), QStringLiteral("-t"),
                     topic, QStringLiteral("-e"), QStringLiteral("-q"), QStringLiteral("-f"),
                     QStringLiteral("%s\\n")});
            const Finished py = run(kPython, {QStringLiteral("-c"), QStringLiteral(R"(
import base64, hashlib, hmac, json, sys
for line in sys.stdin:
    if not line.strip():
        continue
    m = json.loads(line)
    sig = m['headers'].pop('X-Port-Signature')
    ts = m['headers'].pop('X-Port-Timestamp')
    text = json.dumps(m, separators=(',', ':'), ensure_ascii=False)
    mac = hmac.new(b's3cret', f'{ts}.{text}'.encode(), hashlib.sha256).digest()
    ok = hmac.compare_digest(sig, 'v1,' + base64.b64encode(mac).decode())
    print(m['context']['runId'], 'valid' if ok else 'invalid')
)")},
                                    kcat.out);
            return QString::fromUtf8(kcat.err + py.err + py.out).split(u'\n', Qt::SkipEmptyParts);
        };

        const Finished pub = publish(QStringLiteral("itest.repeat"),
                                     {QStringLiteral("--repeat"), QStringLiteral("3")});
        QVERIFY2(pub.exitCode == 0, pub.err.constData());
        QSet<QString> printed;
        const QList<QByteArray> reports = lines(pub.out);
        QCOMPARE(int(reports.size()), 4);
        for (int i = 0; i < 3; ++i)
            printed.insert(QString::fromStdString(parse(reports[i])["runId"].toString()));
        QStringList seen = readBack(QStringLiteral("itest.repeat"));
        QCOMPARE(int(seen.size()), 3);
        QSet<QString> sent;
        for (const QString& line : seen) {
            const QStringList parts = line.split(u' ');
            QVERIFY2(parts.size() == 2 && parts[1] == QStringLiteral("valid"), qPrintable(line));
            QVERIFY2(RunId::isPortForm(parts[0].toStdString(), RunId::Kind::NodeRun),
                     qPrintable(line));
            sent.insert(parts[0]);
        }
        QCOMPARE(sent.size(), 3);
        QVERIFY(!sent.contains(QStringLiteral("wfnr_8Jk2Lm4Np6Qr8St0")));
        QCOMPARE(printed, sent); // the delivery lines name the runs actually sent

        const Finished same =
            publish(QStringLiteral("itest.same"), {QStringLiteral("--repeat"), QStringLiteral("2"),
                                                   QStringLiteral("--same-ids")});
        QVERIFY2(same.exitCode == 0, same.err.constData());
        QCOMPARE(readBack(QStringLiteral("itest.same")),
                 QStringList(2, QStringLiteral("wfnr_8Jk2Lm4Np6Qr8St0 valid")));
    }

    void kcatMessagesShowCorrectly()
    {
        const QString topic = QStringLiteral("itest.change.log");
        QVERIFY(
            kcatProduce(
                bootstrap(), topic,
                "k1\t{\"action\":\"UPDATE\",\"resourceType\":\"entity\",\"diff\":{\"before\":null,"
                "\"after\":{}},\"context\":{\"runId\":\"r_jE5FhDURh4Uen2Qr\"}}\n",
                {QStringLiteral("-p"), QStringLiteral("0"), QStringLiteral("-H"),
                 QStringLiteral("trace=abc"), QStringLiteral("-H"),
                 QStringLiteral("X-Port-Timestamp=1713277889")})
                .exitCode == 0);
        QVERIFY(kcatProduce(bootstrap(), topic, "k2\tnot json: wfnr_8Jk2Lm4Np6Qr8St0 done\n",
                            {QStringLiteral("-p"), QStringLiteral("1")})
                    .exitCode == 0);
        QVERIFY(kcatProduce(bootstrap(), topic, QByteArray("k3\t\x00\x01\xfe\xff", 7),
                            {QStringLiteral("-p"), QStringLiteral("2")})
                    .exitCode == 0);
        const Finished watch = watchAll(topic);
        QVERIFY2(watch.exitCode == 0, watch.err.constData());
        const QList<QByteArray> out = lines(watch.out);
        QCOMPARE(out.size(), 3);
        std::map<int, JsonValue> byPartition;
        for (const auto& l : out)
            byPartition[int(parse(l)["partition"].toNumber())] = parse(l);
        const JsonValue& json = byPartition[0];
        QCOMPARE(json["key"].toString(), std::string("k1"));
        QCOMPARE(json["headers"]["trace"].toString(), std::string("abc"));
        QCOMPARE(json["headers"]["X-Port-Timestamp"].toString(), std::string("1713277889"));
        QCOMPARE(json["value"]["diff"]["before"].type(), JsonValue::Type::Null);
        QCOMPARE(json["kind"].toString(), std::string("change-log"));
        QCOMPARE(json["ids"]["actionRun"].toString(), std::string("r_jE5FhDURh4Uen2Qr"));
        const JsonValue& text = byPartition[1];
        QCOMPARE(text["value"].toString(), std::string("not json: wfnr_8Jk2Lm4Np6Qr8St0 done"));
        QCOMPARE(text["ids"]["nodeRun"].toString(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
        const JsonValue& binary = byPartition[2];
        QCOMPARE(binary["valueEncoding"].toString(), std::string("base64"));
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(binary["value"].toString())),
                 QByteArray("\x00\x01\xfe\xff", 4));
        QCOMPARE(binary["kind"].toString(), std::string("change-log"));

        // --filter: jq over the printed object.
        const Finished filtered =
            watchAll(topic, {QStringLiteral("--filter"), QStringLiteral(".ids.nodeRun != null")});
        QVERIFY2(filtered.exitCode == 0, filtered.err.constData());
        QCOMPARE(lines(filtered.out).size(), 1);
        QCOMPARE(parse(filtered.out)["partition"].toNumber(), 1.0);
        QCOMPARE(watchAll(topic, {QStringLiteral("--filter"), QStringLiteral(".a ==")}).exitCode,
                 2);
    }

    void watchFilterRunawaySkipsOneMessage()
    {
        // A --filter that never ends on one message: that message is skipped with a warning
        // naming it, the others are judged and printed, and the watch ends normally.
        const QString topic = QStringLiteral("itest.filter.runaway");
        QByteArray input;
        for (int n = 0; n < 6; ++n)
            input +=
                "k\t{\"n\":" + QByteArray::number(n) + (n == 2 ? ",\"loop\":true" : "") + "}\n";
        QVERIFY(kcatProduce(bootstrap(), topic, input, {QStringLiteral("-p"), QStringLiteral("0")})
                    .exitCode == 0);
        QElapsedTimer clock;
        clock.start();
        const Finished f = watchAll(
            topic,
            {QStringLiteral("--filter"),
             QStringLiteral("if .value.loop then last(repeat(1)) else .value.n % 2 == 0 end"),
             QStringLiteral("--filter-timeout"), QStringLiteral("1000")});
        QVERIFY2(f.exitCode == 0, f.err.constData());
        const QList<QByteArray> out = lines(f.out);
        QCOMPARE(out.size(), 2); // n = 0 and 4; n = 2 ran away
        QCOMPARE(parse(out[0])["value"]["n"].toNumber(), 0.0);
        QCOMPARE(parse(out[1])["value"]["n"].toNumber(), 4.0);
        QVERIFY2(f.err.contains("--filter: skipped partition 0 offset 2: the filter took longer "
                                "than 1000 ms"),
                 f.err.constData());
        QVERIFY2(clock.elapsed() < 20000, QByteArray::number(clock.elapsed()).constData());
        // A bad --filter-timeout is a usage error.
        QCOMPARE(watchAll(topic, {QStringLiteral("--filter"), QStringLiteral("."),
                                  QStringLiteral("--filter-timeout"), QStringLiteral("0")})
                     .exitCode,
                 2);
    }

    void watcherCommitsNothing()
    {
        const auto committed = [&](const QString& group) {
            const Finished f = run(kPython, {script("committed_offsets.py"), bootstrap(),
                                             QStringLiteral("itest.runs"), group});
            return f.exitCode == 0 ? f.out.trimmed() : "error: " + f.err;
        };
        const QByteArray seedBefore = committed(QStringLiteral("itest.seed"));
        QVERIFY2(seedBefore.contains(": ") && !seedBefore.startsWith("error"),
                 seedBefore.constData());
        QVERIFY2(!seedBefore.contains("null"),
                 seedBefore.constData()); // the seed consumer committed
        // Watching with the seed's own group id and with the default one changes nothing.
        QVERIFY(watchAll(QStringLiteral("itest.runs"),
                         {QStringLiteral("--group"), QStringLiteral("itest.seed")})
                    .exitCode == 0);
        QVERIFY(watchAll(QStringLiteral("itest.runs")).exitCode == 0);
        QCOMPARE(committed(QStringLiteral("itest.seed")), seedBefore);
        const QByteArray inspector = committed(QStringLiteral("itest.porthole-inspector"));
        QCOMPARE(inspector, QByteArray("{\"0\": null, \"1\": null, \"2\": null}"));
        // Settings that would commit are refused outright.
        const Finished refused =
            watchAll(QStringLiteral("itest.runs"),
                     {QStringLiteral("-X"), QStringLiteral("enable.auto.commit=true")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("never commits"));
        const Finished foreign =
            watchAll(QStringLiteral("itest.runs"),
                     {QStringLiteral("--group"), QStringLiteral("other.group")});
        QCOMPARE(foreign.exitCode, 2);
    }

    void watchSurvivesABrokerRestart()
    {
        SandboxProcess broker;
        QVERIFY(broker.start(QStringLiteral("rs")));
        QProcess watch;
        watch.start(kCli, {QStringLiteral("watch"), QStringLiteral("--bootstrap"), broker.bootstrap,
                           QStringLiteral("--org"), QStringLiteral("rs"), QStringLiteral("--from"),
                           QStringLiteral("beginning"), QStringLiteral("-X"),
                           QStringLiteral("reconnect.backoff.max.ms=500")});
        QVERIFY(watch.waitForStarted(10000));
        QByteArray out, err;
        const auto pump = [&] {
            out += watch.readAllStandardOutput();
            err += watch.readAllStandardError();
        };
        QVERIFY(
            kcatProduce(broker.bootstrap, QStringLiteral("rs.runs"), "a\tbefore-1\nb\tbefore-2\n")
                .exitCode == 0);
        QTRY_VERIFY_WITH_TIMEOUT((pump(), lines(out).size() == 2), 30000);

        const quint16 port = broker.port;
        QCOMPARE(broker.stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT((pump(), err.contains("broker down")), 30000);
        QVERIFY(broker.start(QStringLiteral("rs"), port));
        QTRY_VERIFY_WITH_TIMEOUT((pump(), err.contains("recovered")), 30000);
        QVERIFY(kcatProduce(broker.bootstrap, QStringLiteral("rs.runs"), "a\tafter-1\nb\tafter-2\n")
                    .exitCode == 0);
        QTRY_VERIFY_WITH_TIMEOUT((pump(), lines(out).size() >= 4), 30000);
        QTest::qWait(1500); // a duplicate row would arrive now
        pump();
        watch.terminate();
        QVERIFY(watch.waitForFinished(20000));
        QCOMPARE(watch.exitCode(), 0);
        QStringList values;
        for (const QByteArray& l : lines(out))
            values << QString::fromStdString(parse(l)["value"].toString());
        values.sort();
        QCOMPARE(values, (QStringList{QStringLiteral("after-1"), QStringLiteral("after-2"),
                                      QStringLiteral("before-1"), QStringLiteral("before-2")}));
    }

    void publisherReportsEveryUndeliveredMessage()
    {
        SandboxProcess broker;
        QVERIFY(broker.start(QStringLiteral("gone")));
        const QString dead = broker.bootstrap;
        QCOMPARE(broker.stop(), 0);
        const QString file =
            writeTemp(QStringLiteral("three.jsonl"), "{\"n\":1}\n{\"n\":2}\nplain\n");
        const Finished pub =
            run(kCli, {QStringLiteral("publish"), file, QStringLiteral("--raw"),
                       QStringLiteral("--bootstrap"), dead, QStringLiteral("--org"),
                       QStringLiteral("gone"), QStringLiteral("--repeat"), QStringLiteral("2"),
                       QStringLiteral("-X"), QStringLiteral("message.timeout.ms=2000")});
        QCOMPARE(pub.exitCode, 3);
        const QList<QByteArray> out = lines(pub.out);
        QCOMPARE(out.size(), 7);
        QSet<int> indexes;
        for (int i = 0; i < 6; ++i) {
            const JsonValue r = parse(out[i]);
            QVERIFY2(!r["error"].toString().empty(), out[i].constData());
            indexes.insert(int(r["index"].toNumber()));
        }
        QCOMPARE(indexes, (QSet<int>{0, 1, 2, 3, 4, 5}));
        QCOMPARE(canonical(out.last()), QByteArray("{\"delivered\":0,\"failed\":6}"));
    }

    // Nothing listens at the address: the publish ends in seconds with the connection test's
    // reason (librdkafka alone would wait out message.timeout.ms and say "Message timed out").
    void deadBrokerFailsFastWithTheReason()
    {
        SandboxProcess broker;
        QVERIFY(broker.start(QStringLiteral("dead")));
        const QString dead = broker.bootstrap;
        QCOMPARE(broker.stop(), 0);
        const QString file = writeTemp(QStringLiteral("one.jsonl"), "{\"n\":1}\n");
        QElapsedTimer timer;
        timer.start();
        const Finished pub = run(kCli, {QStringLiteral("publish"), file, QStringLiteral("--raw"),
                                        QStringLiteral("--bootstrap"), dead,
                                        QStringLiteral("--org"), QStringLiteral("dead")});
        QCOMPARE(pub.exitCode, 3);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        const QByteArray expected = "publish: no broker answered (connection refused: is the "
                                    "broker running, is the address right?): " +
                                    dead.toUtf8() + ": connection refused\n";
        QVERIFY2(pub.err.contains(expected), pub.err.constData());
        const QList<QByteArray> out = lines(pub.out);
        QCOMPARE(out.size(), 2);
        QVERIFY2(parse(out[0])["error"].toString().find("connection refused") != std::string::npos,
                 out[0].constData());
        QVERIFY2(!out[0].contains("timed out"), out[0].constData());
    }

    void brokerLostWhilePublishing()
    {
        SandboxProcess broker;
        QVERIFY(broker.start(QStringLiteral("mid")));
        const QString file = writeTemp(QStringLiteral("one.jsonl"), "{\"n\":1}\n");
        QProcess pub;
        pub.start(kCli, {QStringLiteral("publish"), file, QStringLiteral("--raw"),
                         QStringLiteral("--bootstrap"), broker.bootstrap, QStringLiteral("--org"),
                         QStringLiteral("mid"), QStringLiteral("--repeat"), QStringLiteral("300"),
                         QStringLiteral("--rate"), QStringLiteral("100"), QStringLiteral("-X"),
                         QStringLiteral("message.timeout.ms=3000")});
        QVERIFY(pub.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += pub.readAllStandardOutput(), lines(out).size() >= 20),
                                 30000);
        QCOMPARE(broker.stop(), 0);
        QVERIFY(pub.waitForFinished(60000));
        out += pub.readAllStandardOutput();
        QCOMPARE(pub.exitCode(), 3);
        const QList<QByteArray> all = lines(out);
        QCOMPARE(all.size(), 301);
        QSet<int> indexes;
        int failed = 0;
        for (int i = 0; i < 300; ++i) {
            const JsonValue r = parse(all[i]);
            indexes.insert(int(r["index"].toNumber()));
            failed += r["error"].isString() ? 1 : 0;
        }
        QCOMPARE(indexes.size(), 300);
        QVERIFY(failed > 0 && failed < 300);
        QCOMPARE(canonical(all.last()), "{\"delivered\":" + QByteArray::number(300 - failed) +
                                            ",\"failed\":" + QByteArray::number(failed) + "}");
    }

    // The sandbox speaks neither SASL nor TLS: a client configured for them fails fast with a
    // reason, exit 3, and never prints the password.
    void refusedConnectionsFailFast_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("reason");
        for (const char* command : {"publish", "watch"}) {
            QTest::addRow("%s sasl", command)
                << QString::fromLatin1(command) << QStringLiteral("SASL_PLAINTEXT")
                << QStringLiteral("authentication failed");
            QTest::addRow("%s tls", command)
                << QString::fromLatin1(command) << QStringLiteral("SSL")
                << QStringLiteral("TLS handshake failed");
        }
    }
    void refusedConnectionsFailFast()
    {
        QFETCH(QString, command);
        QFETCH(QString, protocol);
        QFETCH(QString, reason);
        QStringList args{command};
        if (command == QStringLiteral("publish"))
            args << writeTemp(QStringLiteral("one.jsonl"), "{\"n\":1}\n")
                 << QStringLiteral("--raw");
        else
            args << QStringLiteral("--exit-at-end");
        args << QStringLiteral("--bootstrap") << bootstrap() << QStringLiteral("--org")
             << QStringLiteral("itest") << QStringLiteral("-X")
             << QStringLiteral("security.protocol=") + protocol;
        if (protocol.startsWith(QStringLiteral("SASL")))
            args << QStringLiteral("-X") << QStringLiteral("sasl.mechanisms=SCRAM-SHA-512")
                 << QStringLiteral("-X") << QStringLiteral("sasl.username=user")
                 << QStringLiteral("-X") << QStringLiteral("sasl.password=pa55-not-shown");
        QElapsedTimer timer;
        timer.start();
        const Finished r = run(kCli, args, {}, 60000);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(r.err.contains(reason.toUtf8()), r.err.constData());
        QVERIFY(!r.err.contains("pa55-not-shown") && !r.out.contains("pa55-not-shown"));
    }

    void sandboxRefusesABusyPort()
    {
        const Finished second = run(kCli,
                                    {QStringLiteral("sandbox"), QStringLiteral("--kafka-port"),
                                     QString::number(m_sandbox.port)},
                                    {}, 20000);
        QCOMPARE(second.exitCode, 3);
        QVERIFY2(second.err.startsWith("porthole-cli: sandbox: cannot listen on 127.0.0.1:"),
                 second.err.constData());
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestCliKafka)
#include "tst_cli_kafka.moc"

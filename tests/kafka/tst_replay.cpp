// SPDX-License-Identifier: GPL-3.0-or-later
// Record and replay byte for byte against the sandbox (a `porthole-cli sandbox` process):
// messages with headers (null, repeated, binary), plain text, random binary with NUL and
// invalid UTF-8, a null key, a tombstone, JSON with whitespace, a JSON string; watched into a
// recording, published again with `publish --replay` to another topic, watched again, and
// read by python3-kafka as an independent peer: every byte the same.
#include "kafkatesttools.h"

#include "core/watchlineparser.h"
#include "kafka/kafkaproducer.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace porthole;
using namespace porthole::test;

namespace {

const QString kCli = QStringLiteral(PORTHOLE_CLI);

std::string hexOrNull(const std::optional<std::string>& b)
{
    return b ? QByteArray::fromStdString(*b).toHex().toStdString() : std::string("null");
}

// One canonical text per record (topic and position aside), to compare as sorted lists.
std::string identity(const KafkaRecord& r)
{
    std::string s = "key=" + hexOrNull(r.key) + " value=" + hexOrNull(r.value) + " headers=";
    for (const auto& [name, value] : r.headers)
        s += name + ":" + hexOrNull(value) + ";";
    return s;
}

std::vector<std::string> identities(const std::vector<KafkaRecord>& records)
{
    std::vector<std::string> out;
    for (const KafkaRecord& r : records)
        out.push_back(identity(r));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<KafkaRecord> originals(const std::string& topic)
{
    std::vector<KafkaRecord> out;
    KafkaRecord json;
    json.topic = topic;
    json.key = "wfr_k1";
    json.value =
        "{\n  \"context\": {\"runId\": \"wfnr_8Jk2Lm4Np6Qr8St0\"},\n"
        "  \"payload\": {\"n\": 1.0, \"big\": 12345678901234567890, \"s\": \"caf\xc3\xa9\"}\n}";
    json.headers = {{"X-Port-Timestamp", std::string("1700000000")},
                    {"dup", std::string("1")},
                    {"dup", std::string("2")},
                    {"nothing", std::nullopt},
                    {"bin", std::string("\xff\x00\xfe", 3)}};
    out.push_back(json);
    KafkaRecord text;
    text.topic = topic;
    text.key = "";
    text.value = "plain text, not JSON\n";
    out.push_back(text);
    KafkaRecord binary;
    binary.topic = topic; // null key
    std::string bytes(4096, '\0');
    for (char& c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    bytes[0] = '\0';
    bytes[1] = '\xc3'; // a lead byte without its continuation: not UTF-8
    bytes[2] = '(';
    binary.value = bytes;
    binary.headers = {{"empty", std::string()}};
    out.push_back(binary);
    KafkaRecord jsonString;
    jsonString.topic = topic;
    jsonString.key = std::string("k\x00\xff", 3); // a binary key
    jsonString.value = "\"just a JSON string\"";
    out.push_back(jsonString);
    KafkaRecord jsonNull;
    jsonNull.topic = topic;
    jsonNull.value = "null";
    out.push_back(jsonNull);
    KafkaRecord tombstone;
    tombstone.topic = topic;
    tombstone.key = "gone";
    out.push_back(tombstone);
    KafkaRecord emptyValue;
    emptyValue.topic = topic;
    emptyValue.value = "";
    out.push_back(emptyValue);
    return out;
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT
    SandboxProcess m_sandbox;
    QTemporaryDir m_tmp;

    Finished watch(const QString& topic, int count)
    {
        return run(kCli,
                   {QStringLiteral("watch"), QStringLiteral("--bootstrap"), m_sandbox.bootstrap,
                    QStringLiteral("--topic"), topic, QStringLiteral("--from"),
                    QStringLiteral("beginning"), QStringLiteral("--count"), QString::number(count),
                    QStringLiteral("--exit-at-end")});
    }

    /// Writes `bytes` to `name` in the test's folder; its path, empty when it cannot be written.
    QString recording(const QString& name, const QByteArray& bytes)
    {
        const QString file = m_tmp.filePath(name);
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return file;
    }

    /// porthole-cli publish --replay FILE to the sandbox, with `extra` options.
    Finished replay(const QString& file, const QStringList& extra = {})
    {
        return run(kCli, QStringList{QStringLiteral("publish"), QStringLiteral("--replay"), file,
                                     QStringLiteral("--bootstrap"), m_sandbox.bootstrap} +
                             extra);
    }

    static std::vector<KafkaRecord> parseLines(const QByteArray& out, QString* error)
    {
        std::vector<KafkaRecord> records;
        int n = 0;
        for (const QByteArray& line : lines(out)) {
            ++n;
            KafkaRecord r;
            std::string why;
            if (!WatchLineParser::parse(std::string_view(line.constData(), size_t(line.size())), &r,
                                        &why))
                *error += QStringLiteral("line %1: %2\n").arg(n).arg(QString::fromStdString(why));
            records.push_back(std::move(r));
        }
        return records;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_sandbox.start(QStringLiteral("rt")), m_sandbox.firstLine.constData());
    }

    void replayRoundTripIsByteExact()
    {
        const std::vector<KafkaRecord> sent = originals("rt.runs");
        KafkaConfig config;
        config.set("bootstrap.servers", m_sandbox.bootstrap.toStdString());
        int delivered = 0;
        std::string err;
        auto producer = KafkaProducer::create(
            config, [&](const DeliveryReport& r) { delivered += r.delivered(); },
            [](const std::string&) {}, &err);
        QVERIFY2(producer, err.c_str());
        for (const KafkaRecord& r : sent)
            producer->send(r);
        producer->finish(10000);
        QCOMPARE(delivered, int(sent.size()));

        // Record: watch's lines are the recording.
        const Finished recorded = watch(QStringLiteral("rt.runs"), int(sent.size()));
        QVERIFY2(recorded.exitCode == 0, recorded.err.constData());
        QString error;
        QCOMPARE(identities(parseLines(recorded.out, &error)), identities(sent));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString file = recording(QStringLiteral("recording.jsonl"), recorded.out);
        QVERIFY(!file.isEmpty());

        // Replay to another topic (the sandbox's change log topic exists beside the runs one).
        const Finished replayed =
            replay(file, {QStringLiteral("--topic"), QStringLiteral("rt.change.log")});
        QVERIFY2(replayed.exitCode == 0, replayed.err.constData());
        QVERIFY2(replayed.out.endsWith("{\"delivered\":7,\"failed\":0}\n"),
                 replayed.out.constData());

        const Finished again = watch(QStringLiteral("rt.change.log"), int(sent.size()));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const std::vector<KafkaRecord> back = parseLines(again.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(identities(back), identities(sent));
        for (const KafkaRecord& r : back)
            QCOMPARE(r.topic, std::string("rt.change.log"));

        // python3-kafka reads the same bytes (an independent client).
        const Finished python =
            run(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral(PORTHOLE_KAFKA_TEST_DIR "/replay_check.py"), m_sandbox.bootstrap,
                 QStringLiteral("rt.change.log"), QString::number(sent.size())});
        QVERIFY2(python.exitCode == 0, python.err.constData());
        const QList<QByteArray> seen = lines(python.out);
        QCOMPARE(seen.size(), qsizetype(sent.size()));
        const QByteArray all = python.out;
        for (const KafkaRecord& r : sent) {
            QVERIFY2(
                all.contains("\"value\": " +
                             (r.value ? '"' + QByteArray::fromStdString(hexOrNull(r.value)) + '"'
                                      : QByteArray("null"))),
                identity(r).c_str());
        }
        QVERIFY(all.contains("[\"nothing\", null]"));
        QVERIFY(all.contains("[\"bin\", \"ff00fe\"]"));
        QVERIFY(all.contains("\"key\": \"6b00ff\""));
    }

    void replayWithoutTopicUsesEachLinesTopic()
    {
        const QString file = recording(
            QStringLiteral("own-topic.jsonl"),
            "{\"topic\":\"rt.runs\",\"partition\":0,\"offset\":0,\"timestamp\":null,\"key\":"
            "\"own\",\"headers\":{},\"value\":{\"a\":1}}\n");
        QVERIFY(!file.isEmpty());
        const Finished replayed = replay(file);
        QVERIFY2(replayed.exitCode == 0, replayed.err.constData());
        QVERIFY(replayed.out.contains("\"topic\":\"rt.runs\""));
    }

    void badLineIsNamedAndNothingIsSent()
    {
        const QString file =
            recording(QStringLiteral("bad.jsonl"),
                      "{\"topic\":\"rt.runs\",\"key\":null,\"headers\":{},\"value\":\"ok\"}\n\n"
                      "{\"topic\":\"rt.runs\",\"value\":\"%%%\",\"valueEncoding\":\"base64\"}\n");
        QVERIFY(!file.isEmpty());
        const Finished replayed = replay(file);
        QCOMPARE(replayed.exitCode, 1);
        QVERIFY2(replayed.err.contains("bad.jsonl:3: value: not valid base64"),
                 replayed.err.constData());
        QVERIFY(replayed.out.isEmpty());
        const Finished usage = replay(file, {QStringLiteral("--key"), QStringLiteral("k")});
        QCOMPARE(usage.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"

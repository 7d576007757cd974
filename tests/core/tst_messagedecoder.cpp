// SPDX-License-Identifier: GPL-3.0-or-later
// MessageDecoder: classification, id extraction and JSON-line output for any bytes.
#include "core/messagedecoder.h"

#include "core/jsonparser.h"
#include "core/watchlineparser.h"

#include <QTest>

using namespace porthole;

namespace {

KafkaRecord record(std::optional<std::string> value, std::string topic = "org.runs")
{
    KafkaRecord r;
    r.topic = std::move(topic);
    r.partition = 2;
    r.offset = 41;
    r.timestamp = 1700000000123;
    r.value = std::move(value);
    return r;
}

JsonValue parseLine(const std::string& line)
{
    const JsonDocument doc = JsonParser::parse(line);
    if (!doc.ok())
        return {};
    return doc.root->toValue();
}

} // namespace

class TestMessageDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifiesPortShapes_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("kind");
        QTest::newRow("workflow node run")
            << "o.runs"
            << R"({"headers":{"X-Port-Signature":"v1,x","X-Port-Timestamp":1713277889},"payload":{"a":1},"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"}})"
            << "workflow-node";
        QTest::newRow("classic action run")
            << "o.runs"
            << R"({"action":"deploy","resourceType":"run","status":"TRIGGERED","context":{"entity":"e","blueprint":"b","runId":"r_jE5FhDURh4Uen2Qr"},"payload":{}})"
            << "action-run";
        QTest::newRow("action run without id") << "o.runs"
                                               << R"({"resourceType":"run"})"
                                               << "action-run";
        QTest::newRow("change log by topic") << "o.change.log"
                                             << R"({"x":1})"
                                             << "change-log";
        QTest::newRow("change log by shape")
            << "o.runs"
            << R"({"action":"UPDATE","resourceType":"entity","diff":{"before":null,"after":{}},"context":{"runId":"r_jE5FhDURh4Uen2Qr"}})"
            << "change-log";
        QTest::newRow("plain payload") << "o.runs"
                                       << R"({"type":"notification"})"
                                       << "unknown";
        QTest::newRow("id in text") << "o.runs"
                                    << "deploy wfnr_8Jk2Lm4Np6Qr8St0 now"
                                    << "workflow-node";
        QTest::newRow("not json") << "o.runs"
                                  << "hello"
                                  << "unknown";
    }
    void classifiesPortShapes()
    {
        QFETCH(QString, topic);
        QFETCH(QString, value);
        QFETCH(QString, kind);
        const MessageInfo info =
            MessageDecoder::decode(record(value.toStdString(), topic.toStdString()));
        QCOMPARE(QString::fromLatin1(MessageDecoder::kindName(info.kind)), kind);
    }

    void findsIdsAnywhereWithBoundaries()
    {
        const RunIds ids = MessageDecoder::findIds(
            R"({"a":{"deep":["x wfr_4hT9xQ2mLp0aZ7Kd y"]},"n":"wfnr_8Jk2Lm4Np6Qr8St0","r":"r_jE5FhDURh4Uen2Qr"})");
        QCOMPARE(ids.workflowRun.text(), std::string("wfr_4hT9xQ2mLp0aZ7Kd"));
        QCOMPARE(ids.nodeRun.text(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
        QCOMPARE(ids.actionRun.text(), std::string("r_jE5FhDURh4Uen2Qr"));
        QVERIFY(!ids.nodeRun.isUnusual());
        // wfr_/wfnr_ ids are not action runs; glued ids are no ids at all.
        const RunIds only = MessageDecoder::findIds("wfr_4hT9xQ2mLp0aZ7Kd wfnr_8Jk2Lm4Np6Qr8St0");
        QVERIFY(only.actionRun.isNull());
        QVERIFY(MessageDecoder::findIds("xr_jE5FhDURh4Uen2Qr").actionRun.isNull());
        QVERIFY(MessageDecoder::findIds("r_jE5FhDURh4Uen2Qr_x").actionRun.isNull());
        // Other lengths are hand-made ids: found, but unusual.
        const RunId longer = MessageDecoder::findIds("r_jE5FhDURh4Uen2QrX").actionRun;
        QCOMPARE(longer.text(), std::string("r_jE5FhDURh4Uen2QrX"));
        QVERIFY(longer.isUnusual());
        QVERIFY(MessageDecoder::findIds("r_jE5FhDURh4Uen2").actionRun.isUnusual());
    }

    void portFormWinsOverUnusualIds()
    {
        const RunIds ids =
            MessageDecoder::findIds("first wfnr_bulk00001 then wfnr_8Jk2Lm4Np6Qr8St0 wfnr_x2");
        QCOMPARE(ids.nodeRun.text(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
        QVERIFY(!ids.nodeRun.isUnusual());
        const RunIds loose = MessageDecoder::findIds("wfnr_bulk00001 and wfnr_bulk00002");
        QCOMPARE(loose.nodeRun.text(), std::string("wfnr_bulk00001"));
        QVERIFY(loose.nodeRun.isUnusual());
    }

    void unusualIdClassifiesAndIsNamed()
    {
        // A hand-made id used to leave the message "unknown" with no run id.
        const KafkaRecord r = record(R"({"payload":{},"context":{"runId":"wfnr_bulk00001"}})");
        const MessageInfo info = MessageDecoder::decode(r);
        QCOMPARE(info.kind, MessageKind::WorkflowNode);
        QCOMPARE(info.ids.nodeRun.text(), std::string("wfnr_bulk00001"));
        QVERIFY(info.ids.nodeRun.isUnusual());
        const JsonValue line = parseLine(MessageDecoder::toJsonLine(r));
        QCOMPARE(line["ids"]["nodeRun"].toString(), std::string("wfnr_bulk00001"));
        QCOMPARE(line["unusualIds"].elements().size(), size_t(1));
        QCOMPARE(line["unusualIds"].elements()[0].toString(), std::string("nodeRun"));
        // Port's ids add no field.
        const JsonValue usual = parseLine(
            MessageDecoder::toJsonLine(record(R"({"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"}})")));
        QVERIFY(!usual.find("unusualIds"));
        // Port's exact id elsewhere wins over an unusual context.runId.
        const MessageInfo both = MessageDecoder::decode(
            record(R"({"n":"wfnr_8Jk2Lm4Np6Qr8St0","context":{"runId":"wfnr_bulk00001"}})"));
        QCOMPARE(both.ids.nodeRun.text(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
    }

    void contextRunIdWinsOverEarlierMatches()
    {
        const MessageInfo info = MessageDecoder::decode(record(
            R"({"payload":{"other":"wfnr_AAAAAAAAAAAAAAAA"},"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"}})"));
        QCOMPARE(info.ids.nodeRun.text(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
    }

    void formatsOfValues()
    {
        QCOMPARE(MessageDecoder::decode(record(std::nullopt)).format, ValueFormat::Null);
        QCOMPARE(MessageDecoder::decode(record(std::string())).format, ValueFormat::Text);
        QCOMPARE(MessageDecoder::decode(record("{\"a\": [1, 2.5e3, true, null]}")).format,
                 ValueFormat::Json);
        QCOMPARE(MessageDecoder::decode(record("{\"a\": 01}")).format, ValueFormat::Text);
        QCOMPARE(MessageDecoder::decode(record("{\"a\":1} x")).format, ValueFormat::Text);
        QCOMPARE(MessageDecoder::decode(record(std::string("\x00\xff\xfe", 3))).format,
                 ValueFormat::Binary);
        QCOMPARE(MessageDecoder::decode(record("\"caf\xc3\xa9\"")).format, ValueFormat::Json);
        QCOMPARE(MessageDecoder::decode(record("\"\xc3\"")).format, ValueFormat::Binary);
    }

    void compactsJsonByteFaithfully()
    {
        std::string out;
        QVERIFY(
            MessageDecoder::compactJson("{ \"a\" : [ 1 , \"x y\\u00e9\" ],\n \"b\":{} }", &out));
        QCOMPARE(out, std::string(R"({"a":[1,"x y\u00e9"],"b":{}})"));
        QVERIFY(!MessageDecoder::compactJson("{\"a\":}", &out));
        QVERIFY(!MessageDecoder::compactJson("[1,]", &out));
        QVERIFY(!MessageDecoder::compactJson("\"\\x\"", &out));
    }

    void deepNestingIsTextNotACrash()
    {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        QCOMPARE(MessageDecoder::decode(record(deep)).format, ValueFormat::Text);
    }

    void tenMegabyteValue()
    {
        std::string big = "{\"blob\":\"" + std::string(10 * 1024 * 1024, 'x') +
                          "\",\"context\":{\"runId\":\"r_jE5FhDURh4Uen2Qr\"}}";
        const std::string line = MessageDecoder::toJsonLine(record(big));
        QVERIFY(line.size() > 10 * 1024 * 1024);
        const JsonValue v = parseLine(line);
        QCOMPARE(v["kind"].toString(), std::string("action-run"));
        QCOMPARE(v["value"]["blob"].toString().size(), size_t(10 * 1024 * 1024));
    }

    void jsonLineCarriesTheContractFields()
    {
        KafkaRecord r = record("{\n  \"context\": {\"runId\": \"wfnr_8Jk2Lm4Np6Qr8St0\"}\n}");
        r.key = "k1";
        r.headers = {{"h", std::string("v")}, {"empty", std::nullopt}};
        const std::string line = MessageDecoder::toJsonLine(r);
        QVERIFY(line.find('\n') == std::string::npos);
        const JsonValue v = parseLine(line);
        QVERIFY(v.isObject());
        QCOMPARE(v["topic"].toString(), std::string("org.runs"));
        QCOMPARE(v["partition"].toNumber(), 2.0);
        QCOMPARE(v["offset"].toNumber(), 41.0);
        QCOMPARE(v["timestamp"].toNumber(), 1700000000123.0);
        QVERIFY2(line.find("timestampType") == std::string::npos, line.c_str()); // none: omitted
        QCOMPARE(v["key"].toString(), std::string("k1"));
        QCOMPARE(v["headers"]["h"].toString(), std::string("v"));
        QVERIFY(v["headers"]["empty"].isNull());
        QCOMPARE(v["value"]["context"]["runId"].toString(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
        QCOMPARE(v["kind"].toString(), std::string("workflow-node"));
        QCOMPARE(v["ids"]["nodeRun"].toString(), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
        QVERIFY(v["ids"]["workflowRun"].isNull());
        QVERIFY(v["ids"]["actionRun"].isNull());
        r.timestampType = TimestampType::CreateTime;
        QCOMPARE(parseLine(MessageDecoder::toJsonLine(r))["timestampType"].toString(),
                 std::string("create"));
        r.timestampType = TimestampType::LogAppendTime;
        QCOMPARE(parseLine(MessageDecoder::toJsonLine(r))["timestampType"].toString(),
                 std::string("logAppend"));
    }

    void binaryKeyAndValueAsBase64()
    {
        KafkaRecord r = record(std::string("\x00\x01\xff", 3));
        r.key = std::string("\xfe", 1);
        const JsonValue v = parseLine(MessageDecoder::toJsonLine(r));
        QCOMPARE(v["value"].toString(), std::string("AAH/"));
        QCOMPARE(v["valueEncoding"].toString(), std::string("base64"));
        QCOMPARE(v["key"].toString(), std::string("/g=="));
        QCOMPARE(v["keyEncoding"].toString(), std::string("base64"));
        const JsonValue tomb = parseLine(MessageDecoder::toJsonLine(record(std::nullopt)));
        QVERIFY(tomb["value"].isNull());
        QVERIFY(tomb["key"].isNull());
        const JsonValue text = parseLine(MessageDecoder::toJsonLine(record("not \"json\"\n")));
        QCOMPARE(text["value"].toString(), std::string("not \"json\"\n"));
    }

    // A recording must give back the exact record: whitespace in JSON, JSON strings and null,
    // binary and null header values, repeated header names, binary keys, numbers as spelt.
    void jsonLineReadsBackToTheExactRecord()
    {
        std::vector<KafkaRecord> records = {
            record("{ \"a\" : [1.0, 1e-7, 12345678901234567890],\n \"s\": \"caf\xc3\xa9\" }"),
            record(R"({"compact":true,"n":1.50})"),
            record("\"a JSON string\""),
            record("null"),
            record(std::nullopt),
            record(std::string()),
            record("text with \"quotes\"\n"),
            record(std::string("\x00\xff\xfe{", 4)),
        };
        records[0].key = std::string("\x00\x80", 2);
        records[0].headers = {{"dup", std::string("1")},
                              {"dup", std::nullopt},
                              {"bin", std::string("\xc3(", 2)},
                              {"empty", std::string()}};
        records[1].key = "";
        records[1].timestampType = TimestampType::CreateTime;
        records[2].timestampType = TimestampType::LogAppendTime;
        for (const KafkaRecord& r : records) {
            const std::string line = MessageDecoder::toJsonLine(r);
            KafkaRecord back;
            std::string error;
            QVERIFY2(WatchLineParser::parse(line, &back, &error), (error + ": " + line).c_str());
            QCOMPARE(back.topic, r.topic);
            QCOMPARE(back.partition, r.partition);
            QCOMPARE(back.offset, r.offset);
            QCOMPARE(back.timestamp, r.timestamp);
            QCOMPARE(back.timestampType, r.timestampType);
            QCOMPARE(back.key, r.key);
            QCOMPARE(back.value, r.value);
            QCOMPARE(back.headers, r.headers);
        }
        // Compact JSON adds nothing; JSON with whitespace carries its text once more.
        QVERIFY(MessageDecoder::toJsonLine(records[1]).find("valueText") == std::string::npos);
        QVERIFY(MessageDecoder::toJsonLine(records[0]).find("valueText") != std::string::npos);
    }

    void badLinesSayWhatIsWrong()
    {
        KafkaRecord r;
        std::string error;
        QVERIFY(!WatchLineParser::parse("not json", &r, &error));
        QVERIFY2(error.rfind("not JSON", 0) == 0, error.c_str());
        QVERIFY(!WatchLineParser::parse("[1]", &r, &error));
        QVERIFY(!WatchLineParser::parse(R"({"topic":"t"})", &r, &error));
        QCOMPARE(error, std::string("no \"value\": not a line of porthole-cli watch"));
        QVERIFY(!WatchLineParser::parse(R"({"value":"*","valueEncoding":"base64"})", &r, &error));
        QCOMPARE(error, std::string("value: not valid base64"));
        QVERIFY(!WatchLineParser::parse(R"({"value":1,"headers":{"h":2}})", &r, &error));
        QCOMPARE(error, std::string("header h: expected a string or null"));
        QVERIFY(!WatchLineParser::parse(R"({"value":1,"offset":1.5})", &r, &error));
        QCOMPARE(error, std::string("offset: expected a whole number"));
        QVERIFY(!WatchLineParser::parse(R"({"value":1,"timestampType":"producer"})", &r, &error));
        QCOMPARE(error, std::string("timestampType: expected \"create\", \"logAppend\" or null"));
    }
};

QTEST_GUILESS_MAIN(TestMessageDecoder)
#include "tst_messagedecoder.moc"

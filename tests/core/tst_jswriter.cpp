// SPDX-License-Identifier: GPL-3.0-or-later
// JsWriter must print what JavaScript's JSON.stringify prints, byte for byte.
#include "core/jsonparser.h"
#include "core/jswriter.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace porthole;

class TestJsWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("negative zero") << -0.0 << "0";
        QTest::newRow("integer") << 42.0 << "42";
        QTest::newRow("negative") << -7.5 << "-7.5";
        QTest::newRow("tenth") << 0.1 << "0.1";
        QTest::newRow("sum") << (0.1 + 0.2) << "0.30000000000000004";
        QTest::newRow("1e21") << 1e21 << "1e+21";
        QTest::newRow("below 1e21") << 1e20 << "100000000000000000000";
        QTest::newRow("big int") << 12345678901234567890.0 << "12345678901234567000";
        QTest::newRow("1e-7") << 1e-7 << "1e-7";
        QTest::newRow("1e-6") << 1e-6 << "0.000001";
        QTest::newRow("1.5e-7") << 1.5e-7 << "1.5e-7";
        QTest::newRow("max") << std::numeric_limits<double>::max() << "1.7976931348623157e+308";
        QTest::newRow("min subnormal") << 5e-324 << "5e-324";
        QTest::newRow("2^53") << 9007199254740992.0 << "9007199254740992";
        QTest::newRow("123.456e5") << 123.456e5 << "12345600";
    }
    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(JsWriter::stringify(JsonValue(value))), expected);
    }

    void nonFiniteNumbersAreNull()
    {
        QCOMPARE(JsWriter::stringify(JsonValue(std::nan(""))), std::string("null"));
        QCOMPARE(JsWriter::stringify(JsonValue(std::numeric_limits<double>::infinity())),
                 std::string("null"));
        QCOMPARE(JsWriter::formatNumber(-std::numeric_limits<double>::infinity()),
                 std::string("-Infinity"));
    }

    void stringEscapes()
    {
        const std::string in = std::string("q\"b\\s/\b\f\n\r\t") + '\x01' + '\x1f' + '\x7f' +
                               "\xC3\xA9\xE2\x80\xA8\xF0\x9F\x9A\x80";
        QCOMPARE(JsWriter::quote(in), std::string("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f"
                                                  "\xC3\xA9\xE2\x80\xA8\xF0\x9F\x9A\x80\""));
    }

    void loneSurrogatesAreEscaped()
    {
        // "\ud800x" parsed by JSON.parse is a lone high surrogate; stringify writes \ud800.
        auto doc = JsonParser::parse(R"(["\ud800x", "\udc00", "\ud83d\ude80"])");
        QVERIFY(doc.ok());
        QCOMPARE(JsWriter::stringify(doc.root->toValue()),
                 std::string("[\"\\ud800x\",\"\\udc00\",\"\xF0\x9F\x9A\x80\"]"));
    }

    void indexKeysComeFirst()
    {
        auto doc = JsonParser::parse(R"({"b":1,"10":2,"a":3,"2":4,"01":5,"0":6,"4294967295":7})");
        QVERIFY(doc.ok());
        QCOMPARE(JsWriter::stringify(doc.root->toValue()),
                 std::string(R"({"0":6,"2":4,"10":2,"b":1,"a":3,"01":5,"4294967295":7})"));
    }

    void duplicateKeysKeepFirstPlaceLastValue()
    {
        auto doc = JsonParser::parse(R"({"a":1,"b":2,"a":3})");
        QVERIFY(doc.ok());
        QCOMPARE(JsWriter::stringify(doc.root->toValue()), std::string(R"({"a":3,"b":2})"));
    }

    void undefinedHandling()
    {
        JsonValue o = JsonValue::object();
        o.set("gone", JsonValue::undefined());
        o.set("kept", nullptr);
        JsonValue a = JsonValue::array();
        a.push(JsonValue::undefined());
        a.push(1);
        o.set("list", a);
        QCOMPARE(JsWriter::stringify(o), std::string(R"({"kept":null,"list":[null,1]})"));
        QCOMPARE(JsWriter::stringify(JsonValue::undefined()), std::string());
    }

    void pretty()
    {
        auto doc = JsonParser::parse(R"({"a":[1,{}],"b":{"c":[]}})");
        QCOMPARE(
            JsWriter::stringify(doc.root->toValue(), 2),
            std::string("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    \"c\": []\n  }\n}"));
    }

    void hugeNumbersFromText()
    {
        auto doc = JsonParser::parse(R"([1e400, -1e400, 1e-400, 12345678901234567890])");
        QVERIFY(doc.ok());
        QCOMPARE(JsWriter::stringify(doc.root->toValue()),
                 std::string("[null,null,0,12345678901234567000]"));
    }
};

QTEST_GUILESS_MAIN(TestJsWriter)
#include "tst_jswriter.moc"

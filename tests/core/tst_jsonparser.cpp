// SPDX-License-Identifier: GPL-3.0-or-later
// The parser must keep exact positions (columns in characters) and survive hostile sizes.
#include "core/jsonparser.h"
#include "core/nodevalidator.h"

#include <QElapsedTimer>
#include <QTest>

using namespace porthole;

class TestJsonParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void positionsOfKeysAndValues()
    {
        const std::string text = "{\n  \"a\": [1, \"x\"],\n\t\"é🚀\": {\"k\": true}\n}";
        auto doc = JsonParser::parse(text);
        QVERIFY(doc.ok());
        const JsonNode& root = *doc.root;
        QCOMPARE(root.keys.size(), size_t(2));
        QCOMPARE(root.keyRanges[0].begin.line, 2);
        QCOMPARE(root.keyRanges[0].begin.column, 3);
        const JsonNode& arr = root.children[0];
        QCOMPARE(arr.children[1].range.begin.column, 12);
        QCOMPARE(arr.children[1].range.end.column, 15);
        // Line 3: a tab, then a key with two non-ASCII characters (4 bytes for the rocket).
        QCOMPARE(root.keyRanges[1].begin.line, 3);
        QCOMPARE(root.keyRanges[1].begin.column, 2);
        QCOMPARE(root.keyRanges[1].end.column, 6);
        const JsonNode& inner = root.children[1];
        QCOMPARE(inner.range.begin.column, 8);
        QCOMPARE(inner.children[0].range.begin.column, 14);
        // Byte offsets stay bytes: "é" is 2 bytes and the rocket 4.
        QCOMPARE(inner.children[0].range.begin.offset, int64_t(text.find("true")));
        QCOMPARE(root.range.end.offset, int64_t(text.size()));
    }

    void crlfCountsAsOneLineBreak()
    {
        auto doc = JsonParser::parse("{\r\n\"a\":\r\n 1}");
        QVERIFY(doc.ok());
        QCOMPARE(doc.root->children[0].range.begin.line, 3);
        QCOMPARE(doc.root->children[0].range.begin.column, 2);
    }

    void escapesDecode()
    {
        // (No raw string here: moc mis-reads escaped quotes inside raw string literals.)
        auto doc = JsonParser::parse("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude80\"]");
        QVERIFY(doc.ok());
        QCOMPARE(doc.root->children[0].string,
                 std::string("\"\\/\b\f\n\r\t\xC3\xA9\xF0\x9F\x9A\x80"));
    }

    void trailingCommaHasARemovalFix()
    {
        const std::string text = "{\"a\": 1,\n}";
        auto doc = JsonParser::parse(text);
        QVERIFY(!doc.ok());
        QCOMPARE(doc.diagnostics.size(), size_t(1));
        const auto& fix = doc.diagnostics[0].fix;
        QVERIFY(fix.has_value());
        std::string fixed = text;
        fixed.replace(size_t(fix->range.begin.offset),
                      size_t(fix->range.end.offset - fix->range.begin.offset), fix->replacement);
        QVERIFY(JsonParser::parse(fixed).ok());
    }

    void quickFixesProduceValidNodes()
    {
        const std::string text =
            R"({"identifier":"x","config":{"type":"kafka","payload":{},"onFailure":"stop"}})";
        auto diags = NodeValidator::lint(text);
        QCOMPARE(diags.size(), size_t(2));
        std::string fixed = text;
        // Apply from the end so earlier offsets stay valid.
        for (auto it = diags.rbegin(); it != diags.rend(); ++it) {
            QVERIFY(it->fix.has_value());
            fixed.replace(size_t(it->fix->range.begin.offset),
                          size_t(it->fix->range.end.offset - it->fix->range.begin.offset),
                          it->fix->replacement);
        }
        QVERIFY(NodeValidator::lint(fixed).empty());
    }

    void deepNestingSucceeds()
    {
        const int depth = 5000;
        std::string text = R"({"identifier":"deep","config":{"type":"KAFKA","payload":)";
        text += std::string(depth, '[') + "1" + std::string(depth, ']') + "}}";
        QElapsedTimer t;
        t.start();
        const auto diags = NodeValidator::lint(text);
        qInfo("5,000-deep node linted in %lld ms", t.elapsed());
        QVERIFY(diags.empty());
    }

    void tooDeepNestingIsAnErrorNotACrash()
    {
        const int depth = 200000;
        const std::string text = std::string(depth, '[') + std::string(depth, ']');
        auto doc = JsonParser::parse(text);
        QVERIFY(!doc.ok());
        QCOMPARE(doc.diagnostics[0].code, std::string("PH1004"));
        QCOMPARE(doc.diagnostics[0].range.begin.column, JsonParser::kMaxDepth + 1);
    }

    void tenMegabyteNode()
    {
        std::string text = R"({"identifier":"big","config":{"type":"KAFKA","payload":{"items":[)";
        int n = 0;
        while (text.size() < 10u * 1024 * 1024) {
            if (n)
                text += ",\n";
            text += "{\"name\":\"item " + std::to_string(n) +
                    " \u00e9\",\"value\":" + std::to_string(n * 1.5) + "}";
            ++n;
        }
        text += "]}}}";
        QElapsedTimer t;
        t.start();
        auto diags = NodeValidator::lint(text);
        qInfo("10 MB node (%d items) linted in %lld ms", n, t.elapsed());
        QVERIFY(diags.empty());
        // Break the last item and check the error points at it.
        text.insert(text.size() - 5, ",");
        diags = NodeValidator::lint(text);
        QCOMPARE(diags.size(), size_t(1));
        QCOMPARE(diags[0].range.begin.line, n);
    }

    void hundredThousandKeysStayLinear()
    {
        std::string text = "{";
        for (int i = 0; i < 100000; ++i)
            text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
        text += ",\"k5\":\"last\"}";
        auto doc = JsonParser::parse(text);
        QVERIFY(doc.ok());
        const JsonValue v = doc.root->toValue();
        QCOMPARE(v.members().size(), size_t(100000));
        QCOMPARE(v["k5"].toString(), std::string("last"));
        QCOMPARE(v.members()[5].first, std::string("k5"));
        QCOMPARE(doc.diagnostics.size(), size_t(1)); // the duplicate-key warning
    }

    void invalidUtf8IsReportedAndReplaced()
    {
        auto doc = JsonParser::parse("[\"a\xC3(b\"]");
        QVERIFY(doc.ok());
        QCOMPARE(doc.diagnostics.size(), size_t(1));
        QCOMPARE(doc.diagnostics[0].code, std::string("PH1002"));
        QCOMPARE(doc.diagnostics[0].range.begin.column, 4);
        QCOMPARE(doc.root->children[0].string, std::string("a\xEF\xBF\xBD(b"));
    }
};

QTEST_GUILESS_MAIN(TestJsonParser)
#include "tst_jsonparser.moc"

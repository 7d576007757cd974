// SPDX-License-Identifier: GPL-3.0-or-later
// Completion inside {{ }}: where the cursor is, context paths from the real context, and jq
// 1.6's builtins checked against the linked libjq's own `builtins`.
#include "core/jsonparser.h"
#include "core/workflowgraph.h"
#include "template/contextmodel.h"
#include "template/jqengine.h"
#include "template/jqfilter.h"
#include "template/templatecompletion.h"

#include <QTest>

using namespace porthole;

namespace {
QStringList texts(const std::vector<Completion>& list)
{
    QStringList out;
    for (const auto& c : list)
        out << QString::fromStdString(c.text);
    return out;
}

bool isTail(const std::string& prefix)
{
    // completionSpot takes the whole `.outputs[…]` reference only when it is one
    const std::string text = "\"{{ " + prefix;
    return completionSpot(text, int64_t(text.size())).prefix == prefix;
}
} // namespace

class TstTemplateCompletion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spotInsideAndOutside()
    {
        // (Not a raw string: moc miscounts the unbalanced braces inside one.)
        const std::string text =
            "{\"a\":\"{{ .trigger.by.u }}\",\"b\":\"x {{ asc\",\"c\":\"{{ 1 }} y\"}";
        const auto inside = completionSpot(text, int64_t(text.find(".u ") + 2));
        QVERIFY(inside.inTemplate);
        QCOMPARE(QString::fromStdString(inside.prefix), QStringLiteral(".trigger.by.u"));
        QCOMPARE(inside.prefixBegin, int64_t(text.find(".trigger")));
        const auto builtin = completionSpot(text, int64_t(text.find("asc") + 3));
        QVERIFY(builtin.inTemplate);
        QCOMPARE(QString::fromStdString(builtin.prefix), QStringLiteral("asc"));
        QVERIFY(!completionSpot(text, int64_t(text.find(" y"))).inTemplate);
        QVERIFY(!completionSpot(text, 1).inTemplate);
    }

    void contextPathsFromTheContext()
    {
        const JsonValue ctx = ContextModel::preset(ContextModel::Preset::Action);
        const auto list = completionsFor(".trigger.by.user.e", ctx);
        QVERIFY2(texts(list).contains(QStringLiteral(".trigger.by.user.email")),
                 qPrintable(texts(list).join(QLatin1Char(','))));
        for (const auto& c : list)
            QVERIFY(c.text.rfind(".trigger.by.user.e", 0) == 0);
        const JsonValue odd =
            JsonParser::parse(R"({"a-b":{"c":1},"list":[{"name":"x"}]})").root->toValue();
        const QStringList all = texts(completionsFor(".", odd));
        QVERIFY(all.contains(QStringLiteral(".\"a-b\".c")));
        QVERIFY(all.contains(QStringLiteral(".list[0].name")));
        QCOMPARE(completionsFor(".list[0].name", odd).front().detail, std::string("string"));
    }

    void builtinsAndTheOnes17Added()
    {
        const auto list = completionsFor("ascii_", JsonValue::object());
        QCOMPARE(texts(list),
                 (QStringList{QStringLiteral("ascii_downcase"), QStringLiteral("ascii_upcase")}));
        const auto pick = completionsFor("pic", JsonValue::object());
        QCOMPARE(pick.size(), size_t(1));
        QVERIFY(pick.front().unavailable);
        QVERIFY(pick.front().detail.find("1.7") != std::string::npos);
        // 1.6 names come before 1.7-only ones.
        const auto t = completionsFor("t", JsonValue::object());
        bool seenUnavailable = false;
        for (const auto& c : t) {
            QVERIFY(!(seenUnavailable && !c.unavailable));
            seenUnavailable |= c.unavailable;
        }
        QVERIFY(seenUnavailable); // trim, toarray
        QCOMPARE(texts(completionsFor("@base64", JsonValue::object())),
                 (QStringList{QStringLiteral("@base64"), QStringLiteral("@base64d")}));
    }

    void theListIsLibjqs()
    {
        // The linked jq says what it has: the list shipped must be exactly that (minus "_").
        JqEngine engine;
        JqLimits limits;
        limits.isolation = Isolation::InProcess;
        const auto out = engine.evaluate(
            {JqFilter::body(u"builtins | map(select(startswith(\"_\") | not)) | unique")},
            JsonValue::object(), limits);
        QCOMPARE(out.size(), size_t(1));
        QVERIFY2(out.front().kind == JqOutcome::Kind::Value, out.front().error.c_str());
        std::vector<std::string> fromJq;
        for (const JsonValue& v : out.front().value.elements())
            fromJq.push_back(v.toString());
        QCOMPARE(fromJq, jq16Builtins());
    }
    void workflowNodeIdsInsideOutputs()
    {
        // start → fetch-service (WEBHOOK) → send (KAFKA, the node edited) → after (WEBHOOK).
        const std::string text =
            "{\"identifier\":\"w\",\"nodes\":["
            "{\"identifier\":\"start\",\"config\":{\"type\":\"SELF_SERVE_TRIGGER\","
            "\"userInputs\":{\"properties\":{\"service\":{\"type\":\"string\"}}}}},"
            "{\"identifier\":\"fetch-service\",\"config\":{\"type\":\"WEBHOOK\","
            "\"url\":\"https://example.com\",\"synchronized\":true}},"
            "{\"identifier\":\"send\",\"config\":{\"type\":\"KAFKA\",\"payload\":{}}},"
            "{\"identifier\":\"after\",\"config\":{\"type\":\"WEBHOOK\","
            "\"url\":\"https://example.com\"}}],\"connections\":["
            "{\"sourceIdentifier\":\"start\",\"targetIdentifier\":\"fetch-service\"},"
            "{\"sourceIdentifier\":\"fetch-service\",\"targetIdentifier\":\"send\"},"
            "{\"sourceIdentifier\":\"send\",\"targetIdentifier\":\"after\"}]}";
        const Workflow w = Workflow::parse(text);
        QVERIFY(w.ok());
        const WorkflowGraph g(w);
        const WorkflowHints hints = workflowHints(w, g, w.indexOf("send"));

        // In the node file the id's quotes are escaped: the spot takes them and the hyphen.
        const std::string node = "{\"p\":\"{{ .outputs[\\\"fe";
        const auto spot = completionSpot(node, int64_t(node.size()));
        QVERIFY(spot.inTemplate);
        QCOMPARE(QString::fromStdString(spot.prefix), QStringLiteral(".outputs[\\\"fe"));
        QCOMPARE(spot.prefixBegin, int64_t(node.find(".outputs")));
        auto list = completionsFor(spot.prefix, JsonValue::object(), &hints);
        QCOMPARE(texts(list), QStringList{QStringLiteral(".outputs[\\\"fetch-service\\\"]")});

        // Every node at `.outputs[`: the ones that run before first, a later one marked last.
        list = completionsFor(".outputs[", JsonValue::object(), &hints);
        const QStringList all = texts(list);
        QVERIFY2(all.contains(QStringLiteral(".outputs[\\\"start\\\"]")),
                 qPrintable(all.join(QLatin1Char(','))));
        QCOMPARE(all.last(), QStringLiteral(".outputs[\\\"after\\\"]"));
        QVERIFY(list.back().unavailable);
        QVERIFY(!list.front().unavailable);
        QVERIFY(!all.contains(QStringLiteral(".outputs[\\\"send\\\"]"))); // not itself

        // After the id: the fields that node's output has (a WEBHOOK: response).
        list = completionsFor(".outputs[\\\"fetch-service\\\"].", JsonValue::object(), &hints);
        QVERIFY2(texts(list).contains(QStringLiteral(".outputs[\\\"fetch-service\\\"].response")),
                 qPrintable(texts(list).join(QLatin1Char(','))));

        // Without hints the chained context answers: its outputs and their fields, deep.
        const JsonDocument ctx = JsonParser::parse(
            "{\"outputs\":{\"build-image\":{\"image\":\"r/app:1\",\"meta\":{\"digest\":\"d\"}}}}");
        list = completionsFor(".outputs[\"build-image\"].m", ctx.root->toValue());
        QCOMPARE(texts(list),
                 (QStringList{QStringLiteral(".outputs[\"build-image\"].meta"),
                              QStringLiteral(".outputs[\"build-image\"].meta.digest")}));
        QVERIFY(isTail(".outputs[\\\"build-image\\\"].meta.di"));
        QVERIFY(!isTail(".outputs[\\\"build-image\\\"] | .x"));
    }
};

QTEST_GUILESS_MAIN(TstTemplateCompletion)
#include "tst_templatecompletion.moc"

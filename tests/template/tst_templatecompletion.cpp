// SPDX-License-Identifier: GPL-3.0-or-later
// Completion inside {{ }}: where the cursor is, context paths from the real context, and jq
// 1.6's builtins checked against the linked libjq's own `builtins`.
#include "core/jsonparser.h"
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
};

QTEST_GUILESS_MAIN(TstTemplateCompletion)
#include "tst_templatecompletion.moc"

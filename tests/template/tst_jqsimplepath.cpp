// SPDX-License-Identifier: GPL-3.0-or-later
// Plain jq paths read without jq: what parses, and that the value found is the one jq finds.
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "template/boundedjqfilter.h"
#include "template/jqsimplepath.h"

#include <QTest>

using namespace porthole;

class TestJqSimplePath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesPlainPathsOnly()
    {
        for (const char* ok : {".", ".a", ".a.b", ".a[0]", ".a[-1]", ".[2]", ".a[\"x y\"]",
                               ".\"k\".b", "  .value.payload.service  ", ".a_1.B2"})
            QVERIFY2(JqSimplePath::parse(ok).has_value(), ok);
        for (const char* no : {"", "a", ".a | .b", ".a[]", ".a[0:2]", ".a?", ".a.b?", "..",
                               ".a[\"x\\\"y\"]", ".a[x]", ".1a", ".a[-]", "select(.a)", ".a,.b"})
            QVERIFY2(!JqSimplePath::parse(no).has_value(), no);
        const auto steps = JqSimplePath::parse(".a[\"x y\"][3]");
        QCOMPARE(steps->size(), size_t(3));
        QCOMPARE(std::get<std::string>((*steps)[1]), std::string("x y"));
        QCOMPARE(std::get<long long>((*steps)[2]), 3LL);
    }

    void followsLikeJq()
    {
        const JsonDocument doc =
            JsonParser::parse(R"({"a":{"b":[10,20,{"c":"x"}]},"n":null,"s":"str"})");
        QVERIFY(doc.ok());
        const JsonValue root = doc.root->toValue();
        const auto at = [&](const char* path) {
            return JqSimplePath::follow(root, *JqSimplePath::parse(path));
        };
        QCOMPARE(at(".a.b[1]")->toNumber(), 20.0);
        QCOMPARE(at(".a.b[-1].c")->toString(), std::string("x"));
        QCOMPARE(at(".a[\"b\"][0]")->toNumber(), 10.0);
        QVERIFY(at(".")->isObject());
        QVERIFY(at(".missing") == nullptr);
        QVERIFY(at(".a.b[7]") == nullptr);
        QVERIFY(at(".n.x") == nullptr); // null.x is null in jq
        QVERIFY(at(".a.b.x") == nullptr);
    }

    void agreesWithJq()
    {
        // The same paths through jq itself (the bounded worker, output as text).
        const std::string input = R"({"a":{"b":[10,20,{"c":"x"}],"k y":true},"n":null})";
        const JsonValue root = JsonParser::parse(input).root->toValue();
        for (const char* path : {".", ".a", ".a.b", ".a.b[1]", ".a.b[-1].c", ".a[\"k y\"]",
                                 ".a.\"b\"[0]", ".missing", ".a.b[9]", ".n.x", ".[\"n\"]"}) {
            std::string error;
            BoundedJqFilter::Limits limits;
            limits.wantOutput = true;
            auto jq = BoundedJqFilter::compile(path, limits, &error);
            QVERIFY2(jq, error.c_str());
            const std::string viaJq = jq->evaluate({input}).front().output;
            const JsonValue* v = JqSimplePath::follow(root, *JqSimplePath::parse(path));
            const std::string fast = !v              ? std::string("null")
                                     : v->isString() ? v->toString()
                                                     : JsWriter::stringify(*v);
            QCOMPARE(fast, viaJq);
        }
    }
};

QTEST_GUILESS_MAIN(TestJqSimplePath)
#include "tst_jqsimplepath.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The jq engine: compile cache and batching, and safety (time limit, memory limit, halt, input).
#include "template/jqengine.h"
#include "template/jqfilter.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QTest>

using namespace porthole;

class TstJqEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void batchesNewExpressionsIntoOneCompile();
    void compileErrorsStayPerExpression();
    void oneEditCompilesOneExpression();
    void runawayExpressionsStopAtTheTimeLimit();
    void memoryExhaustionDoesNotKillTheCaller();
    void haltInABatchOnlyEndsItsOwnExpression();
    void inputIsAnErrorNotACrash();
    void batchableRejectsEscapes();
};

static JqLimits inProcess()
{
    JqLimits l;
    l.isolation = Isolation::InProcess;
    return l;
}

void TstJqEngine::batchesNewExpressionsIntoOneCompile()
{
    JqEngine engine;
    std::vector<std::string> bodies;
    for (int i = 0; i < 50; ++i)
        bodies.push_back(".a + " + std::to_string(i));
    const auto out = engine.evaluate(bodies, test::parseJson(R"({"a":1})"), inProcess());
    QCOMPARE(engine.stats().compiles, uint64_t(1));
    QCOMPARE(out.size(), size_t(50));
    QCOMPARE(out[49].value.toNumber(), 50.0);
    engine.evaluate(bodies, test::parseJson(R"({"a":2})"), inProcess());
    QCOMPARE(engine.stats().compiles, uint64_t(1)); // all cached
}

void TstJqEngine::compileErrorsStayPerExpression()
{
    JqEngine engine;
    const std::vector<std::string> bodies = {".a", "foo(", ".b | bar", ".b"};
    const auto out = engine.evaluate(bodies, test::parseJson(R"({"a":1,"b":2})"), inProcess());
    QCOMPARE(out[0].value.toNumber(), 1.0);
    QCOMPARE(out[3].value.toNumber(), 2.0);
    QVERIFY(out[1].compileError);
    QCOMPARE(QString::fromStdString(out[2].error),
             QStringLiteral("jq: compile error: bar/0 is not defined at <top-level>, line 1:"));
    // The same message as compiling the expression alone (what Port's binding does).
    JqEngine alone;
    const auto single = alone.evaluate({"foo("}, JsonValue::object(), inProcess());
    QCOMPARE(out[1].error, single[0].error);
    QVERIFY(engine.stats().compiles <= 4);
}

void TstJqEngine::oneEditCompilesOneExpression()
{
    JqEngine engine;
    std::vector<std::string> bodies;
    for (int i = 0; i < 200; ++i)
        bodies.push_back(".s + \"-" + std::to_string(i) + "\"");
    const JsonValue ctx = test::parseJson(R"({"s":"x"})");
    engine.evaluate(bodies, ctx, inProcess());
    const uint64_t before = engine.stats().compiles;
    bodies[100] = ".s + \"-1000\"";
    QElapsedTimer t;
    t.start();
    const auto out = engine.evaluate(bodies, ctx, inProcess());
    const qint64 ms = t.elapsed();
    QCOMPARE(engine.stats().compiles, before + 1);
    QCOMPARE(QString::fromStdString(out[100].value.toString()), QStringLiteral("x-1000"));
    qInfo("re-render after a one-character edit: %lld ms", ms);
    QVERIFY2(ms < 500, "an edit must stay interactive even on a loaded machine");
}

void TstJqEngine::runawayExpressionsStopAtTheTimeLimit()
{
    JqEngine engine;
    JqLimits limits;
    limits.timeoutMs = 400;
    QElapsedTimer t;
    t.start();
    const auto out = engine.evaluate({".a", "[range(1e9)] | length", "def f: f; f", ".a + 1"},
                                     test::parseJson(R"({"a":1})"), limits);
    QCOMPARE(out[0].value.toNumber(), 1.0);
    QCOMPARE(out[3].value.toNumber(), 2.0);
    for (int i : {1, 2}) {
        QCOMPARE(out[size_t(i)].kind, JqOutcome::Kind::Error);
        QVERIFY(out[size_t(i)].limitHit);
        QVERIFY2(out[size_t(i)].error.find("timed out after 400 ms") != std::string::npos,
                 out[size_t(i)].error.c_str());
    }
    QVERIFY2(t.elapsed() < 20000, "two time-outs of 0.4 s must not take long");
}

void TstJqEngine::memoryExhaustionDoesNotKillTheCaller()
{
    JqEngine engine;
    JqLimits limits;
    limits.timeoutMs = 20000;
    limits.memoryLimitMb = 64;
    const auto out = engine.evaluate({"[range(1e8)] | length", ".ok"},
                                     test::parseJson(R"({"ok":true})"), limits);
    QCOMPARE(out[0].kind, JqOutcome::Kind::Error);
    QVERIFY(out[0].limitHit);
    QVERIFY2(out[0].error.find("64 MB") != std::string::npos, out[0].error.c_str());
    QCOMPARE(out[1].value.toBool(), true);
}

void TstJqEngine::haltInABatchOnlyEndsItsOwnExpression()
{
    for (const Isolation iso : {Isolation::Fork, Isolation::InProcess}) {
        JqEngine engine;
        JqLimits limits;
        limits.isolation = iso;
        const auto out = engine.evaluate({".a", "halt", "halt_error", ".b", "error(null)"},
                                         test::parseJson(R"({"a":1,"b":2})"), limits);
        QCOMPARE(out[0].value.toNumber(), 1.0);
        QCOMPARE(out[1].kind, JqOutcome::Kind::Undefined);
        QCOMPARE(out[2].kind, JqOutcome::Kind::Undefined);
        QCOMPARE(out[3].value.toNumber(), 2.0);
        QCOMPARE(out[4].kind, JqOutcome::Kind::Undefined);
    }
}

void TstJqEngine::inputIsAnErrorNotACrash()
{
    JqEngine engine;
    const auto out = engine.evaluate({"input", "[inputs]"}, JsonValue::object(), {});
    QCOMPARE(out[0].kind, JqOutcome::Kind::Error);
    QVERIFY(!out[0].limitHit);
}

void TstJqEngine::batchableRejectsEscapes()
{
    QVERIFY(JqFilter::batchable(".a | \"x\\(.b)\" | {a: [1, (2)]}"));
    QVERIFY(!JqFilter::batchable(".a)) , ((.b"));
    QVERIFY(!JqFilter::batchable(".a # comment"));
    QVERIFY(!JqFilter::batchable("$__loc__"));
    QVERIFY(!JqFilter::batchable("\"open"));
    QVERIFY(!JqFilter::batchable("\"\\(.a\""));
}

QTEST_GUILESS_MAIN(TstJqEngine)
#include "tst_jqengine.moc"

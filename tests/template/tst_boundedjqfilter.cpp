// SPDX-License-Identifier: GPL-3.0-or-later
// The bounded jq filter: select semantics, compile errors with their line, a runaway or a
// crash on one message costs that message only, and a stream of messages reuses one worker.
#include "template/boundedjqfilter.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

#include <string>
#include <vector>

using namespace porthole;

class TestBoundedJqFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selectSemantics()
    {
        std::string error;
        auto f = BoundedJqFilter::compile("select(.payload.x == 1)", {}, &error);
        QVERIFY2(f, error.c_str());
        const auto r = f->evaluate({R"({"payload":{"x":1}})", R"({"payload":{"x":2}})",
                                    R"({"payload":null})", "not json", R"({"payload":{"x":1}})"});
        QCOMPARE(r.size(), size_t(5));
        QCOMPARE(r[0].verdict, JqVerdict::Passed);
        QCOMPARE(r[1].verdict, JqVerdict::Rejected);
        QCOMPARE(r[2].verdict, JqVerdict::Rejected);
        QCOMPARE(r[3].verdict, JqVerdict::Error);
        QCOMPARE(r[4].verdict, JqVerdict::Passed);
        QCOMPARE(f->workerStarts(), uint64_t(1));
    }

    void truthinessAndRuntimeErrors()
    {
        std::string error;
        auto f = BoundedJqFilter::compile(".a | ascii_downcase == \"x\"", {}, &error);
        QVERIFY(f);
        const auto r = f->evaluate({R"({"a":"X"})", R"({"a":"y"})", R"({"a":3})"});
        QCOMPARE(r[0].verdict, JqVerdict::Passed);
        QCOMPARE(r[1].verdict, JqVerdict::Rejected);
        QCOMPARE(r[2].verdict, JqVerdict::Error);
        QVERIFY2(r[2].error.rfind("jq: error: ", 0) == 0, r[2].error.c_str());
    }

    void outputsForColumns()
    {
        std::string error;
        BoundedJqFilter::Limits limits;
        limits.wantOutput = true;
        auto f = BoundedJqFilter::compile(".a", limits, &error);
        QVERIFY(f);
        const auto r = f->evaluate({R"({"a":"x y"})", R"({"a":{"b":[1,2]}})", R"({})", "[]"});
        QCOMPARE(r[0].output, std::string("x y"));
        QCOMPARE(r[1].output, std::string(R"({"b":[1,2]})"));
        QCOMPARE(r[2].output, std::string("null"));
        QCOMPARE(r[2].verdict, JqVerdict::Rejected);
        QCOMPARE(r[3].verdict, JqVerdict::Error);
        QVERIFY(r[3].output.empty());
    }

    void compileErrorNamesItsLine()
    {
        std::string error;
        int line = 0;
        int column = 0;
        QVERIFY(!BoundedJqFilter::compile(".a |\n| .b", {}, &error, &line, &column));
        QVERIFY2(error.rfind("jq: compile error", 0) == 0, error.c_str());
        QCOMPARE(line, 2);
        QCOMPARE(column, 1);
        // jq 1.6 names the line only; the column is found by compiling prefixes.
        QVERIFY(!BoundedJqFilter::compile(".value | | .x", {}, &error, &line, &column));
        QVERIFY2(error.find("unexpected '|'") != std::string::npos, error.c_str());
        QCOMPARE(line, 1);
        QCOMPARE(column, 10);
        QVERIFY(!BoundedJqFilter::compile("select(.a == \"é\") then", {}, &error, &line, &column));
        QCOMPARE(column, 19); // characters, not bytes
        QVERIFY(!BoundedJqFilter::compile("select(.a ==", {}, &error, &line, &column));
        QCOMPARE(column, 12); // cut off: the end
        QVERIFY(!BoundedJqFilter::compile(".a | nosuchfunction(1)", {}, &error, &line, &column));
        QVERIFY2(error.find("nosuchfunction") != std::string::npos, error.c_str());
        QCOMPARE(column, 6);
    }

    void runawayCostsOneMessage()
    {
        std::string error;
        BoundedJqFilter::Limits limits;
        limits.timeoutMs = 1000;
        auto f = BoundedJqFilter::compile("if .loop then last(repeat(1)) else .keep == 1 end",
                                          limits, &error);
        QVERIFY(f);
        std::vector<std::string> in;
        for (int i = 0; i < 2000; ++i)
            in.push_back(i == 700 ? R"({"loop":true})"
                                  : R"({"keep":)" + std::to_string(i % 2) + "}");
        const auto r = f->evaluate(in);
        QCOMPARE(r.size(), in.size());
        QCOMPARE(r[700].verdict, JqVerdict::TimedOut);
        QVERIFY(r[700].error.find("1000 ms") != std::string::npos);
        for (size_t i = 0; i < in.size(); ++i)
            if (i != 700)
                QCOMPARE(r[i].verdict, i % 2 ? JqVerdict::Passed : JqVerdict::Rejected);
        QCOMPARE(f->workerStarts(), uint64_t(2));
    }

    void crashingWorkerCostsOneMessage()
    {
        // An expression that exhausts a small memory limit makes jq abort in the worker.
        std::string error;
        BoundedJqFilter::Limits limits;
        limits.memoryLimitMb = 64;
        limits.timeoutMs = 5000;
        auto f = BoundedJqFilter::compile(
            "if .big then ([range(0; 100000000)] | length) > 0 else true end", limits, &error);
        QVERIFY(f);
        const auto r = f->evaluate({"{}", R"({"big":true})", "{}"});
        QCOMPARE(r.size(), size_t(3));
        QCOMPARE(r[0].verdict, JqVerdict::Passed);
        QCOMPARE(r[1].verdict, JqVerdict::Error);
        QVERIFY2(r[1].error.find("jq worker") != std::string::npos, r[1].error.c_str());
        QCOMPARE(r[2].verdict, JqVerdict::Passed);
    }

    void cancelStopsEarly()
    {
        std::string error;
        BoundedJqFilter::Limits limits;
        limits.timeoutMs = 5000;
        auto f = BoundedJqFilter::compile("last(repeat(1))", limits, &error);
        QVERIFY(f);
        std::atomic<bool> cancel{false};
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel = true;
        });
        QElapsedTimer t;
        t.start();
        const auto r = f->evaluate({"{}", "{}"}, &cancel);
        stopper.join();
        QVERIFY(r.size() < 2);
        QVERIFY(t.elapsed() < 2000);
        // And works again afterwards.
        auto g = BoundedJqFilter::compile(".", limits, &error);
        QCOMPARE(g->evaluate({"1"}).front().verdict, JqVerdict::Passed);
    }
};

QTEST_GUILESS_MAIN(TestBoundedJqFilter)
#include "tst_boundedjqfilter.moc"

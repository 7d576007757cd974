// SPDX-License-Identifier: GPL-3.0-or-later
// RunId: Port's 16-character ids first, hand-made ids (other lengths) recognised as unusual.
#include "core/runid.h"

#include <QTest>

using namespace porthole;

class TestRunId : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void portFormIsExact()
    {
        QVERIFY(RunId::isPortForm("wfnr_8Jk2Lm4Np6Qr8St0", RunId::Kind::NodeRun));
        QVERIFY(RunId::isPortForm("wfr_4hT9xQ2mLp0aZ7Kd", RunId::Kind::WorkflowRun));
        QVERIFY(RunId::isPortForm("r_jE5FhDURh4Uen2Qr", RunId::Kind::ActionRun));
        QVERIFY(!RunId::isPortForm("r_jE5FhDURh4Uen2Qr", RunId::Kind::NodeRun));
        QVERIFY(!RunId::isPortForm("wfnr_8Jk2Lm4Np6Qr8St0x", RunId::Kind::NodeRun));
        QVERIFY(!RunId::isPortForm("wfnr_8Jk2Lm4Np6Qr8St", RunId::Kind::NodeRun));
        QVERIFY(!RunId::isPortForm("wfnr_8Jk2Lm4Np6Qr8S-0", RunId::Kind::NodeRun));
        QVERIFY(!RunId::isPortForm(" wfnr_8Jk2Lm4Np6Qr8St0", RunId::Kind::NodeRun));
    }

    void parseTellsKindAndUnusual_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind"); // -1: no id
        QTest::addColumn<bool>("unusual");
        QTest::newRow("port node run")
            << "wfnr_8Jk2Lm4Np6Qr8St0" << int(RunId::Kind::NodeRun) << false;
        QTest::newRow("port workflow run")
            << "wfr_4hT9xQ2mLp0aZ7Kd" << int(RunId::Kind::WorkflowRun) << false;
        QTest::newRow("port action run")
            << "r_jE5FhDURh4Uen2Qr" << int(RunId::Kind::ActionRun) << false;
        QTest::newRow("hand-made node run")
            << "wfnr_bulk00001" << int(RunId::Kind::NodeRun) << true;
        QTest::newRow("hand-made workflow run")
            << "wfr_test" << int(RunId::Kind::WorkflowRun) << true;
        QTest::newRow("one character") << "r_1" << int(RunId::Kind::ActionRun) << true;
        QTest::newRow("64 characters") << QStringLiteral("r_") + QString(64, QLatin1Char('a'))
                                       << int(RunId::Kind::ActionRun) << true;
        QTest::newRow("65 characters")
            << QStringLiteral("r_") + QString(65, QLatin1Char('a')) << -1 << false;
        QTest::newRow("prefix only") << "wfnr_" << -1 << false;
        QTest::newRow("other prefix") << "run_8Jk2Lm4Np6Qr8St0" << -1 << false;
        QTest::newRow("underscore inside") << "wfnr_bulk_0001" << -1 << false;
        QTest::newRow("punctuation") << "wfnr_bulk-0001" << -1 << false;
        QTest::newRow("upper-case prefix") << "WFNR_8Jk2Lm4Np6Qr8St0" << -1 << false;
        QTest::newRow("empty") << "" << -1 << false;
    }
    void parseTellsKindAndUnusual()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(bool, unusual);
        const RunId id = RunId::parse(text.toStdString());
        QCOMPARE(id.isNull(), kind < 0);
        if (kind < 0)
            return;
        QCOMPARE(int(id.kind()), kind);
        QCOMPARE(id.isUnusual(), unusual);
        QCOMPARE(QString::fromStdString(id.text()), text);
    }

    void findNextWalksTheText()
    {
        const std::string text =
            R"({"a":"wfr_4hT9xQ2mLp0aZ7Kd","b":"user_r_nope","c":"xwfnr_8Jk2Lm4Np6Qr8St0","d":["wfnr_bulk00001"],"e":"r_jE5FhDURh4Uen2Qr"})";
        std::vector<std::string> found;
        for (size_t pos = 0; pos < text.size();) {
            const RunId id = RunId::findNext(text, pos);
            if (id.isNull())
                break;
            found.push_back(id.text() + (id.isUnusual() ? " unusual" : ""));
        }
        const std::vector<std::string> expected{"wfr_4hT9xQ2mLp0aZ7Kd", "wfnr_bulk00001 unusual",
                                                "r_jE5FhDURh4Uen2Qr"};
        QCOMPARE(found, expected);
    }

    void generatedIdsArePortsAndDiffer()
    {
        for (const auto kind :
             {RunId::Kind::WorkflowRun, RunId::Kind::NodeRun, RunId::Kind::ActionRun}) {
            const RunId a = RunId::generate(kind);
            const RunId b = RunId::generate(kind);
            QVERIFY2(RunId::isPortForm(a.text(), kind), a.text().c_str());
            QCOMPARE(RunId::parse(a.text()), a);
            QVERIFY(!a.isUnusual());
            QVERIFY(a.text() != b.text());
            QVERIFY(a.text().starts_with(RunId::prefix(kind)));
        }
    }
};

QTEST_GUILESS_MAIN(TestRunId)
#include "tst_runid.moc"

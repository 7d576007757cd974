// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli check-consumer --workflow: a consumer checked over a whole workflow run in a
// private sandbox; the Python workflow consumer passes, its buggy mode fails with the reason.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QString out, err;
};

Result check(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(PORTHOLE_CLI), args);
    Result r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

const QString kWorkflow = QStringLiteral(PORTHOLE_EXAMPLES_DIR "/workflows/build-then-deploy.json");
const QString kConsumer = QStringLiteral(PORTHOLE_FLOW_TEST_DIR "/workflow_consumer.py");

} // namespace

class TestCheckWorkflow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString inputsFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("inputs.json"));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(R"({"repository":"shop","cluster":"us-1"})");
        return path;
    }

private Q_SLOTS:
    void aGoodConsumerPassesEveryNode()
    {
        const Result r =
            check({QStringLiteral("check-consumer"), QStringLiteral("--workflow"), kWorkflow,
                   QStringLiteral("--inputs"), inputsFile(), QStringLiteral("--sign"),
                   QStringLiteral("--timeout-s"), QStringLiteral("30"), QStringLiteral("--"),
                   QStringLiteral("/usr/bin/python3"), kConsumer});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4); // start, build-image, deploy-image, the run
        QVERIFY(lines[0].startsWith(QStringLiteral("node 1/3 start SELF_SERVE_TRIGGER wfnr_")));
        QVERIFY2(lines[1].contains(QStringLiteral(" build-image KAFKA wfnr_")),
                 qPrintable(lines[1]));
        QVERIFY(lines[1].endsWith(QStringLiteral("COMPLETED SUCCESS: ok")));
        QVERIFY(lines[2].endsWith(QStringLiteral("COMPLETED SUCCESS: ok")));
        QVERIFY2(lines[3].startsWith(
                     QStringLiteral("check-consumer: workflow build-then-deploy run wfr_")),
                 qPrintable(lines[3]));
        QVERIFY(
            lines[3].endsWith(QStringLiteral("COMPLETED SUCCESS nodes=3 kafka=2 reported=2: ok")));
    }

    void aConsumerSendingFailureFailsWithTheReason()
    {
        const Result r =
            check({QStringLiteral("check-consumer"), QStringLiteral("--workflow"), kWorkflow,
                   QStringLiteral("--inputs"), inputsFile(), QStringLiteral("--timeout-s"),
                   QStringLiteral("8"), QStringLiteral("--"), QStringLiteral("/usr/bin/python3"),
                   kConsumer, QStringLiteral("bad")});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        // The first KAFKA node is never completed (its FAILURE refused), so the run stops there.
        QVERIFY2(lines.size() >= 3, qPrintable(r.out + r.err));
        QVERIFY2(lines[1].contains(QStringLiteral(" build-image KAFKA wfnr_")), qPrintable(r.out));
        QVERIFY2(lines[1].contains(QStringLiteral("failed: ")) &&
                     lines[1].contains(QStringLiteral("FAILURE")),
                 qPrintable(lines[1]));
        QVERIFY(r.out.contains(QStringLiteral("deploy-image KAFKA - did not run")));
        QVERIFY(lines.last().contains(QStringLiteral(" IN_PROGRESS - ")));
        QVERIFY(lines.last().endsWith(QStringLiteral(": failed")));
    }

    void aMissingRequiredInputIsRefusedBeforeAnythingRuns()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{}");
        f.close();
        const Result r =
            check({QStringLiteral("check-consumer"), QStringLiteral("--workflow"), kWorkflow,
                   QStringLiteral("--inputs"), path, QStringLiteral("--join-timeout-s"),
                   QStringLiteral("5"), QStringLiteral("--"), QStringLiteral("/usr/bin/python3"),
                   kConsumer});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("missing required input: \"repository\"")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCheckWorkflow)
#include "tst_check_workflow.moc"

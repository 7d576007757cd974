// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli lint --workflow / render --workflow as scripts call them: the golden render
// folders (tests/data/workflow-render/<case>/command.txt, one argument per line with
// @EXAMPLES@ and @COMMON@ standing for the example workflows and the shared inputs; stdout
// must equal expected.txt), the examples lint clean, exit codes and usage errors.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TstWorkflowCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renderGolden_data();
    void renderGolden();
    void lintExamplesClean();
    void lintPlantedExitsOneWithJson();
    void renderErrors();
    void usageErrors();

private:
    struct Run
    {
        int code;
        QByteArray out, err;
    };
    Run cli(const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral(PORTHOLE_CLI), args);
        if (!p.waitForFinished(120000))
            return {-1, {}, "timeout"};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    const QString m_examples = QStringLiteral(PORTHOLE_EXAMPLES_DIR "/workflows");
    const QString m_data = QStringLiteral(PORTHOLE_TEST_DATA "/workflow-render");
};

void TstWorkflowCli::renderGolden_data()
{
    QTest::addColumn<QString>("dir");
    const auto cases = QDir(m_data).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    int n = 0;
    for (const QString& c : cases)
        if (QFile::exists(m_data + QLatin1Char('/') + c + QStringLiteral("/command.txt"))) {
            QTest::newRow(qPrintable(c)) << m_data + QLatin1Char('/') + c;
            ++n;
        }
    QVERIFY(n >= 5);
}

void TstWorkflowCli::renderGolden()
{
    QFETCH(QString, dir);
    QFile command(dir + QStringLiteral("/command.txt"));
    QFile expected(dir + QStringLiteral("/expected.txt"));
    QVERIFY(command.open(QIODevice::ReadOnly) && expected.open(QIODevice::ReadOnly));
    QStringList args;
    for (const QByteArray& line : command.readAll().split('\n'))
        if (!line.isEmpty())
            args << QString::fromUtf8(line)
                        .replace(QStringLiteral("@EXAMPLES@"), m_examples)
                        .replace(QStringLiteral("@COMMON@"), m_data + QStringLiteral("/common"));
    const Run r = cli(args);
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(expected.readAll()));
}

void TstWorkflowCli::lintExamplesClean()
{
    const auto files = QDir(m_examples).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(files.size(), 3);
    for (const QString& f : files) {
        const Run r = cli({QStringLiteral("lint"), QStringLiteral("--workflow"),
                           m_examples + QLatin1Char('/') + f});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray());
    }
}

void TstWorkflowCli::lintPlantedExitsOneWithJson()
{
    const QString planted = QStringLiteral(PORTHOLE_TEST_DATA "/workflow-lint/planted/input.json");
    const Run r = cli({QStringLiteral("lint"), QStringLiteral("--workflow"), planted,
                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.startsWith("[\n"));
    QVERIFY(r.out.contains("\"code\": \"PH3201\""));
    // The hyphen fix is a quick fix with offsets into the workflow file.
    QVERIFY(r.out.contains(R"x("replacement": " .outputs[\\\"fetch-service\\\"].entity.owner ")x"));
}

void TstWorkflowCli::renderErrors()
{
    const QString wf = m_examples + QStringLiteral("/provision-cache.json");
    Run r = cli({QStringLiteral("render"), QStringLiteral("--workflow"), wf,
                 QStringLiteral("--node"), QStringLiteral("provison")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no node \"provison\" (did you mean \"provision\"?)"), r.err);
    r = cli({QStringLiteral("render"), QStringLiteral("--workflow"), wf, QStringLiteral("--node"),
             QStringLiteral("open-approval")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("is a WEBHOOK node"), r.err);
    // --print-context works for any node.
    r = cli({QStringLiteral("render"), QStringLiteral("--workflow"), wf, QStringLiteral("--node"),
             QStringLiteral("open-approval"), QStringLiteral("--print-context")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("\"workflowNodeRun\""));
    r = cli({QStringLiteral("render"), QStringLiteral("--workflow"), wf, QStringLiteral("--node"),
             QStringLiteral("provision"), QStringLiteral("--mock"),
             QStringLiteral("nobody=/dev/null")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no node \"nobody\""), r.err);
}

void TstWorkflowCli::usageErrors()
{
    for (const QStringList& args :
         {QStringList{QStringLiteral("render"), QStringLiteral("--workflow"),
                      QStringLiteral("x.json")},
          QStringList{QStringLiteral("render"), QStringLiteral("--node"), QStringLiteral("a"),
                      QStringLiteral("n.json")},
          QStringList{QStringLiteral("render"), QStringLiteral("--workflow"),
                      QStringLiteral("x.json"), QStringLiteral("--node"), QStringLiteral("a"),
                      QStringLiteral("--mock"), QStringLiteral("oops")},
          QStringList{QStringLiteral("lint"), QStringLiteral("--workflow"),
                      QStringLiteral("x.json"), QStringLiteral("n.json")}}) {
        const Run r = cli(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' '))));
    }
}

QTEST_GUILESS_MAIN(TstWorkflowCli)
#include "tst_workflowcli.moc"

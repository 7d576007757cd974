// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli template / render / lint as scripts call them (cli-contract.md).
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TstTemplateCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templatePrintsJsonStringify();
    void templatePrintsNothingForUndefined();
    void templateErrorsExitOne();
    void renderSplitsArraysIntoMessages();
    void renderWithEnvelopeAndPayloadOnly();
    void renderStrictFailsOnTheSeed();
    void lintReportsTheSeedFix();

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
    QString write(const QString& name, const QByteArray& content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return f.fileName();
    }
    QTemporaryDir m_dir;
    const QString m_examples = QStringLiteral(PORTHOLE_EXAMPLES_DIR);
};

void TstTemplateCli::templatePrintsJsonStringify()
{
    const QString t =
        write(QStringLiteral("t.json"), R"({"b":"{{ .x }}","10":"n={{ .x }}","a":"{{ 1e21 }}"})");
    const QString c = write(QStringLiteral("c.json"), R"({"x":{"y":"é"}})");
    const Run r = cli({QStringLiteral("template"), QStringLiteral("--context"), c, t});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out,
             QByteArray("{\"10\":\"n={\\\"y\\\":\\\"\xC3\xA9\\\"}\",\"b\":{\"y\":\"\xC3\xA9\"},"
                        "\"a\":1e+21}\n"));
}

void TstTemplateCli::templatePrintsNothingForUndefined()
{
    const Run r =
        cli({QStringLiteral("template"), write(QStringLiteral("u.json"), R"("{{ empty }}")")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray());
}

void TstTemplateCli::templateErrorsExitOne()
{
    const Run brace =
        cli({QStringLiteral("template"), write(QStringLiteral("b.json"), R"({"a":"x }}"})")});
    QCOMPARE(brace.code, 1);
    QVERIFY(brace.err.contains("Found closing double braces in index 2"));
    const QString bad = write(QStringLiteral("s.json"), R"({"a":"{{ error(\"boom\") }}"})");
    QCOMPARE(cli({QStringLiteral("template"), bad}).code, 0);
    const Run strict = cli({QStringLiteral("template"), QStringLiteral("--strict"), bad});
    QCOMPARE(strict.code, 1);
    QVERIFY(strict.err.contains("jq: error: boom"));
    QCOMPARE(cli({QStringLiteral("template")}).code, 2);
}

void TstTemplateCli::renderSplitsArraysIntoMessages()
{
    const QString node = m_examples + QStringLiteral("/nodes/array-payload.json");
    const QString ctx = m_examples + QStringLiteral("/contexts/workflow.json");
    const Run split = cli({QStringLiteral("render"), node, QStringLiteral("--context"), ctx});
    QCOMPARE(split.code, 0);
    const QList<QByteArray> lines = split.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].contains(R"("payload":{"type":"notification","channel":"slack")"));
    QVERIFY(lines[1].contains(R"("channel":"email")"));
    QVERIFY(lines[0].startsWith(R"({"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0")"));
    const Run single = cli({QStringLiteral("render"), node, QStringLiteral("--context"), ctx,
                            QStringLiteral("--array-mode"), QStringLiteral("single")});
    QCOMPARE(single.out.trimmed().split('\n').size(), 1);
    QVERIFY(single.out.contains(R"("payload":[{)"));
    QCOMPARE(cli({QStringLiteral("render"), node, QStringLiteral("--array-mode"),
                  QStringLiteral("both")})
                 .code,
             2);
}

void TstTemplateCli::renderWithEnvelopeAndPayloadOnly()
{
    const QString node = m_examples + QStringLiteral("/nodes/with-run-ids.json");
    const QString ctx = m_examples + QStringLiteral("/contexts/workflow.json");
    const QString env = write(
        QStringLiteral("env.json"),
        R"({"id":"{{ .context.workflowNodeRun.identifier }}","org":"{{ .orgId }}","body":"{{ .payload }}"})");
    const Run r =
        cli({QStringLiteral("render"), node, QStringLiteral("--context"), ctx,
             QStringLiteral("--envelope"), env, QStringLiteral("--org"), QStringLiteral("org_1")});
    QCOMPARE(r.code, 0);
    QVERIFY2(
        r.out.startsWith(R"({"id":"wfnr_8Jk2Lm4Np6Qr8St0","org":"org_1","body":{"workflowRunId")"),
        r.out.constData());
    const Run p = cli({QStringLiteral("render"), node, QStringLiteral("--context"), ctx,
                       QStringLiteral("--payload-only")});
    QCOMPARE(p.code, 0);
    QVERIFY(p.out.contains(
        R"("summary":"Deploy payments-api@2.4.1 to production","region":"eu-west-1"})"));
}

void TstTemplateCli::renderStrictFailsOnTheSeed()
{
    const QString node = m_examples + QStringLiteral("/nodes/basic-publish-event.json");
    const Run lenient = cli({QStringLiteral("render"), node});
    QCOMPARE(lenient.code, 0);
    QVERIFY(lenient.out.contains(R"("timestamp":null)"));
    const Run strict = cli({QStringLiteral("render"), QStringLiteral("--strict"), node});
    QCOMPARE(strict.code, 1);
    QVERIFY(strict.err.contains("jq: compile error"));
    QVERIFY(strict.out.isEmpty());
}

void TstTemplateCli::lintReportsTheSeedFix()
{
    const QString node = m_examples + QStringLiteral("/nodes/basic-publish-event.json");
    const Run r =
        cli({QStringLiteral("lint"), node, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains(R"("code": "PH2101")"));
    QVERIFY(r.out.contains(R"("replacement": " now | todateiso8601 ")"));
    QCOMPARE(
        cli({QStringLiteral("lint"), m_examples + QStringLiteral("/nodes/event-driven.json")}).code,
        0);
}

QTEST_GUILESS_MAIN(TstTemplateCli)
#include "tst_templatecli.moc"

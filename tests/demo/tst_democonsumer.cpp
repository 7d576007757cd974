// SPDX-License-Identifier: GPL-3.0-or-later
// The demo consumer stands in for Port's execution agent: against the real sandbox it reports
// each workflow node run published after it started, in the agent's order (IN_PROGRESS, logs,
// COMPLETED/SUCCESS with output), every call accepted; it ignores other messages and runs
// published before it started.
#include "core/runid.h"
#include "demo/democonsumer.h"
#include "kafka/kafkaproducer.h"
#include "portapi/localapicall.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace porthole;

class TestDemoConsumer : public QObject
{
    Q_OBJECT
    Sandbox m_sandbox;
    QList<LocalApiCall> m_calls;

    // Publishes `value` to sandbox.runs (registered first, as the app does) and waits for it.
    void publish(const QByteArray& value)
    {
        m_sandbox.registerPublished(value);
        KafkaConfig config;
        config.set("bootstrap.servers", m_sandbox.bootstrap().toStdString());
        int delivered = 0;
        std::string error;
        auto producer = KafkaProducer::create(
            config, [&](const DeliveryReport& r) { delivered += r.delivered() ? 1 : 0; },
            [](const std::string&) {}, &error);
        QVERIFY2(producer, error.c_str());
        producer->send({"sandbox.runs", std::nullopt, {}, value.toStdString()});
        producer->finish(10000);
        QCOMPARE(delivered, 1);
    }

    static QByteArray nodeRunMessage(const QString& wfr, const QString& wfnr)
    {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("context"),
                                QJsonObject{{QStringLiteral("runId"), wfnr},
                                            {QStringLiteral("workflowRunId"), wfr},
                                            {QStringLiteral("orgId"), QStringLiteral("sandbox")}}},
                               {QStringLiteral("payload"),
                                QJsonObject{{QStringLiteral("service"), QStringLiteral("api")},
                                            {QStringLiteral("replicas"), 3}}}})
            .toJson(QJsonDocument::Compact);
    }

    QList<LocalApiCall> callsFor(const QString& id) const
    {
        QList<LocalApiCall> out;
        for (const LocalApiCall& c : m_calls)
            if (c.path.contains(id))
                out << c;
        return out;
    }

    static QString newId(RunId::Kind kind)
    {
        return QString::fromStdString(RunId::generate(kind).text());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral("sandbox"), 0, 0, &error), qPrintable(error));
        connect(m_sandbox.api(), &LocalPortApi::callRecorded, this,
                [this](const LocalApiCall& c) { m_calls << c; });
    }

    void reportsLikePortsAgentInOrder()
    {
        // A run published before the consumer starts is not its business (it reads from the end).
        const QString oldRun = newId(RunId::Kind::NodeRun);
        publish(nodeRunMessage(newId(RunId::Kind::WorkflowRun), oldRun));

        DemoConsumerConfig config;
        config.bootstrap = m_sandbox.bootstrap();
        config.topic = QStringLiteral("sandbox.runs");
        config.org = QStringLiteral("sandbox");
        config.apiUrl = QUrl(m_sandbox.apiUrl());
        config.clientId = QStringLiteral("sandbox");
        config.clientSecret = m_sandbox.clientSecret();
        config.paceMs = 0;
        DemoConsumer consumer(config);
        QSignalSpy ready(&consumer, &DemoConsumer::ready);
        QSignalSpy finished(&consumer, &DemoConsumer::runFinished);
        consumer.start();
        QVERIFY(ready.wait(15000));

        // A classic action run and a non-JSON value: not workflow node runs, never reported.
        const QString actionRun = newId(RunId::Kind::ActionRun);
        publish(QStringLiteral(R"({"action":"a","resourceType":"run","status":"TRIGGERED",)"
                               R"("context":{"runId":"%1"},"payload":{}})")
                    .arg(actionRun)
                    .toUtf8());
        publish("not json at all");
        const QString wfr = newId(RunId::Kind::WorkflowRun);
        const QString wfnr = newId(RunId::Kind::NodeRun);
        publish(nodeRunMessage(wfr, wfnr));

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QCOMPARE(finished.first().at(0).toString(), wfnr);
        QVERIFY(finished.first().at(1).toBool());

        const QList<LocalApiCall> calls = callsFor(wfnr);
        QCOMPARE(calls.size(), 3);
        for (const LocalApiCall& c : calls)
            QVERIFY2(!c.refused(), qPrintable(QStringLiteral("%1 %2 -> %3 %4")
                                                  .arg(QString::fromLatin1(c.method), c.path)
                                                  .arg(c.status)
                                                  .arg(c.error)));
        // 1. PATCH IN_PROGRESS on the node-runs route.
        QCOMPARE(calls[0].method, QByteArray("PATCH"));
        QCOMPARE(calls[0].path, QStringLiteral("/v1/workflows/nodes/runs/") + wfnr);
        const QJsonObject first = QJsonDocument::fromJson(calls[0].body).object();
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("IN_PROGRESS"));
        // 2. POST the log lines (Port's logs route: level + message). The recorded body has the
        // client secret redacted, which here ("sandbox") is also the org: "<redacted>.runs".
        QCOMPARE(calls[1].method, QByteArray("POST"));
        QCOMPARE(calls[1].path, QStringLiteral("/v1/workflows/nodes/runs/%1/logs").arg(wfnr));
        const QJsonArray logs =
            QJsonDocument::fromJson(calls[1].body).object().value(QStringLiteral("logs")).toArray();
        QVERIFY2(logs.size() == 2, calls[1].body.constData());
        QCOMPARE(logs[0].toObject().value(QStringLiteral("level")).toString(),
                 QStringLiteral("INFO"));
        QVERIFY2(logs[0]
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral(".runs (partition ")),
                 calls[1].body.constData());
        QVERIFY(logs[1]
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("2 fields")));
        // 3. PATCH COMPLETED / SUCCESS with the agent's output shape.
        QCOMPARE(calls[2].method, QByteArray("PATCH"));
        const QJsonObject last = QJsonDocument::fromJson(calls[2].body).object();
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(last.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
        const QJsonObject response = last.value(QStringLiteral("output"))
                                         .toObject()
                                         .value(QStringLiteral("response"))
                                         .toObject();
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(response.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("handledBy"))
                     .toString(),
                 QStringLiteral("Porthole demo consumer"));
        QVERIFY(calls[0].at <= calls[1].at && calls[1].at <= calls[2].at);

        // Nothing for the other messages, nor for the run published before the start.
        QTest::qWait(300);
        QVERIFY(callsFor(oldRun).isEmpty());
        QVERIFY(callsFor(actionRun).isEmpty());
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDemoConsumer)
#include "tst_democonsumer.moc"

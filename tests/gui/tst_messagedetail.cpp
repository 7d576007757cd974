// SPDX-License-Identifier: GPL-3.0-or-later
// The Runs tab's message detail, its actions, and record/open: the detail's tabs show the
// headers (null ones marked) and metadata; the value view is lazy for big values; actions ask
// for the preview context and a report; a copied kcat command, run by the real kcat against
// the sandbox, produces the same message; export -> open gives the same rows, byte for byte.
#include "core/watchlineparser.h"
#include "gui/runs/kcatcommand.h"
#include "gui/runs/messageactions.h"
#include "gui/runs/messagedetailview.h"
#include "gui/runs/messagevalueview.h"
#include "gui/runs/recordingexport.h"
#include "gui/runs/runspane.h"
#include "gui/runs/runsrecorder.h"
#include "gui/session/runselection.h"
#include "gui/session/session.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"

#include <QAction>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace porthole;

namespace {

std::shared_ptr<KafkaRecord> make(int32_t partition, int64_t offset, std::optional<std::string> key,
                                  std::vector<KafkaRecord::Header> headers,
                                  std::optional<std::string> value)
{
    auto r = std::make_shared<KafkaRecord>();
    r->topic = "acme.runs";
    r->partition = partition;
    r->offset = offset;
    r->timestamp = 1700000000123 + offset;
    r->timestampType = offset == 12   ? TimestampType::LogAppendTime
                       : offset == 13 ? TimestampType::None
                                      : TimestampType::CreateTime;
    r->key = std::move(key);
    r->headers = std::move(headers);
    r->value = std::move(value);
    return r;
}

MessageBatch batchOf(const std::vector<std::shared_ptr<KafkaRecord>>& records)
{
    auto batch = std::make_shared<std::vector<WatchedMessage>>();
    for (const auto& r : records)
        batch->push_back({r, MessageDecoder::decode(*r)});
    return batch;
}

std::string hexOrNull(const std::optional<std::string>& b)
{
    return b ? QByteArray::fromStdString(*b).toHex().toStdString() : std::string("null");
}

std::string identity(const KafkaRecord& r)
{
    std::string s = r.topic + "/" + std::to_string(r.partition) + "/" + std::to_string(r.offset) +
                    "/" + std::to_string(r.timestamp) + "/" + std::to_string(int(r.timestampType)) +
                    " key=" + hexOrNull(r.key) + " value=" + hexOrNull(r.value) + " headers=";
    for (const auto& [name, value] : r.headers)
        s += name + ":" + hexOrNull(value) + ";";
    return s;
}

std::vector<std::shared_ptr<KafkaRecord>> sample()
{
    std::string binary(2048, '\0');
    for (size_t i = 0; i < binary.size(); ++i)
        binary[i] = char((i * 131 + 7) & 0xff);
    return {
        make(0, 10, std::string("wfr_k1"),
             {{"h", std::string("v")}, {"nothing", std::nullopt}, {"bin", std::string("\xff", 1)}},
             std::string("{\"context\": {\"runId\": \"wfnr_8Jk2Lm4Np6Qr8St0\", \"workflowRunId\": "
                         "\"wfr_AbCdEfGhIjKlMnOp\"}, \"payload\": {\"n\": 1.0}}")),
        make(1, 11, std::nullopt, {}, std::string("plain, \"text\"\nsecond line")),
        make(2, 12, std::string("\x00\xfe", 2), {{"e", std::string()}}, binary),
        make(0, 13, std::string("gone"), {}, std::nullopt),
        make(1, 14, std::nullopt, {}, std::string("\"a JSON string\"")),
    };
}

} // namespace

class TestMessageDetail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detailTabsShowHeadersAndMetadata()
    {
        RunsPane pane;
        pane.resize(1000, 700);
        pane.show();
        pane.model()->appendBatch(batchOf(sample()));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->selectRow(0);
        MessageDetailView* detail = pane.detail();
        QVERIFY(detail->message());
        QVERIFY(detail->valueView()->shownText().contains(
            QStringLiteral("\"runId\": \"wfnr_8Jk2Lm4Np6Qr8St0\"")));
        QCOMPARE(detail->tabs()->tabText(1), QStringLiteral("Headers (3)"));
        QTableWidget* headers = detail->headersTable();
        QCOMPARE(headers->rowCount(), 3);
        QCOMPARE(headers->item(0, 0)->text(), QStringLiteral("h"));
        QCOMPARE(headers->item(0, 1)->text(), QStringLiteral("v"));
        QCOMPARE(headers->item(1, 1)->text(), QStringLiteral("(null)"));
        QVERIFY(headers->item(1, 1)->font().italic());
        QCOMPARE(headers->item(2, 1)->text(), QStringLiteral("base64:/w=="));
        const auto metadataText = [detail] {
            QStringList metadata;
            for (int row = 0; row < detail->metadataTable()->rowCount(); ++row)
                metadata << detail->metadataTable()->item(row, 0)->text() + QLatin1Char('=') +
                                detail->metadataTable()->item(row, 1)->text();
            return metadata.join(QLatin1Char('\n'));
        };
        const QString all = metadataText();
        QVERIFY2(all.contains(QStringLiteral("Topic=acme.runs")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("Partition=0")));
        QVERIFY(all.contains(QStringLiteral("Offset=10")));
        QVERIFY(all.contains(QStringLiteral("Timestamp=2023-11-14T22:13:20.133")) ||
                all.contains(QStringLiteral("1700000000133 ms")));
        QVERIFY(all.contains(QStringLiteral("Timestamp type=CreateTime (set by the producer)")));
        QVERIFY(all.contains(QStringLiteral("Key=wfr_k1")));
        QVERIFY(all.contains(QStringLiteral("Kind=workflow-node")));
        QVERIFY(all.contains(QStringLiteral("Node run=wfnr_8Jk2Lm4Np6Qr8St0")));
        QVERIFY(all.contains(QStringLiteral("Signature=missing")));

        // Actions: the preview's context and a report on this run.
        QSignalSpy context(pane.session(), &Session::contextOffered);
        QSignalSpy report(pane.session(), &Session::reportOnSelectionRequested);
        QVERIFY(pane.actions()->useAsContext()->isEnabled());
        pane.actions()->useAsContext()->trigger();
        QCOMPARE(context.size(), 1);
        QCOMPARE(context.at(0).at(0).toByteArray(), QByteArray::fromStdString(*sample()[0]->value));
        pane.actions()->report()->trigger();
        QCOMPARE(report.size(), 1);
        QCOMPARE(pane.session()->selection()->kind(), MessageKind::WorkflowNode);
        QCOMPARE(pane.session()->selection()->ids().nodeRun.text(),
                 std::string("wfnr_8Jk2Lm4Np6Qr8St0"));

        // Binary: a hex dump and a note; no context, no report (no run id).
        table->selectRow(2);
        QVERIFY(detail->valueView()->shownText().startsWith(QStringLiteral("00000000  07 8a 0d")));
        QVERIFY(!pane.actions()->useAsContext()->isEnabled());
        QVERIFY(!pane.actions()->report()->isEnabled());
        QVERIFY2(metadataText().contains(
                     QStringLiteral("Timestamp type=LogAppendTime (set by the broker)")),
                 qPrintable(metadataText()));
        table->selectRow(3);
        QVERIFY(detail->valueView()->isTombstone());
        QCOMPARE(detail->valueView()->shownText(), QStringLiteral("Tombstone (null value)"));
        QVERIFY(metadataText().contains(QStringLiteral("Timestamp type=(none)")));
        QVERIFY(!pane.actions()->copyValue()->isEnabled());
    }

    void bigValueIsLazy()
    {
        MessageValueView view;
        const std::string big = "{\"blob\":\"" + std::string(3 * 1024 * 1024, 'x') + "\"}";
        view.setValue(big, ValueFormat::Json);
        QVERIFY(view.isPartial());
        // The first 256 KiB, its one long line broken for display every 4,000 characters.
        QCOMPARE(view.shownText().remove(QLatin1Char('\n')).toUtf8().size(),
                 qsizetype(MessageValueView::kLazyBytes));
        view.showAll();
        QVERIFY(!view.isPartial());
        QVERIFY(view.shownText().size() > 3 * 1024 * 1024);
    }

    void exportThenOpenGivesTheSameRows()
    {
        QTemporaryDir tmp;
        RunsPane pane;
        const auto records = sample();
        pane.model()->appendBatch(batchOf(records));
        const QString jsonl = tmp.filePath(QStringLiteral("runs.jsonl"));
        QSignalSpy done(pane.recorder(), &RunsRecorder::done);
        pane.recorder()->exportTo(jsonl, RecordingExport::Format::JsonLines);
        QTRY_COMPARE(done.size(), 1);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));

        const QString csv = tmp.filePath(QStringLiteral("runs.csv"));
        pane.recorder()->exportTo(csv, RecordingExport::Format::Csv);
        QTRY_COMPARE(done.size(), 2);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvText = csvFile.readAll();
        QVERIFY2(csvText.startsWith("Time,Partition,Offset,Kind,Run id,Signature,Value\r\n") ||
                     csvText.startsWith("Time,"),
                 csvText.left(200).constData());
        QVERIFY(csvText.contains("\"plain, \"\"text\"\"\nsecond line\""));

        RunsPane other;
        QSignalSpy opened(other.recorder(), &RunsRecorder::done);
        QString error;
        QVERIFY2(other.recorder()->openFrom(jsonl, &error), qPrintable(error));
        QTRY_COMPARE(opened.size(), 1);
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(opened.at(0).at(1).toString()));
        QCOMPARE(other.model()->rowCount(), int(records.size()));
        for (int row = 0; row < other.model()->rowCount(); ++row)
            QCOMPARE(identity(other.model()->record(row)), identity(*records[size_t(row)]));
    }

    void badLinesAreNamedAndTheRestLoads()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("mixed.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"key\":null,\"headers\":{},"
                "\"value\":{\"a\":1}}\nnot json\n{\"topic\":\"t\",\"offset\":2,\"value\":\"x\"}\n");
        f.close();
        RunsPane pane;
        QSignalSpy opened(pane.recorder(), &RunsRecorder::done);
        QString error;
        QVERIFY(pane.recorder()->openFrom(path, &error));
        QTRY_COMPARE(opened.size(), 1);
        QVERIFY(!opened.at(0).at(0).toBool());
        const QString text = opened.at(0).at(1).toString();
        QVERIFY2(text.contains(QStringLiteral("line 2: not JSON")), qPrintable(text));
        QCOMPARE(pane.model()->rowCount(), 2);
        QCOMPARE(*pane.model()->record(0).value, std::string("{\"a\":1}"));
    }

    void kcatCommandProducesTheSameMessage()
    {
        Sandbox sandbox;
        QString error;
        QVERIFY2(sandbox.start(QStringLiteral("kc"), 0, 0, &error), qPrintable(error));
        KafkaRecord r;
        r.topic = "kc.runs";
        r.partition = 2;
        r.key = "it's a key";
        r.headers = {{"h", std::string("a=b 'c'")}, {"nothing", std::nullopt}};
        std::string binary;
        for (int i = 0; i < 600; ++i)
            binary += char((i * 37) & 0xff);
        r.value = binary;
        KafkaRecord text = r;
        text.partition = 1;
        text.key.reset();
        text.headers = {};
        text.value = "{\"s\": \"$HOME `x` \\\"q\\\" caf\xc3\xa9\"}\n";
        for (const KafkaRecord& one : {r, text}) {
            const QString command = KcatCommand::forRecord(one, sandbox.bootstrap());
            QVERIFY2(!command.contains(QStringLiteral("password")), qPrintable(command));
            QProcess sh;
            sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
            QVERIFY(sh.waitForFinished(30000));
            QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
        }
        QProcess watch;
        watch.start(QStringLiteral(PORTHOLE_CLI),
                    {QStringLiteral("watch"), QStringLiteral("--bootstrap"), sandbox.bootstrap(),
                     QStringLiteral("--topic"), QStringLiteral("kc.runs"), QStringLiteral("--from"),
                     QStringLiteral("beginning"), QStringLiteral("--exit-at-end")});
        QVERIFY(watch.waitForFinished(30000));
        QList<QByteArray> lines = watch.readAllStandardOutput().split('\n');
        lines.removeAll(QByteArray());
        QCOMPARE(lines.size(), 2);
        std::vector<std::string> got;
        for (const QByteArray& line : lines) {
            KafkaRecord back;
            std::string why;
            QVERIFY2(WatchLineParser::parse(line.toStdString(), &back, &why), why.c_str());
            back.offset = 0;
            back.timestamp = 0;
            QCOMPARE(back.timestampType, TimestampType::CreateTime); // kcat's, kept by the topic
            back.timestampType = TimestampType::None;
            got.push_back(identity(back));
        }
        std::sort(got.begin(), got.end());
        r.offset = text.offset = 0;
        r.timestamp = text.timestamp = 0;
        std::vector<std::string> want{identity(r), identity(text)};
        std::sort(want.begin(), want.end());
        QCOMPARE(got, want);

        // A SASL connection: the password never appears, the environment supplies it.
        KafkaConfig sasl;
        sasl.set("security.protocol", "SASL_SSL");
        sasl.set("sasl.mechanisms", "SCRAM-SHA-512");
        sasl.set("sasl.username", "user");
        sasl.set("sasl.password", "s3cret-do-not-print");
        const QString withSasl = KcatCommand::forRecord(r, QStringLiteral("b:9196"), sasl);
        QVERIFY(!withSasl.contains(QStringLiteral("s3cret")));
        QVERIFY(withSasl.contains(QStringLiteral("sasl.password=\"$KAFKA_PASSWORD\"")));
    }
};

QTEST_MAIN(TestMessageDetail)
#include "tst_messagedetail.moc"

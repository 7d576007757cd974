// SPDX-License-Identifier: GPL-3.0-or-later
// The runs table's Signature column against messages signed by Python's own hmac/json, the way
// Port signs for its execution agent: valid, invalid (another secret), missing, older than
// 5 minutes, and the agent tag.
#include "core/messagedecoder.h"
#include "models/runstablemodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QProcess>
#include <QTest>

using namespace porthole;

namespace {

// Signs each stdin line (a message) with argv[1] at time argv[2], like Port.
const char* kSigner = R"PY(
import sys, json, hmac, hashlib, base64
secret, ts = sys.argv[1], int(sys.argv[2])
for line in sys.stdin.read().splitlines():
    m = json.loads(line)
    m.setdefault("headers", {})
    text = json.dumps(m, separators=(",", ":"), ensure_ascii=False)
    mac = hmac.new(secret.encode(), f"{ts}.{text}".encode(), hashlib.sha256)
    m["headers"]["X-Port-Signature"] = "v1," + base64.b64encode(mac.digest()).decode()
    m["headers"]["X-Port-Timestamp"] = ts
    print(json.dumps(m, ensure_ascii=False))
)PY";

std::string pythonSigned(const std::string& message, const QString& secret, qint64 ts)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QString::fromUtf8(kSigner), secret, QString::number(ts)});
    p.write(message.data(), qint64(message.size()));
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qFatal("python3 failed: %s", p.readAllStandardError().constData());
    return p.readAllStandardOutput().trimmed().toStdString();
}

WatchedMessage makeMessage(int64_t offset, std::string value)
{
    auto r = std::make_shared<KafkaRecord>();
    r->topic = "sandbox.runs";
    r->offset = offset;
    r->value = std::move(value);
    WatchedMessage m;
    m.info = MessageDecoder::decode(*r);
    m.record = std::move(r);
    return m;
}

} // namespace

class TestRunsSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signatureColumn()
    {
        const std::string agent =
            R"({"payload":{"action":{"invocationMethod":{"type":"WEBHOOK","agent":true}},"r":0.00001},"context":{"runId":"wfnr_aaaaaaaaaaaaaaa1"}})";
        const std::string plain =
            R"({"payload":{"x":"Zoë"},"context":{"runId":"r_aaaaaaaaaaaaaaa2"}})";
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto batch = std::make_shared<std::vector<WatchedMessage>>();
        batch->push_back(makeMessage(0, pythonSigned(agent, QStringLiteral("s3cret"), now)));
        batch->push_back(makeMessage(1, pythonSigned(plain, QStringLiteral("other"), now)));
        batch->push_back(makeMessage(2, plain));
        batch->push_back(makeMessage(3, pythonSigned(plain, QStringLiteral("s3cret"), now - 600)));

        RunsTableModel model;
        QAbstractItemModelTester tester(&model);
        model.setSecretSource([] { return QStringLiteral("s3cret"); });
        model.appendBatch(batch);
        const auto cell = [&](int row) {
            return model.data(model.index(row, RunsTableModel::Signature)).toString();
        };
        QCOMPARE(model.headerData(RunsTableModel::Signature, Qt::Horizontal).toString(),
                 QStringLiteral("Signature"));
        QCOMPARE(cell(0), QStringLiteral("valid · agent"));
        QCOMPARE(cell(1), QStringLiteral("invalid"));
        QCOMPARE(cell(2), QStringLiteral("missing"));
        QCOMPARE(cell(3), QStringLiteral("older than 5 min"));
        QVERIFY(model.data(model.index(1, 0), RunsTableModel::SignatureWhyRole)
                    .toString()
                    .contains(QStringLiteral("does not match")));
        QVERIFY(model.data(model.index(0, RunsTableModel::Signature), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("execution agent")));
    }
};

QTEST_GUILESS_MAIN(TestRunsSignature)
#include "tst_runssignature.moc"

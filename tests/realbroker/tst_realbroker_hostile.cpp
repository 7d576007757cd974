// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input on a real broker: a 100 MiB message on the topic. porthole-cli publishes it
// (when told the size is intended) and watches it with bounded memory, and the message after it
// still arrives: nothing is lost or skipped, nothing retries forever.
#include "brokerenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using porthole::test::BrokerEnv;

namespace {

constexpr qint64 kBigBytes = 100LL * 1024 * 1024;

struct Measured
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out, err;
    double peakMiB = 0; // VmHWM: the most memory the process ever held
    qint64 elapsedMs = 0;
};

double peakMiBOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Runs porthole-cli, sampling its peak memory until it exits.
Measured measure(const QStringList& args, int timeoutMs = 300000)
{
    Measured m;
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(PORTHOLE_CLI), args);
    if (!p.waitForStarted(10000))
        return m;
    QByteArray out;
    while (clock.elapsed() < timeoutMs && !p.waitForFinished(50)) {
        m.peakMiB = std::max(m.peakMiB, peakMiBOf(p.processId()));
        out += p.readAllStandardOutput(); // keep the pipe drained: the line is 100 MiB
    }
    m.finished = p.state() == QProcess::NotRunning;
    if (!m.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    m.elapsedMs = clock.elapsed();
    m.exitCode = p.exitCode();
    m.out = out + p.readAllStandardOutput();
    m.err = p.readAllStandardError();
    return m;
}

} // namespace

class TestRealBrokerHostile : public QObject
{
    Q_OBJECT
    BrokerEnv m_env;
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_env.load(), qPrintable(m_env.error()));
        QVERIFY(m_tmp.isValid());
    }

    void hundredMegabyteMessage()
    {
        const QString topic = m_env.value(QStringLiteral("KAFKA_ORG")) + QStringLiteral(".hostile");
        const QString plain = m_env.value(QStringLiteral("KAFKA_BOOTSTRAP"));
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray runId =
            "wfnr_Huge" + QString(marker).remove(QLatin1Char('-')).left(12).toUtf8();

        // A Port-shaped value whose payload holds 100 MiB of text.
        const QString big = m_tmp.filePath(QStringLiteral("big.json"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"context\":{\"runId\":\"" + runId + "\"},\"payload\":{\"blob\":\"");
            const QByteArray chunk(1024 * 1024, 'x');
            for (int i = 0; i < 100; ++i)
                f.write(chunk);
            f.write("\"}}");
        }
        const QString small = m_tmp.filePath(QStringLiteral("small.json"));
        {
            QFile f(small);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"marker\":\"" + marker.toUtf8() + "\"}");
        }

        // Without being told, the producer refuses it with librdkafka's clear error.
        const Measured refused =
            measure({QStringLiteral("publish"), QStringLiteral("--raw"), big,
                     QStringLiteral("--bootstrap"), plain, QStringLiteral("--topic"), topic});
        qInfo("default publish: exit %d after %lld ms: %s", refused.exitCode, refused.elapsedMs,
              refused.err.trimmed().constData());
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.out.contains("too large") || refused.err.contains("too large"),
                 refused.out.constData());

        const Measured published =
            measure({QStringLiteral("publish"), QStringLiteral("--raw"), big,
                     QStringLiteral("--bootstrap"), plain, QStringLiteral("--topic"), topic,
                     QStringLiteral("-X"), QStringLiteral("message.max.bytes=120000000")});
        qInfo("publish of 100 MiB: exit %d after %lld ms, peak %.0f MiB", published.exitCode,
              published.elapsedMs, published.peakMiB);
        QVERIFY2(published.exitCode == 0, published.err.constData());
        const Measured after =
            measure({QStringLiteral("publish"), QStringLiteral("--raw"), small,
                     QStringLiteral("--bootstrap"), plain, QStringLiteral("--topic"), topic});
        QVERIFY2(after.exitCode == 0, after.err.constData());

        // Watching reads it whole, then the small one behind it, and ends.
        const Measured watched =
            measure({QStringLiteral("watch"), QStringLiteral("--bootstrap"), plain,
                     QStringLiteral("--topic"), topic, QStringLiteral("--from"),
                     QStringLiteral("beginning"), QStringLiteral("--exit-at-end")});
        qInfo("watch: exit %d after %lld ms, peak %.0f MiB, %lld bytes out", watched.exitCode,
              watched.elapsedMs, watched.peakMiB, qint64(watched.out.size()));
        QVERIFY2(watched.finished && watched.exitCode == 0, watched.err.constData());
        bool sawBig = false, sawSmall = false;
        for (const QByteArray& line : watched.out.split('\n')) {
            if (line.size() > kBigBytes && line.contains(runId))
                sawBig = line.contains("\"kind\":\"workflow-node\"") && line.endsWith('}');
            sawSmall |= line.contains(marker.toUtf8());
        }
        QVERIFY2(sawBig, "the 100 MiB message was not printed whole");
        QVERIFY2(sawSmall, "the message after it was lost");
        // librdkafka's buffer, our copy and the printed line: a few times the message, no more.
        QVERIFY2(watched.peakMiB < 700, qPrintable(QString::number(watched.peakMiB)));
        QVERIFY2(published.peakMiB < 700, qPrintable(QString::number(published.peakMiB)));
    }
};

QTEST_GUILESS_MAIN(TestRealBrokerHostile)
#include "tst_realbroker_hostile.moc"

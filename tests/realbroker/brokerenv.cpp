// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokerenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

namespace porthole::test {

namespace {
// The fixture's folder; BROKER_DIR overrides it to run a test by hand against another broker.
QString brokerDir()
{
    const QString dir = qEnvironmentVariable("BROKER_DIR");
    return dir.isEmpty() ? QStringLiteral(PORTHOLE_BROKER_DIR) : dir;
}
} // namespace

bool BrokerEnv::load()
{
    QFile f(brokerDir() + QStringLiteral("/broker.env"));
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1 (%2): the realbroker_start fixture did not "
                                 "start the broker; see its output")
                      .arg(f.fileName(), f.errorString());
        return false;
    }
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            m_values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    for (const char* key : {"KAFKA_BOOTSTRAP", "KAFKA_SASL_SSL_BOOTSTRAP", "KAFKA_CA_FILE",
                            "KAFKA_USERNAME", "KAFKA_PASSWORD", "KAFKA_ORG"}) {
        if (value(QString::fromLatin1(key)).isEmpty()) {
            m_error = QStringLiteral("%1 lacks %2").arg(f.fileName(), QString::fromLatin1(key));
            return false;
        }
    }
    return true;
}

QStringList BrokerEnv::saslOptions(const QString& caFile) const
{
    return {QStringLiteral("-X"),
            QStringLiteral("security.protocol=SASL_SSL"),
            QStringLiteral("-X"),
            QStringLiteral("sasl.mechanisms=SCRAM-SHA-512"),
            QStringLiteral("-X"),
            QStringLiteral("ssl.ca.location=") +
                (caFile.isEmpty() ? value(QStringLiteral("KAFKA_CA_FILE")) : caFile),
            QStringLiteral("-X"),
            QStringLiteral("sasl.username=") + value(QStringLiteral("KAFKA_USERNAME"))};
}

QProcessEnvironment BrokerEnv::envWithPassword(const QString& password) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KAFKA_PASSWORD"),
               password.isEmpty() ? value(QStringLiteral("KAFKA_PASSWORD")) : password);
    return env;
}

ProcessResult BrokerEnv::brokerScript(const QString& command, int timeoutMs) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BROKER_DIR"), brokerDir());
    return run(QStringLiteral("bash"), {QStringLiteral(PORTHOLE_BROKER_SH), command}, env,
               timeoutMs);
}

ProcessResult BrokerEnv::kcatProduce(const QString& topic, const QStringList& lines) const
{
    return run(QStringLiteral("kcat"),
               {QStringLiteral("-b"), value(QStringLiteral("KAFKA_BOOTSTRAP")),
                QStringLiteral("-P"), QStringLiteral("-t"), topic},
               QProcessEnvironment::systemEnvironment(), 120000,
               lines.join(QLatin1Char('\n')).toUtf8() + '\n');
}

ProcessResult BrokerEnv::kcatReadAll(const QString& topic) const
{
    return run(QStringLiteral("kcat"),
               {QStringLiteral("-b"), value(QStringLiteral("KAFKA_BOOTSTRAP")),
                QStringLiteral("-C"), QStringLiteral("-t"), topic, QStringLiteral("-o"),
                QStringLiteral("beginning"), QStringLiteral("-e"), QStringLiteral("-q"),
                QStringLiteral("-f"), QStringLiteral("%p %o %s\\n")},
               QProcessEnvironment::systemEnvironment(), 120000);
}

ProcessResult BrokerEnv::run(const QString& program, const QStringList& args,
                             const QProcessEnvironment& env, int timeoutMs, const QByteArray& input)
{
    ProcessResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(30000)) {
        r.err = "cannot start " + program.toUtf8() + ": " + p.errorString().toUtf8();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(10000);
    }
    r.elapsedMs = t.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace porthole::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace porthole::test {

/// What one finished process did: exit code, its output, and how long it took.
struct ProcessResult
{
    int exitCode = -1;
    bool finished = false; // false: it did not end within the timeout (and was killed)
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

/// The real broker started by the `realbroker_start` fixture (tests/kafka/broker.sh): its
/// KEY=VALUE lines, the client options that reach it, and the broker.sh faults.
class BrokerEnv
{
public:
    /// Reads $BROKER_DIR/broker.env of the running broker; error() says why when it fails.
    bool load();
    /// The reason load() failed.
    QString error() const { return m_error; }
    /// A KAFKA_* value (KAFKA_ORG, KAFKA_SASL_SSL_BOOTSTRAP, ...).
    QString value(const QString& key) const { return m_values.value(key); }
    /// `-X` options for SASL_SSL + SCRAM-SHA-512 trusting `caFile` (default: the broker's CA).
    QStringList saslOptions(const QString& caFile = {}) const;
    /// The process environment with KAFKA_PASSWORD set to `password` (default: the right one).
    QProcessEnvironment envWithPassword(const QString& password = {}) const;
    /// Runs `broker.sh COMMAND` (halt, resume, restart) against the fixture's broker.
    ProcessResult brokerScript(const QString& command, int timeoutMs = 240000) const;
    /// Produces `lines` (one message each) with kcat over the PLAINTEXT listener.
    ProcessResult kcatProduce(const QString& topic, const QStringList& lines) const;
    /// Reads a whole topic with kcat over PLAINTEXT as "partition offset value" lines.
    ProcessResult kcatReadAll(const QString& topic) const;

    /// Runs a program to completion (killed after `timeoutMs`), feeding `input` on stdin.
    static ProcessResult run(const QString& program, const QStringList& args,
                             const QProcessEnvironment& env, int timeoutMs,
                             const QByteArray& input = {});

private:
    QHash<QString, QString> m_values;
    QString m_error;
};

} // namespace porthole::test

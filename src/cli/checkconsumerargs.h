// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <variant>

namespace porthole::cli {

/// What `porthole-cli check-consumer` was asked to do, checked but not yet done (no file read).
struct CheckConsumerArgs
{
    QString nodeFile;
    /// --workflow: check the consumer over one whole run of this workflow (no NODE.json).
    QString workflowFile;
    QString inputsFile;       ///< --inputs: the trigger's inputs for that run
    QStringList contextFiles; ///< run i uses context i modulo their number; none: workflow preset
    int count = 1;
    int rate = 0; ///< --rate: runs per second; 0: all at once
    int timeoutS = 60;
    int joinTimeoutS = 30;
    QString expectResult = QStringLiteral("SUCCESS");
    QString expectOutput;
    bool sign = false;
    QString junitFile;
    QStringList faults; ///< --faults: one round per fault (CheckFaults), in the order given
    QString org = QStringLiteral("sandbox");
    QString broker; ///< --broker: a real Kafka broker instead of the sandbox's (rebalance)
    QString program;
    QStringList arguments;
};

/// Parses check-consumer's arguments (args[0] is "check-consumer"; the consumer's command
/// follows "--"). An int is the exit code after --help or a usage error, already printed.
std::variant<int, CheckConsumerArgs> parseCheckConsumerArgs(const QStringList& args);

} // namespace porthole::cli

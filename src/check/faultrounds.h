// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkoptions.h"
#include "checkrun.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace porthole {

class ConsumerCheck;

/// A consumer check under faults: one round per fault (CheckFaults), each a ConsumerCheck with
/// its own sandbox and fresh run ids, one after the other. The CLI and the app's dialog share it.
class FaultRounds : public QObject
{
    Q_OBJECT
public:
    /// What one round found.
    struct Round
    {
        QString fault;
        std::vector<CheckRun> runs;
        QStringList notes;
        QString error;              ///< why the round could not run; empty otherwise
        QStringList consumerOutput; ///< its last lines, secret scrubbed
        qint64 elapsedMs = 0;
        int exitCode = 0; ///< ConsumerCheck::Exit
        bool consumerRan = false;
    };

    FaultRounds(CheckOptions options, QStringList faults, QObject* parent = nullptr);
    ~FaultRounds() override;

    /// Starts the first round; finished() follows the last.
    void start();
    /// Stops the running round (judged as far as seen) and runs no more.
    void cancel();

    const QList<Round>& rounds() const { return m_rounds; }
    /// The round running now (nullptr between rounds and after the last).
    ConsumerCheck* current() const { return m_check.get(); }
    /// Every round's runs, in order.
    std::vector<CheckRun> allRuns() const;

    /// "fault NAME: runs=N completed=C failed=F missing=M[: first reason]".
    static QString line(const Round& round);

Q_SIGNALS:
    void logged(const QString& line);
    /// A round started / ended (index into rounds()).
    void roundStarted(int index);
    void roundFinished(int index);
    /// The worst exit code of the rounds.
    void finished(int exitCode);

private:
    void next();

    CheckOptions m_options;
    QStringList m_faults;
    QList<Round> m_rounds;
    std::unique_ptr<ConsumerCheck> m_check;
    bool m_cancelled = false;
};

} // namespace porthole

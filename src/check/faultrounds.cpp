// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultrounds.h"

#include "checkfault.h"
#include "consumercheck.h"

#include <QTimer>

namespace porthole {

FaultRounds::FaultRounds(CheckOptions options, QStringList faults, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_faults(std::move(faults))
{}

FaultRounds::~FaultRounds() = default;

void FaultRounds::start()
{
    next();
}

void FaultRounds::cancel()
{
    m_cancelled = true;
    if (m_check)
        m_check->cancel();
}

std::vector<CheckRun> FaultRounds::allRuns() const
{
    std::vector<CheckRun> all;
    for (const Round& r : m_rounds)
        all.insert(all.end(), r.runs.begin(), r.runs.end());
    return all;
}

QString FaultRounds::line(const Round& round)
{
    QString out = CheckRun::summary(round.runs);
    out.replace(0, out.indexOf(QLatin1Char(':')), QStringLiteral("fault ") + round.fault);
    QString first = round.error;
    for (const CheckRun& run : round.runs)
        if (first.isEmpty() && run.outcome != CheckRun::Outcome::Completed)
            first = QStringLiteral("run %1: %2")
                        .arg(run.index + 1)
                        .arg(run.reasons.value(0, CheckRun::outcomeName(run.outcome)));
    return first.isEmpty() ? out : out + QStringLiteral(": ") + first;
}

void FaultRounds::next()
{
    const qsizetype index = m_rounds.size();
    if (m_cancelled || index >= m_faults.size()) {
        int worst = 0;
        for (const Round& r : m_rounds)
            worst = std::max(worst, r.exitCode);
        Q_EMIT finished(worst);
        return;
    }
    CheckOptions options = m_options;
    options.fault = m_faults.at(index);
    m_rounds.append(Round{options.fault, {}, {}, {}, {}, 0, 0, false});
    // A fresh check per round: its own sandbox, group and run ids.
    m_check = std::make_unique<ConsumerCheck>(options);
    connect(m_check.get(), &ConsumerCheck::logged, this, [this, options](const QString& line) {
        Q_EMIT logged(options.fault + QStringLiteral(": ") + line);
    });
    connect(m_check.get(), &ConsumerCheck::finished, this, [this, index](int code) {
        Round& round = m_rounds[index];
        round.runs = m_check->runs();
        round.notes = m_check->notes();
        round.error = m_check->error();
        round.consumerOutput = m_check->consumerLines(200);
        round.elapsedMs = m_check->elapsedMs();
        round.exitCode = code;
        round.consumerRan =
            m_check->process().hasExited() || !m_check->process().output().isEmpty();
        Q_EMIT roundFinished(int(index));
        // Not from inside the check's own signal: it is destroyed by the next round.
        QTimer::singleShot(0, this, [this] {
            m_check.reset();
            next();
        });
    });
    Q_EMIT logged(QStringLiteral("round %1/%2: fault %3 (%4)")
                      .arg(index + 1)
                      .arg(m_faults.size())
                      .arg(options.fault, CheckFaults::describe(options.fault)));
    Q_EMIT roundStarted(int(index));
    m_check->start();
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <cstdint>
#include <deque>

namespace porthole {

class JqFilterWorker;
class RunsFilterProxy;
class RunsTableModel;

/// Puts a jq filter (select semantics) on the runs table without holding the UI thread: the
/// messages' watch lines go in batches to a JqFilterWorker thread, whose verdicts feed the
/// proxy's gate as they come. A filter that does not compile changes nothing (the table and
/// the filter in use stay); a message the filter runs away on is hidden and counted.
class JqFilterController : public QObject
{
    Q_OBJECT
public:
    JqFilterController(RunsTableModel* model, RunsFilterProxy* proxy, QObject* parent = nullptr);
    ~JqFilterController() override;

    /// Compiles and applies `expression`; empty removes the jq filter.
    void setExpression(const QString& expression);
    /// The expression in use (compiled), empty when none.
    QString activeExpression() const { return m_active; }
    /// Stops filtering the rows held: the jq filter is removed.
    void cancel();
    /// The most one message may take (applies to the next setExpression).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    /// Messages judged / held, for progress.
    qint64 judged() const;
    qint64 held() const;
    bool isBusy() const;
    qint64 timedOut() const { return m_timedOut; }
    qint64 errors() const { return m_errors; }
    QString firstError() const { return m_firstError; }

Q_SIGNALS:
    /// The expression compiled and is now in use (or was removed: empty).
    void applied(const QString& expression);
    /// It did not compile; nothing changed. `line` and `column` are 1-based or -1.
    void compileFailed(const QString& error, int line, int column);
    /// Progress, timeouts or errors changed.
    void progressChanged();

private:
    RunsTableModel* m_model;
    RunsFilterProxy* m_proxy;
    QThread m_thread;
    JqFilterWorker* m_worker;
    int m_timeoutMs = 1000;
    quint64 m_request = 0;  ///< the latest compile asked for
    quint64 m_filterId = 0; ///< the worker's filter in use, 0: none
    QString m_pending;      ///< the expression being compiled
    QString m_active;
    std::deque<uint8_t> m_verdicts; ///< JqVerdict per message from m_base on
    uint64_t m_base = 0;
    uint64_t m_askedFrom = UINT64_MAX; ///< the batch in flight (one at a time)
    bool m_inFlight = false;
    qint64 m_timedOut = 0;
    qint64 m_errors = 0;
    QString m_firstError;

    void onCompiled(quint64 request, quint64 filterId, const QString& error, int line, int column);
    void onEvaluated(quint64 filterId, quint64 firstSeq, const QByteArray& verdicts,
                     const QString& firstError);
    void resetVerdicts();
    void requestMore();
    int verdict(uint64_t seq) const;
};

} // namespace porthole

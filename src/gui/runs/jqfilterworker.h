// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace porthole {

class BoundedJqFilter;

/// The jq filter's thread side: compiles a filter and judges batches of messages (their watch
/// lines) with BoundedJqFilter, which runs jq in its own bounded worker process. Lives in a
/// QThread owned by JqFilterController; its methods are invoked queued from there.
class JqFilterWorker : public QObject
{
    Q_OBJECT
public:
    JqFilterWorker();
    ~JqFilterWorker() override;

    /// Set from the UI thread: the batch being judged stops early (a new filter is coming).
    std::atomic<bool> interrupt{false};

    /// Compiles `body`; on success it replaces the filter and gets a new id.
    void compile(quint64 request, const QString& body, int timeoutMs);
    /// Judges messages firstSeq… with filter `filterId` (dropped when that is no longer it).
    void evaluate(quint64 filterId, quint64 firstSeq, const std::vector<std::string>& inputs);

Q_SIGNALS:
    /// filterId 0: it did not compile (error, and where: line and column or -1).
    void compiled(quint64 request, quint64 filterId, const QString& error, int line, int column);
    /// One JqVerdict byte per message judged (may be fewer than asked when interrupted).
    void evaluated(quint64 filterId, quint64 firstSeq, const QByteArray& verdicts,
                   const QString& firstError);

private:
    std::unique_ptr<BoundedJqFilter> m_filter;
    quint64 m_filterId = 0;
    quint64 m_nextId = 1;
};

} // namespace porthole

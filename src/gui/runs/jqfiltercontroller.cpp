// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqfiltercontroller.h"

#include "jqfilterworker.h"

#include "core/messagedecoder.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "template/boundedjqfilter.h"

#include <algorithm>

namespace porthole {

namespace {
// Messages per batch: the UI thread writes their watch lines (~5 µs each), so a batch costs it
// a few milliseconds, and the worker gets enough to stream.
constexpr uint64_t kBatch = 2000;
// ... and at most this many bytes of them (big messages: fewer per batch).
constexpr size_t kBatchBytes = 8u << 20;
} // namespace

JqFilterController::JqFilterController(RunsTableModel* model, RunsFilterProxy* proxy,
                                       QObject* parent)
    : QObject(parent), m_model(model), m_proxy(proxy), m_worker(new JqFilterWorker)
{
    m_thread.setObjectName(QStringLiteral("jq filter"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &JqFilterWorker::compiled, this, &JqFilterController::onCompiled);
    connect(m_worker, &JqFilterWorker::evaluated, this, &JqFilterController::onEvaluated);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JqFilterController::requestMore);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        resetVerdicts();
        requestMore();
    });
    m_thread.start();
}

JqFilterController::~JqFilterController()
{
    m_worker->interrupt = true;
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended: safe here
}

void JqFilterController::setExpression(const QString& expression)
{
    const QString text = expression.trimmed();
    if (text.isEmpty()) {
        cancel();
        return;
    }
    m_pending = text;
    const quint64 request = ++m_request;
    m_worker->interrupt = true; // the batch in flight is for the filter being replaced
    JqFilterWorker* worker = m_worker;
    const int timeoutMs = m_timeoutMs;
    QMetaObject::invokeMethod(
        worker, [worker, request, text, timeoutMs] { worker->compile(request, text, timeoutMs); },
        Qt::QueuedConnection);
}

void JqFilterController::cancel()
{
    ++m_request; // a compile still running is dropped too
    m_worker->interrupt = true;
    const bool had = m_filterId != 0;
    m_filterId = 0;
    m_active.clear();
    resetVerdicts();
    if (had || m_proxy->hasGate())
        m_proxy->setGate({});
    Q_EMIT applied(QString());
    Q_EMIT progressChanged();
}

qint64 JqFilterController::judged() const
{
    if (!m_filterId)
        return 0;
    const uint64_t end = m_base + m_verdicts.size();
    return qint64(end > m_model->firstSeq() ? end - m_model->firstSeq() : 0);
}

qint64 JqFilterController::held() const
{
    return m_model->rowCount();
}

bool JqFilterController::isBusy() const
{
    return m_filterId != 0 && judged() < m_model->rowCount();
}

void JqFilterController::onCompiled(quint64 request, quint64 filterId, const QString& error,
                                    int line, int column)
{
    if (request != m_request)
        return; // replaced or cancelled meanwhile
    if (!filterId) {
        Q_EMIT compileFailed(error, line, column);
        // An interrupted batch of the filter in use is asked for again.
        requestMore();
        return;
    }
    m_filterId = filterId;
    m_active = m_pending;
    resetVerdicts();
    m_proxy->setGate([this](uint64_t seq) { return verdict(seq); });
    Q_EMIT applied(m_active);
    requestMore();
    Q_EMIT progressChanged();
}

void JqFilterController::resetVerdicts()
{
    m_verdicts.clear();
    m_base = m_model->firstSeq();
    m_askedFrom = UINT64_MAX; // a reply still in flight is dropped
    m_timedOut = m_errors = 0;
    m_firstError.clear();
}

int JqFilterController::verdict(uint64_t seq) const
{
    if (seq < m_base)
        return 0;
    const uint64_t i = seq - m_base;
    if (i >= m_verdicts.size())
        return -1;
    return m_verdicts[i] == uint8_t(JqVerdict::Passed) ? 1 : 0;
}

void JqFilterController::requestMore()
{
    if (m_inFlight || !m_filterId)
        return;
    // Verdicts of rows the model has dropped are no longer needed.
    const uint64_t first = m_model->firstSeq();
    while (m_base < first && !m_verdicts.empty()) {
        m_verdicts.pop_front();
        ++m_base;
    }
    if (m_verdicts.empty())
        m_base = std::max(m_base, first);
    const uint64_t from = m_base + m_verdicts.size();
    const uint64_t end = first + uint64_t(m_model->rowCount());
    if (from >= end)
        return;
    std::vector<std::string> lines;
    const uint64_t to = std::min(end, from + kBatch);
    lines.reserve(size_t(to - from));
    size_t bytes = 0;
    for (uint64_t s = from; s < to && bytes < kBatchBytes; ++s) {
        lines.push_back(MessageDecoder::toJsonLine(m_model->record(int(s - first))));
        bytes += lines.back().size();
    }
    m_inFlight = true;
    m_askedFrom = from;
    JqFilterWorker* worker = m_worker;
    const quint64 id = m_filterId;
    QMetaObject::invokeMethod(
        worker, [worker, id, from, lines = std::move(lines)] { worker->evaluate(id, from, lines); },
        Qt::QueuedConnection);
}

void JqFilterController::onEvaluated(quint64 filterId, quint64 firstSeq, const QByteArray& verdicts,
                                     const QString& firstError)
{
    m_inFlight = false;
    if (filterId == m_filterId && firstSeq == m_askedFrom &&
        firstSeq == m_base + m_verdicts.size()) {
        for (const char v : verdicts) {
            m_verdicts.push_back(uint8_t(v));
            if (JqVerdict(v) == JqVerdict::TimedOut)
                ++m_timedOut;
            else if (JqVerdict(v) == JqVerdict::Error)
                ++m_errors;
        }
        if (m_firstError.isEmpty())
            m_firstError = firstError;
        m_askedFrom = UINT64_MAX;
        m_proxy->resume();
        Q_EMIT progressChanged();
    }
    requestMore();
}

} // namespace porthole

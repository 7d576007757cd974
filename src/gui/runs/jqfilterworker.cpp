// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqfilterworker.h"

#include "template/boundedjqfilter.h"

namespace porthole {

JqFilterWorker::JqFilterWorker() = default;

JqFilterWorker::~JqFilterWorker() = default;

void JqFilterWorker::compile(quint64 request, const QString& body, int timeoutMs)
{
    interrupt = false;
    std::string error;
    int line = -1;
    int column = -1;
    BoundedJqFilter::Limits limits;
    limits.timeoutMs = timeoutMs;
    auto filter = BoundedJqFilter::compile(body.toStdString(), limits, &error, &line, &column);
    if (!filter) {
        // The filter in use (if any) stays: a typo must not empty the table.
        Q_EMIT compiled(request, 0, QString::fromStdString(error), line, column);
        return;
    }
    m_filter = std::move(filter);
    m_filterId = m_nextId++;
    Q_EMIT compiled(request, m_filterId, QString(), -1, -1);
}

void JqFilterWorker::evaluate(quint64 filterId, quint64 firstSeq,
                              const std::vector<std::string>& inputs)
{
    if (filterId != m_filterId || !m_filter) {
        Q_EMIT evaluated(filterId, firstSeq, QByteArray(), QString());
        return;
    }
    interrupt = false;
    const auto results = m_filter->evaluate(inputs, &interrupt);
    QByteArray verdicts(qsizetype(results.size()), '\0');
    QString firstError;
    for (size_t i = 0; i < results.size(); ++i) {
        verdicts[qsizetype(i)] = char(results[i].verdict);
        if (firstError.isEmpty() && results[i].verdict == JqVerdict::Error)
            firstError = QString::fromStdString(results[i].error);
    }
    Q_EMIT evaluated(filterId, firstSeq, verdicts, firstError);
}

} // namespace porthole

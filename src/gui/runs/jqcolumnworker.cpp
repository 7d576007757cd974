// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqcolumnworker.h"

#include "template/boundedjqfilter.h"

namespace porthole {

JqColumnWorker::JqColumnWorker() = default;

JqColumnWorker::~JqColumnWorker() = default;

void JqColumnWorker::evaluate(quint64 generation, int column, const QString& expression,
                              const QList<qulonglong>& seqs, const std::vector<std::string>& lines)
{
    Q_EMIT evaluated(generation, column, seqs, texts(expression, lines));
}

void JqColumnWorker::evaluateTicket(quint64 ticket, const QString& expression,
                                    const std::vector<std::string>& lines)
{
    Q_EMIT textsReady(ticket, texts(expression, lines));
}

QStringList JqColumnWorker::texts(const QString& expression, const std::vector<std::string>& lines)
{
    QStringList texts;
    texts.reserve(qsizetype(lines.size()));
    auto it = m_filters.find(expression);
    if (it == m_filters.end() && !m_compileErrors.count(expression)) {
        std::string error;
        BoundedJqFilter::Limits limits;
        limits.wantOutput = true;
        if (auto f = BoundedJqFilter::compile(expression.toStdString(), limits, &error))
            it = m_filters.emplace(expression, std::move(f)).first;
        else
            m_compileErrors[expression] = QString::fromStdString(error);
    }
    if (it == m_filters.end()) {
        for (size_t i = 0; i < lines.size(); ++i)
            texts << m_compileErrors[expression];
    } else {
        for (const auto& r : it->second->evaluate(lines))
            texts << (r.verdict == JqVerdict::Error      ? QString::fromStdString(r.error)
                      : r.verdict == JqVerdict::TimedOut ? tr("(timed out)")
                      : r.verdict == JqVerdict::Rejected && r.output == "null"
                          ? QString()
                          : QString::fromStdString(r.output));
    }
    return texts;
}

void JqColumnWorker::keepOnly(const QStringList& expressions)
{
    for (auto it = m_filters.begin(); it != m_filters.end();)
        it = expressions.contains(it->first) ? std::next(it) : m_filters.erase(it);
    m_compileErrors.clear();
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace porthole {

/// `--expect-output`: a jq predicate on a node run's output, run by the template layer's jq
/// (forked, with its 5 s limit per evaluation, so a runaway filter cannot hang the check).
/// It passes when the first output is neither false nor null.
class OutputPredicate
{
public:
    /// An empty filter always passes.
    explicit OutputPredicate(QString filter = {});

    bool isEmpty() const { return m_filter.isEmpty(); }
    const QString& filter() const { return m_filter; }
    /// "" when the filter compiles, else jq's message.
    QString compileError() const;
    /// True when it passes on `output`; else false with the reason in `why`.
    bool test(const QJsonObject& output, QString* why) const;

private:
    QString m_filter;
};

} // namespace porthole

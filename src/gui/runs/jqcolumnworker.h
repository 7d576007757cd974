// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace porthole {

class BoundedJqFilter;

/// The thread side of the jq columns: evaluates an expression that is not a plain path over a
/// few messages (the rows on screen) with BoundedJqFilter, one compiled program per expression.
class JqColumnWorker : public QObject
{
    Q_OBJECT
public:
    JqColumnWorker();
    ~JqColumnWorker() override;

    void evaluate(quint64 generation, int column, const QString& expression,
                  const QList<qulonglong>& seqs, const std::vector<std::string>& lines);
    /// The same texts for an export: answered with textsReady(ticket, …).
    void evaluateTicket(quint64 ticket, const QString& expression,
                        const std::vector<std::string>& lines);
    /// Drops the compiled programs no column uses any more.
    void keepOnly(const QStringList& expressions);

Q_SIGNALS:
    void evaluated(quint64 generation, int column, const QList<qulonglong>& seqs,
                   const QStringList& texts);
    void textsReady(quint64 ticket, const QStringList& texts);

private:
    std::map<QString, std::unique_ptr<BoundedJqFilter>> m_filters;
    std::map<QString, QString> m_compileErrors;

    /// What the cells show for the lines: the output, an error's text, "(timed out)".
    QStringList texts(const QString& expression, const std::vector<std::string>& lines);
};

} // namespace porthole

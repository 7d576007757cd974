// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QHeaderView;
class QInputDialog;
class QMenu;
class QWidget;

namespace porthole {

class JqColumnWorker;
class RunsTableModel;

/// Columns computed from a jq path (`.value.payload.service`) over each message as `watch`
/// prints it, appended to the runs table after its own columns and remembered in the settings.
/// Evaluated lazily: only the cells a view asks for (the rows on screen), cached per row. A
/// plain path is read at once without jq; anything else goes to the bounded jq worker on its
/// own thread and shows "…" until its value arrives.
class JqColumns : public QObject
{
    Q_OBJECT
public:
    explicit JqColumns(RunsTableModel* model, QObject* parent = nullptr);
    ~JqColumns() override;

    QStringList expressions() const { return m_expressions; }
    /// Adds a column (remembered); an empty or duplicate expression is ignored.
    void add(const QString& expression);
    /// Removes extra column `extra` (0-based among the jq columns).
    void remove(int extra);
    /// Adds "Add column from jq path…" and, on a jq column's header, "Remove column".
    void extendHeaderMenu(QMenu* menu, QHeaderView* header, int section);
    /// The "Add column from jq path" dialog, prefilled with ".value.payload." and the cursor
    /// after it (not selected: typing a field name completes the path instead of replacing it).
    static QInputDialog* addDialog(QWidget* parent);

    /// What the cell of `expression`'s column shows for the model's `row` when that needs no
    /// jq worker (a plain path, read now; a value already cached); nothing otherwise.
    std::optional<QString> knownText(int row, const QString& expression) const;
    /// Evaluates `expression` over `lines` (messages as `watch` prints them) on the columns'
    /// bounded worker, after the cells asked for before; `done(texts)` runs on this thread with
    /// the texts the cells would show, unless `context` is gone by then. For exports.
    void evaluate(const QString& expression, std::vector<std::string> lines, QObject* context,
                  std::function<void(const QStringList&)> done);

Q_SIGNALS:
    /// A column was added (its logical section in the model).
    void columnAdded(int section);

private:
    RunsTableModel* m_model;
    QThread m_thread;
    JqColumnWorker* m_worker;
    QStringList m_expressions;
    quint64 m_generation = 0;
    std::vector<QHash<quint64, QString>> m_cache; ///< per column: seq → text
    std::vector<QSet<quint64>> m_pending;         ///< asked for, not yet sent
    std::vector<QSet<quint64>> m_sent;            ///< sent to the worker
    QTimer m_flush;
    struct Waiting
    {
        QPointer<QObject> context;
        std::function<void(const QStringList&)> done;
    };
    std::map<quint64, Waiting> m_waiting; ///< evaluate()'s tickets
    quint64 m_nextTicket = 0;

    QVariant cell(int row, int extra, int role);
    void flush();
    void onEvaluated(quint64 generation, int column, const QList<qulonglong>& seqs,
                     const QStringList& texts);
};

} // namespace porthole

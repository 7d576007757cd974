#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <memory>
#include <vector>

class QHeaderView;
class QMenu;

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

    QVariant cell(int row, int extra, int role);
    void flush();
    void onEvaluated(quint64 generation, int column, const QList<qulonglong>& seqs,
                     const QStringList& texts);
};

} // namespace porthole

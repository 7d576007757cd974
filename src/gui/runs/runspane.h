#pragma once

#include "gui/connection/kafkatarget.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace porthole {

class RunsFilterProxy;
class RunsTableModel;
class WatchSession;

/// Watches a runs topic into a table: read-only (assign + seek, never a commit), live, filterable
/// by words and kind, with the selected message shown whole below.
class RunsPane : public QWidget
{
    Q_OBJECT
public:
    explicit RunsPane(QWidget* parent = nullptr);
    ~RunsPane() override;

    /// Uses `target`: its brokers fill the Broker field, its security and SASL properties (the
    /// password in memory only) apply to every connection this tab makes.
    void setConnection(const KafkaTarget& target);

    /// Starts watching from the chosen position; stops a running watch first.
    void startWatching();
    /// Stops watching (the table keeps its rows).
    void stopWatching();
    bool isWatching() const { return m_session != nullptr; }
    RunsTableModel* model() const { return m_model; }

private:
    RunsTableModel* m_model;
    RunsFilterProxy* m_proxy;
    KafkaConfig m_kafka; // security and SASL properties of the chosen connection
    QLineEdit* m_bootstrap;
    QLineEdit* m_topic;
    QComboBox* m_from;
    QPushButton* m_watchButton;
    QLineEdit* m_filter;
    QComboBox* m_kind;
    QTableView* m_table;
    QPlainTextEdit* m_detail;
    QLabel* m_status;
    QPushButton* m_saveValue;
    std::unique_ptr<WatchSession> m_session;
    void showSelected();
    void saveSelectedValue();
    void updateStatus(const QString& connection = {});
    QString m_connection;
};

} // namespace porthole

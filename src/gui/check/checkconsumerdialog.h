// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace porthole {

class ConsumerCheck;
class FaultRounds;
class RunLedger;
class TimelineView;
struct CheckOptions;
struct CheckRun;

/// "Check a consumer…": runs the team's consumer against a private sandbox with the node and
/// context being edited (the same ConsumerCheck as `porthole-cli check-consumer`), shows each
/// run's progress live, and a run's timeline (published, then every call the consumer made),
/// its reasons and its recorded API calls one click away.
class CheckConsumerDialog : public QDialog
{
    Q_OBJECT
public:
    CheckConsumerDialog(std::string nodeText, JsonValue context, QString nodeName,
                        QWidget* parent = nullptr);
    ~CheckConsumerDialog() override;

    /// Opens a non-modal dialog that deletes itself when closed.
    static void open(QWidget* parent, const QByteArray& nodeText, const JsonValue& context,
                     const QString& nodeName);

    /// Starts a check with the fields' values (what the Start button does).
    void startCheck();
    /// True while a check runs.
    bool isRunning() const;

Q_SIGNALS:
    /// The check ended with porthole-cli's exit code (0 passed, 1 failed, 3 cannot start).
    void checkFinished(int exitCode);

protected:
    void reject() override;

private:
    /// The check running now: the plain one, or the fault round's.
    ConsumerCheck* check() const;
    /// The runs on screen: the running check's, else the last fault round's.
    const std::vector<CheckRun>& runs() const;
    void watch(ConsumerCheck* check);
    void startRounds(const CheckOptions& options, const QStringList& faults);
    void updateRow(int index);
    void showDetails();
    void feedTimeline(const CheckRun& run);
    void onFinished(int exitCode);

    std::string m_nodeText;
    JsonValue m_context;
    QString m_nodeName;
    std::unique_ptr<ConsumerCheck> m_check;
    std::unique_ptr<FaultRounds> m_rounds; ///< with faults checked: one round per fault
    QList<QCheckBox*> m_faults;            ///< one per CheckFaults::all()
    bool m_running = false;
    QLineEdit* m_command;
    QSpinBox* m_count;
    QSpinBox* m_timeout;
    QComboBox* m_expectResult;
    QLineEdit* m_expectOutput;
    QCheckBox* m_sign;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QLabel* m_summary;
    QTableWidget* m_table;
    QTabWidget* m_detailTabs;
    RunLedger* m_ledger; ///< this check's runs only (its private sandbox)
    TimelineView* m_timeline;
    QPlainTextEdit* m_details;
    QDateTime m_checkStart;
    std::vector<int> m_callsFed; ///< per run: how many of its calls the ledger has
    QPlainTextEdit* m_log;
};

} // namespace porthole

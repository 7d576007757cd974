// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagedecoder.h"
#include "kafka/kafkaconfig.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace porthole {

/// What can be done with the selected message: copy its value, copy a kcat command that
/// produces it again, use it as the preview's context, report on its run, re-publish it, save
/// its value. The same actions sit in the detail's toolbar and the table's context menu; their
/// shortcuts work while the Runs tab has the focus.
class MessageActions : public QObject
{
    Q_OBJECT
public:
    /// `current` gives the message shown (nullptr: none; the detail view keeps it, so nothing
    /// is copied); `parent` hosts the shortcuts.
    MessageActions(std::function<const KafkaRecord*()> current, QWidget* parent);

    /// Where kcat commands point: the brokers and the connection's security settings.
    void setConnection(const QString& bootstrap, const KafkaConfig& config);
    /// Enables the actions that fit the message shown now (`info`: its classification).
    void update(const MessageInfo& info = {});
    /// Adds every action to a menu or toolbar.
    void addTo(QWidget* widget) const;

    QAction* copyValue() const { return m_copyValue; }
    QAction* saveValue() const { return m_saveValue; }
    QAction* copyKcat() const { return m_copyKcat; }
    QAction* useAsContext() const { return m_useAsContext; }
    QAction* report() const { return m_report; }
    QAction* republish() const { return m_republish; }

Q_SIGNALS:
    /// The message's value (JSON) should become the preview's context.
    void useAsContextRequested(const QByteArray& json);
    /// The Report tab should report on this run.
    void reportRequested(porthole::MessageKind kind, const porthole::RunIds& ids);
    /// The message should be published again as it is (the pane confirms and sends).
    void republishRequested(const porthole::KafkaRecord& record);
    /// The message's value should be written to a file (the pane asks where).
    void saveValueRequested();
    /// Something to tell the user in the status line.
    void told(const QString& text);

private:
    std::function<const KafkaRecord*()> m_current;
    MessageInfo m_info;
    QString m_bootstrap;
    KafkaConfig m_config;
    QAction* m_copyValue;
    QAction* m_saveValue;
    QAction* m_copyKcat;
    QAction* m_useAsContext;
    QAction* m_report;
    QAction* m_republish;

    QAction* make(const QString& text, const QString& name, const QKeySequence& keys,
                  const QString& tip, QWidget* parent);
};

} // namespace porthole

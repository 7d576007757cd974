// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageactions.h"

#include "kcatcommand.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QWidget>

namespace porthole {

MessageActions::MessageActions(std::function<const KafkaRecord*()> current, QWidget* parent)
    : QObject(parent), m_current(std::move(current)),
      m_copyValue(make(tr("Copy value"), QStringLiteral("runsCopyValue"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                       tr("Copy the message's value (binary values as base64)"), parent)),
      m_saveValue(make(tr("Save value…"), QStringLiteral("runsSaveValue"), {},
                       tr("Write the message's value to a file, byte for byte"), parent)),
      m_copyKcat(make(tr("Copy as kcat"), QStringLiteral("runsCopyKcat"),
                      QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C),
                      tr("Copy a kcat command that produces this exact message again (same "
                         "partition, key, headers and bytes; a password stays $KAFKA_PASSWORD)"),
                      parent)),
      m_useAsContext(make(tr("Use as context"), QStringLiteral("runsUseAsContext"), {},
                          tr("Put this message's value into the Preview's context editor"),
                          parent)),
      m_report(make(tr("Report run"), QStringLiteral("runsReportOnRun"), {},
                    tr("Open the Report tab for this message's run"), parent)),
      m_republish(make(tr("Re-publish…"), QStringLiteral("runsRepublish"), {},
                       tr("Publish this exact message (key, headers, bytes) again to the topic "
                          "being watched"),
                       parent))
{
    connect(m_copyValue, &QAction::triggered, this, [this] {
        const KafkaRecord* r = m_current();
        if (!r || !r->value)
            return;
        const QByteArray bytes(r->value->data(), qsizetype(r->value->size()));
        const bool text = MessageDecoder::isUtf8(*r->value);
        QGuiApplication::clipboard()->setText(text ? QString::fromUtf8(bytes)
                                                   : QString::fromLatin1(bytes.toBase64()));
        Q_EMIT told(text ? tr("Value copied (%n byte(s))", nullptr, int(bytes.size()))
                         : tr("Binary value copied as base64"));
    });
    connect(m_saveValue, &QAction::triggered, this, [this] {
        const KafkaRecord* r = m_current();
        if (r && r->value)
            Q_EMIT saveValueRequested();
    });
    connect(m_copyKcat, &QAction::triggered, this, [this] {
        if (const auto r = m_current()) {
            QGuiApplication::clipboard()->setText(
                KcatCommand::forRecord(*r, m_bootstrap, m_config));
            Q_EMIT told(tr("kcat command copied"));
        }
    });
    connect(m_useAsContext, &QAction::triggered, this, [this] {
        const KafkaRecord* r = m_current();
        if (r && r->value)
            Q_EMIT useAsContextRequested(QByteArray(r->value->data(), qsizetype(r->value->size())));
    });
    connect(m_report, &QAction::triggered, this, [this] {
        if (m_current())
            Q_EMIT reportRequested(m_info.kind, m_info.ids);
    });
    connect(m_republish, &QAction::triggered, this, [this] {
        if (const auto r = m_current())
            Q_EMIT republishRequested(*r);
    });
    update();
}

QAction* MessageActions::make(const QString& text, const QString& name, const QKeySequence& keys,
                              const QString& tip, QWidget* parent)
{
    auto* action = new QAction(text, parent);
    action->setObjectName(name);
    if (!keys.isEmpty()) {
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
    } else {
        action->setToolTip(tip);
    }
    parent->addAction(action); // the shortcut works anywhere in the pane
    return action;
}

void MessageActions::setConnection(const QString& bootstrap, const KafkaConfig& config)
{
    m_bootstrap = bootstrap;
    m_config = config;
}

void MessageActions::update(const MessageInfo& info)
{
    const KafkaRecord* r = m_current();
    m_info = info;
    const bool any = r != nullptr;
    m_copyValue->setEnabled(any && r->value);
    m_saveValue->setEnabled(any && r->value);
    m_copyKcat->setEnabled(any);
    // The preview's context is a JSON object.
    m_useAsContext->setEnabled(any && info.format == ValueFormat::Json && r->value &&
                               r->value->find_first_not_of(" \t\r\n") != std::string::npos &&
                               (*r->value)[r->value->find_first_not_of(" \t\r\n")] == '{');
    m_report->setEnabled(any && (!info.ids.nodeRun.isNull() || !info.ids.actionRun.isNull()));
    m_republish->setEnabled(any);
}

void MessageActions::addTo(QWidget* widget) const
{
    widget->addActions(
        {m_copyValue, m_copyKcat, m_useAsContext, m_report, m_republish, m_saveValue});
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishpane.h"

#include "gui/connection/errordetails.h"

#include "ui_publishpane.h"

#include "core/appsettings.h"
#include "core/headertext.h"
#include "core/portsignature.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "gui/systemtheme.h"
#include "kafka/kafkaerrors.h"
#include "kafka/publishsession.h"
#include "sandbox/sandbox.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtConcurrent>

namespace porthole {

namespace {
constexpr int kMaxRowsShown = 2000; // every report is counted; the list shows the first ones
}

PublishPane::PublishPane(Session* session, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::PublishPane>()),
      m_shared(session ? session : new Session(nullptr, this))
{
    // The form is ui/publishpane.ui (labels with mnemonics, object names the tests use);
    // behaviour is here.
    m_ui->setupUi(this);
    m_bootstrap = m_ui->publishBootstrap;
    m_topic = m_ui->publishTopic;
    m_key = m_ui->publishKey;
    m_headers = m_ui->publishHeaders;
    m_repeat = m_ui->publishRepeat;
    m_publishButton = m_ui->publishButton;
    m_cancelButton = m_ui->publishCancel;
    m_progress = m_ui->publishProgress;
    m_reports = m_ui->deliveryReports;
    m_summary = m_ui->publishSummary;
    m_sign = m_ui->publishSign;
    m_reports->header()->setStretchLastSection(true);
    // Narrow number columns leave the Result (the reason a message failed) the width: at
    // 1024×700 the default 100 px each pushed it behind a scroll bar.
    // Partition holds "not delivered" for a failed message.
    for (const auto& [column, width] : {std::pair{0, 44}, {1, 96}, {2, 64}, {3, 84}})
        m_reports->setColumnWidth(column, width);
    // A failure's cause is the summary line; librdkafka's own text folds under it.
    m_errorDetails = new ErrorDetails(this);
    m_errorDetails->setObjectName(QStringLiteral("publishErrorDetails"));
    m_ui->publishLayout->insertWidget(m_ui->publishLayout->indexOf(m_summary) + 1, m_errorDetails);

    m_topicNote = new QLabel(this);
    m_topicNote->setObjectName(QStringLiteral("publishTopicNote"));
    m_topicNote->setBuddy(m_topic);
    m_ui->publishForm->insertRow(2, QString(), m_topicNote);

    connect(m_publishButton, &QPushButton::clicked, this, &PublishPane::publish);
    connect(m_cancelButton, &QPushButton::clicked, this, &PublishPane::cancel);
    ConnectionState* conn = m_shared->connection();
    connect(conn, &ConnectionState::changed, this, &PublishPane::connectionChanged);
    connect(m_topic, &QLineEdit::editingFinished, this,
            [conn, this] { conn->setTopicOverride(m_topic->text()); });
    connect(m_topicNote, &QLabel::linkActivated, this, [conn] { conn->setTopicOverride({}); });
    connectionChanged();
    loadSettings();
    setMessages({});
}

PublishPane::~PublishPane()
{
    m_cancel = true;
    m_future.waitForFinished(); // the worker reports through this object: let it end first
    saveSettings();
}

void PublishPane::loadSettings()
{
    // What the user typed last time (never a secret: key, headers, repeats). Saved when a
    // publish starts and when the pane goes, not on every keystroke.
    m_key->setText(AppSettings::publishKey.value());
    m_headers->setPlainText(AppSettings::publishHeaders.value());
    m_repeat->setValue(AppSettings::publishRepeat.value());
}

void PublishPane::saveSettings() const
{
    if (AppSettings::publishKey.value() != m_key->text())
        AppSettings::publishKey.setValue(m_key->text());
    if (AppSettings::publishHeaders.value() != m_headers->toPlainText())
        AppSettings::publishHeaders.setValue(m_headers->toPlainText());
    if (AppSettings::publishRepeat.value() != m_repeat->value())
        AppSettings::publishRepeat.setValue(m_repeat->value());
}

void PublishPane::setRepeat(int times)
{
    m_repeat->setValue(times);
}

int PublishPane::repeat() const
{
    return m_repeat->value();
}

void PublishPane::setSigned(bool on)
{
    m_sign->setChecked(on);
}

void PublishPane::connectionChanged()
{
    const ConnectionState* conn = m_shared->connection();
    const KafkaTarget target = conn->effective();
    m_bootstrap->setText(target.bootstrap());
    m_bootstrap->setToolTip(
        tr("Connection %1: choose another in the toolbar's Kafka picker (Ctrl+K)")
            .arg(target.name.isEmpty() ? target.bootstrap() : target.name));
    if (m_topic->text().trimmed() != target.topic)
        m_topic->setText(target.topic);
    const bool overridden = !conn->topicOverride().isEmpty();
    m_topicNote->setText(overridden ? tr("Overrides the connection's topic · <a "
                                         "href=\"reset\">use %1</a> (Runs reads it too)")
                                          .arg(conn->target().topic.toHtmlEscaped())
                                    : QString());
    m_topicNote->setVisible(overridden);
}

void PublishPane::setMessages(std::vector<std::string> messages)
{
    m_messages = std::move(messages);
    // Port signs what it sends to its agent: on by default for agent-bound messages, a choice
    // (off) for other node messages, like the envelope guess.
    bool forAgent = false;
    for (const std::string& m : m_messages)
        forAgent = forAgent || PortSignature::addressedToAgent(m);
    if (forAgent != m_lastForAgent && !m_running) {
        m_sign->setChecked(forAgent);
        m_lastForAgent = forAgent;
    }
    if (!m_running) {
        m_publishButton->setEnabled(!m_messages.empty());
        m_summary->setText(m_messages.empty() ? tr("Nothing to publish: the node does not render.")
                                              : tr("%n rendered message(s) ready.", nullptr,
                                                   int(m_messages.size())));
    }
}

void PublishPane::publish()
{
    if (m_running || m_messages.empty())
        return;
    const ConnectionState* conn = m_shared->connection();
    const KafkaTarget target = conn->effective();
    if (target.bootstrap().isEmpty() || target.topic.isEmpty()) {
        m_summary->setText(tr("Choose a Kafka connection in the toolbar first (Ctrl+K)."));
        return;
    }
    saveSettings();
    KafkaConfig config = target.config;
    config.set("message.timeout.ms", "15000");
    QString headerError;
    const auto headers = HeaderText::parseLines(m_headers->toPlainText(), &headerError);
    if (!headers) {
        m_summary->setText(tr("Headers, %1.").arg(headerError));
        return;
    }
    OutgoingMessage base;
    base.topic = target.topic.toStdString();
    if (!m_key->text().isEmpty())
        base.key = m_key->text().toStdString();
    base.headers = *headers;
    const qint64 total = qint64(m_messages.size()) * m_repeat->value();

    PublishPlan plan;
    plan.config = config;
    plan.proto = base;
    plan.values = m_messages;
    plan.times = m_repeat->value();
    plan.sameRunIds = m_ui->publishSameIds->isChecked();
    Sandbox* sandbox = conn->isSandbox() ? conn->sandbox() : nullptr;
    if (m_sign->isChecked()) {
        // The sandbox's own secret on the sandbox, the Port account's elsewhere; memory only.
        const QString secret = conn->signingSecret();
        if (secret.isEmpty()) {
            m_summary->setText(tr("Signing needs the client secret: type it in the Report tab."));
            return;
        }
        plan.signingSecret = secret.toStdString();
    }
    auto session = std::make_shared<PublishSession>(std::move(plan));
    std::string error;
    if (!session->prepare(&error)) {
        m_summary->setText(tr("Not published: %1").arg(QString::fromStdString(error)));
        return;
    }
    // Port creates a run before publishing it: the sandbox learns these runs now, so a consumer
    // that reports the instant a message lands finds its run.
    if (sandbox)
        sandbox->registerPublished(*session); // the ids sent: fresh ones when repeating

    m_running = true;
    m_cancel = false;
    m_reports->clear();
    m_errorDetails->setDetails({});
    m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_publishButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_summary->setText(tr("Publishing %n message(s)…", nullptr, int(total)));
    // The values as sent (each repeat names its own runs), as far as the run ledger follows
    // delivery reports.
    std::vector<std::string> sent;
    const uint64_t told = std::min<uint64_t>(session->total(), kMaxRowsShown);
    for (uint64_t n = 0; n < told; ++n)
        sent.push_back(session->unsignedValueAt(n));
    Q_EMIT publishStarted(sent, target.topic, plan.signingSecret.has_value());

    m_future = QtConcurrent::run([this, session, total] {
        qint64 done = 0, failed = 0;
        QList<QStringList> rows;
        QList<DeliveryReport> delivered; // for the run ledger, like the rows
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        auto flush = [&](bool force) {
            if (!force && sinceUpdate.elapsed() < 50)
                return; // the UI hears at most every 50 ms
            sinceUpdate.restart();
            QMetaObject::invokeMethod(
                this,
                [=, this] {
                    if (!delivered.isEmpty())
                        Q_EMIT messagesDelivered(delivered);
                    onProgress(done, total, failed, rows);
                },
                Qt::QueuedConnection);
            rows.clear();
            delivered.clear();
        };
        const PublishSummary s = session->run(
            [&](const DeliveryReport& r) {
                ++done;
                failed += !r.delivered();
                // A failed message has no partition or offset (librdkafka says -1): it reads
                // "not delivered" with the cause in words; the original text rides along (6th
                // entry) for the cell's tooltip.
                const bool ok = r.delivered();
                if (done <= kMaxRowsShown)
                    rows << QStringList{QString::number(r.index + 1),
                                        ok ? QString::number(r.partition) : tr("not delivered"),
                                        ok ? QString::number(r.offset) : QStringLiteral("–"),
                                        QStringLiteral("%1 ms").arg(r.latencyMs, 0, 'f', 1),
                                        ok ? tr("delivered")
                                           : QString::fromStdString(KafkaErrors::summary(r.error)),
                                        QString::fromStdString(r.error)};
                if (done <= kMaxRowsShown)
                    delivered << r;
                flush(false);
            },
            [&] { flush(false); }, &m_cancel);
        flush(true);
        const QString setup = QString::fromStdString(session->setupError());
        const QString fatal = QString::fromStdString(s.fatal); // why the broker cannot be used
        const qint64 notSent = qint64(s.total - s.sent);
        QMetaObject::invokeMethod(
            this,
            [=, this] {
                onFinished(qint64(s.delivered), qint64(s.failed),
                           !setup.isEmpty()   ? setup
                           : !fatal.isEmpty() ? fatal
                           : s.cancelled
                               ? tr("cancelled; %n message(s) were not sent", nullptr, int(notSent))
                               : QString());
            },
            Qt::QueuedConnection);
    });
}

void PublishPane::cancel()
{
    m_cancel = true;
}

void PublishPane::onProgress(qint64 done, qint64 total, qint64 failed,
                             const QList<QStringList>& rows)
{
    m_progress->setValue(int(std::min<qint64>(done, INT_MAX)));
    QList<QTreeWidgetItem*> items;
    for (const QStringList& r : rows) {
        auto* item = new QTreeWidgetItem(r.mid(0, 5));
        if (r.at(4) != tr("delivered")) {
            for (int column : {1, 4})
                item->setForeground(column, SystemTheme::color(SystemTheme::Tone::Problem));
            item->setToolTip(4, r.value(5));
        }
        items << item;
    }
    m_reports->addTopLevelItems(items);
    m_summary->setText(tr("%1 of %2 reported, %3 failed…").arg(done).arg(total).arg(failed));
}

void PublishPane::onFinished(qint64 delivered, qint64 failed, const QString& error)
{
    m_running = false;
    m_progress->setVisible(false);
    m_cancelButton->setEnabled(false);
    m_publishButton->setEnabled(!m_messages.empty());
    QString text = tr("%1 delivered, %2 failed.").arg(delivered).arg(failed);
    // The cause in words; librdkafka's own (broker names, states) under Details.
    const QString cause = QString::fromStdString(KafkaErrors::summary(error.toStdString()));
    if (!error.isEmpty())
        text += QLatin1Char(' ') + cause;
    m_summary->setText(text);
    m_errorDetails->setDetails(cause == error ? QString() : error);
    Q_EMIT publishFinished(delivered, failed);
}

} // namespace porthole

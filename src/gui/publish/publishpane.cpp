#include "publishpane.h"

#include "core/portsignature.h"
#include "kafka/publishsession.h"
#include "sandbox/sandbox.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace porthole {

namespace {
constexpr int kMaxRowsShown = 2000; // every report is counted; the list shows the first ones
}

PublishPane::PublishPane(QWidget* parent)
    : QWidget(parent), m_bootstrap(new QLineEdit(this)), m_topic(new QLineEdit(this)),
      m_key(new QLineEdit(this)), m_headers(new QPlainTextEdit(this)), m_repeat(new QSpinBox(this)),
      m_publishButton(new QPushButton(tr("Publish"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)),
      m_reports(new QTreeWidget(this)), m_summary(new QLabel(this)),
      m_sign(new QCheckBox(tr("Sign like Port"), this))
{
    m_sign->setObjectName(QStringLiteral("publishSign"));
    m_sign->setToolTip(tr("Adds headers.X-Port-Signature and X-Port-Timestamp exactly as Port's "
                          "execution agent verifies them: with the sandbox's secret on the "
                          "sandbox, with the Report tab's client secret elsewhere (kept in "
                          "memory only). Port's agent drops unsigned messages. Whether Port "
                          "signs messages for other consumers of a KAFKA node is not "
                          "documented."));
    setObjectName(QStringLiteral("publishPane"));
    m_bootstrap->setObjectName(QStringLiteral("publishBootstrap"));
    m_topic->setObjectName(QStringLiteral("publishTopic"));
    m_key->setObjectName(QStringLiteral("publishKey"));
    m_key->setPlaceholderText(tr("none (Port's own messages carry no documented key)"));
    m_headers->setObjectName(QStringLiteral("publishHeaders"));
    m_headers->setPlaceholderText(tr("NAME=VALUE, one per line"));
    m_headers->setMaximumHeight(60);
    m_repeat->setObjectName(QStringLiteral("publishRepeat"));
    m_repeat->setRange(1, 1000000);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_cancelButton->setObjectName(QStringLiteral("publishCancel"));
    m_cancelButton->setEnabled(false);
    m_progress->setObjectName(QStringLiteral("publishProgress"));
    m_progress->setVisible(false);
    m_reports->setObjectName(QStringLiteral("deliveryReports"));
    m_reports->setHeaderLabels(
        {tr("#"), tr("Partition"), tr("Offset"), tr("Latency"), tr("Result")});
    m_reports->setRootIsDecorated(false);
    m_reports->setAlternatingRowColors(true);
    m_reports->header()->setStretchLastSection(true);
    m_summary->setObjectName(QStringLiteral("publishSummary"));
    m_summary->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Broker"), m_bootstrap);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(tr("Key"), m_key);
    form->addRow(tr("Headers"), m_headers);
    form->addRow(tr("Repeat"), m_repeat);
    form->addRow(QString(), m_sign);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_publishButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_reports, 1);

    connect(m_publishButton, &QPushButton::clicked, this, &PublishPane::publish);
    connect(m_cancelButton, &QPushButton::clicked, this, &PublishPane::cancel);
    setMessages({});
}

PublishPane::~PublishPane()
{
    m_cancel = true;
    m_future.waitForFinished(); // the worker reports through this object: let it end first
}

void PublishPane::setConnection(const KafkaTarget& target)
{
    m_kafka = target.config;
    m_kafka.remove("bootstrap.servers"); // the field says which brokers
    m_bootstrap->setText(target.bootstrap());
    m_topic->setText(target.topic);
    m_bootstrap->setToolTip(target.name.isEmpty() ? QString()
                                                  : tr("Connection: %1").arg(target.name));
}

void PublishPane::setSandbox(Sandbox* sandbox)
{
    m_sandbox = sandbox;
}

void PublishPane::setSecretSource(std::function<QString()> source)
{
    m_secretSource = std::move(source);
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
    KafkaConfig config = m_kafka;
    config.set("bootstrap.servers", m_bootstrap->text().trimmed().toStdString());
    config.set("message.timeout.ms", "15000");
    std::vector<std::pair<std::string, std::string>> headers;
    for (const QString& line :
         m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            m_summary->setText(tr("Header \"%1\" is not NAME=VALUE.").arg(line));
            return;
        }
        headers.emplace_back(line.left(eq).trimmed().toStdString(), line.mid(eq + 1).toStdString());
    }
    OutgoingMessage base;
    base.topic = m_topic->text().trimmed().toStdString();
    if (!m_key->text().isEmpty())
        base.key = m_key->text().toStdString();
    base.headers = headers;
    const qint64 total = qint64(m_messages.size()) * m_repeat->value();

    PublishPlan plan;
    plan.config = config;
    plan.proto = base;
    plan.values = m_messages;
    plan.times = m_repeat->value();
    const bool toSandbox = m_sandbox && m_sandbox->isRunning() &&
                           m_bootstrap->text().trimmed() == m_sandbox->bootstrap();
    if (m_sign->isChecked()) {
        // The sandbox's own secret on the sandbox, the Report tab's elsewhere; memory only.
        const QString secret =
            toSandbox ? m_sandbox->clientSecret() : (m_secretSource ? m_secretSource() : QString());
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
    if (toSandbox)
        for (const std::string& v : m_messages)
            m_sandbox->registerPublished(QByteArray::fromStdString(v));

    m_running = true;
    m_cancel = false;
    m_reports->clear();
    m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_publishButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_summary->setText(tr("Publishing %n message(s)…", nullptr, int(total)));
    Q_EMIT publishStarted(m_messages, m_topic->text().trimmed(), plan.signingSecret.has_value());

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
                if (done <= kMaxRowsShown)
                    rows << QStringList{QString::number(r.index + 1), QString::number(r.partition),
                                        QString::number(r.offset),
                                        QStringLiteral("%1 ms").arg(r.latencyMs, 0, 'f', 1),
                                        r.delivered() ? tr("delivered")
                                                      : QString::fromStdString(r.error)};
                if (done <= kMaxRowsShown)
                    delivered << r;
                flush(false);
            },
            [&] { flush(false); }, &m_cancel);
        flush(true);
        const QString setup = QString::fromStdString(session->setupError());
        const qint64 notSent = qint64(s.total - s.sent);
        QMetaObject::invokeMethod(
            this,
            [=, this] {
                onFinished(qint64(s.delivered), qint64(s.failed),
                           !setup.isEmpty() ? setup
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
        auto* item = new QTreeWidgetItem(r);
        if (r.last() != tr("delivered"))
            item->setForeground(4, QColor(0xb7, 0x1c, 0x1c));
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
    if (!error.isEmpty())
        text += QLatin1Char(' ') + error;
    m_summary->setText(text);
    Q_EMIT publishFinished(delivered, failed);
}

} // namespace porthole

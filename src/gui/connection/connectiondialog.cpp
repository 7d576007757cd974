// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialog.h"

#include "errordetails.h"

#include "ui_connectiondialog.h"

#include "gui/secretstore.h"
#include "gui/systemtheme.h"
#include "kafka/connectiontester.h"
#include "portapi/kafkaaccessfetch.h"
#include "portapi/portclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace porthole {

namespace {

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string toStd(const QLineEdit* edit)
{
    return edit->text().trimmed().toStdString();
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectionDialog>())
{
    // The form is ui/connectiondialog.ui (labels with mnemonics, tab order); behaviour is here.
    m_ui->setupUi(this);
    m_name = m_ui->connectionName;
    m_bootstrap = m_ui->connectionBootstrap;
    m_protocol = m_ui->connectionProtocol;
    m_mechanism = m_ui->connectionMechanism;
    m_username = m_ui->connectionUsername;
    m_password = m_ui->connectionPassword;
    m_remember = m_ui->connectionRemember;
    m_keyringNote = m_ui->connectionKeyringNote;
    m_caFile = m_ui->connectionCaFile;
    m_org = m_ui->connectionOrg;
    m_topicHint = m_ui->connectionTopicHint;
    m_testButton = m_ui->connectionTest;
    m_busy = m_ui->connectionBusy;
    m_verdict = m_ui->connectionVerdict;
    m_details = new ErrorDetails(this);
    m_details->setObjectName(QStringLiteral("connectionDetails"));
    m_ui->dialogLayout->insertWidget(m_ui->dialogLayout->indexOf(m_verdict) + 1, m_details);
    m_buttons = m_ui->connectionButtons;
    m_protocol->addItems({QStringLiteral("PLAINTEXT"), QStringLiteral("SSL"),
                          QStringLiteral("SASL_PLAINTEXT"), QStringLiteral("SASL_SSL")});
    m_mechanism->addItems({QStringLiteral("SCRAM-SHA-512"), QStringLiteral("SCRAM-SHA-256"),
                           QStringLiteral("PLAIN")});
    m_keyringNote->setForegroundRole(QPalette::PlaceholderText);
    m_topicHint->setForegroundRole(QPalette::PlaceholderText);
    m_busy->setRange(0, 0); // a busy indicator: the test has no steps to count
    m_busy->setVisible(false);
    connect(m_ui->connectionBrowseCa, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("CA certificate"), m_caFile->text(), tr("PEM files (*.pem *.crt);;All (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });

    connect(m_protocol, &QComboBox::currentTextChanged, this, &ConnectionDialog::updateFields);
    connect(m_org, &QLineEdit::textChanged, this, &ConnectionDialog::updateFields);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_ui->connectionFromPort, &QPushButton::clicked, this, &ConnectionDialog::getFromPort);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    setProfile(ConnectionProfile{});
    resize(560, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setProfile(const ConnectionProfile& profile)
{
    m_original = profile;
    m_name->setText(fromStd(profile.name));
    m_bootstrap->setText(fromStd(profile.bootstrapServers));
    const int protocol = m_protocol->findText(fromStd(profile.securityProtocol));
    m_protocol->setCurrentIndex(protocol >= 0 ? protocol : 0);
    const int mechanism = m_mechanism->findText(fromStd(profile.saslMechanism));
    m_mechanism->setCurrentIndex(mechanism >= 0 ? mechanism : 0);
    m_username->setText(fromStd(profile.username));
    m_caFile->setText(fromStd(profile.caFile));
    m_org->setText(fromStd(profile.orgId));
    m_verdict->clear();
    m_details->setDetails({});
    updateFields();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p = m_original; // keeps the certificate files and extra properties
    p.name = toStd(m_name);
    p.bootstrapServers = toStd(m_bootstrap);
    p.securityProtocol = m_protocol->currentText().toStdString();
    p.saslMechanism = usesSasl() ? m_mechanism->currentText().toStdString() : std::string();
    p.username = usesSasl() ? toStd(m_username) : std::string();
    p.caFile = usesTls() ? toStd(m_caFile) : std::string();
    p.orgId = toStd(m_org);
    return p;
}

void ConnectionDialog::setPassword(const QString& password)
{
    m_password->setText(password);
}

QString ConnectionDialog::password() const
{
    return usesSasl() ? m_password->text() : QString();
}

bool ConnectionDialog::rememberPassword() const
{
    return usesSasl() && m_remember->isChecked();
}

void ConnectionDialog::setRememberPassword(bool remember)
{
    m_remember->setChecked(remember);
}

void ConnectionDialog::setKeyringNote(const QString& text)
{
    m_keyringNote->setText(text);
    m_keyringNote->setVisible(!text.isEmpty() && usesSasl());
}

void ConnectionDialog::focusFirstMissing()
{
    for (QLineEdit* edit : {m_name, m_bootstrap, m_username, m_password, m_org}) {
        if (edit->isEnabled() && edit->text().trimmed().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
    m_buttons->button(QDialogButtonBox::Save)->setFocus();
}

QString ConnectionDialog::problem(bool forSaving) const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the connection a name.");
    if (m_name->text().trimmed() == QLatin1String("sandbox"))
        return tr("\"sandbox\" is the embedded broker's name: choose another.");
    if (m_bootstrap->text().trimmed().isEmpty())
        return tr("Enter the bootstrap servers (host:port).");
    if (usesSasl() && m_username->text().trimmed().isEmpty())
        return tr("Enter the SASL user name.");
    if (forSaving && m_org->text().trimmed().isEmpty())
        return tr("Enter the organisation id: the runs topic is <org>.runs.");
    const std::string invalid = profile().toKafkaConfig(password().toStdString()).validate();
    if (!invalid.empty())
        return tr("librdkafka refuses %1").arg(fromStd(invalid));
    return {};
}

void ConnectionDialog::testConnection()
{
    // The organisation id only names the runs topic: brokers and credentials can be tested
    // without it.
    const QString wrong = problem(false);
    if (!wrong.isEmpty()) {
        m_verdict->setStyleSheet(SystemTheme::css(SystemTheme::Tone::Problem));
        m_details->setDetails({});
        m_verdict->setText(wrong);
        Q_EMIT testFinished(false, wrong);
        return;
    }
    const ConnectionProfile p = profile();
    const KafkaConfig config = p.toKafkaConfig(password().toStdString());
    const std::string topic = p.orgId.empty() ? std::string() : p.orgId + ".runs";
    const int timeoutMs = m_testTimeoutMs;
    const quint64 number = ++m_testNumber;
    m_busy->setVisible(true);
    m_verdict->setStyleSheet(QString());
    m_details->setDetails({});
    m_verdict->setText(tr("Connecting to %1…").arg(fromStd(p.bootstrapServers)));
    // The tester answers within its timeout whatever the cluster does; `this` as the context
    // drops the answer if the dialog is gone by then.
    QtConcurrent::run([config, topic, timeoutMs] {
        return ConnectionTester::test(config, topic, timeoutMs);
    }).then(this, [this, number](const ConnectionVerdict& v) { showVerdict(number, v); });
}

QString ConnectionDialog::verdictText() const
{
    return m_verdict->text();
}

void ConnectionDialog::accept()
{
    const QString wrong = problem();
    if (!wrong.isEmpty()) {
        m_details->setDetails({});
        m_verdict->setText(wrong);
        focusFirstMissing();
        return;
    }
    QDialog::accept();
}

bool ConnectionDialog::usesSasl() const
{
    return m_protocol->currentText().startsWith(QLatin1String("SASL_"));
}

bool ConnectionDialog::usesTls() const
{
    return m_protocol->currentText().endsWith(QLatin1String("SSL"));
}

void ConnectionDialog::updateFields()
{
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_mechanism, m_username, m_password, m_remember})
        w->setEnabled(usesSasl());
    m_keyringNote->setVisible(usesSasl() && !m_keyringNote->text().isEmpty());
    m_caFile->setEnabled(usesTls());
    const QString org = m_org->text().trimmed();
    m_topicHint->setText(org.isEmpty() ? tr("Runs topic: <org>.runs")
                                       : tr("Runs topic: %1.runs").arg(org));
}

void ConnectionDialog::showVerdict(quint64 number, const ConnectionVerdict& v)
{
    if (number != m_testNumber)
        return; // the fields changed and a newer test runs
    m_busy->setVisible(false);
    // The cause in words; librdkafka's own text folded under Details, not under the line.
    const QString text =
        v.ok() ? tr("✔ %1").arg(fromStd(v.message)) : tr("✖ %1").arg(fromStd(v.message));
    m_verdict->setText(text);
    m_details->setDetails(v.ok() ? QString() : fromStd(v.detail));
    m_verdict->setStyleSheet(
        SystemTheme::css(v.ok() ? SystemTheme::Tone::Good : SystemTheme::Tone::Problem));
    Q_EMIT testFinished(v.ok(), fromStd(v.message));
}

void ConnectionDialog::getFromPort()
{
    if (m_fetch || !m_secretKey.isEmpty())
        return; // one at a time
    const PortApiAccount& a = m_portAccount;
    if (a.baseUrl.trimmed().isEmpty() || a.clientId.trimmed().isEmpty()) {
        portFailed(tr("Port's API needs a client id and secret: enter them in the Report tab "
                      "(Ctrl+4), then try again."));
        return;
    }
    QString error;
    if (!PortClientConfig::parseBaseUrl(a.baseUrl.trimmed(), &error)) {
        portFailed(tr("The Report tab's API address is not usable: %1").arg(error));
        return;
    }
    if (!a.clientSecret.isEmpty()) {
        fetchWithSecret(a.clientSecret);
        return;
    }
    // No secret typed in this session: the keyring may have one for this client id and API.
    m_secretKey = SecretStore::portSecretKey(a.clientId.trimmed(), QUrl(a.baseUrl.trimmed()));
    if (!m_secrets) {
        m_secrets = new SecretStore(this);
        connect(m_secrets, &SecretStore::secretRead, this,
                [this](const QString& key, SecretStore::Status status, const QString& secret,
                       const QString& message) {
                    if (key != m_secretKey)
                        return;
                    m_secretKey.clear();
                    if (status == SecretStore::Ok && !secret.isEmpty())
                        fetchWithSecret(secret);
                    else
                        portFailed(status == SecretStore::NotFound
                                       ? tr("No client secret for %1: type it in the Report tab "
                                            "(Ctrl+4); the system keyring has none stored.")
                                             .arg(m_portAccount.clientId)
                                       : tr("No client secret: type it in the Report tab (Ctrl+4); "
                                            "the system keyring did not answer (%1).")
                                             .arg(message));
                });
    }
    m_busy->setVisible(true);
    m_verdict->setStyleSheet(QString());
    m_details->setDetails({});
    m_verdict->setText(tr("Looking up the client secret in the system keyring…"));
    m_secrets->read(m_secretKey);
}

void ConnectionDialog::fetchWithSecret(const QString& secret)
{
    PortClientConfig config;
    QString error;
    config.baseUrl = *PortClientConfig::parseBaseUrl(m_portAccount.baseUrl.trimmed(), &error);
    config.clientId = m_portAccount.clientId.trimmed();
    config.clientSecret = secret;
    config.timeoutMs = m_portTimeoutMs;
    config.maxAttempts = 2; // someone waits in front of the dialog
    if (!m_portClient)
        m_portClient = new PortClient(config, this);
    else
        m_portClient->setConfig(config);
    m_busy->setVisible(true);
    m_verdict->setStyleSheet(QString());
    m_details->setDetails({});
    m_verdict->setText(
        tr("Asking %1 for the Kafka credentials…").arg(m_portClient->urlFor(QString()).toString()));
    m_fetch = new KafkaAccessFetch(m_portClient, this);
    connect(m_fetch, &KafkaAccessFetch::finished, this, &ConnectionDialog::fillFromPort);
}

void ConnectionDialog::fillFromPort()
{
    KafkaAccessFetch* fetch = m_fetch;
    m_fetch = nullptr;
    fetch->deleteLater();
    if (!fetch->errorString().isEmpty()) {
        portFailed(tr("Could not get the Kafka settings from Port: %1").arg(fetch->errorString()));
        return;
    }
    const KafkaAccess& access = fetch->access();
    const PortResponse::KafkaCredentials& c = access.credentials;
    m_bootstrap->setText(c.brokers.join(QLatin1Char(',')));
    if (c.username.isEmpty()) {
        // A broker without SASL (the sandbox's): nothing to log in with.
        m_protocol->setCurrentIndex(m_protocol->findText(QStringLiteral("PLAINTEXT")));
        m_username->clear();
        m_password->clear();
    } else {
        // Port's brokers: SASL_SSL with SCRAM-SHA-512 (port-reference §6); a SASL choice the
        // user made is kept.
        if (!usesSasl())
            m_protocol->setCurrentIndex(m_protocol->findText(QStringLiteral("SASL_SSL")));
        if (m_mechanism->currentText() == QLatin1String("PLAIN"))
            m_mechanism->setCurrentIndex(m_mechanism->findText(QStringLiteral("SCRAM-SHA-512")));
        m_username->setText(c.username);
        m_password->setText(c.password); // memory; the keyring on Save when Remember is checked
    }
    m_org->setText(access.orgId);
    if (m_name->text().trimmed().isEmpty())
        m_name->setText(tr("Port %1").arg(access.orgId));
    updateFields();
    m_busy->setVisible(false);
    const QString message =
        tr("Filled in from Port: %n broker(s), ", nullptr, int(c.brokers.size())) +
        (c.username.isEmpty() ? tr("no SASL user (plain connection)")
                              : tr("SASL user %1 with its password").arg(c.username)) +
        tr(", organisation %1 (topic %1.runs). Test the connection, then save.").arg(access.orgId);
    m_verdict->setStyleSheet(SystemTheme::css(SystemTheme::Tone::Good));
    m_details->setDetails({});
    m_verdict->setText(tr("✔ %1").arg(message));
    Q_EMIT portFetchFinished(true, message);
}

void ConnectionDialog::portFailed(const QString& why)
{
    m_busy->setVisible(false);
    m_verdict->setStyleSheet(SystemTheme::css(SystemTheme::Tone::Problem));
    m_details->setDetails({});
    m_verdict->setText(tr("✖ %1").arg(why));
    Q_EMIT portFetchFinished(false, why);
}

} // namespace porthole

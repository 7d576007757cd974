#include "previewpane.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/signaturefragility.h"
#include "template/contextmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace porthole {

namespace {

QString pretty(const JsonValue& v)
{
    return v.isUndefined() ? QStringLiteral("undefined")
                           : QString::fromStdString(JsWriter::stringify(v, 2));
}

} // namespace

PreviewPane::PreviewPane(QWidget* parent)
    : QWidget(parent), m_preset(new QComboBox(this)), m_strict(new QCheckBox(tr("Strict"), this)),
      m_arrayMode(new QComboBox(this)), m_tabs(new QTabWidget(this)),
      m_messages(new QPlainTextEdit(this)), m_templates(new QTreeWidget(this)),
      m_contextEdit(new QPlainTextEdit(this)), m_contextStatus(new QLabel(this)),
      m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("previewPane"));
    m_preset->setObjectName(QStringLiteral("contextPreset"));
    m_preset->addItem(tr("Workflow run context"), int(ContextModel::Preset::Workflow));
    m_preset->addItem(tr("Self-service action context"), int(ContextModel::Preset::Action));
    m_strict->setObjectName(QStringLiteral("strictMode"));
    m_strict->setToolTip(tr("Port's default is lenient: a failing template becomes null. Strict "
                            "mode (throwOnError) fails the whole render instead."));
    m_arrayMode->setObjectName(QStringLiteral("arrayMode"));
    m_arrayMode->addItem(tr("Array: one message per element"));
    m_arrayMode->addItem(tr("Array: one message"));
    m_arrayMode->setToolTip(tr("Port does not document how an array payload is published; "
                               "one message per element is Porthole's default guess."));
    auto* newIds = new QPushButton(tr("New run ids"), this);
    newIds->setObjectName(QStringLiteral("newRunIds"));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_messages->setObjectName(QStringLiteral("renderedMessages"));
    m_messages->setReadOnly(true);
    m_messages->setFont(mono);
    m_templates->setObjectName(QStringLiteral("templateValues"));
    m_templates->setHeaderLabels({tr("Template"), tr("Value or error"), tr("Where")});
    m_templates->setRootIsDecorated(false);
    m_templates->setAlternatingRowColors(true);
    m_templates->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_templates->setColumnWidth(0, 260);
    m_templates->setColumnWidth(1, 260);
    m_contextEdit->setObjectName(QStringLiteral("contextEditor"));
    m_contextEdit->setFont(mono);
    m_contextStatus->setObjectName(QStringLiteral("contextStatus"));
    m_summary->setObjectName(QStringLiteral("renderSummary"));
    m_summary->setWordWrap(true);

    auto* contextTab = new QWidget(this);
    auto* contextLayout = new QVBoxLayout(contextTab);
    contextLayout->setContentsMargins(0, 4, 0, 0);
    contextLayout->addWidget(m_contextEdit, 1);
    contextLayout->addWidget(m_contextStatus);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_messages, tr("Messages"));
    m_tabs->addTab(m_templates, tr("Templates"));
    m_tabs->addTab(contextTab, tr("Context"));

    auto* row = new QHBoxLayout;
    row->addWidget(m_preset, 2);
    row->addWidget(newIds);
    row->addWidget(m_arrayMode, 2);
    row->addWidget(m_strict);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &PreviewPane::loadPreset);
    connect(newIds, &QPushButton::clicked, this, &PreviewPane::newRunIds);
    connect(m_strict, &QCheckBox::toggled, this, &PreviewPane::announce);
    connect(m_arrayMode, &QComboBox::currentIndexChanged, this, &PreviewPane::announce);
    connect(m_contextEdit, &QPlainTextEdit::textChanged, this, &PreviewPane::contextEdited);
    loadPreset();
}

RenderOptions PreviewPane::options() const
{
    RenderOptions o;
    o.strict = m_strict->isChecked();
    o.arrayMode = m_arrayMode->currentIndex() == 0 ? RenderOptions::ArrayMode::Split
                                                   : RenderOptions::ArrayMode::Single;
    o.orgId = "sandbox";
    return o;
}

void PreviewPane::loadPreset()
{
    m_context = ContextModel::preset(ContextModel::Preset(m_preset->currentData().toInt()));
    m_settingContext = true;
    m_contextEdit->setPlainText(pretty(m_context));
    m_settingContext = false;
    m_contextStatus->setText(tr("Context from the preset, with fresh run ids."));
    announce();
}

void PreviewPane::newRunIds()
{
    m_context = ContextModel::refreshIds(m_context);
    m_settingContext = true;
    m_contextEdit->setPlainText(pretty(m_context));
    m_settingContext = false;
    announce();
}

void PreviewPane::contextEdited()
{
    if (m_settingContext)
        return;
    const JsonDocument doc = JsonParser::parse(m_contextEdit->toPlainText().toStdString());
    if (!doc.ok()) {
        const Diagnostic& d = doc.diagnostics.front();
        m_contextStatus->setText(tr("Context not applied: line %1, column %2: %3")
                                     .arg(d.range.begin.line)
                                     .arg(d.range.begin.column)
                                     .arg(QString::fromStdString(d.message)));
        return;
    }
    m_context = doc.root->toValue();
    m_contextStatus->setText(tr("Context applied."));
    announce();
}

void PreviewPane::announce()
{
    Q_EMIT renderInputChanged(m_context, options());
}

void PreviewPane::showRender(const std::shared_ptr<const RenderedNode>& r)
{
    if (!r)
        return;
    if (!r->ok) {
        m_summary->setText(
            tr("<b>Not renderable:</b> %1").arg(QString::fromStdString(r->error).toHtmlEscaped()));
        m_messages->setPlainText(
            tr("Nothing would be published.\n\n%1").arg(QString::fromStdString(r->error)));
    } else {
        int failed = 0;
        for (const auto& t : r->templates)
            failed += !t.ok;
        m_summary->setText(
            tr("%n message(s) would be published", nullptr, int(r->messages.size())) +
            (failed ? tr(" · <span style='color:#b71c1c'>%n template(s) failed and render null, as "
                         "in Port's lenient mode</span>",
                         nullptr, failed)
                    : QString()) +
            tr(" · <i>envelope fields are Porthole's guess; Port does not document them</i>"));
        QString text;
        int fragile = 0;
        for (size_t i = 0; i < r->messages.size(); ++i) {
            const JsonDocument doc = JsonParser::parse(r->messages[i]);
            text += tr("// message %1 of %2\n").arg(i + 1).arg(r->messages.size());
            // Port's agent verifies signatures over Python's spelling of the message; values
            // JavaScript spells differently make a signature that only a Python-exact verifier
            // accepts.
            std::vector<SignatureFragility::Finding> findings;
            if (doc.ok())
                findings = SignatureFragility::find(doc.root->toValue());
            for (const auto& f : findings)
                text += tr("// signature fragile at %1: %2\n")
                            .arg(QString::fromStdString(f.path), QString::fromStdString(f.reason));
            fragile += int(findings.size());
            text += doc.ok() ? pretty(doc.root->toValue()) : QString::fromStdString(r->messages[i]);
            text += QStringLiteral("\n\n");
        }
        m_messages->setPlainText(text);
        if (fragile > 0)
            m_summary->setText(m_summary->text() +
                               tr(" · <span style='color:#b26a00'>a signature would be fragile at "
                                  "%n value(s) (see the messages)</span>",
                                  nullptr, fragile));
    }
    m_templates->clear();
    QList<QTreeWidgetItem*> items;
    for (const auto& t : r->templates) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, QStringLiteral("{{%1}}").arg(QString::fromStdString(t.expression)));
        if (!t.ok) {
            item->setText(1, QString::fromStdString(t.error));
            item->setForeground(1, QColor(0xb7, 0x1c, 0x1c));
        } else if (t.undefinedValue) {
            item->setText(1, QStringLiteral("undefined (no output)"));
        } else {
            item->setText(1, QString::fromStdString(JsWriter::stringify(t.value)));
        }
        item->setToolTip(1, item->text(1));
        item->setText(2, QStringLiteral("%1 · %2:%3")
                             .arg(QString::fromStdString(t.path))
                             .arg(t.range.begin.line)
                             .arg(t.range.begin.column));
        items << item;
    }
    m_templates->addTopLevelItems(items);
}

} // namespace porthole

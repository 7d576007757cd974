// SPDX-License-Identifier: GPL-3.0-or-later
#include "previewpane.h"

#include "core/appsettings.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/signaturefragility.h"
#include "gui/node/nodeeditor.h"
#include "gui/session/renderinputs.h"
#include "gui/session/session.h"
#include "gui/systemtheme.h"
#include "template/contextmodel.h"
#include "ui_previewpane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace porthole {

namespace {

QString pretty(const JsonValue& v)
{
    return v.isUndefined() ? QStringLiteral("undefined")
                           : QString::fromStdString(JsWriter::stringify(v, 2));
}

} // namespace

PreviewPane::PreviewPane(Session* session, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::PreviewPane>()),
      m_shared(session ? session : new Session(nullptr, this))
{
    // The form is ui/previewpane.ui; behaviour stays here.
    m_ui->setupUi(this);
    m_preset = m_ui->contextPreset;
    m_strict = m_ui->strictMode;
    m_arrayMode = m_ui->arrayMode;
    m_tabs = m_ui->previewTabs;
    m_messages = m_ui->renderedMessages;
    m_templates = m_ui->templateValues;
    // The same editor as the node's (line numbers, squiggles), since the context's errors cite
    // lines and columns.
    m_contextEdit = m_ui->contextEditor;
    m_contextStatus = m_ui->contextStatus;
    m_summary = m_ui->renderSummary;
    QPushButton* newIds = m_ui->newRunIds;
    m_preset->addItem(tr("Workflow run context"), int(ContextModel::Preset::Workflow));
    m_preset->addItem(tr("Self-service action context"), int(ContextModel::Preset::Action));
    // The CLI's --array-mode words; the tooltips say what they do.
    m_arrayMode->addItem(tr("Array: split"));
    m_arrayMode->setItemData(0, tr("An array payload becomes one message per element"),
                             Qt::ToolTipRole);
    m_arrayMode->addItem(tr("Array: single"));
    m_arrayMode->setItemData(1, tr("An array payload is published as one message"),
                             Qt::ToolTipRole);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_messages->setFont(mono);
    m_templates->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_templates->setColumnWidth(0, 260);
    m_templates->setColumnWidth(1, 260);
    connect(m_ui->contextLoad, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Load context"), AppSettings::lastFolder.value(), tr("JSON files (*.json)"));
        if (!path.isEmpty())
            loadContextFile(path);
    });
    connect(m_ui->contextSave, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save context"), AppSettings::lastFolder.value(), tr("JSON files (*.json)"));
        if (!path.isEmpty())
            saveContextFile(path);
    });

    // The options the user chose last time come back (never the context: it has run ids).
    m_preset->setCurrentIndex(
        std::clamp(AppSettings::previewPreset.value(), 0, m_preset->count() - 1));
    m_strict->setChecked(AppSettings::previewStrict.value());
    m_arrayMode->setCurrentIndex(std::clamp(AppSettings::previewArrayMode.value(), 0, 1));
    connect(m_preset, &QComboBox::currentIndexChanged, this,
            [](int i) { AppSettings::previewPreset.setValue(i); });
    connect(m_strict, &QCheckBox::toggled, this,
            [](bool on) { AppSettings::previewStrict.setValue(on); });
    connect(m_arrayMode, &QComboBox::currentIndexChanged, this,
            [](int i) { AppSettings::previewArrayMode.setValue(i); });
    connect(m_preset, &QComboBox::currentIndexChanged, this, &PreviewPane::loadPreset);
    connect(newIds, &QPushButton::clicked, this, &PreviewPane::newRunIds);
    connect(m_strict, &QCheckBox::toggled, this, &PreviewPane::announce);
    connect(m_arrayMode, &QComboBox::currentIndexChanged, this, &PreviewPane::announce);
    connect(m_contextEdit, &QsciScintilla::textChanged, this, &PreviewPane::contextEdited);
    // A watched message's value as the context ("Use as context" in the Runs tab).
    connect(m_shared, &Session::contextOffered, this, [this](const QByteArray& json) {
        setContextText(json);
        Q_EMIT m_shared->placeRequested(Session::Place::Preview);
    });
    connect(m_shared, &Session::contextOfferedFrom, this, &PreviewPane::useContext);
    loadPreset();
}

PreviewPane::~PreviewPane() = default;

void PreviewPane::useContext(const QByteArray& json, const QString& origin)
{
    m_settingContext = true; // not the user's edit: no draft, no preset edit
    m_contextEdit->setUtf8Text(std::string_view(json.constData(), size_t(json.size())));
    m_settingContext = false;
    const JsonDocument doc = JsonParser::parse(m_contextEdit->utf8Text());
    if (!doc.ok())
        return;
    m_context = doc.root->toValue();
    m_contextFile.clear();
    m_contextOrigin = origin;
    m_contextStatus->setText(origin);
    announce();
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

QByteArray PreviewPane::contextText() const
{
    const std::string t = m_contextEdit->utf8Text();
    return QByteArray(t.data(), qsizetype(t.size()));
}

void PreviewPane::setContextText(const QByteArray& text)
{
    m_contextEdit->setUtf8Text(std::string_view(text.constData(), size_t(text.size())));
    // contextEdited() applied it
}

bool PreviewPane::loadContextFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_contextStatus->setText(tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    setContextText(f.readAll()); // applied when it parses, squiggled where it does not
    m_contextFile = path;
    AppSettings::lastFolder.setValue(QFileInfo(path).absolutePath());
    return true;
}

bool PreviewPane::saveContextFile(const QString& path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(contextText()) < 0 || !f.commit()) {
        m_contextStatus->setText(tr("Cannot save %1: %2").arg(path, f.errorString()));
        return false;
    }
    AppSettings::lastFolder.setValue(QFileInfo(path).absolutePath());
    m_contextStatus->setText(tr("Context saved to %1.").arg(path));
    return true;
}

QString PreviewPane::contextDescription() const
{
    if (!m_contextFile.isEmpty())
        return tr("file %1").arg(QFileInfo(m_contextFile).fileName());
    if (!m_contextOrigin.isEmpty())
        return m_contextOrigin.section(QLatin1Char('\n'), 0, 0);
    QString name = m_preset->currentText();
    if (m_presetEdits.contains(m_shownPreset))
        name += tr(", edited");
    return name;
}

void PreviewPane::loadPreset()
{
    m_contextFile.clear();
    m_contextOrigin.clear();
    const int preset = m_preset->currentData().toInt();
    m_shownPreset = preset;
    if (const auto edited = m_presetEdits.constFind(preset); edited != m_presetEdits.cend()) {
        // Switching presets and back keeps what the user typed.
        const QString text = *edited;
        m_contextEdit->setUtf8Text(text.toStdString());
        return;
    }
    m_context = ContextModel::preset(ContextModel::Preset(preset));
    m_settingContext = true;
    m_contextEdit->setUtf8Text(pretty(m_context).toStdString());
    m_settingContext = false;
    m_contextStatus->setText(tr("Context from the preset, with fresh run ids."));
    announce();
}

void PreviewPane::newRunIds()
{
    m_context = ContextModel::refreshIds(m_context);
    m_settingContext = true;
    m_contextEdit->setUtf8Text(pretty(m_context).toStdString());
    m_settingContext = false;
    if (m_presetEdits.contains(m_shownPreset))
        m_presetEdits[m_shownPreset] = QString::fromStdString(m_contextEdit->utf8Text());
    announce();
}

void PreviewPane::contextEdited()
{
    if (m_settingContext)
        return;
    m_presetEdits[m_shownPreset] = QString::fromStdString(m_contextEdit->utf8Text());
    m_contextOrigin.clear();
    Q_EMIT contextEditedByUser();
    const JsonDocument doc = JsonParser::parse(m_contextEdit->utf8Text());
    m_contextEdit->setDiagnostics(doc.diagnostics); // squiggles where the errors are
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
    m_shared->render()->set(m_context, options(), contextDescription());
    Q_EMIT renderInputChanged(m_context, options());
}

void PreviewPane::usePreset(int index)
{
    m_preset->setCurrentIndex(index);
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
            (failed ? tr(" · <span style='color:%1'>%n template(s) failed and render null, as "
                         "in Port's lenient mode</span>",
                         nullptr, failed)
                          .arg(SystemTheme::color(SystemTheme::Tone::Problem).name())
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
                               tr(" · <span style='color:%1'>a signature would be fragile at "
                                  "%n value(s) (see the messages)</span>",
                                  nullptr, fragile)
                                   .arg(SystemTheme::color(SystemTheme::Tone::Caution).name()));
    }
    m_templates->clear();
    QList<QTreeWidgetItem*> items;
    for (const auto& t : r->templates) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, QStringLiteral("{{%1}}").arg(QString::fromStdString(t.expression)));
        if (!t.ok) {
            item->setText(1, QString::fromStdString(t.error));
            item->setForeground(1, SystemTheme::color(SystemTheme::Tone::Problem));
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

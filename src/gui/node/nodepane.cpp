// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodepane.h"

#include "nodeeditor.h"
#include "problemsview.h"

#include "core/jsonformatter.h"
#include "template/templatecompletion.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace porthole {

NodePane::NodePane(QWidget* parent)
    : QWidget(parent), m_editor(new NodeEditor(this)), m_problems(new ProblemsView(this)),
      m_status(new QLabel(this)), m_split(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("nodePane"));
    auto* split = m_split;
    split->setObjectName(QStringLiteral("nodeSplitter"));
    split->setChildrenCollapsible(false);
    m_editor->setAccessibleName(tr("Node"));
    split->addWidget(m_editor);
    split->addWidget(m_problems);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    m_status->setObjectName(QStringLiteral("lintStatus"));
    m_status->setContentsMargins(6, 2, 6, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    m_debounce.setSingleShot(true);
    // The analysis starts at the first key (it runs off the UI thread and coalesces: one in
    // flight, and one more with the newest text when it ends), so a burst of keys costs at most
    // two renders and a single key waits for no timer: a 20 ms debounce was 40% of the
    // keystroke-to-preview time (porthole-bench keystroke, 200 templates). nodeEdited() still
    // waits for a pause.
    m_debounce.setInterval(20);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        ++m_generation;
        startLint();
        m_debounce.start();
    });
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT nodeEdited(nodeText()); });
    connect(&m_lint, &QFutureWatcher<std::shared_ptr<const RenderedNode>>::finished, this,
            &NodePane::lintFinished);
    connect(m_problems, &ProblemsView::diagnosticActivated, this, [this](const Diagnostic& d) {
        m_editor->selectBytes(d.range.begin.offset, d.range.end.offset);
    });
    connect(m_editor, &QsciScintilla::userListActivated, this, [this](int id, const QString& item) {
        if (id != 1)
            return;
        const QString text = item.section(QStringLiteral("  — "), 0, 0);
        const std::string bytes = text.toStdString();
        m_editor->replaceBytes(m_completionBegin, m_editor->cursorByte(), bytes);
        m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS,
                                long(m_completionBegin + int64_t(bytes.size())));
    });
    connect(m_problems, &ProblemsView::fixRequested, this, [this](const Diagnostic& d) {
        if (d.fix)
            m_editor->replaceBytes(d.fix->range.begin.offset, d.fix->range.end.offset,
                                   d.fix->replacement);
    });
}

void NodePane::setBanner(QWidget* banner)
{
    if (auto* column = qobject_cast<QVBoxLayout*>(layout()))
        column->insertWidget(0, banner);
}

void NodePane::setNodeText(const QByteArray& text)
{
    m_editor->setUtf8Text(std::string_view(text.constData(), size_t(text.size())));
    m_debounce.stop();
    startLint();
}

QByteArray NodePane::nodeText() const
{
    const std::string t = m_editor->utf8Text();
    return QByteArray(t.data(), qsizetype(t.size()));
}

void NodePane::startLint()
{
    if (m_lint.isRunning()) {
        m_lintQueued = true; // lint again with the newest text when this one ends
        return;
    }
    m_lintGeneration = m_generation;
    m_status->setText(tr("Checking…"));
    // renderNode isolates jq in a child process: a runaway template costs a time-out, never
    // the window.
    m_lint.setFuture(
        QtConcurrent::run([text = m_editor->utf8Text(), context = m_context, options = m_options] {
            return std::shared_ptr<const RenderedNode>(
                std::make_shared<RenderedNode>(renderNode(text, context, options)));
        }));
}

void NodePane::lintFinished()
{
    if (m_lintQueued || m_lintGeneration != m_generation) {
        m_lintQueued = false;
        startLint();
        return;
    }
    m_render = m_lint.result();
    m_diagnostics = m_render->diagnostics;
    m_editor->setDiagnostics(m_diagnostics);
    m_editor->setTemplateValues(m_render->templates);
    m_problems->setDiagnostics(m_diagnostics);
    int errors = 0, warnings = 0;
    for (const auto& d : m_diagnostics)
        errors += d.severity == Severity::Error, warnings += d.severity == Severity::Warning;
    m_status->setToolTip(QString());
    m_status->setText(errors + warnings == 0
                          ? tr("No problems")
                          : tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                                tr("%n warning(s)", nullptr, warnings));
    Q_EMIT diagnosticsChanged(errors, warnings);
    Q_EMIT nodeRendered(m_render);
}

bool NodePane::applyQuickFix()
{
    const Diagnostic* chosen = nullptr;
    if (m_problems->hasFocus()) {
        chosen = m_problems->currentDiagnostic();
    } else {
        const int64_t pos = m_editor->cursorByte();
        int line = 0, index = 0;
        m_editor->getCursorPosition(&line, &index);
        for (const auto& d : m_diagnostics) {
            if (!d.fix)
                continue;
            if (pos >= d.range.begin.offset && pos <= d.range.end.offset) {
                chosen = &d;
                break;
            }
            if (!chosen && d.range.begin.line == line + 1)
                chosen = &d;
        }
    }
    if (!chosen || !chosen->fix)
        return false;
    const Fix fix = *chosen->fix; // the edit re-lints and replaces m_diagnostics
    m_editor->replaceBytes(fix.range.begin.offset, fix.range.end.offset, fix.replacement);
    return true;
}

bool NodePane::complete()
{
    const std::string text = m_editor->utf8Text();
    const CompletionSpot spot = completionSpot(text, m_editor->cursorByte());
    if (!spot.inTemplate)
        return false;
    const std::vector<Completion> found = completionsFor(spot.prefix, m_context, m_hints.get());
    if (found.empty()) {
        m_status->setText(tr("No completion for \"%1\".").arg(QString::fromStdString(spot.prefix)));
        return true;
    }
    // Scintilla's user list: one line per proposal, the detail after a tab (cut on insertion).
    QStringList items;
    for (const Completion& c : found)
        items << QString::fromStdString(c.text) + QStringLiteral("  — ") +
                     QString::fromStdString(c.detail);
    m_completionBegin = spot.prefixBegin;
    m_editor->SendScintilla(QsciScintilla::SCI_AUTOCSETSEPARATOR, long('\n'));
    m_editor->SendScintilla(QsciScintilla::SCI_AUTOCSETORDER, 0L); // keep ours: 1.6 first
    m_editor->showUserList(1, items);
    return true;
}

bool NodePane::formatDocument()
{
    const std::string text = m_editor->utf8Text();
    const std::optional<std::string> formatted = formatJson(text);
    if (!formatted)
        return false;
    if (*formatted != text)
        m_editor->replaceBytes(0, int64_t(text.size()), *formatted);
    return true;
}

bool NodePane::gotoProblem(bool forward)
{
    if (m_diagnostics.empty())
        return false;
    // From the selection's start, so a problem just selected counts as passed.
    const int64_t pos = m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART);
    const int n = int(m_diagnostics.size());
    int pick = forward ? 0 : n - 1; // wrap around
    if (forward) {
        for (int i = 0; i < n; ++i)
            if (m_diagnostics[size_t(i)].range.begin.offset > pos) {
                pick = i;
                break;
            }
    } else {
        for (int i = n - 1; i >= 0; --i)
            if (m_diagnostics[size_t(i)].range.begin.offset < pos) {
                pick = i;
                break;
            }
    }
    const Diagnostic& d = m_diagnostics[size_t(pick)];
    m_problems->selectDiagnostic(pick);
    m_editor->selectBytes(d.range.begin.offset, d.range.end.offset);
    m_status->setText(QString::fromStdString(d.message));
    m_status->setToolTip(m_status->text());
    return true;
}

void NodePane::setRenderInput(const JsonValue& context, const RenderOptions& options)
{
    m_context = context;
    m_options = options;
    ++m_generation;
    startLint();
}

} // namespace porthole

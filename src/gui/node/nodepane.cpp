#include "nodepane.h"

#include "nodeeditor.h"
#include "problemsview.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace porthole {

NodePane::NodePane(QWidget* parent)
    : QWidget(parent), m_editor(new NodeEditor(this)), m_problems(new ProblemsView(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("nodePane"));
    auto* split = new QSplitter(Qt::Vertical, this);
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
    m_debounce.setInterval(120);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        ++m_generation;
        m_debounce.start();
    });
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        startLint();
        Q_EMIT nodeEdited(nodeText());
    });
    connect(&m_lint, &QFutureWatcher<std::shared_ptr<const RenderedNode>>::finished, this,
            &NodePane::lintFinished);
    connect(m_problems, &ProblemsView::diagnosticActivated, this, [this](const Diagnostic& d) {
        m_editor->selectBytes(d.range.begin.offset, d.range.end.offset);
    });
    connect(m_problems, &ProblemsView::fixRequested, this, [this](const Diagnostic& d) {
        if (d.fix)
            m_editor->replaceBytes(d.fix->range.begin.offset, d.fix->range.end.offset,
                                   d.fix->replacement);
    });
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
    m_status->setText(errors + warnings == 0
                          ? tr("No problems")
                          : tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                                tr("%n warning(s)", nullptr, warnings));
    Q_EMIT diagnosticsChanged(errors, warnings);
    Q_EMIT nodeRendered(m_render);
}

void NodePane::setRenderInput(const JsonValue& context, const RenderOptions& options)
{
    m_context = context;
    m_options = options;
    ++m_generation;
    startLint();
}

} // namespace porthole

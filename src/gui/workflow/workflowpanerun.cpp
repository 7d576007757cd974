// SPDX-License-Identifier: GPL-3.0-or-later
// WorkflowPane's fourth part: the context from a real run (Context from a run…, Back to mocks),
// read in the background from the session's Port account.
#include "gui/session/portaccount.h"
#include "gui/session/session.h"
#include "gui/systemtheme.h"
#include "workflowpane.h"
#include "workflowrunfetch.h"

#include <QBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>

namespace porthole {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

void WorkflowPane::setupRun(QLayout* head, QLayout* details)
{
    m_fetch = new WorkflowRunFetch(this);
    m_runButton = new QPushButton(tr("Conte&xt from a run…"), this);
    m_runButton->setObjectName(QStringLiteral("workflowRunContext"));
    m_runButton->setToolTip(tr("Preview with what a real run's nodes produced: GET "
                               "/v1/workflows/runs/{wfr} on the Port account's API"));
    m_mocksButton = new QPushButton(tr("Back to &mocks"), this);
    m_mocksButton->setObjectName(QStringLiteral("workflowUseMocks"));
    m_mocksButton->setToolTip(tr("Forget the run: your mocks and the types' defaults again"));
    m_mocksButton->hide();

    m_runStatus = new QLabel(this);
    m_runStatus->setObjectName(QStringLiteral("workflowRunStatus"));
    m_runStatus->setWordWrap(true);
    m_runStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runStatus->hide(); // shown while a run is read, used, or could not be
    m_runProgress = new QProgressBar(this);
    m_runProgress->setObjectName(QStringLiteral("workflowRunProgress"));
    m_runProgress->setRange(0, 0); // how long Port takes is unknown: busy, not a percentage
    m_runProgress->setMaximumWidth(120);
    m_runProgress->hide();
    auto* status = new QHBoxLayout;
    status->addWidget(m_runProgress);
    status->addWidget(m_runStatus, 1);
    if (auto* box = qobject_cast<QBoxLayout*>(details))
        box->insertLayout(0, status);                  // the whole width: a run's id does not break
    if (auto* box = qobject_cast<QBoxLayout*>(head)) { // between the title and Fit
        box->insertWidget(1, m_runButton);
        box->insertWidget(2, m_mocksButton);
    }

    connect(m_runButton, &QPushButton::clicked, this, &WorkflowPane::askForRun);
    connect(m_mocksButton, &QPushButton::clicked, this, &WorkflowPane::useMocks);
    connect(m_fetch, &WorkflowRunFetch::fetched, this,
            [this](const QString& wfr, const JsonValue& answer) {
                m_runProgress->hide();
                // Checked once here, so every node chosen later can use it as it is.
                ChainOptions probe;
                std::string error;
                if (!WorkflowChain::useRun(answer, wfr.toStdString(), {}, &probe, &error)) {
                    setRunStatus(q(error), true);
                    Q_EMIT runFailed(wfr, q(error));
                    return;
                }
                m_run = answer;
                m_runId = wfr;
                m_mocksButton->show();
                const JsonValue& run = answer["workflowRun"];
                QStringList state;
                for (const char* key : {"status", "result"})
                    if (run[key].isString())
                        state << q(run[key].toString());
                QString text =
                    tr("Context from run %1%2, as it recorded its nodes' outputs.")
                        .arg(wfr, state.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" (%1)").arg(state.join(QLatin1Char(' '))));
                // A run of another workflow still gives outputs: say so rather than refuse.
                const JsonValue& of = run["workflow"]["identifier"];
                if (of.isString() && of.toString() != m_doc.workflow().identifier())
                    text += tr(" It is a run of \"%1\", not of \"%2\".")
                                .arg(q(of.toString()), q(m_doc.workflow().identifier()));
                setRunStatus(text, false);
                updateContext();
                Q_EMIT runContextChanged(wfr);
            });
    connect(m_fetch, &WorkflowRunFetch::failed, this,
            [this](const QString& wfr, const QString& why) {
                m_runProgress->hide();
                setRunStatus(tr("Run %1 not used: %2").arg(wfr, why), true);
                Q_EMIT runFailed(wfr, why);
            });
}

void WorkflowPane::setRunStatus(const QString& text, bool problem)
{
    m_runStatus->setStyleSheet(problem ? SystemTheme::css(SystemTheme::Tone::Problem) : QString());
    m_runStatus->setText(text);
    m_runStatus->setVisible(!text.isEmpty());
}

QString WorkflowPane::runStatus() const
{
    return m_runStatus->text();
}

ChainOptions WorkflowPane::chainOptions() const
{
    ChainOptions options;
    options.forks = m_forks;
    if (!m_run) {
        options.mocks = m_mocks;
        return options;
    }
    std::string error; // checked when the run arrived
    const std::string target =
        m_chosen >= 0 ? m_doc.workflow().nodes()[size_t(m_chosen)].id : std::string();
    WorkflowChain::useRun(*m_run, m_runId.toStdString(), target, &options, &error);
    // The run's outputs win; a mock still stands in for a node the run did not record.
    for (const auto& [id, value] : m_mocks) {
        const int index = m_doc.workflow().indexOf(id);
        if (!options.recorded.count(id) && index >= 0 &&
            m_doc.workflow().nodes()[size_t(index)].kind != WorkflowNodeKind::Trigger)
            options.mocks[id] = value;
    }
    return options;
}

std::optional<JsonValue> WorkflowPane::recordedOutput(const WorkflowNode& node) const
{
    if (!m_run)
        return std::nullopt;
    ChainOptions options;
    std::string error;
    WorkflowChain::useRun(*m_run, m_runId.toStdString(), {}, &options, &error);
    if (node.kind == WorkflowNodeKind::Trigger)
        return options.inputs;
    const auto r = options.recorded.find(node.id);
    return r == options.recorded.end() ? std::nullopt : std::optional<JsonValue>(r->second);
}

QString WorkflowPane::describeSource(const QString& from) const
{
    if (from.startsWith(QLatin1String("mock")))
        return tr("your mock (remembered for this file)") + from.mid(4);
    if (!m_runId.isEmpty() && from == QLatin1String("recorded by the run"))
        return tr("run %1 (as it recorded it)").arg(m_runId);
    if (!m_runId.isEmpty() && from == QLatin1String("inputs given"))
        return tr("run %1's inputs").arg(m_runId);
    return from;
}

void WorkflowPane::askForRun()
{
    bool ok = false;
    const QString wfr = QInputDialog::getText(this, tr("Context from a run"),
                                              tr("A workflow &run's id (wfr_…), read from %1:")
                                                  .arg(m_session->account()->baseUrl().isEmpty()
                                                           ? tr("the sandbox's Port API")
                                                           : m_session->account()->baseUrl()),
                                              QLineEdit::Normal, m_runId, &ok);
    if (ok && !wfr.trimmed().isEmpty())
        fetchRun(wfr.trimmed());
}

bool WorkflowPane::fetchRun(const QString& wfr)
{
    QString error, where;
    if (!m_fetch->start(*m_session->account(), wfr, &error, &where)) {
        setRunStatus(tr("Run %1 not used: %2").arg(wfr, error), true);
        return false;
    }
    m_runProgress->show();
    setRunStatus(tr("Reading workflow run %1 from %2…").arg(wfr, where), false);
    return true;
}

void WorkflowPane::useMocks()
{
    m_fetch->cancel();
    m_runProgress->hide();
    m_mocksButton->hide();
    const bool had = m_run.has_value();
    m_run.reset();
    m_runId.clear();
    setRunStatus(QString(), false);
    if (had) {
        updateContext();
        Q_EMIT runContextChanged(QString());
    }
}

} // namespace porthole

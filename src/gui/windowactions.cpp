// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowactions.h"
#include "gui/guisettings.h"

#include "aboutdialog.h"
#include "check/checkconsumerdialog.h"
#include "connection/connectionbar.h"
#include "core/appsettings.h"
#include "diagnose/diagnosedialog.h"
#include "node/documentcontroller.h"
#include "node/nodeeditor.h"
#include "node/nodepane.h"
#include "preview/previewpane.h"
#include "publish/publishpane.h"
#include "report/reportpane.h"
#include "runs/rowtools.h"
#include "runs/runspane.h"
#include "runs/runsrecorder.h"
#include "session/renderinputs.h"
#include "session/runselection.h"
#include "session/session.h"
#include "settings/preferencesdialog.h"
#include "viewzoom.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace porthole {

WindowActions::WindowActions(const WindowParts& parts, QAction* demo)
    : QObject(parts.window), m_parts(parts), m_window(parts.window), m_demo(demo)
{}

QAction* WindowActions::add(QMenu* menu, const QString& text, const QList<QKeySequence>& keys,
                            const QString& objectName)
{
    QAction* a = menu->addAction(text);
    a->setObjectName(objectName);
    if (!keys.isEmpty()) {
        a->setShortcuts(keys);
        // Window-wide (the default) but said explicitly: it must fire from inside the editor.
        a->setShortcutContext(Qt::WindowShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(
            QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
            keys.first().toString(QKeySequence::NativeText)));
        m_actions << a;
    }
    m_window->addAction(a); // shortcuts work even while the menu bar is hidden
    return a;
}

void WindowActions::build()
{
    buildFileMenu();
    buildEditMenu();
    buildViewMenu();
    buildRunMenu();
    buildHelpMenu();
    qApp->installEventFilter(this);
}

bool WindowActions::eventFilter(QObject* watched, QEvent* event)
{
    // On X11 a one-line box claims Ctrl+E, Ctrl+K, … for its emacs-style editing (end of line,
    // delete to end), so Ctrl+E from the Broker field did nothing. The window's commands win
    // in one-line boxes, spin boxes and combo boxes; the JSON editors keep their own keys.
    if (event->type() != QEvent::ShortcutOverride ||
        !(qobject_cast<QLineEdit*>(watched) || qobject_cast<QAbstractSpinBox*>(watched) ||
          qobject_cast<QComboBox*>(watched)) ||
        !m_window->isAncestorOf(static_cast<QWidget*>(watched)))
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const QKeySequence pressed(key->keyCombination());
    for (const QAction* a : std::as_const(m_actions))
        if (a->isEnabled() && a->shortcuts().contains(pressed) &&
            (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
            return true; // not overridden: the action's shortcut fires
    return false;
}

QList<QAction*> WindowActions::shortcutActions() const
{
    return m_actions;
}

void WindowActions::buildFileMenu()
{
    DocumentController* docs = m_parts.documents;
    QMenu* file = m_window->menuBar()->addMenu(tr("&File"));
    connect(add(file, tr("&Open…"), {QKeySequence::Open}, QStringLiteral("actionOpen")),
            &QAction::triggered, docs, &DocumentController::chooseAndOpen);
    connect(add(file, tr("Open &workflow…"), {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O)},
                QStringLiteral("actionOpenWorkflow")),
            &QAction::triggered, docs, &DocumentController::chooseAndOpenWorkflow);
    QMenu* recent = file->addMenu(tr("Open &recent"));
    recent->setObjectName(QStringLiteral("recentMenu"));
    docs->attachRecentMenu(recent);
    QMenu* examples = file->addMenu(tr("Open &example"));
    const auto names =
        QDir(QStringLiteral(":/examples/nodes")).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString& name : names)
        examples->addAction(name, this, [docs, name] {
            if (docs->confirmDiscard())
                docs->openExample(name);
        });
    // The Runs tab's own Recordings ▸ Open recording (one implementation), from anywhere.
    connect(add(file, tr("Open recor&ding…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
                QStringLiteral("actionOpenRecording")),
            &QAction::triggered, this, [this] {
                m_parts.tabs->setCurrentWidget(m_parts.runs);
                m_parts.runs->recorder()->openWithDialog();
            });
    file->addSeparator();
    connect(add(file, tr("&Save"), {QKeySequence::Save}, QStringLiteral("actionSave")),
            &QAction::triggered, docs, &DocumentController::save);
    connect(add(file, tr("Save &as…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                QStringLiteral("actionSaveAs")),
            &QAction::triggered, docs, &DocumentController::saveAs);
    file->addAction(tr("Check a &consumer…"), this, [this, docs] {
        const QString path = docs->document()->path();
        CheckConsumerDialog::open(m_window, m_parts.node->nodeText(),
                                  m_parts.session->render()->context(),
                                  path.isEmpty() ? tr("node") : QFileInfo(path).completeBaseName());
    });
    file->addSeparator();
    connect(add(file, tr("P&references…"), {QKeySequence(Qt::CTRL | Qt::Key_Comma)},
                QStringLiteral("actionPreferences")),
            &QAction::triggered, this, [this] {
                auto* dialog = new PreferencesDialog(m_window);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->open();
            });
    file->addSeparator();
    connect(
        add(file, tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, QStringLiteral("actionQuit")),
        &QAction::triggered, m_window, &QWidget::close);
}

void WindowActions::forFocusWidget(const char* slot)
{
    // Undo, copy… act on whichever text box has the focus (each has these slots).
    if (QWidget* w = m_window->focusWidget())
        QMetaObject::invokeMethod(w, slot);
}

void WindowActions::buildEditMenu()
{
    NodePane* node = m_parts.node;
    QMenu* edit = m_window->menuBar()->addMenu(tr("&Edit"));
    // Text boxes take these keys themselves (ShortcutOverride); the menu entries are for the
    // mouse, and list the keys.
    const struct
    {
        QString text;
        QKeySequence::StandardKey key;
        const char* slot;
    } standard[] = {{tr("&Undo"), QKeySequence::Undo, "undo"},
                    {tr("&Redo"), QKeySequence::Redo, "redo"},
                    {tr("Cu&t"), QKeySequence::Cut, "cut"},
                    {tr("&Copy"), QKeySequence::Copy, "copy"},
                    {tr("&Paste"), QKeySequence::Paste, "paste"},
                    {tr("Select &all"), QKeySequence::SelectAll, "selectAll"}};
    for (const auto& s : standard) {
        QAction* a = edit->addAction(s.text);
        a->setShortcuts(s.key);
        a->setShortcutContext(Qt::WidgetShortcut); // shown in the menu, typed into the box
        const char* slot = s.slot;
        connect(a, &QAction::triggered, this, [this, slot] { forFocusWidget(slot); });
        if (s.key == QKeySequence::Redo || s.key == QKeySequence::Paste)
            edit->addSeparator();
    }
    connect(add(edit, tr("&Quick fix"), {QKeySequence(Qt::CTRL | Qt::Key_Period)},
                QStringLiteral("actionQuickFix")),
            &QAction::triggered, this, [this, node] {
                if (!node->applyQuickFix())
                    m_window->statusBar()->showMessage(tr("No quick fix here."), 3000);
            });
    connect(add(edit, tr("C&omplete"), {QKeySequence(Qt::CTRL | Qt::Key_Space)},
                QStringLiteral("actionComplete")),
            &QAction::triggered, this, [this, node] {
                if (!node->complete())
                    m_window->statusBar()->showMessage(
                        tr("Completion works inside {{ }}: context paths and jq builtins."), 4000);
            });
    connect(add(edit, tr("&Format document"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
                QStringLiteral("actionFormat")),
            &QAction::triggered, this, [this, node] {
                if (!node->formatDocument())
                    m_window->statusBar()->showMessage(
                        tr("Not formatted: the node is not valid JSON yet."), 4000);
            });
    edit->addSeparator();
    QAction* tabMoves = m_tabMoves =
        add(edit, tr("&Tab moves focus"), {QKeySequence(Qt::CTRL | Qt::Key_M)},
            QStringLiteral("actionTabMovesFocus"));
    tabMoves->setCheckable(true);
    tabMoves->setChecked(node->editor()->tabMovesFocus());
    // Preferences (or anything else) changing the setting moves the menu's tick with it.
    GuiSettings::editorTabMovesFocus.onChange(tabMoves,
                                              [tabMoves](bool on) { tabMoves->setChecked(on); });
    connect(tabMoves, &QAction::toggled, this, [this, node](bool on) {
        node->editor()->setTabMovesFocus(on);
        m_parts.preview->contextEditor()->setTabMovesFocus(on);
        GuiSettings::editorTabMovesFocus.setValue(on);
        m_window->statusBar()->showMessage(on ? tr("Tab moves the focus out of the editors.")
                                              : tr("Tab indents in the editors."),
                                           3000);
    });
}

void WindowActions::buildViewMenu()
{
    QMenu* view = m_window->menuBar()->addMenu(tr("&View"));
    QTabWidget* tabs = m_parts.tabs;
    const QString names[] = {tr("&Preview"), tr("P&ublish"), tr("&Runs topic"), tr("Re&port"),
                             tr("&Workflow")};
    for (int i = 0; i < tabs->count() && i < 5; ++i) {
        QAction* a = add(view, names[i], {QKeySequence(Qt::CTRL | (Qt::Key_1 + i))},
                         QStringLiteral("actionTab%1").arg(i + 1));
        connect(a, &QAction::triggered, this, [tabs, i] {
            tabs->setCurrentIndex(i);
            // Into the pane: its first field that takes Tab focus gets the keyboard.
            QWidget* pane = tabs->currentWidget();
            for (QWidget* w = pane->nextInFocusChain(); w && w != pane; w = w->nextInFocusChain())
                if (pane->isAncestorOf(w) && w->isVisibleTo(pane) && w->isEnabled() &&
                    (w->focusPolicy() & Qt::TabFocus)) {
                    w->setFocus(Qt::ShortcutFocusReason);
                    break;
                }
        });
    }
    view->addSeparator();
    connect(add(view, tr("&Editor"), {QKeySequence(Qt::CTRL | Qt::Key_E)},
                QStringLiteral("actionFocusEditor")),
            &QAction::triggered, this,
            [this] { Q_EMIT m_parts.session->placeRequested(Session::Place::Editor); });
    connect(add(view, tr("&Kafka connection"), {QKeySequence(Qt::CTRL | Qt::Key_K)},
                QStringLiteral("actionFocusConnection")),
            &QAction::triggered, m_parts.connection, &ConnectionBar::focusPicker);
    view->addSeparator();
    connect(add(view, tr("&Next problem"), {QKeySequence(Qt::Key_F8)},
                QStringLiteral("actionNextProblem")),
            &QAction::triggered, this, [this] { m_parts.node->gotoProblem(true); });
    connect(add(view, tr("Pre&vious problem"), {QKeySequence(Qt::SHIFT | Qt::Key_F8)},
                QStringLiteral("actionPreviousProblem")),
            &QAction::triggered, this, [this] { m_parts.node->gotoProblem(false); });
    // Zoom for presenting: editors, tables and text views together (ViewZoom).
    view->addSeparator();
    auto* zoom = new ViewZoom(m_window);
    connect(add(view, tr("Zoom &in"),
                {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)},
                QStringLiteral("actionZoomIn")),
            &QAction::triggered, zoom, &ViewZoom::zoomIn);
    connect(add(view, tr("Zoom &out"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)},
                QStringLiteral("actionZoomOut")),
            &QAction::triggered, zoom, &ViewZoom::zoomOut);
    connect(add(view, tr("&Actual size"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
                QStringLiteral("actionZoomReset")),
            &QAction::triggered, zoom, &ViewZoom::reset);
}

void WindowActions::buildRunMenu()
{
    QMenu* run = m_window->menuBar()->addMenu(tr("&Run"));
    QTabWidget* tabs = m_parts.tabs;
    QAction* publish =
        add(run, tr("&Publish"),
            {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
            QStringLiteral("actionPublish"));
    connect(publish, &QAction::triggered, this, [this, tabs] {
        tabs->setCurrentWidget(m_parts.publish);
        m_parts.publish->publish();
    });
    QAction* watch = add(run, tr("&Watch runs topic"), {QKeySequence(Qt::Key_F5)},
                         QStringLiteral("actionWatch"));
    connect(watch, &QAction::triggered, this, [this, tabs] {
        tabs->setCurrentWidget(m_parts.runs);
        m_parts.runs->startWatching();
    });
    QAction* stop = add(run, tr("&Stop watching"), {QKeySequence(Qt::CTRL | Qt::Key_W)},
                        QStringLiteral("actionStopWatching"));
    connect(stop, &QAction::triggered, this, [this] { m_parts.runs->stopWatching(); });
    // Reporting can complete someone's real run: this only fills the Report tab from the
    // selected run and puts the keyboard on its Send button; sending is always the user's.
    QAction* report = add(run, tr("&Report on selected run…"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
                          QStringLiteral("actionReport"));
    report->setToolTip(tr("Fill the Report tab from the run selected in the Runs tab; "
                          "nothing is sent until you press Send (Ctrl+R)"));
    connect(report, &QAction::triggered, this, [this, tabs] {
        if (!m_parts.session->selection()->isEmpty()) {
            Q_EMIT m_parts.session->reportOnSelectionRequested();
            return;
        }
        tabs->setCurrentWidget(m_parts.report);
        m_window->statusBar()->showMessage(
            tr("No run selected in the Runs tab: fill in the run id, then press Send."), 5000);
    });
    QAction* timeline = add(run, tr("Run &timeline"), {QKeySequence(Qt::CTRL | Qt::Key_T)},
                            QStringLiteral("actionTimeline"));
    timeline->setToolTip(tr("The selected run's story: rendered, published, received, reported"));
    connect(timeline, &QAction::triggered, this,
            [this] { Q_EMIT m_parts.session->timelineRequested(QString()); });
    QAction* goTo = add(run, tr("&Go to offset…"), {QKeySequence(Qt::CTRL | Qt::Key_G)},
                        QStringLiteral("actionGoToOffset"));
    goTo->setToolTip(tr("Select the Runs tab's message at a partition and offset, or watch "
                        "from there (Ctrl+G)"));
    connect(goTo, &QAction::triggered, this, [this, tabs] {
        tabs->setCurrentWidget(m_parts.runs);
        m_parts.runs->rowTools()->askGoToOffset();
    });
    QAction* diagnose =
        add(run, tr("&Diagnose a run…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)},
            QStringLiteral("actionDiagnose"));
    diagnose->setToolTip(tr("Why is a run stuck? Its message, the groups' offsets and Port's "
                            "record (Ctrl+Shift+D)"));
    connect(diagnose, &QAction::triggered, this,
            [this] { Q_EMIT m_parts.session->diagnoseRequested(QString()); });
    DiagnoseDialog::serve(m_parts.session, m_window);
    run->addSeparator();
    run->addAction(m_demo); // the toolbar's Demo, also here
}

void WindowActions::buildHelpMenu()
{
    QMenu* help = m_window->menuBar()->addMenu(tr("&Help"));
    if (m_startPage) {
        help->addAction(m_startPage);
        help->addAction(m_demo);
        help->addSeparator();
    }
    connect(add(help, tr("&Keyboard shortcuts"), {QKeySequence(Qt::Key_F1)},
                QStringLiteral("actionShortcuts")),
            &QAction::triggered, this, &WindowActions::showShortcuts);
    connect(add(help, tr("Port &docs: Kafka workflow node"), {}, QStringLiteral("actionPortDocs")),
            &QAction::triggered, this, [] {
                QDesktopServices::openUrl(
                    QUrl(QStringLiteral("https://docs.port.io/actions-and-automations/")));
            });
    help->addSeparator();
    connect(add(help, tr("&About Porthole"), {}, QStringLiteral("actionAbout")),
            &QAction::triggered, this, [this] { AboutDialog(m_window).exec(); });
}

void WindowActions::showShortcuts()
{
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(int(m_actions.size()) + 3, 2, dialog);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    int row = 0;
    auto put = [&](const QString& what, const QString& keys) {
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(keys));
        ++row;
    };
    for (QAction* a : m_actions) {
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        put(a->text().remove(QLatin1Char('&')), keys.join(tr(" or ")));
    }
    put(tr("Open a menu"), tr("Alt + the underlined letter"));
    put(tr("Choose the Kafka connection"), tr("Alt+K"));
    put(tr("Leave a one-line or Headers box"), tr("Tab, Shift+Tab"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(520, 560);
    dialog->show();
}

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
// What a screen reader sees: every widget the keyboard can reach, in the main window (all its
// tabs) and the dialogs it opens, has a name (QAccessible's Name: the accessible name, else the
// buddy label's text, else the button's or window's own text), and every secret field echoes as
// a password. Settings live in a throw-away folder; no keyring.
#include "core/jsonvalue.h"
#include "gui/aboutdialog.h"
#include "gui/check/checkconsumerdialog.h"
#include "gui/mainwindow.h"
#include "gui/story/timelinedialog.h"
#include "models/runledger.h"
#include "sandbox/sandbox.h"
#include "support/throwawaysettings.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTest>

#include <functional>

using namespace porthole;

namespace {

// Reachable: shown, or hidden only because it sits on a page of a stack (a tab widget's other
// tabs) that the user can bring up. A widget hidden for any other reason (a busy bar, a notice
// not raised) is not reachable until it is shown.
bool reachable(const QWidget* w, const QWidget* window)
{
    for (const QWidget* a = w; a && a != window; a = a->parentWidget())
        if (a->isHidden() && !qobject_cast<const QStackedWidget*>(a->parentWidget()))
            return false;
    return true;
}

QString describe(const QWidget* w)
{
    QStringList path;
    for (const QWidget* a = w; a; a = a->parentWidget())
        path.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(a->metaObject()->className()),
                                                  a->objectName()));
    return path.join(QLatin1Char('/'));
}

// The focusable widgets under `window` (itself included) a screen reader has no name for.
QStringList unnamed(QWidget* window)
{
    QStringList found;
    QList<QWidget*> widgets = window->findChildren<QWidget*>();
    widgets.prepend(window);
    for (QWidget* w : widgets) {
        if (w->focusPolicy() == Qt::NoFocus || !reachable(w, window))
            continue;
        // A label's name is the text it shows (an empty one shows nothing); a widget that is
        // its parent's focus proxy (a spin box's line edit) is presented as that parent.
        const QWidget* parent = w->parentWidget();
        if (qobject_cast<QLabel*>(w) ||
            (parent && (parent->focusProxy() == w || w->focusProxy() == parent)))
            continue;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            found << describe(w);
    }
    return found;
}

// A line edit whose name says it holds a secret.
bool isSecret(QLineEdit* edit)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(edit);
    const QString name = (iface ? iface->text(QAccessible::Name) : QString()) + QLatin1Char(' ') +
                         edit->objectName();
    for (const char* word : {"password", "secret", "token"})
        if (name.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;
    Sandbox m_sandbox;
    MainWindow* m_w = nullptr;
    QStringList m_secrets; // every secret field seen, to prove the check saw some

    // The top-level dialog `trigger` opens (non-modal or window-modal, so this returns); null
    // when none comes up within 5 s.
    static QDialog* opened(const std::function<void()>& trigger)
    {
        const QWidgetList before = QApplication::topLevelWidgets();
        trigger();
        QDialog* dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                for (QWidget* w : QApplication::topLevelWidgets())
                    if (!before.contains(w) && w->isVisible() && qobject_cast<QDialog*>(w))
                        dialog = static_cast<QDialog*>(w);
                return dialog != nullptr;
            },
            5000);
        return dialog;
    }

    void checkWindow(QWidget* window)
    {
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        const QStringList missing = unnamed(window);
        for (const QString& w : missing)
            qWarning("no accessible name: %s", qPrintable(w));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 focusable widgets have no accessible name (above)")
                                .arg(missing.size())));
        for (QLineEdit* edit : window->findChildren<QLineEdit*>()) {
            if (!isSecret(edit))
                continue;
            m_secrets << edit->objectName();
            QVERIFY2(edit->echoMode() == QLineEdit::Password, qPrintable(describe(edit)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_w = new MainWindow(&m_sandbox);
        m_w->show();
        m_w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_w));
    }
    void cleanupTestCase()
    {
        delete m_w;
        // Both known secrets were judged: the Report tab's client secret, the SASL password.
        QVERIFY2(m_secrets.contains(QStringLiteral("reportClientSecret")),
                 qPrintable(m_secrets.join(QLatin1Char(' '))));
        QVERIFY2(m_secrets.contains(QStringLiteral("connectionPassword")),
                 qPrintable(m_secrets.join(QLatin1Char(' '))));
    }

    void mainWindowAndEveryTab() { checkWindow(m_w); }

    void connectionDialog()
    {
        auto* button = m_w->findChild<QAbstractButton*>(QStringLiteral("connectionNew"));
        QVERIFY(button);
        QDialog* dialog = opened([button] { button->click(); });
        QVERIFY(dialog);
        checkWindow(dialog);
        // The SASL fields appear with a SASL protocol.
        auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("connectionPassword"));
        QVERIFY(password);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        dialog->reject();
    }

    void preferences()
    {
        auto* action = m_w->findChild<QAction*>(QStringLiteral("actionPreferences"));
        QVERIFY(action);
        QDialog* dialog = opened([action] { action->trigger(); });
        QVERIFY(dialog);
        checkWindow(dialog);
        dialog->reject();
    }

    void keyboardShortcuts()
    {
        auto* action = m_w->findChild<QAction*>(QStringLiteral("actionShortcuts"));
        QVERIFY(action);
        QDialog* dialog = opened([action] { action->trigger(); });
        QVERIFY(dialog);
        checkWindow(dialog);
        dialog->reject();
    }

    void checkConsumer()
    {
        CheckConsumerDialog dialog("{}", JsonValue(), QStringLiteral("node"), m_w);
        dialog.show();
        checkWindow(&dialog);
    }

    void timeline()
    {
        RunLedger ledger;
        TimelineDialog dialog(&ledger, m_w);
        dialog.showRun(QStringLiteral("wfnr_0123456789abcdef"));
        checkWindow(&dialog);
    }

    void about()
    {
        AboutDialog dialog(m_w);
        dialog.show();
        checkWindow(&dialog);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's own state (DemoHome, what `porthole --demo` enters before anything reads the
// user's): a window made after it shows none of the user's saved key, headers, connection or
// profiles, and what the demo then does (the whole story, played here) leaves the user's
// settings and profiles files byte for byte as they were.
#include "core/appsettings.h"
#include "gui/connection/connectionbar.h"
#include "gui/demo/demodirector.h"
#include "gui/demo/demohome.h"
#include "gui/mainwindow.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace porthole;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
}

} // namespace

class TestDemoHome : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;

private Q_SLOTS:
    void demoShowsAndChangesNothingOfTheUsers()
    {
        // The user's Porthole: saved key, headers, repeat, last connection and a profile.
        const QString profiles = m_settings.path() + QStringLiteral("/profiles.json");
        {
            QFile f(profiles);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"profiles":[{"name":"my-cluster","bootstrapServers":"10.0.0.1:9092"}]})");
        }
        qputenv("PORTHOLE_KAFKA_PROFILES", QFile::encodeName(profiles));
        AppSettings::publishKey.setValue(QStringLiteral("users-own-key"));
        AppSettings::publishHeaders.setValue(QStringLiteral("x-team: billing"));
        AppSettings::publishRepeat.setValue(7);
        AppSettings::lastConnection.setValue(QStringLiteral("my-cluster"));
        const QString conf = QSettings().fileName();
        QSettings().sync();
        const QByteArray confBefore = readAll(conf), profilesBefore = readAll(profiles);
        QVERIFY(confBefore.contains("users-own-key"));

        QString error;
        const auto home = DemoHome::enter(&error);
        QVERIFY2(home, qPrintable(error));
        QVERIFY(QSettings().fileName() != conf);
        QCOMPARE(home->userEnvironment().value(QStringLiteral("PORTHOLE_KAFKA_PROFILES")),
                 profiles);
        {
            Sandbox sandbox;
            MainWindow window(&sandbox);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY2(window.startSandbox(&error), qPrintable(error));
            // Nothing of the user's on show.
            QCOMPARE(window.findChild<QLineEdit*>(QStringLiteral("publishKey"))->text(), QString());
            QCOMPARE(
                window.findChild<QPlainTextEdit*>(QStringLiteral("publishHeaders"))->toPlainText(),
                QString());
            QVERIFY(!test::pane<ConnectionBar>(&window)->connectionNames().contains(
                QStringLiteral("my-cluster")));
            QCOMPARE(test::pane<ConnectionBar>(&window)->currentName(), QStringLiteral("sandbox"));
            // The whole story, in this state.
            DemoDirector* demo = window.demoDirector();
            demo->setPlaysHere(true);
            demo->setPaceMs(0);
            QSignalSpy finished(demo, &DemoDirector::finished);
            demo->start();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
            QVERIFY2(finished.first().at(0).toBool(),
                     qPrintable(finished.first().at(1).toString()));
        }
        QCOMPARE(readAll(conf), confBefore);
        QCOMPARE(readAll(profiles), profilesBefore);
    }
};

QTEST_MAIN(TestDemoHome)
#include "tst_demohome.moc"

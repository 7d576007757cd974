// SPDX-License-Identifier: GPL-3.0-or-later
// porthole: the desktop app. A thin main(): everything lives in porthole_gui.
#include "commandline.h"
#include "flow/workflowrunner.h"
#include "gui/demo/demodirector.h"
#include "gui/demo/demohome.h"
#include "gui/demo/demolauncher.h"
#include "gui/mainwindow.h"
#include "gui/systemtheme.h"
#include "sandbox/sandbox.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>

#include <cstdio>
#include <memory>

int main(int argc, char** argv)
{
    // Options first, without QApplication: --help and --version need no display.
    porthole::CommandLine commandLine;
    if (const auto exitCode = commandLine.parse(argc, argv))
        return *exitCode;
    // The demo plays on a state of its own (settings, drafts, connections), made before
    // anything reads the user's: nothing the demo shows or does is the user's.
    std::unique_ptr<porthole::DemoHome> demoHome;
    if (commandLine.demo()) {
        QString error;
        demoHome = porthole::DemoHome::enter(&error);
        if (!demoHome) {
            std::fprintf(stderr, "porthole: no folder for the demo: %s\n", qPrintable(error));
            return 1;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Porthole"));
    QApplication::setOrganizationName(QStringLiteral("Porthole"));
    QApplication::setApplicationVersion(QStringLiteral(PORTHOLE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/porthole.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.porthole.Porthole"));
    porthole::SystemTheme::apply(app); // light or dark, as the desktop says
    // The app creates the embedded sandbox; the window uses it (and is destroyed first).
    porthole::Sandbox sandbox;
    porthole::WorkflowRunner workflows(&sandbox); // runs POST /v1/workflows/{id}/runs
    porthole::MainWindow window(&sandbox);
    if (!commandLine.file().isEmpty())
        window.openFile(commandLine.file()); // `porthole FILE.json`
    else if (!commandLine.demo())            // the demo opens its own example
        window.openStartupDocument();        // the last file, and any draft a crash left
    window.show();
    QString error;
    const bool sandboxUp = window.startSandbox(&error);
    if (!sandboxUp && commandLine.exitWhenDone()) {
        std::fprintf(stderr, "porthole: the embedded sandbox could not start: %s\n",
                     qPrintable(error));
        std::fprintf(stdout, "%s\n", qPrintable(porthole::DemoCounts().line()));
        return 1;
    }
    if (!sandboxUp)
        QMessageBox::warning(&window, QObject::tr("Sandbox"),
                             QObject::tr("The embedded sandbox could not start: %1").arg(error));
    if (commandLine.demo()) {
        porthole::DemoDirector* demo = window.demoDirector();
        demo->setPaceMs(commandLine.demoPaceMs());
        demo->setPlaysHere(true);
        // Leaving the demo closes it; started on its own (not from a window), it opens the
        // user's Porthole, with the user's settings, in its place.
        QObject::connect(demo, &porthole::DemoDirector::left, &app, [&demoHome] {
            if (!qEnvironmentVariableIsSet(porthole::DemoLauncher::openedByAppVariable())) {
                QProcess user;
                user.setProgram(QCoreApplication::applicationFilePath());
                user.setProcessEnvironment(demoHome->userEnvironment());
                user.startDetached();
            }
            QCoreApplication::quit();
        });
        if (commandLine.exitWhenDone())
            QObject::connect(demo, &porthole::DemoDirector::finished, &app,
                             [](bool ok, const QString& line) {
                                 std::fprintf(stdout, "%s\n", qPrintable(line));
                                 std::fflush(stdout);
                                 QCoreApplication::exit(ok ? 0 : 1);
                             });
        QTimer::singleShot(0, demo, &porthole::DemoDirector::start);
    }
    return QApplication::exec();
}

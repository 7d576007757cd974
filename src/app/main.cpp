// porthole: the desktop app. A thin main(): everything lives in porthole_gui.
#include "commandline.h"
#include "gui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>

int main(int argc, char** argv)
{
    // Options first, without QApplication: --help and --version need no display.
    porthole::CommandLine commandLine;
    if (const auto exitCode = commandLine.parse(argc, argv))
        return *exitCode;
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Porthole"));
    QApplication::setOrganizationName(QStringLiteral("Porthole"));
    QApplication::setApplicationVersion(QStringLiteral(PORTHOLE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/porthole.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.porthole.Porthole"));
    porthole::MainWindow window;
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openFile(args.at(1));
    else
        window.openExample(QStringLiteral("basic-publish-event.json"));
    window.show();
    QString error;
    if (!window.startSandbox(&error))
        QMessageBox::warning(&window, QObject::tr("Sandbox"),
                             QObject::tr("The embedded sandbox could not start: %1").arg(error));
    return QApplication::exec();
}

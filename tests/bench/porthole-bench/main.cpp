// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-bench: drives the real code paths headless and prints one JSON line of numbers
// (see README, "porthole-bench"). Never fails on speed; exit 1/2/3 like porthole-cli.
#include "benchutil.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

int main(int argc, char** argv)
{
    using namespace porthole::bench;
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0)
        usage("which benchmark?");
    const bool keystroke = std::strcmp(argv[1], "keystroke") == 0;
    const bool select = std::strcmp(argv[1], "workflow-select") == 0;
    const bool gui = keystroke || select || std::strcmp(argv[1], "ui-stall") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(gui ? new QApplication(argc, argv)
                                              : new QCoreApplication(argc, argv));
    const QStringList args = QCoreApplication::arguments().mid(2);
    if (std::strcmp(argv[1], "ingest") == 0)
        return runIngest(args);
    if (keystroke)
        return runKeystroke(args);
    if (std::strcmp(argv[1], "workflow") == 0)
        return runWorkflow(args);
    if (select)
        return runWorkflowSelect(args);
    if (gui)
        return runUiStall(args);
    usage("unknown benchmark");
}

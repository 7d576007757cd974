// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QMainWindow;
class QTabWidget;

namespace porthole {

class ConnectionBar;
class DocumentController;
class NodePane;
class PreviewPane;
class PublishPane;
class ReportPane;
class RunsPane;
class Session;

/// What the window is made of, handed by the window to its menus and its demo when it builds
/// them, so that neither reaches back up into MainWindow (which exposes none of its panes).
struct WindowParts
{
    QMainWindow* window = nullptr;
    QTabWidget* tabs = nullptr; ///< Preview, Publish, Runs topic, Report
    Session* session = nullptr;
    NodePane* node = nullptr;
    PreviewPane* preview = nullptr;
    PublishPane* publish = nullptr;
    RunsPane* runs = nullptr;
    ReportPane* report = nullptr;
    ConnectionBar* connection = nullptr;
    DocumentController* documents = nullptr;
};

} // namespace porthole

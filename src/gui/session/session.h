// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace porthole {

class ConnectionState;
class GroupCommits;
class PortAccount;
class RenderInputs;
class RunLedger;
class RunSelection;
class Sandbox;

/// The desktop session: the state several panes share, in one place. The window owns it and
/// hands it to each pane; panes observe its parts and ask for things through its signals, and
/// never reach into each other or into the window. A pane made on its own (in a test) makes a
/// private one.
class Session : public QObject
{
    Q_OBJECT
public:
    /// `sandbox` may be null (no embedded sandbox); it must outlive the session.
    explicit Session(Sandbox* sandbox = nullptr, QObject* parent = nullptr);
    ~Session() override;

    ConnectionState* connection() const { return m_connection; }
    PortAccount* account() const { return m_account; }
    RenderInputs* render() const { return m_render; }
    RunSelection* selection() const { return m_selection; }
    /// Every run's story this session (published, received, reported).
    RunLedger* ledger() const { return m_ledger; }
    Sandbox* sandbox() const { return m_sandbox; }
    /// The watched consumer groups' committed offsets (the groups panel polls them).
    GroupCommits* groupCommits() const { return m_groupCommits; }

    /// Where a pane may ask the window to go.
    enum class Place
    {
        Preview,
        Publish,
        Runs,
        Report,
        Editor
    };
    Q_ENUM(Place)

Q_SIGNALS:
    /// A pane asks for `runId`'s timeline (empty: the selected run's).
    void timelineRequested(const QString& runId);
    /// A pane asks the window to show a place (a tab, or the editor).
    void placeRequested(porthole::Session::Place place);
    /// The Report tab should take the selected run (never sends by itself).
    void reportOnSelectionRequested();
    /// A message's value should become the preview's context.
    void contextOffered(const QByteArray& json);
    /// A pane asks for `runId`'s diagnosis (empty: the selected run's).
    void diagnoseRequested(const QString& runId);
    /// The Runs table should select the newest row of `runId`.
    void runRowRequested(const QString& runId);
    /// The groups panel should show `group`.
    void groupRequested(const QString& group);
    /// A context the preview takes as it is, with words saying where its parts came from (a
    /// workflow node's chained context: trigger inputs, upstream outputs, fresh ids).
    void contextOfferedFrom(const QByteArray& json, const QString& origin);
    /// Something to tell the user in the status bar.
    void told(const QString& text, int timeoutMs);

private:
    Sandbox* m_sandbox;
    PortAccount* m_account;
    ConnectionState* m_connection;
    RenderInputs* m_render;
    RunSelection* m_selection;
    RunLedger* m_ledger;
    GroupCommits* m_groupCommits;
};

} // namespace porthole

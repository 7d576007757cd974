// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/noderenderer.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace Ui {
class PreviewPane;
}

namespace porthole {

class NodeEditor;
class Session;

/// What Port would send: the rendered messages, every template's value or error, and the
/// context they were rendered against (presets, fresh run ids, editable JSON). The context and
/// options in force are the session's RenderInputs; a message offered as context (the Runs
/// tab's "Use as context") comes in through the session.
class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    /// `session` null: a private one (a pane on its own, in a test).
    explicit PreviewPane(Session* session = nullptr, QWidget* parent = nullptr);
    ~PreviewPane() override;

    /// Chooses a context preset (0: workflow run, 1: self-service action).
    void usePreset(int index);
    /// Gives the context's runs fresh ids.
    void newRunIds();

    /// Shows an analysis of the node.
    void showRender(const std::shared_ptr<const RenderedNode>& result);
    /// The context currently in force (the last one that parsed).
    const JsonValue& context() const { return m_context; }
    RenderOptions options() const;
    /// The context editor's text (what a draft keeps).
    QByteArray contextText() const;
    /// Replaces the context editor's text, as if typed (it is applied when it parses).
    void setContextText(const QByteArray& text);
    /// The context editor (Tab handling and focus follow the window's keyboard settings).
    NodeEditor* contextEditor() const { return m_contextEdit; }
    /// Loads a context file into the editor (applied when it parses); false with the reason in
    /// the status line when it cannot be read.
    bool loadContextFile(const QString& path);
    /// Writes the context editor's text to `path`.
    bool saveContextFile(const QString& path);
    /// Which context is in force, in words: the preset's name (", edited" when typed in) or
    /// the file it was loaded from (for the run timeline's "rendered" line).
    QString contextDescription() const;
    /// Puts `json` in force as the context, `origin` (where its parts came from) under it.
    void useContext(const QByteArray& json, const QString& origin);

Q_SIGNALS:
    /// The context or an option changed: the node must be rendered again.
    void renderInputChanged(const porthole::JsonValue& context,
                            const porthole::RenderOptions& options);
    /// The user typed in the context editor.
    void contextEditedByUser();

private:
    QComboBox* m_preset;
    QCheckBox* m_strict;
    QComboBox* m_arrayMode;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_messages;
    QTreeWidget* m_templates;
    NodeEditor* m_contextEdit;
    QLabel* m_contextStatus;
    QLabel* m_summary;
    std::unique_ptr<Ui::PreviewPane> m_ui; // the form (ui/previewpane.ui)
    JsonValue m_context;
    bool m_settingContext = false;
    int m_shownPreset = -1;
    QString m_contextFile;             // the file the context was loaded from (empty: a preset)
    QString m_contextOrigin;           // a context offered with its origin (a workflow node's)
    QHash<int, QString> m_presetEdits; // preset -> the user's edited text, kept across switches
    Session* m_shared;
    void loadPreset();
    void contextEdited();
    void announce();
};

} // namespace porthole

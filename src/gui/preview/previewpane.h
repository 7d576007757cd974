#pragma once

#include "template/noderenderer.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace porthole {

/// What Port would send: the rendered messages, every template's value or error, and the
/// context they were rendered against (presets, fresh run ids, editable JSON).
class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(QWidget* parent = nullptr);

    /// Shows an analysis of the node.
    void showRender(const std::shared_ptr<const RenderedNode>& result);
    /// The context currently in force (the last one that parsed).
    const JsonValue& context() const { return m_context; }
    RenderOptions options() const;

Q_SIGNALS:
    /// The context or an option changed: the node must be rendered again.
    void renderInputChanged(const porthole::JsonValue& context,
                            const porthole::RenderOptions& options);

private:
    QComboBox* m_preset;
    QCheckBox* m_strict;
    QComboBox* m_arrayMode;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_messages;
    QTreeWidget* m_templates;
    QPlainTextEdit* m_contextEdit;
    QLabel* m_contextStatus;
    QLabel* m_summary;
    JsonValue m_context;
    bool m_settingContext = false;
    void loadPreset();
    void newRunIds();
    void contextEdited();
    void announce();
};

} // namespace porthole

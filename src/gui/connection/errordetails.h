// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QToolButton;

namespace porthole {

/// A "Details" expander under an error line: the line says the cause in words
/// (KafkaErrors::summary), librdkafka's own text waits here, folded, for whoever needs it.
/// Hidden while it has nothing to hold.
class ErrorDetails : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorDetails(QWidget* parent = nullptr);

    /// The original text; empty hides the expander (and folds it for next time).
    void setDetails(const QString& text);
    QString details() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);
    QToolButton* toggle() const { return m_toggle; }

private:
    QToolButton* m_toggle;
    QPlainTextEdit* m_text;
};

} // namespace porthole

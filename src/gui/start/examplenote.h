// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace porthole {

class ExampleIndex;

/// The line above the editor for an example that holds a mistake on purpose ("This example has
/// a Go-template date on purpose: see the fix in Problems"), so a red squiggle on a first launch
/// reads as a lesson, not a bug. The words come from the examples' index; any other file hides
/// it.
class ExampleNote : public QFrame
{
    Q_OBJECT
public:
    explicit ExampleNote(const ExampleIndex& examples, QWidget* parent = nullptr);

    /// The document now open (empty: none).
    void showFor(const QString& path);
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    const ExampleIndex& m_examples;
    QLabel* m_text;
    void colour();
};

} // namespace porthole

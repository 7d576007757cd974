// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAbstractButton;

namespace porthole {

class ExampleIndex;

/// What a first launch shows, and what the window shows whenever no file is open: one sentence
/// on what Porthole does, and the ways in: an example (each with its line from the examples'
/// index), a file or workflow of one's own, the demo, or a connection to Port's EU/US cluster.
/// It only asks; the window does the opening.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(const ExampleIndex& examples, QWidget* parent = nullptr);

    /// The example buttons, in the index's order (for tests and the keyboard).
    QList<QAbstractButton*> exampleButtons() const { return m_examples; }

Q_SIGNALS:
    /// An example was chosen: its path in the app (":/examples/…").
    void exampleRequested(const QString& path);
    void openFileRequested();
    void demoRequested();
    /// Connect to Port's cluster: the connection's profile name ("port-eu" or "port-us").
    void connectRequested(const QString& profile);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QList<QAbstractButton*> m_examples;
    QAbstractButton* m_demo = nullptr;
};

} // namespace porthole

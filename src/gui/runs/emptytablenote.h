// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

#include <functional>

class QAbstractItemView;

namespace porthole {

/// A sentence in the middle of an empty table saying what it waits for ("Watching … from the
/// end: publish a message …"); hidden as soon as a row shows. The text comes from `text`,
/// asked again on refresh() and whenever the view's rows change.
class EmptyTableNote : public QLabel
{
    Q_OBJECT
public:
    EmptyTableNote(QAbstractItemView* view, std::function<QString()> text);

    /// Asks for the text again (the watch, the filter or the source changed).
    void refresh();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAbstractItemView* m_view;
    std::function<QString()> m_text;
    void place();
};

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/nodedocument.h"

#include <QFrame>

class QLabel;

namespace porthole {

/// The line above the editor that offers work an earlier session autosaved but never saved
/// (it crashed or was killed): Restore or Discard. Not a dialog, so a launch never blocks.
class DraftBar : public QFrame
{
    Q_OBJECT
public:
    explicit DraftBar(QWidget* parent = nullptr);
    /// Shows the offer for `draft`.
    void offer(const NodeDocument::Draft& draft);
    const NodeDocument::Draft& draft() const { return m_draft; }

Q_SIGNALS:
    void restoreRequested(const porthole::NodeDocument::Draft& draft);
    void discardRequested();

private:
    QLabel* m_text;
    NodeDocument::Draft m_draft;
};

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setting.h"

#include <QByteArray>
#include <QStringList>

namespace porthole {

/// What only the desktop app remembers: its window's layout, zoom and keyboard choice. Kept
/// out of core's AppSettings, which the command line links too. Nothing here is a secret.
struct GuiSettings
{
    static inline const Setting<QByteArray> windowGeometry{"window/geometry", {}};
    static inline const Setting<QByteArray> windowState{"window/state", {}};
    static inline const Setting<QByteArray> mainSplitter{"window/mainSplitter", {}};
    static inline const Setting<QByteArray> nodeSplitter{"window/nodeSplitter", {}};
    static inline const Setting<int> sideTab{"window/sideTab", 0};
    static inline const Setting<bool> editorTabMovesFocus{"editor/tabMovesFocus", false};
    /// View ▸ Zoom: points added to the editors', tables' and text views' normal size.
    static inline const Setting<int> viewZoom{"view/zoom", 0};

    /// Every key above (a test checks none names a secret).
    static QStringList keys()
    {
        return {windowGeometry.key(), windowState.key(), mainSplitter.key(),
                nodeSplitter.key(),   sideTab.key(),     editorTabMovesFocus.key(),
                viewZoom.key()};
    }
};

} // namespace porthole

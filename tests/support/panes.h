// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Tests reach the window's panes the way a user's eye does: by finding them. The window
// exposes none of them (panes talk through the session), so a test asks for the one widget of
// a type, and fails loudly when there is not exactly one.
#include <QWidget>

#include <stdexcept>

namespace porthole::test {

template <class T> T* pane(const QWidget* window)
{
    const auto all = window->findChildren<T*>();
    if (all.size() != 1)
        throw std::logic_error("expected exactly one widget of the asked type");
    return all.first();
}

} // namespace porthole::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace porthole {

/// A Port run id: "wfr_" (workflow run), "wfnr_" (workflow node run) or "r_" (classic action
/// run) followed by letters and digits. Port's own ids carry exactly 16 of them
/// (port-reference.md); hand-made ids such as "wfnr_bulk00001" have other lengths. Both are
/// recognised, the hand-made ones flagged unusual, so a message that names a run never loses
/// its id. The one place these rules live: the decoder, the context presets, the Port request
/// rules and the local Port API all use it.
class RunId
{
public:
    enum class Kind
    {
        WorkflowRun,
        NodeRun,
        ActionRun
    };
    /// Letters and digits after the prefix in Port's own ids.
    static constexpr size_t kPortLength = 16;
    /// The longest tail an unusual id may have; longer runs of letters are no id.
    static constexpr size_t kMaxLength = 64;

    RunId() = default;

    /// `text` as a whole when it is a run id (Port's form or unusual), else a null id.
    static RunId parse(std::string_view text);
    /// True when `text` is exactly `kind`'s prefix + 16 letters/digits, as Port makes them.
    static bool isPortForm(std::string_view text, Kind kind);
    /// A fresh id in Port's form: prefix + 16 random letters/digits.
    static RunId generate(Kind kind);
    /// "wfr_", "wfnr_" or "r_".
    static std::string_view prefix(Kind kind);

    /// The next run id in `text` at or after `pos`, anywhere (JSON or not), not glued to other
    /// letters, digits or '_'; a null id when there is none. `pos` moves past what was read.
    static RunId findNext(std::string_view text, size_t& pos);

    bool isNull() const { return m_text.empty(); }
    Kind kind() const { return m_kind; }
    const std::string& text() const { return m_text; }
    /// True for an id that is not in Port's 16-character form (shown as "unusual id").
    bool isUnusual() const { return m_unusual; }

    bool operator==(const RunId&) const = default;

private:
    friend class FreshRunIds; // makes ids in Port's form without parsing them again
    std::string m_text;
    Kind m_kind = Kind::WorkflowRun;
    bool m_unusual = false;
};

} // namespace porthole

// SPDX-License-Identifier: GPL-3.0-or-later
#include "hexdump.h"

namespace porthole {

QString hexDump(std::string_view bytes)
{
    static const char digits[] = "0123456789abcdef";
    QString out;
    // 78 characters a line: offset 8 + 2, hex 16 × 3 + 1, space, ASCII 16, newline.
    out.reserve(qsizetype((bytes.size() + 15) / 16) * 78);
    for (size_t row = 0; row < bytes.size(); row += 16) {
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (size_t i = row; i < row + 16; ++i) {
            if (i < bytes.size()) {
                const auto c = static_cast<unsigned char>(bytes[i]);
                out += QLatin1Char(digits[c >> 4]);
                out += QLatin1Char(digits[c & 15]);
                out += QLatin1Char(' ');
                ascii += (c >= 0x20 && c < 0x7f) ? QLatin1Char(char(c)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == row + 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    return out;
}

} // namespace porthole

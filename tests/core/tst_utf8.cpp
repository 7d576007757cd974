// SPDX-License-Identifier: GPL-3.0-or-later
// Utf8: the one UTF-8/WTF-8 module every layer uses. Validity is checked against Qt's own
// validator over every sequence of up to three bytes and every four-byte lead.
#include "core/utf8.h"

#include <QByteArrayView>
#include <QTest>

using namespace porthole;

class TestUtf8 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validityAgreesWithQt()
    {
        std::string s;
        int checked = 0;
        auto check = [&] {
            ++checked;
            const bool ours = Utf8::isValid(s);
            const bool qt = QByteArrayView(s.data(), qsizetype(s.size())).isValidUtf8();
            if (ours != qt)
                QFAIL(qPrintable(QStringLiteral("%1: ours %2, Qt %3")
                                     .arg(QString::fromLatin1(
                                         QByteArray(s.data(), qsizetype(s.size())).toHex(' ')))
                                     .arg(ours)
                                     .arg(qt)));
        };
        for (int a = 0; a < 256; ++a) {
            s.assign(1, char(a));
            check();
            for (int b = 0; b < 256; ++b) {
                s.assign({char(a), char(b)});
                check();
                if (a < 0xE0)
                    continue;
                for (int c = 0; c < 256; ++c) {
                    s.assign({char(a), char(b), char(c)});
                    check();
                    if (a >= 0xF0 && (c == 0x80 || c == 0xBF || c == 0x41))
                        for (int d : {0x41, 0x80, 0x9F, 0xBF, 0xC0}) {
                            s.assign({char(a), char(b), char(c), char(d)});
                            check();
                        }
                }
            }
        }
        QVERIFY(checked > 2000000);
    }

    void surrogatesAreWtf8NotUtf8()
    {
        const std::string lone = "\xED\xA0\x80"; // U+D800 encoded
        uint32_t cp = 0;
        QCOMPARE(Utf8::decode(lone, 0, cp), 3);
        QCOMPARE(cp, uint32_t(0xD800));
        QCOMPARE(Utf8::validLength(lone, 0), 0);
        size_t i = 0;
        QCOMPARE(Utf8::next(lone, i), uint32_t(0xD800));
        QCOMPARE(i, size_t(3));
        std::string out;
        Utf8::append(out, 0xD800);
        QCOMPARE(out, lone);
    }

    void nextReplacesBadBytesOneAtATime()
    {
        const std::string s = "a\xC3\xA9\xFF\xE2\x82z\xF0\x9F\x98\x80";
        std::vector<uint32_t> cps;
        for (size_t i = 0; i < s.size();)
            cps.push_back(Utf8::next(s, i));
        const std::vector<uint32_t> expected{'a', 0xE9, 0xFFFD, 0xFFFD, 0xFFFD, 'z', 0x1F600};
        QCOMPARE(cps, expected);
    }

    void appendRoundTrips()
    {
        for (uint32_t cp : {0x24u, 0xA2u, 0x20ACu, 0x10348u, 0x10FFFFu}) {
            std::string out;
            Utf8::append(out, cp);
            uint32_t back = 0;
            QCOMPARE(Utf8::decode(out, 0, back), int(out.size()));
            QCOMPARE(back, cp);
        }
    }

    void cutSequenceStartFindsACutTail()
    {
        QCOMPARE(Utf8::cutSequenceStart("abc"), std::string_view::npos);
        QCOMPARE(Utf8::cutSequenceStart("ab\xC3\xA9"), std::string_view::npos);
        QCOMPARE(Utf8::cutSequenceStart("ab\xC3"), size_t(2));
        QCOMPARE(Utf8::cutSequenceStart("ab\xF0\x9F\x98"), size_t(2));
        QCOMPARE(Utf8::cutSequenceStart("ab\xE2\x82"), size_t(2));
        QCOMPARE(Utf8::cutSequenceStart(""), std::string_view::npos);
        QCOMPARE(Utf8::cutSequenceStart("\x80\x80\x80\x80"), std::string_view::npos);
    }
};

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"

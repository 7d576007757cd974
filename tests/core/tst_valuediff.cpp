// SPDX-License-Identifier: GPL-3.0-or-later
// The Runs table's "Compare values" below the GUI: the line diff is a shortest edit script
// (checked against an LCS computed independently), JSON is compared in one canonical form
// (member order and spacing never differ), the keys that differ are named, other values diff
// as text or hex; and the hex dump the Raw tab shows.
#include "core/hexdump.h"
#include "core/linediff.h"
#include "core/valuediff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace porthole;
using Kind = LineDiff::Line::Kind;

namespace {

// Lines from literals (the project builds with QT_NO_CAST_FROM_ASCII).
QStringList sl(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out << QString::fromUtf8(item);
    return out;
}

// The length of the longest common subsequence, by the textbook table.
int lcs(const QStringList& a, const QStringList& b)
{
    std::vector<std::vector<int>> t(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1)));
    for (qsizetype i = 1; i <= a.size(); ++i)
        for (qsizetype j = 1; j <= b.size(); ++j)
            t[size_t(i)][size_t(j)] = a[i - 1] == b[j - 1] ? t[size_t(i - 1)][size_t(j - 1)] + 1
                                                           : std::max(t[size_t(i - 1)][size_t(j)],
                                                                      t[size_t(i)][size_t(j - 1)]);
    return t[size_t(a.size())][size_t(b.size())];
}

// Every line of both sides once, in order; same lines equal; returns the number of edits.
int checkScript(const QStringList& a, const QStringList& b, const std::vector<LineDiff::Line>& s)
{
    int nextLeft = 0, nextRight = 0, edits = 0;
    for (const LineDiff::Line& line : s) {
        if (line.kind != Kind::Added) {
            if (line.left != nextLeft++)
                return -1;
        }
        if (line.kind != Kind::Removed) {
            if (line.right != nextRight++)
                return -1;
        }
        if (line.kind == Kind::Same && a[line.left] != b[line.right])
            return -1;
        edits += line.kind != Kind::Same;
    }
    return nextLeft == a.size() && nextRight == b.size() ? edits : -1;
}

QStringList randomLines(QRandomGenerator& rng, int count, int alphabet)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << QString::number(rng.bounded(alphabet));
    return out;
}

QStringList markedLines(const ValueDiff::Result& r, Kind kind)
{
    QStringList out;
    for (const LineDiff::Line& line : r.lines)
        if (line.kind == kind)
            out << (kind == Kind::Removed ? r.left.lines[line.left] : r.right.lines[line.right])
                       .trimmed();
    return out;
}

} // namespace

class TestValueDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownSmallDiff()
    {
        const QStringList a = sl({"a", "b", "c", "d"});
        const QStringList b = sl({"a", "x", "c", "d", "e"});
        bool gaveUp = true;
        const auto s = LineDiff::diff(a, b, &gaveUp);
        QVERIFY(!gaveUp);
        QCOMPARE(s.size(), size_t(6));
        QCOMPARE(checkScript(a, b, s), 3);
        QCOMPARE(int(s[0].kind), int(Kind::Same));
        QCOMPARE(int(s[1].kind), int(Kind::Removed));
        QCOMPARE(s[1].left, 1);
        QCOMPARE(int(s[2].kind), int(Kind::Added));
        QCOMPARE(s[2].right, 1);
        QCOMPARE(int(s[5].kind), int(Kind::Added));
        QCOMPARE(s[5].right, 4);
    }

    void edgeCases()
    {
        QCOMPARE(LineDiff::diff({}, {}).size(), size_t(0));
        const auto added = LineDiff::diff({}, sl({"x", "y"}));
        QCOMPARE(checkScript({}, sl({"x", "y"}), added), 2);
        const auto removed = LineDiff::diff(sl({"x", "y"}), {});
        QCOMPARE(checkScript(sl({"x", "y"}), {}, removed), 2);
        const QStringList same = sl({"p", "q", "p"});
        QCOMPARE(checkScript(same, same, LineDiff::diff(same, same)), 0);
    }

    // The fewest edits: n + m - 2 × LCS, on a few hundred random pairs (a small alphabet
    // makes many equal lines, the hard case for a diff).
    void shortestEditScriptAgainstLcs()
    {
        QRandomGenerator rng(24);
        for (int round = 0; round < 300; ++round) {
            const QStringList a = randomLines(rng, int(rng.bounded(40)), 1 + round % 6);
            const QStringList b = randomLines(rng, int(rng.bounded(40)), 1 + round % 6);
            const auto s = LineDiff::diff(a, b);
            const int edits = checkScript(a, b, s);
            QVERIFY2(edits >= 0, qPrintable(a.join(QLatin1Char(',')) + QStringLiteral(" | ") +
                                            b.join(QLatin1Char(','))));
            QCOMPARE(edits, int(a.size() + b.size()) - 2 * lcs(a, b));
        }
    }

    void hugeDifferenceGivesUpCleanly()
    {
        QStringList a, b;
        for (int i = 0; i < 3000; ++i) {
            a << QStringLiteral("left %1").arg(i);
            b << QStringLiteral("right %1").arg(i);
        }
        a.prepend(QStringLiteral("common"));
        b.prepend(QStringLiteral("common"));
        bool gaveUp = false;
        const auto s = LineDiff::diff(a, b, &gaveUp);
        QVERIFY(gaveUp); // 6000 edits > kMaxEdits
        QCOMPARE(checkScript(a, b, s), 6000);
        QCOMPARE(int(s[0].kind), int(Kind::Same));
        QCOMPARE(int(s[1].kind), int(Kind::Removed));
        QCOMPARE(int(s.back().kind), int(Kind::Added));
    }

    void jsonIsComparedCanonically()
    {
        // Same members in another order, other spacing: no line differs, no key differs.
        const auto r = ValueDiff::compare(std::string(R"({"b":1,"a":{"d":[1,2],"c":"x"}})"),
                                          std::string("{ \"a\" : {\"c\":\"x\", \"d\":[1, 2]},\n"
                                                      "  \"b\": 1 }"));
        QVERIFY(r.bothJson);
        QCOMPARE(int(r.left.form), int(ValueDiff::Side::Form::Json));
        QCOMPARE(r.left.lines, r.right.lines);
        QCOMPARE(r.left.lines.first(), QStringLiteral("{"));
        QCOMPARE(r.left.lines.at(1), QStringLiteral("  \"a\": {"));
        QCOMPARE(r.left.lines.at(2), QStringLiteral("    \"c\": \"x\","));
        QCOMPARE(r.removedLines + r.addedLines, 0);
        QVERIFY(r.keys.empty());
    }

    void changedKeysAreNamed()
    {
        const auto r = ValueDiff::compare(
            std::string(R"({"run":"r_1","status":"IN_PROGRESS","payload":{"a":1,"b":[1,2]},)"
                        R"("gone":true})"),
            std::string(R"({"payload":{"b":[1,3],"a":1,"c":null},"status":"COMPLETED",)"
                        R"("run":"r_1"})"));
        QVERIFY(r.bothJson);
        QStringList paths;
        QList<int> kinds;
        for (const auto& k : r.keys) {
            paths << k.path;
            kinds << int(k.kind);
        }
        QCOMPARE(paths, sl({"gone", "payload.b", "payload.c", "status"}));
        QCOMPARE(kinds, QList<int>({int(ValueDiff::KeyChange::Kind::Removed),
                                    int(ValueDiff::KeyChange::Kind::Changed),
                                    int(ValueDiff::KeyChange::Kind::Added),
                                    int(ValueDiff::KeyChange::Kind::Changed)}));
        // The lines marked: exactly those of the changed keys (and the array's changed element,
        // and the bracket that gained a comma when "c" was added after it).
        QCOMPARE(markedLines(r, Kind::Removed),
                 sl({"\"gone\": true,", "2", "]", "\"status\": \"IN_PROGRESS\""}));
        QCOMPARE(markedLines(r, Kind::Added),
                 sl({"3", "],", "\"c\": null", "\"status\": \"COMPLETED\""}));
    }

    void wholeValueChangeHasAnEmptyPath()
    {
        const auto r = ValueDiff::compare(std::string("[1,2]"), std::string(R"({"a":1})"));
        QVERIFY(r.bothJson);
        QCOMPARE(r.keys.size(), size_t(1));
        QCOMPARE(r.keys[0].path, QString());
    }

    void textBinaryAndTombstones()
    {
        const auto text =
            ValueDiff::compare(std::string("one\ntwo\nthree\n"), std::string("one\n2\nthree"));
        QVERIFY(!text.bothJson);
        QCOMPARE(int(text.left.form), int(ValueDiff::Side::Form::Text));
        QCOMPARE(text.left.lines, sl({"one", "two", "three"}));
        QCOMPARE(text.removedLines, 1);
        QCOMPARE(text.addedLines, 1);

        const auto binary = ValueDiff::compare(std::string("\xff\x00\x01", 3), std::string("ok"));
        QCOMPARE(int(binary.left.form), int(ValueDiff::Side::Form::Hex));
        QVERIFY(binary.left.lines.first().startsWith(QStringLiteral("00000000  ff 00 01")));

        const auto tomb = ValueDiff::compare(std::nullopt, std::string(R"({"a":1})"));
        QCOMPARE(int(tomb.left.form), int(ValueDiff::Side::Form::Null));
        QVERIFY(tomb.left.lines.isEmpty());
        QVERIFY(!tomb.bothJson);
        QCOMPARE(tomb.addedLines, 3);
    }

    void bigValuesAreCut()
    {
        // A multi-byte character right at the cut is left out whole, never half.
        std::string big(ValueDiff::kMaxBytes - 1, 'x');
        big += "\xc3\xa9tail";
        const ValueDiff::Side side = ValueDiff::canonical(big);
        QVERIFY(side.cut);
        QCOMPARE(int(side.form), int(ValueDiff::Side::Form::Text));
        QCOMPARE(side.lines.first().size(), qsizetype(ValueDiff::kMaxBytes - 1));
    }

    void hexDumpLayout()
    {
        std::string bytes;
        for (int i = 0; i < 20; ++i)
            bytes += char(0x41 + i);
        bytes[3] = '\n';
        const QString dump = hexDump(bytes);
        const QStringList lines = dump.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QStringLiteral("00000000  41 42 43 0a 45 46 47 48  49 4a 4b 4c 4d 4e "
                                          "4f 50  ABC.EFGHIJKLMNOP"));
        QCOMPARE(lines[1], QStringLiteral("00000010  51 52 53 54") + QString(39, QLatin1Char(' ')) +
                               QStringLiteral("QRST"));
        QCOMPARE(hexDump({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestValueDiff)
#include "tst_valuediff.moc"

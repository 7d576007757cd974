// SPDX-License-Identifier: GPL-3.0-or-later
// Format document: only whitespace changes; order, duplicates and spellings stay.
#include "core/jsonformatter.h"
#include "core/jsonparser.h"

#include <QTest>

using namespace porthole;

class TestJsonFormatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsOrderAndSpelling()
    {
        const std::string in =
            R"({"z":1.50,"a":{"k":"\u00e9{{ .x }}","n":[1e3, true,null,{}],"e":[]},"z":-0})";
        const auto out = formatJson(in);
        QVERIFY(out);
        QCOMPARE(QString::fromStdString(*out), QStringLiteral(R"({
  "z": 1.50,
  "a": {
    "k": "\u00e9{{ .x }}",
    "n": [
      1e3,
      true,
      null,
      {}
    ],
    "e": []
  },
  "z": -0
}
)"));
        // Formatting a formatted text changes nothing.
        QCOMPARE(formatJson(*out), out);
    }

    void invalidJsonIsLeftAlone()
    {
        QVERIFY(!formatJson(R"({"a":})"));
        QVERIFY(!formatJson(""));
    }

    void scalarRoot() { QCOMPARE(formatJson(" \"x\" "), std::optional<std::string>("\"x\"\n")); }
};

QTEST_GUILESS_MAIN(TestJsonFormatter)
#include "tst_jsonformatter.moc"

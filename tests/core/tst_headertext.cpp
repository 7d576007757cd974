// SPDX-License-Identifier: GPL-3.0-or-later
// HeaderText: NAME=VALUE as `publish --header` and the Publish tab's Headers box read it.
#include "core/headertext.h"

#include <QTest>

using namespace porthole;

class TestHeaderText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nameIsTrimmedValueIsKept_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << "trace=abc"
                               << "trace"
                               << "abc";
        QTest::newRow("spaces around the name") << "  trace \t=abc"
                                                << "trace"
                                                << "abc";
        QTest::newRow("value keeps its spaces") << "a= b "
                                                << "a"
                                                << " b ";
        QTest::newRow("value holds '='") << "a=b=c"
                                         << "a"
                                         << "b=c";
        QTest::newRow("empty value") << "a="
                                     << "a"
                                     << "";
        QTest::newRow("inner space stays") << "my name=v"
                                           << "my name"
                                           << "v";
    }
    void nameIsTrimmedValueIsKept()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QString error;
        const auto h = HeaderText::parse(text, &error);
        QVERIFY2(h, qPrintable(error));
        QCOMPARE(QString::fromStdString(h->first), name);
        QCOMPARE(QString::fromStdString(h->second), value);
    }

    void badHeadersSayWhy()
    {
        QString error;
        QVERIFY(!HeaderText::parse(u"novalue", &error));
        QCOMPARE(error, QStringLiteral("'novalue' is not NAME=VALUE"));
        QVERIFY(!HeaderText::parse(u"=v", &error));
        QCOMPARE(error, QStringLiteral("'=v' has no name before '='"));
        QVERIFY(!HeaderText::parse(u"  =v", &error));
        QCOMPARE(error, QStringLiteral("'  =v' has no name before '='"));
    }

    void linesNameTheBadLine()
    {
        QString error;
        const auto ok = HeaderText::parseLines(u"a=1\n\n  \n b =2", &error);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(ok->size(), size_t(2));
        QCOMPARE(ok->at(1), (HeaderText::Header{"b", "2"}));
        QVERIFY(!HeaderText::parseLines(u"a=1\n\n =x", &error));
        QCOMPARE(error, QStringLiteral("line 3: ' =x' has no name before '='"));
    }
};

QTEST_APPLESS_MAIN(TestHeaderText)
#include "tst_headertext.moc"

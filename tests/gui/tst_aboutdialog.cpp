// SPDX-License-Identifier: GPL-3.0-or-later
// Help ▸ About names the versions of the libraries Porthole runs on; they are checked against
// what other programs on the machine report for the same libraries (kcat links librdkafka,
// jq is built from the same Debian source as libjq).
#include "gui/aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using porthole::AboutDialog;

namespace {

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(10000))
        return QString();
    return QString::fromUtf8(p.readAll());
}

QString label(const AboutDialog& dialog, const char* name)
{
    const auto* l = dialog.findChild<QLabel*>(QString::fromLatin1(name));
    return l ? l->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionsMatchTheMachinesLibraries()
    {
        AboutDialog dialog;
        QCOMPARE(label(dialog, "portholeVersion"), QStringLiteral(PORTHOLE_VERSION));
        QVERIFY2(label(dialog, "qtVersion").startsWith(QString::fromLatin1(qVersion())),
                 qPrintable(label(dialog, "qtVersion")));

        // "Version 1.7.1 (JSON, ..., librdkafka 2.0.2 builtin.features=...)"
        const QString kcat = run(QStringLiteral("kcat"), {QStringLiteral("-V")});
        const auto rdkafka = QRegularExpression(QStringLiteral("librdkafka (\\S+)")).match(kcat);
        QVERIFY2(rdkafka.hasMatch(), qPrintable(kcat));
        QCOMPARE(label(dialog, "librdkafkaVersion"), rdkafka.captured(1));

        // "jq-1.6"
        const QString jq = run(QStringLiteral("jq"), {QStringLiteral("--version")}).trimmed();
        QVERIFY2(jq.startsWith(QStringLiteral("jq-")), qPrintable(jq));
        QCOMPARE(label(dialog, "jqVersion"), QStringLiteral("%1 (built against)").arg(jq.mid(3)));
    }

    // The licence line names what LICENSE holds: the GPL, version 3, "or later".
    void licenceIsTheGplVersion3OrLater()
    {
        QFile file(QStringLiteral(PORTHOLE_TEST_DATA "/../../LICENSE"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.read(200)).simplified();
        QVERIFY2(text.startsWith(QStringLiteral("GNU GENERAL PUBLIC LICENSE Version 3,")),
                 qPrintable(text));
        AboutDialog dialog;
        const QString licence = label(dialog, "licence");
        QVERIFY2(licence.contains(QStringLiteral("(GPL-3.0-or-later)")), qPrintable(licence));
        QVERIFY2(licence.contains(QStringLiteral("version 3 or later")), qPrintable(licence));
    }

    void copyPutsEveryVersionOnTheClipboard()
    {
        AboutDialog dialog;
        QApplication::clipboard()->clear();
        auto* copy = dialog.findChild<QPushButton*>(QStringLiteral("copyVersions"));
        QVERIFY(copy);
        copy->click();
        const QString text = QApplication::clipboard()->text();
        QCOMPARE(text, dialog.versionsText());
        QVERIFY2(text.startsWith(QStringLiteral("Porthole " PORTHOLE_VERSION "\nQt ")),
                 qPrintable(text));
        QCOMPARE(text.count(QLatin1Char('\n')), 4);
        QVERIFY(
            text.contains(QStringLiteral("\nlibrdkafka ") + label(dialog, "librdkafkaVersion")));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"

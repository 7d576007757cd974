// SPDX-License-Identifier: GPL-3.0-or-later
// The node document (open, save, save as, modified, recent files, drafts) and the typed
// settings behind it, against real files in a throw-away folder.
#include "core/appsettings.h"
#include "core/nodedocument.h"
#include "support/throwawaysettings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace porthole;

class TestNodeDocument : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = QDir(m_settings.path()).filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void init() { QSettings().clear(); }

    void settingDefaultsAndTypes()
    {
        const Setting<int> tab{"test/tab", 0};
        QCOMPARE(tab.value(), 0);
        QVERIFY(!tab.isSet());
        tab.setValue(3);
        QCOMPARE(tab.value(), 3);
        QVERIFY(tab.isSet());
        // A value of the wrong type reads as the default rather than garbage.
        QSettings().setValue(AppSettings::previewStrict.key(), QStringLiteral("banana"));
        QCOMPARE(AppSettings::previewStrict.value(), false);
        QSettings().setValue(tab.key(), QStringLiteral("banana"));
        QCOMPARE(tab.value(), 0);
        AppSettings::previewStrict.setValue(true);
        QCOMPARE(AppSettings::previewStrict.value(), true);
        AppSettings::recentFiles.setValue({QStringLiteral("/only/one.json")});
        QCOMPARE(AppSettings::recentFiles.value(), QStringList{QStringLiteral("/only/one.json")});
        tab.reset();
        QCOMPARE(tab.value(), 0);
        // The file really is in the throw-away folder.
        QVERIFY(QSettings().fileName().startsWith(m_settings.path()));
    }

    // A setting says when it changes, and only then: storing the same value again writes
    // nothing and says nothing (no QSettings write per keystroke of an unchanged field).
    void settingTellsItsChanges()
    {
        const Setting<QString> key{"test/key", {}};
        QStringList heard;
        QObject context;
        key.onChange(&context, [&heard](const QString& v) { heard << v; });
        QSignalSpy any(SettingsNotifier::instance(), &SettingsNotifier::changed);
        key.setValue(QStringLiteral("a"));
        key.setValue(QStringLiteral("a"));
        key.setValue(QStringLiteral("b"));
        AppSettings::autosaveSeconds.setValue(7);
        QCOMPARE(heard, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(any.count(), 3);
        QCOMPARE(any.at(2).at(0).toString(), AppSettings::autosaveSeconds.key());
    }

    void noSettingNamesASecret()
    {
        const QStringList keys = AppSettings::keys();
        QVERIFY(keys.size() >= 15);
        for (const QString& k : keys)
            for (const char* word : {"password", "secret", "token", "credential"})
                QVERIFY2(!k.contains(QLatin1String(word), Qt::CaseInsensitive), qPrintable(k));
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
    }

    void openSaveAndModified()
    {
        const QString a = write(QStringLiteral("a.json"), "{\"a\":1}");
        NodeDocument doc(m_settings.path() + QStringLiteral("/drafts"));
        QVERIFY(doc.isUntitled());
        QCOMPARE(doc.displayName(), QStringLiteral("Untitled node"));
        QString error;
        QVERIFY(!doc.save("x", &error)); // untitled: needs Save as
        QVERIFY(!error.isEmpty());

        const auto text = doc.open(a, &error);
        QVERIFY2(text, qPrintable(error));
        QCOMPARE(*text, QByteArray("{\"a\":1}"));
        QCOMPARE(doc.path(), a);
        QCOMPARE(doc.displayName(), QStringLiteral("a.json"));
        QVERIFY(!doc.isUntitled());

        QSignalSpy modified(&doc, &NodeDocument::modifiedChanged);
        doc.setModified(true);
        doc.setModified(true); // no second signal for no change
        QCOMPARE(modified.count(), 1);
        QVERIFY(doc.save("{\"a\":2}", &error));
        QVERIFY(!doc.isModified());
        QFile f(a);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{\"a\":2}"));

        const QString b = QDir(m_settings.path()).filePath(QStringLiteral("sub/b.json"));
        QVERIFY(!doc.saveAs(b, "{}", &error)); // no such folder: a clear error, path unchanged
        QVERIFY2(error.contains(QStringLiteral("b.json")), qPrintable(error));
        QCOMPARE(doc.path(), a);
        QVERIFY(QDir(m_settings.path()).mkdir(QStringLiteral("sub")));
        QVERIFY(doc.saveAs(b, "{}", &error));
        QCOMPARE(doc.path(), b);
        QCOMPARE(doc.lastFolder(), QFileInfo(b).absolutePath());
    }

    void openMissingFileSaysWhy()
    {
        NodeDocument doc(m_settings.path() + QStringLiteral("/drafts"));
        QString error;
        QVERIFY(!doc.open(QStringLiteral("/nonexistent/n.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/n.json")), qPrintable(error));
        QVERIFY(doc.isUntitled());
        QVERIFY(doc.recentFiles().isEmpty());
    }

    void recentFilesNewestFirstAndCapped()
    {
        NodeDocument doc(m_settings.path() + QStringLiteral("/drafts"));
        QString error;
        QStringList paths;
        for (int i = 0; i < 12; ++i)
            paths << write(QStringLiteral("r%1.json").arg(i), "{}");
        for (const QString& p : paths)
            QVERIFY(doc.open(p, &error));
        QVERIFY(doc.open(paths.at(5), &error)); // reopening moves it to the top, once
        const QStringList recent = doc.recentFiles();
        QCOMPARE(recent.size(), NodeDocument::maxRecent());
        QCOMPARE(recent.first(), paths.at(5));
        QCOMPARE(recent.at(1), paths.at(11));
        QCOMPARE(recent.count(paths.at(5)), 1);
        QVERIFY(!recent.contains(paths.at(0)));
        QCOMPARE(AppSettings::lastFile.value(), paths.at(5));
        // Examples are not files of the user's.
        QVERIFY(doc.open(QStringLiteral(":/nonexistent-resource"), &error) == std::nullopt);
        doc.clearRecentFiles();
        QVERIFY(doc.recentFiles().isEmpty());
    }

    void draftsSurviveAndGo()
    {
        const QString dir = m_settings.path() + QStringLiteral("/drafts");
        {
            NodeDocument doc(dir);
            QVERIFY(!doc.pendingDraft());
            QString error;
            QVERIFY(doc.open(write(QStringLiteral("d.json"), "{}"), &error));
            // Bytes that are not UTF-8 come back exactly.
            QVERIFY(doc.writeDraft(QByteArray("{\"x\":\"\xff\0\"}", 10), "{\"ctx\":1}"));
        } // "killed": nothing removed the draft
        NodeDocument next(dir);
        const auto draft = next.pendingDraft();
        QVERIFY(draft);
        QCOMPARE(draft->node, QByteArray("{\"x\":\"\xff\0\"}", 10));
        QCOMPARE(draft->context, QByteArray("{\"ctx\":1}"));
        QVERIFY(draft->path.endsWith(QStringLiteral("d.json")));
        QVERIFY(qAbs(draft->savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        next.discardDraft();
        QVERIFY(!next.pendingDraft());
    }
};

QTEST_GUILESS_MAIN(TestNodeDocument)
#include "tst_nodedocument.moc"

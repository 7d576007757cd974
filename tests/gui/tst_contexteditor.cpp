// SPDX-License-Identifier: GPL-3.0-or-later
// The Context tab as a real editor: squiggles and line numbers for errors, edits kept per
// preset, context files loaded and saved.
#include "gui/node/nodeeditor.h"
#include "gui/preview/previewpane.h"
#include "support/throwawaysettings.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QTest>

using namespace porthole;

class TestContextEditor : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;

private Q_SLOTS:
    void errorsAreSquiggledAndGoodTextApplies()
    {
        PreviewPane pane;
        NodeEditor* editor = pane.contextEditor();
        QCOMPARE(editor->objectName(), QStringLiteral("contextEditor"));
        QVERIFY(editor->marginLineNumbers(0));
        pane.setContextText("{\n  \"a\": ,\n}");
        auto* status = pane.findChild<QLabel*>(QStringLiteral("contextStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("line 2")), qPrintable(status->text()));
        QVERIFY(!editor->diagnostics().empty());
        QCOMPARE(editor->diagnostics().front().range.begin.line, 2);
        pane.setContextText("{\"a\": 1}");
        QVERIFY(editor->diagnostics().empty());
        QCOMPARE(pane.context()["a"].toNumber(), 1.0);
    }

    void editsAreKeptPerPreset()
    {
        PreviewPane pane;
        auto* preset = pane.findChild<QComboBox*>(QStringLiteral("contextPreset"));
        preset->setCurrentIndex(0);
        pane.setContextText("{\"mine\": true}");
        preset->setCurrentIndex(1);
        QVERIFY(!pane.contextText().contains("mine"));
        QVERIFY(pane.context()["action"].isObject()); // the action preset
        preset->setCurrentIndex(0);
        QCOMPARE(pane.contextText(), QByteArray("{\"mine\": true}"));
        QVERIFY(pane.context()["mine"].toBool());
    }

    void contextFilesLoadAndSave()
    {
        PreviewPane pane;
        pane.setContextText("{\"saved\": [1, 2]}");
        const QString path = QDir(m_settings.path()).filePath(QStringLiteral("ctx.json"));
        QVERIFY(pane.saveContextFile(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{\"saved\": [1, 2]}"));
        PreviewPane other;
        QVERIFY(other.loadContextFile(path));
        QCOMPARE(other.context()["saved"].elements().size(), size_t(2));
        QVERIFY(!other.loadContextFile(QStringLiteral("/nonexistent/ctx.json")));
        QVERIFY(other.findChild<QLabel*>(QStringLiteral("contextStatus"))
                    ->text()
                    .contains(QStringLiteral("/nonexistent/ctx.json")));
    }
};

QTEST_MAIN(TestContextEditor)
#include "tst_contexteditor.moc"

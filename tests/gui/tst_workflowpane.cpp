// SPDX-License-Identifier: GPL-3.0-or-later
// The Workflow tab as a user meets it (issue 23): open each example workflow and see its graph;
// choose a KAFKA node and see it in the editor with the context the nodes before it produce;
// give an upstream node an output and see it in the rendered message; edit the node and save,
// and every other byte of the file stays as it was; a planted mistake badges its node.
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/workflow/workflowmocks.h"
#include "gui/workflow/workflowpane.h"
#include "gui/workflow/workflowscene.h"
#include "gui/workflow/workflowview.h"
#include "sandbox/sandbox.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace porthole;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString example(const QString& name)
{
    return QStringLiteral(WORKFLOW_EXAMPLES "/") + name;
}

// A copy the test may write to.
QString copyOf(const QTemporaryDir& dir, const QString& name, const QByteArray& text = {})
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.isEmpty() ? readAll(example(name)) : text);
    return path;
}

} // namespace

class TestWorkflowPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachExampleDrawsItsNodesAndConnections()
    {
        const QStringList names = QDir(QStringLiteral(WORKFLOW_EXAMPLES))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files);
        QCOMPARE(names.size(), 3);
        for (const QString& name : names) {
            WorkflowPane pane;
            QVERIFY2(pane.openWorkflow(example(name), readAll(example(name))), qPrintable(name));
            const Workflow& w = pane.document().workflow();
            QCOMPARE(pane.scene()->nodes().size(), w.nodes().size());
            QCOMPARE(size_t(pane.scene()->edgeCount()), w.connections().size());
            for (size_t i = 0; i < w.nodes().size(); ++i)
                QCOMPARE(pane.scene()->nodes()[i]->id(), QString::fromStdString(w.nodes()[i].id));
            // A clean example has no badge, and its first KAFKA node is in the editor.
            for (const auto* item : pane.scene()->nodes())
                QVERIFY2(item->errors() == 0, qPrintable(item->problemText()));
            QVERIFY(!pane.chosenNode().isEmpty());
            QVERIFY2(pane.chain().ok, pane.chain().error.c_str());
        }
        // Outlets are written on their connections.
        WorkflowPane pane;
        const QString cache = example(QStringLiteral("provision-cache.json"));
        QVERIFY(pane.openWorkflow(cache, readAll(cache)));
        QVERIFY(
            pane.scene()->edgeLabels() ==
            (std::vector<QString>{QString(), QStringLiteral("large"), QStringLiteral("fallback"),
                                  QString(), QString(), QString()}));
        // A node file is not a workflow: the pane empties.
        QVERIFY(!pane.openWorkflow(QStringLiteral("node.json"),
                                   R"({"identifier":"n","config":{"type":"KAFKA","payload":{}}})"));
        QVERIFY(!pane.document().isOpen());
        QCOMPARE(pane.scene()->nodes().size(), size_t(0));
    }

    void keyboardMovesBetweenNodesAndEnterChooses()
    {
        WorkflowPane pane;
        pane.resize(600, 600);
        const QString path = example(QStringLiteral("build-then-deploy.json"));
        QVERIFY(pane.openWorkflow(path, readAll(path)));
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCOMPARE(pane.chosenNode(), QStringLiteral("build-image"));
        pane.view()->setFocus();
        QVERIFY(pane.chooseNode(QStringLiteral("start"))); // its output, not the editor
        QCOMPARE(pane.chosenNode(), QStringLiteral("build-image"));
        QVERIFY(pane.view()->hasFocus());
        pane.setCurrentIndex(0); // start
        QTest::keyClick(pane.view(), Qt::Key_Down);
        QCOMPARE(pane.currentIndex(), 1);
        QTest::keyClick(pane.view(), Qt::Key_Down);
        QCOMPARE(pane.currentIndex(), 2);
        QTest::keyClick(pane.view(), Qt::Key_Up);
        QCOMPARE(pane.currentIndex(), 1);
        QTest::keyClick(pane.view(), Qt::Key_Tab);
        QCOMPARE(pane.currentIndex(), 2);
        QVERIFY(pane.view()->hasFocus());
        QTest::keyClick(pane.view(), Qt::Key_Return);
        QCOMPARE(pane.chosenNode(), QStringLiteral("deploy-image"));
        // The parts of its context follow: the build node's output is one of them now.
        auto* sources = pane.findChild<QTreeWidget*>(QStringLiteral("workflowContextSources"));
        QStringList parts;
        for (int i = 0; i < sources->topLevelItemCount(); ++i)
            parts << sources->topLevelItem(i)->text(0);
        QVERIFY2(parts.contains(QStringLiteral(".outputs[\"build-image\"]")),
                 qPrintable(parts.join(QLatin1Char('|'))));
        QVERIFY(pane.scene()->nodes()[2]->isChosen());
        QVERIFY(!pane.scene()->nodes()[1]->isChosen());
        // Past the last node Tab leaves the graph.
        QTest::keyClick(pane.view(), Qt::Key_Tab);
        QVERIFY(!pane.view()->hasFocus());
    }

    void plantedMistakeBadgesItsNode()
    {
        QTemporaryDir dir;
        QByteArray text = readAll(example(QStringLiteral("build-then-deploy.json")));
        QVERIFY(text.contains(R"(.outputs[\"build-image\"].image)"));
        text.replace(R"(.outputs[\"build-image\"].image)", R"(.outputs[\"biuld-image\"].image)");
        WorkflowPane pane;
        QVERIFY(pane.openWorkflow(copyOf(dir, QStringLiteral("planted.json"), text), text));
        const auto* deploy = pane.scene()->nodes()[2];
        QCOMPARE(deploy->id(), QStringLiteral("deploy-image"));
        QCOMPARE(deploy->errors(), 1);
        QVERIFY2(deploy->problemText().contains(QLatin1String("PH3201")),
                 qPrintable(deploy->problemText()));
        QVERIFY(deploy->problemText().contains(QLatin1String("build-image"))); // did you mean
        QVERIFY(!deploy->badgeRect().isEmpty());
        QCOMPARE(pane.scene()->nodes()[1]->errors(), 0);
        QVERIFY(pane.scene()->nodes()[1]->badgeRect().isEmpty());
    }

    void chosenNodeRendersTheChainedValueAndSavesByteIdentical()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("build-then-deploy.json"));
        const QByteArray original = readAll(path);
        Sandbox sandbox; // not started: nothing here needs Kafka
        MainWindow w(&sandbox);
        w.resize(1280, 800);
        QVERIFY(w.openFile(path)); // detected as a workflow
        auto* pane = w.findChild<WorkflowPane*>(QStringLiteral("workflowPane"));
        auto* editor = w.findChild<NodeEditor*>(QStringLiteral("nodeEditor"));
        auto* messages = w.findChild<QPlainTextEdit*>(QStringLiteral("renderedMessages"));
        auto* contextStatus = w.findChild<QLabel*>(QStringLiteral("contextStatus"));
        QVERIFY(pane && editor && messages && contextStatus);
        QVERIFY(pane->isVisible() || pane->document().isOpen());

        // The upstream KAFKA node's consumer "reports" an image: the deploy message carries it.
        QString error;
        QVERIFY(pane->setMock(QStringLiteral("build-image"),
                              R"({"image":"registry.example/app:42","digest":"sha256:feed"})",
                              &error));
        QVERIFY(pane->chooseNode(QStringLiteral("deploy-image")));
        QCOMPARE(QByteArray::fromStdString(editor->utf8Text()), pane->document().nodeText(2));
        QTRY_VERIFY2(messages->toPlainText().contains(QLatin1String("registry.example/app:42")),
                     qPrintable(messages->toPlainText()));
        QVERIFY(messages->toPlainText().contains(QLatin1String("sha256:feed")));
        QVERIFY2(contextStatus->text().contains(QLatin1String("Chained context")),
                 qPrintable(contextStatus->text()));
        QVERIFY(contextStatus->text().contains(QLatin1String("your mock")));
        QVERIFY(contextStatus->text().contains(QLatin1String("fresh ids")));
        auto* sources = pane->findChild<QTreeWidget*>(QStringLiteral("workflowContextSources"));
        QVERIFY(!sources->findItems(QStringLiteral(".outputs[\"build-image\"]"), Qt::MatchExactly)
                     .isEmpty());
        // Remembered with the file, not in it.
        QCOMPARE(WorkflowMocks::load(path).count("build-image"), size_t(1));
        QCOMPARE(readAll(path), original);

        // Edit the node in the editor; choosing the other node keeps the edit; Save writes it.
        const std::string node = editor->utf8Text();
        const size_t at = node.find("\"deploy\"");
        QVERIFY(at != std::string::npos);
        editor->replaceBytes(int64_t(at), int64_t(at + 8), "\"deploy-now\"");
        QVERIFY(pane->chooseNode(QStringLiteral("build-image")));
        QCOMPARE(pane->chosenNode(), QStringLiteral("build-image"));
        QVERIFY(editor->utf8Text().find("\"build\"") != std::string::npos);
        auto* save = w.findChild<QAction*>(QStringLiteral("actionSave"));
        QVERIFY(save);
        save->trigger();
        const QByteArray saved = readAll(path);
        // Byte-identical but for the edited text: the same prefix and suffix around it.
        const qsizetype edit = original.indexOf("\"step\": \"deploy\"") + 8;
        QVERIFY(edit > 8);
        QByteArray expected = original;
        expected.replace(edit, 8, "\"deploy-now\"");
        QCOMPARE(saved, expected);
        QCOMPARE(saved.left(edit), original.left(edit));
        QCOMPARE(saved.mid(edit + 12), original.mid(edit + 8));
        // And the app still reads it as the same workflow.
        QVERIFY(pane->document().text() == saved);
    }
};

QTEST_MAIN(TestWorkflowPane)
#include "tst_workflowpane.moc"

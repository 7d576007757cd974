// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include "exampleindex.h"

#include <QCommandLinkButton>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace porthole {

namespace {

QPushButton* action(const QString& text, const QString& name, const QString& tip, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setToolTip(tip);
    b->setAccessibleDescription(tip);
    b->setMinimumHeight(b->sizeHint().height() + 8);
    return b;
}

} // namespace

StartPage::StartPage(const ExampleIndex& examples, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("startPageBody"));
    auto* title = new QLabel(tr("Welcome to Porthole"), page);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    auto* about = new QLabel(
        tr("Porthole shows what a Port workflow's Kafka action node will publish, rendered as "
           "Port renders it, sends test runs to Kafka, watches the runs topic and reports back "
           "to Port, on a sandbox on this computer or on your own cluster."),
        page);
    about->setObjectName(QStringLiteral("startAbout"));
    about->setWordWrap(true);

    m_demo = action(tr("Play the &demo"), QStringLiteral("startDemo"),
                    tr("Porthole's story in about a minute and a half, on a sandbox of its own: "
                       "your settings are not touched"),
                    page);
    auto* open = action(tr("&Open a file or workflow…"), QStringLiteral("startOpen"),
                        tr("A KAFKA node or a whole workflow, as JSON (Ctrl+O)"), page);
    auto* eu = action(tr("Connect to Port E&U…"), QStringLiteral("startConnectEu"),
                      tr("Port's EU Kafka cluster: user name, password and organisation id"), page);
    auto* us = action(tr("Connect to Port U&S…"), QStringLiteral("startConnectUs"),
                      tr("Port's US Kafka cluster: user name, password and organisation id"), page);
    auto* actions = new QHBoxLayout;
    for (QPushButton* b : {static_cast<QPushButton*>(m_demo), open, eu, us})
        actions->addWidget(b);
    actions->addStretch(1);
    // The first thing to try: Enter plays it.
    static_cast<QPushButton*>(m_demo)->setDefault(true);
    connect(m_demo, &QAbstractButton::clicked, this, &StartPage::demoRequested);
    connect(open, &QAbstractButton::clicked, this, &StartPage::openFileRequested);
    connect(eu, &QAbstractButton::clicked, this,
            [this] { Q_EMIT connectRequested(QStringLiteral("port-eu")); });
    connect(us, &QAbstractButton::clicked, this,
            [this] { Q_EMIT connectRequested(QStringLiteral("port-us")); });

    // Nodes on the left, workflows on the right: each a title and its one line.
    auto* group = new QGroupBox(tr("Open an example"), page);
    group->setObjectName(QStringLiteral("startExamples"));
    auto* grid = new QGridLayout(group);
    int row[2] = {0, 0};
    for (const ExampleEntry& e : examples.entries()) {
        auto* b = new QCommandLinkButton(e.title, e.description, group);
        b->setObjectName(QStringLiteral("startExample:") + e.file);
        b->setAccessibleName(tr("Open example: %1").arg(e.title));
        b->setAccessibleDescription(e.description);
        const int column = e.isWorkflow() ? 1 : 0;
        grid->addWidget(b, row[column]++, column);
        const QString path = e.resourcePath();
        connect(b, &QAbstractButton::clicked, this,
                [this, path] { Q_EMIT exampleRequested(path); });
        m_examples << b;
    }

    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(32, 24, 32, 24);
    column->setSpacing(14);
    column->addWidget(title);
    column->addWidget(about);
    column->addLayout(actions);
    column->addWidget(group);
    column->addStretch(1);
    page->setMaximumWidth(1100);

    // Scrolls rather than squeezes on a small screen (1024×700 with a toolbar and a menu).
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("startScroll"));
    scroll->setAccessibleName(tr("Start page"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    // Tab goes: the four actions, then the examples in reading order.
    QWidget* previous = m_demo;
    for (QWidget* w :
         {static_cast<QWidget*>(open), static_cast<QWidget*>(eu), static_cast<QWidget*>(us)}) {
        setTabOrder(previous, w);
        previous = w;
    }
    for (QAbstractButton* b : std::as_const(m_examples)) {
        setTabOrder(previous, b);
        previous = b;
    }
}

void StartPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_demo->setFocus(Qt::OtherFocusReason);
}

} // namespace porthole

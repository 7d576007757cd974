// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"

#include "jqfiltercontroller.h"

#include "core/appsettings.h"
#include "gui/systemtheme.h"
#include "models/runstablemodel.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QToolButton>

namespace porthole {

FilterBar::FilterBar(RunsTableModel* model, RunsFilterProxy* proxy, QWidget* parent)
    : QWidget(parent), m_controller(new JqFilterController(model, proxy, this)),
      m_edit(new QLineEdit(this)), m_saved(new QToolButton(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_status(new QLabel(this)),
      m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("runsFilterBar"));
    m_edit->setObjectName(QStringLiteral("runsJqFilter"));
    m_edit->setAccessibleName(tr("jq filter"));
    m_edit->setPlaceholderText(tr("jq: select(.value.payload.x == 1)"));
    m_edit->setToolTip(
        tr("A jq filter over each message as `porthole-cli watch` prints it (.key, .headers, "
           ".value, .kind, .ids…): rows whose first output is neither null nor false stay. "
           "It runs off the window's thread, at most a second per message."));
    m_edit->setClearButtonEnabled(true);
    m_saved->setObjectName(QStringLiteral("runsSavedFilters"));
    m_saved->setText(tr("Saved"));
    m_saved->setToolTip(tr("Apply, save or delete a saved jq filter"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    m_saved->setMenu(new QMenu(m_saved));
    m_cancel->setObjectName(QStringLiteral("runsJqCancel"));
    m_cancel->setToolTip(tr("Stop judging the rows held: the jq filter is removed"));
    m_cancel->hide();
    m_status->setObjectName(QStringLiteral("runsJqStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long jq error is cut, never widens the pane.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->hide();
    m_debounce->setObjectName(QStringLiteral("runsJqDebounce"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_saved);
    row->addWidget(m_cancel);

    connect(m_edit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) // the clear button: no need to wait
            apply(text);
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] { apply(m_edit->text()); });
    connect(m_debounce, &QTimer::timeout, this, [this] { apply(m_edit->text()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_controller->cancel();
        m_note = tr("Cancelled: the jq filter is off (Return applies it again)");
        updateStatus();
    });
    connect(m_saved->menu(), &QMenu::aboutToShow, this, &FilterBar::fillSavedMenu);
    connect(m_controller, &JqFilterController::compileFailed, this,
            [this](const QString& error, int line, int column) {
                // jq's own "at <top-level>, line N:" and shell hint say less than the position.
                static const QRegularExpression noise(QStringLiteral(
                    " \\(Unix shell quoting issues\\?\\)| at <top-level>, line \\d+:?$"));
                QString text = error;
                text.remove(noise);
                const bool oneLine = !m_edit->text().contains(QLatin1Char('\n'));
                QString where;
                if (column > 0)
                    where = oneLine ? tr("Column %1").arg(column)
                                    : tr("Line %1, column %2").arg(line).arg(column);
                else if (line > 0)
                    where = tr("Line %1").arg(line);
                m_compileError = where.isEmpty() ? text : where + QStringLiteral(": ") + text;
                updateStatus();
            });
    connect(m_controller, &JqFilterController::applied, this, [this] {
        m_compileError.clear();
        updateStatus();
    });
    connect(m_controller, &JqFilterController::progressChanged, this, &FilterBar::updateStatus);
}

void FilterBar::apply(const QString& expression)
{
    m_debounce->stop();
    m_note.clear();
    if (m_edit->text() != expression)
        m_edit->setText(expression);
    if (expression.trimmed() == m_controller->activeExpression() && m_compileError.isEmpty()) {
        updateStatus();
        return;
    }
    m_controller->setExpression(expression);
}

QVariantMap FilterBar::savedFilters()
{
    return AppSettings::runsSavedFilters.value();
}

void FilterBar::saveFilter(const QString& name, const QString& expression)
{
    QVariantMap all = savedFilters();
    all.insert(name, expression);
    AppSettings::runsSavedFilters.setValue(all);
}

void FilterBar::deleteFilter(const QString& name)
{
    QVariantMap all = savedFilters();
    all.remove(name);
    AppSettings::runsSavedFilters.setValue(all);
}

void FilterBar::fillSavedMenu()
{
    QMenu* menu = m_saved->menu();
    menu->clear();
    const QVariantMap all = savedFilters();
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        const QString expression = it.value().toString();
        QAction* a = menu->addAction(it.key(), this, [this, expression] { apply(expression); });
        a->setToolTip(expression);
    }
    if (all.isEmpty())
        menu->addAction(tr("No saved filters"))->setEnabled(false);
    menu->addSeparator();
    QAction* save = menu->addAction(tr("Save current filter…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save jq filter"), tr("Name:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            saveFilter(name, m_edit->text().trimmed());
    });
    save->setEnabled(!m_edit->text().trimmed().isEmpty());
    QMenu* remove = menu->addMenu(tr("Delete"));
    remove->setEnabled(!all.isEmpty());
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        remove->addAction(it.key(), this, [name = it.key()] { deleteFilter(name); });
}

void FilterBar::updateStatus()
{
    const QLocale locale;
    QStringList parts;
    const JqFilterController* c = m_controller;
    if (!m_compileError.isEmpty())
        parts << m_compileError + tr(" (the table keeps its rows)");
    if (!m_note.isEmpty())
        parts << m_note;
    if (c->isBusy())
        parts << tr("jq filter: %1 of %2 messages judged…")
                     .arg(locale.toString(c->judged()), locale.toString(c->held()));
    if (c->timedOut() > 0)
        parts << tr("%Ln message(s) took longer than a second: hidden", nullptr,
                    int(c->timedOut()));
    if (c->errors() > 0)
        parts << tr("%Ln message(s) hidden by a jq error: %1", nullptr, int(c->errors()))
                     .arg(c->firstError());
    m_status->setText(parts.join(QStringLiteral(" · ")));
    m_status->setToolTip(m_status->text());
    m_status->setStyleSheet(
        m_compileError.isEmpty() ? QString() : SystemTheme::css(SystemTheme::Tone::Problem));
    m_status->setVisible(!parts.isEmpty());
    m_cancel->setVisible(c->isBusy());
}

} // namespace porthole

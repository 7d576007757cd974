// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "democounts.h"
#include "gui/windowparts.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

class QAction;

namespace porthole {

class CaptionBanner;
class DemoConsumer;
struct LocalApiCall;

/// Plays the whole loop on the sandbox for an audience, one captioned step at a time: opens an
/// example node, renders it with fresh run ids, publishes it, watches it arrive on the Runs tab,
/// and lets the built-in demo consumer report IN_PROGRESS, logs and COMPLETED with output to the
/// sandbox's Port API. Everything is asynchronous (timers and signals, never a wait loop), so
/// the window stays live; Esc or the toolbar button again stops it.
class DemoDirector : public QObject
{
    Q_OBJECT
public:
    explicit DemoDirector(const WindowParts& parts);
    ~DemoDirector() override;

    /// The least time each step stays on screen, and the demo consumer's pace (0 in tests).
    void setPaceMs(int ms) { m_paceMs = std::max(0, ms); }
    int paceMs() const { return m_paceMs; }
    /// The toolbar's "Demo" button: starts the demo, or stops the one playing.
    QAction* action() const { return m_action; }
    bool isRunning() const { return m_running; }
    const DemoCounts& counts() const { return m_counts; }
    /// The caption on screen (empty when none).
    QString caption() const;
    /// The node run the demo publishes (empty before it has one).
    QString runId() const { return m_runId; }

public Q_SLOTS:
    /// Plays the demo from its first step (no-op while playing).
    void start();
    /// Stops a demo that is playing; finished(false, …) follows.
    void cancel();

Q_SIGNALS:
    /// The demo ended: `ok` when every count matched (see DemoCounts::complete()).
    void finished(bool ok, const QString& countsLine);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Stage
    {
        Idle,
        Open,
        Render,
        Publish,
        Receive,
        Report,
        Done
    };
    void stageOpen();
    void stageRender();
    void stagePublish();
    void stageReceive();
    void stageReport();
    void stageDone();
    void waitThen(std::function<bool()> ready, std::function<void()> next);
    void poll();
    void showCaption(int step, const QString& text);
    void addTrail(const QString& text);
    void onPublished(qint64 delivered, qint64 failed);
    void onRowsInserted(int first, int last);
    void onCallRecorded(const LocalApiCall& call);
    void startConsumer();
    void selectRunRow();
    void fail(const QString& why);
    void finish(bool ok);

    WindowParts m_parts;
    CaptionBanner* m_banner;
    QAction* m_action;
    QPointer<DemoConsumer> m_consumer;
    QTimer m_poll;
    QTimer m_timeout;
    QElapsedTimer m_stageClock;
    std::function<bool()> m_ready;
    std::function<void()> m_next;
    Stage m_stage = Stage::Idle;
    DemoCounts m_counts;
    QString m_runId;
    QStringList m_trail; // what happened so far, under the caption
    QString m_arrivedAt; // "partition P, offset O" of the run's message
    QSet<QString> m_reportedRuns;
    QSet<QString> m_completedRuns;
    int m_paceMs = 1500;
    int m_savedRepeat = -1;
    bool m_running = false;
    bool m_consumerGot = false;
    bool m_consumerDone = false;
    bool m_publishing = false;
};

} // namespace porthole

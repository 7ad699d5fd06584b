// The main window: the stage in the centre; code, console, stack inspector,
// timeline, narration and scenario browser around it; the player's controls.
//
// Why it is built this way: the window owns the document being edited (one
// scenario file at a time) and everything that must never go wrong with it:
// a prompt before unsaved edits would be dropped, a recovery copy before every
// run, atomic saves. Running is synchronous on the GUI thread for now (the
// interpreter is fast and the step budget bounds it): the window asks the
// core's runSource() for a complete run and only then shows the result, so
// nothing is painted from inside a run. A run becomes a RunModel (the trace
// and its indexes); every panel is then a pure function of (run, position),
// and the Player is the only thing that moves the position. A run that does
// not compile leaves the last good run on screen and marks the error line.
// Panels are dock widgets, so the layout is the user's and is remembered.
#pragma once

#include "recovery_store.h"
#include "run_model.h"
#include "scenario_catalog.h"
#include "trace/navigation.h"

#include <QMainWindow>

#include <cstdint>
#include <memory>

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QSplitter;

namespace ascope {

class CodeView;
class ConsoleView;
class NarrationView;
class Player;
class RunScheduler;
class ScenarioBrowser;
class StackInspector;
class StageWidget;
class TimelineView;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Runs started from the window stop sooner than `asyncscope run` does, so
    // that an endless loop typed in the editor freezes it for a moment only.
    static constexpr int64_t kInteractiveMaxSteps = 50'000'000;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Step and memory budgets of the runs (negative: the defaults).
    void setRunLimits(int64_t maxSteps, int64_t maxMemory);
    // When false, the window never asks questions (no save prompt, no
    // recovery offer): used to take screenshots unattended.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // Opens `path`, asking first about unsaved edits of the current file.
    // Returns false if the user cancelled or the file could not be read.
    bool openScenario(const QString &path);
    // What `asyncscope` without a file opens: the scenario open last time if
    // it still exists, else the first course scenario, else an empty buffer.
    void openStartupScenario();

    bool save();
    bool saveAs();
    // Runs the code as it is in the editor and shows its output.
    void runScenario();

    void setLanguage(Language language);
    Language language() const { return m_language; }

    QString filePath() const { return m_filePath; }
    bool isModified() const;
    int lastExitCode() const { return m_lastExitCode; }
    int runCount() const { return m_runCount; }

    CodeView *codeView() const { return m_codeView; }
    ConsoleView *consoleView() const { return m_console; }
    ScenarioBrowser *browser() const { return m_browser; }
    RunScheduler *scheduler() const { return m_scheduler; }
    Player *player() const { return m_player; }
    StageWidget *stage() const { return m_stage; }
    TimelineView *timelineView() const { return m_timeline; }
    StackInspector *stackInspector() const { return m_stack; }
    NarrationView *narrationView() const { return m_narration; }
    // The run on screen (the last one that compiled); null before any.
    std::shared_ptr<const RunModel> shownRun() const { return m_run; }

    // What Left/Right step by (PageUp/PageDown always step by cue).
    void setStepGranularity(trace::Granularity granularity);
    trace::Granularity stepGranularity() const { return m_granularity; }
    // The task whose stack the inspector shows (0: the running one).
    void selectTask(uint64_t task);

signals:
    void runFinished(int exitCode);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createPlayerControls();
    void createPanels();
    void showRun(std::shared_ptr<const RunModel> run, bool keepPosition);
    void showPosition();       // every panel, from (run, position)
    void showFrame();          // the stage and the playhead, on every animation frame
    void restoreSettings();
    void saveSettings() const;

    bool maybeKeepChanges();   // false if the user cancelled
    bool loadFile(const QString &path);
    bool writeFile(const QString &path);
    void keepRecoveryCopy();
    void offerRecovery();
    void updateTitle();
    QString displayName() const;

    CodeView *m_codeView = nullptr;
    ConsoleView *m_console = nullptr;
    ScenarioBrowser *m_browser = nullptr;
    RunScheduler *m_scheduler = nullptr;
    Player *m_player = nullptr;
    StageWidget *m_stage = nullptr;
    TimelineView *m_timeline = nullptr;
    StackInspector *m_stack = nullptr;
    NarrationView *m_narration = nullptr;
    QComboBox *m_speedBox = nullptr;
    QComboBox *m_granularityBox = nullptr;
    QAction *m_playAction = nullptr;
    QLabel *m_positionLabel = nullptr;
    std::shared_ptr<const RunModel> m_run;
    trace::Granularity m_granularity = trace::Granularity::Line;
    uint64_t m_selectedTask = 0;
    bool m_newFile = true;
    QList<QDockWidget *> m_docks;
    bool m_layoutRestored = false;   // the docks came from the settings
    bool m_docksSized = false;       // the first-show proportions were applied
    size_t m_shownPosition = SIZE_MAX;   // position the panels last showed
    QLabel *m_fileLabel = nullptr;
    QLabel *m_consoleLabel = nullptr;
    QLabel *m_exitLabel = nullptr;
    QComboBox *m_languageBox = nullptr;
    QLabel *m_codeLabel = nullptr;
    QAction *m_autoRunAction = nullptr;
    QActionGroup *m_languageActions = nullptr;

    RecoveryStore m_recovery;
    QString m_filePath;
    Language m_language = Language::French;
    int64_t m_maxSteps = kInteractiveMaxSteps;
    int64_t m_maxMemory = -1;
    bool m_interactive = true;
    bool m_loading = false;
    int m_lastExitCode = -1;
    int m_runCount = 0;
};

} // namespace ascope

// The main window: scenario browser, code view, console.
//
// Why it is built this way: the window owns the document being edited (one
// scenario file at a time) and everything that must never go wrong with it:
// a prompt before unsaved edits would be dropped, a recovery copy before every
// run, atomic saves. Running is synchronous on the GUI thread for now (the
// interpreter is fast and the step budget bounds it): the window asks the
// core's runSource() for a complete run and only then shows the result, so
// nothing is painted from inside a run. The animated stage will take the
// centre of the window with a later issue; the panels are laid out for it.
#pragma once

#include "recovery_store.h"
#include "scenario_catalog.h"

#include <QMainWindow>

#include <cstdint>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QSplitter;

namespace ascope {

class CodeView;
class ConsoleView;
class RunScheduler;
class ScenarioBrowser;

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

signals:
    void runFinished(int exitCode);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createPanels();
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
    QSplitter *m_splitter = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_consoleLabel = nullptr;
    QLabel *m_exitLabel = nullptr;
    QComboBox *m_languageBox = nullptr;
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

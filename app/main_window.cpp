#include "main_window.h"

#include "panels/code_view.h"
#include "panels/console_view.h"
#include "panels/narration_view.h"
#include "panels/scenario_browser.h"
#include "panels/stack_inspector.h"
#include "panels/stage_widget.h"
#include "panels/timeline_view.h"
#include "player/player.h"
#include "player/run_scheduler.h"
#include "render/theme.h"
#include "scenario/runner.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QStringDecoder>
#include <QToolBar>
#include <QVBoxLayout>

namespace ascope {

namespace {

const char *const kGeometryKey = "window/geometry";
const char *const kStateKey = "window/state";
const char *const kLanguageKey = "language";
const char *const kSpeedKey = "player/speed";
const char *const kGranularityKey = "player/granularity";
const char *const kAutoRunKey = "autoRun";
const char *const kLastScenarioKey = "lastScenario";

// A pane: a small bold caption over a widget.
QWidget *captioned(QLabel *caption, QWidget *content)
{
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    QFont font = caption->font();
    font.setBold(true);
    caption->setFont(font);
    caption->setContentsMargins(6, 4, 6, 2);
    layout->addWidget(caption);
    layout->addWidget(content, 1);
    return pane;
}

QString exitStatusText(int exitCode)
{
    switch (exitCode) {
    case 0:
        return QObject::tr("exit status 0");
    case 1:
        return QObject::tr("exit status 1: uncaught exception");
    default:
        return QObject::tr("exit status %1").arg(exitCode);
    }
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scheduler(new RunScheduler(this))
    , m_player(new Player(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    createPanels();
    createActions();
    createPlayerControls();

    connect(m_player, &Player::frameChanged, this, &MainWindow::showFrame);
    connect(m_timeline, &TimelineView::seekRequested, m_player, &Player::seek);
    connect(m_timeline, &TimelineView::taskClicked, this, &MainWindow::selectTask);
    connect(m_stage, &StageWidget::taskClicked, this, &MainWindow::selectTask);
    connect(m_stack, &StackInspector::taskSelected, this, &MainWindow::selectTask);
    connect(m_stack, &StackInspector::lineActivated, m_codeView, &CodeView::revealLine);

    connect(m_codeView->document(), &QTextDocument::contentsChange, this, [this] {
        if (!m_loading)
            m_scheduler->editHappened();
    });
    connect(m_codeView->document(), &QTextDocument::modificationChanged, this, &MainWindow::updateTitle);
    connect(m_scheduler, &RunScheduler::editsSettled, this, &MainWindow::keepRecoveryCopy);
    connect(m_scheduler, &RunScheduler::runRequested, this, &MainWindow::runScenario);
    connect(m_browser, &ScenarioBrowser::scenarioActivated, this, [this](const QString &path) {
        if (!openScenario(path))
            m_browser->setCurrentScenario(m_filePath);
    });

    m_browser->setCatalog(ScenarioCatalog::scan(ScenarioCatalog::defaultDirectory()));
    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanels()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);
    m_stage = new StageWidget;
    m_stage->setObjectName(QStringLiteral("stage"));
    m_stage->setFocusPolicy(Qt::StrongFocus);
    m_stage->setNarrationBand(FrameOptions::Narration::Hide);   // the narration panel shows it
    setCentralWidget(m_stage);

    m_browser = new ScenarioBrowser;
    m_browser->setObjectName(QStringLiteral("scenarioBrowser"));
    m_codeView = new CodeView;
    m_codeView->setObjectName(QStringLiteral("codeView"));
    m_console = new ConsoleView;
    m_console->setObjectName(QStringLiteral("console"));
    m_stack = new StackInspector;
    m_stack->setObjectName(QStringLiteral("stackInspector"));
    m_timeline = new TimelineView;
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setTaskColours([](uint64_t task) { return Theme::standard().stage.taskColour(task); });
    m_narration = new NarrationView;
    m_narration->setObjectName(QStringLiteral("narration"));

    m_fileLabel = new QLabel;
    m_consoleLabel = new QLabel(tr("Console"));
    auto dock = [this](const QString &title, const char *name, QWidget *content, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(content);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        return d;
    };
    QDockWidget *browserDock = dock(tr("Scenarios"), "scenariosDock", m_browser, Qt::LeftDockWidgetArea);
    QDockWidget *codeDock = dock(tr("Code"), "codeDock", captioned(m_fileLabel, m_codeView), Qt::LeftDockWidgetArea);
    QDockWidget *consoleDock = dock(tr("Console"), "consoleDock", captioned(m_consoleLabel, m_console), Qt::RightDockWidgetArea);
    QDockWidget *stackDock = dock(tr("Stack"), "stackDock", m_stack, Qt::RightDockWidgetArea);
    QDockWidget *timelineDock = dock(tr("Timeline"), "timelineDock", m_timeline, Qt::BottomDockWidgetArea);
    QDockWidget *narrationDock = dock(tr("Narration"), "narrationDock", m_narration, Qt::BottomDockWidgetArea);
    tabifyDockWidget(browserDock, codeDock);   // the code in front; the browser one click away
    codeDock->raise();
    splitDockWidget(consoleDock, stackDock, Qt::Vertical);
    splitDockWidget(timelineDock, narrationDock, Qt::Vertical);
    resizeDocks({codeDock, consoleDock}, {520, 420}, Qt::Horizontal);
    resizeDocks({timelineDock, narrationDock}, {170, 60}, Qt::Vertical);
    m_docks = {browserDock, codeDock, consoleDock, stackDock, timelineDock, narrationDock};

    m_exitLabel = new QLabel;
    m_exitLabel->setMinimumWidth(m_exitLabel->fontMetrics().horizontalAdvance(
        QStringLiteral("exit status 1: uncaught exception · ran in 0000 ms")));
    m_positionLabel = new QLabel;
    m_positionLabel->setObjectName(QStringLiteral("positionLabel"));
    m_positionLabel->setMinimumWidth(m_positionLabel->fontMetrics().horizontalAdvance(
        QStringLiteral("event 00000/00000 · t=000.000 s · iteration 00000")));
    statusBar()->addPermanentWidget(m_positionLabel);
    statusBar()->addPermanentWidget(m_exitLabel);
    resize(1600, 900);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, [this] {
        const QString start = m_filePath.isEmpty() ? ScenarioCatalog::defaultDirectory() : QFileInfo(m_filePath).path();
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), start, tr("Python files (*.py)"));
        if (!path.isEmpty())
            openScenario(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    QAction *saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    QAction *runAction = runMenu->addAction(tr("&Run"), m_scheduler, &RunScheduler::runNow);
    runAction->setObjectName(QStringLiteral("runAction"));
    runAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    runAction->setToolTip(tr("Run the scenario as it is in the editor (F5)"));
    m_autoRunAction = runMenu->addAction(tr("Run &After Each Edit"));
    m_autoRunAction->setObjectName(QStringLiteral("autoRunAction"));
    m_autoRunAction->setCheckable(true);
    m_autoRunAction->setChecked(true);
    m_autoRunAction->setToolTip(tr("Run again %1 ms after the last edit").arg(RunScheduler::kSettleDelayMs));
    connect(m_autoRunAction, &QAction::toggled, m_scheduler, &RunScheduler::setAutoRun);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *languageMenu = viewMenu->addMenu(tr("Course &Language"));
    m_languageActions = new QActionGroup(this);
    QAction *french = languageMenu->addAction(QStringLiteral("Français"));
    french->setData(languageCode(Language::French));
    QAction *english = languageMenu->addAction(QStringLiteral("English"));
    english->setData(languageCode(Language::English));
    for (QAction *action : {french, english}) {
        action->setCheckable(true);
        m_languageActions->addAction(action);
    }
    french->setChecked(true);
    connect(m_languageActions, &QActionGroup::triggered, this,
            [this](QAction *action) { setLanguage(languageFromCode(action->data().toString())); });

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    runAction->setText(tr("▶ Run"));
    toolBar->addAction(runAction);
    toolBar->addAction(m_autoRunAction);
    toolBar->addSeparator();
    toolBar->addAction(saveAction);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(new QLabel(tr("Course language ")));
    m_languageBox = new QComboBox;
    m_languageBox->setObjectName(QStringLiteral("languageBox"));
    m_languageBox->addItem(QStringLiteral("FR"), languageCode(Language::French));
    m_languageBox->addItem(QStringLiteral("EN"), languageCode(Language::English));
    m_languageBox->setToolTip(tr("Language of the scenario titles and narration"));
    connect(m_languageBox, &QComboBox::activated, this,
            [this](int index) { setLanguage(languageFromCode(m_languageBox->itemData(index).toString())); });
    toolBar->addWidget(m_languageBox);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    m_layoutRestored = restoreState(settings.value(kStateKey).toByteArray());
    m_player->setSpeed(settings.value(kSpeedKey, 1.0).toDouble());
    setStepGranularity(trace::Granularity(std::clamp(settings.value(kGranularityKey, int(trace::Granularity::Line)).toInt(), 0, 3)));
    m_autoRunAction->setChecked(settings.value(kAutoRunKey, true).toBool());
    setLanguage(languageFromCode(settings.value(kLanguageKey, languageCode(Language::French)).toString()));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSpeedKey, m_player->speed());
    settings.setValue(kGranularityKey, int(m_granularity));
    settings.setValue(kAutoRunKey, m_autoRunAction->isChecked());
    settings.setValue(kLanguageKey, languageCode(m_language));
    if (!m_filePath.isEmpty())
        settings.setValue(kLastScenarioKey, m_filePath);
}

void MainWindow::setRunLimits(int64_t maxSteps, int64_t maxMemory)
{
    m_maxSteps = maxSteps >= 0 ? maxSteps : kInteractiveMaxSteps;
    m_maxMemory = maxMemory;
}

void MainWindow::setLanguage(Language language)
{
    m_language = language;
    m_browser->setLanguage(language);
    const QString code = languageCode(language);
    for (QAction *action : m_languageActions->actions())
        action->setChecked(action->data().toString() == code);
    m_languageBox->setCurrentIndex(m_languageBox->findData(code));
    QSettings().setValue(kLanguageKey, code);
    m_stage->setLanguage(language);
    m_shownPosition = SIZE_MAX;   // the narration changes language
    if (m_run)
        showPosition();
    updateTitle();
}

bool MainWindow::isModified() const
{
    return m_codeView->document()->isModified();
}

QString MainWindow::displayName() const
{
    return m_filePath.isEmpty() ? QStringLiteral("untitled.py") : QFileInfo(m_filePath).fileName();
}

void MainWindow::updateTitle()
{
    const ScenarioInfo *info = m_browser->catalog().find(m_filePath);
    QString title = displayName() + QStringLiteral("[*]");
    if (info)
        title += QStringLiteral(" — ") + info->title(m_language);
    setWindowTitle(title + QStringLiteral(" — asyncscope"));
    setWindowModified(isModified());
    m_fileLabel->setText(isModified() ? displayName() + tr(" (edited)") : displayName());
    m_fileLabel->setToolTip(m_filePath);
}

void MainWindow::openStartupScenario()
{
    const QString last = QSettings().value(kLastScenarioKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isFile() && openScenario(last))
        return;
    const QList<ScenarioInfo> &scenarios = m_browser->catalog().scenarios();
    if (!scenarios.isEmpty() && openScenario(scenarios.first().path))
        return;
    statusBar()->showMessage(tr("No scenarios found: open a Python file with File > Open."));
}

bool MainWindow::openScenario(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (!canonical.isEmpty() && canonical == m_filePath)
        return true;
    if (!maybeKeepChanges())
        return false;
    if (!loadFile(path))
        return false;
    offerRecovery();
    if (m_scheduler->autoRun())
        m_scheduler->runNow();
    return true;
}

bool MainWindow::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString message = tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        if (m_interactive && isVisible())
            QMessageBox::warning(this, tr("Open"), message);
        statusBar()->showMessage(message);
        return false;
    }
    auto decode = QStringDecoder(QStringDecoder::Utf8);
    const QString text = decode(file.readAll());
    const bool validUtf8 = !decode.hasError();

    m_scheduler->cancelPending();
    m_loading = true;
    m_codeView->setPlainText(text);
    m_codeView->document()->setModified(false);
    m_loading = false;
    m_filePath = QFileInfo(path).canonicalFilePath();
    m_console->clear();
    m_exitLabel->clear();
    m_lastExitCode = -1;
    m_codeView->setErrorLine(0, {});
    m_codeView->setLineMarkers({});
    m_newFile = true;   // the next run starts at the beginning
    // The run of the previous file is not this file's story.
    m_stage->setSource(nullptr);
    m_run.reset();
    m_timeline->setTimeline({}, 0);
    m_player->load(trace::StopIndex(), Pacing(), false);
    m_narration->setCue(-1, 0, {});
    m_positionLabel->clear();
    m_browser->setCurrentScenario(m_filePath);
    QSettings().setValue(kLastScenarioKey, m_filePath);
    updateTitle();
    statusBar()->showMessage(validUtf8 ? tr("Opened %1").arg(QDir::toNativeSeparators(m_filePath))
                                       : tr("%1 is not valid UTF-8: invalid bytes are shown as �, and saving replaces them")
                                             .arg(displayName()));
    return true;
}

void MainWindow::offerRecovery()
{
    const std::optional<QString> kept = m_recovery.find(m_filePath);
    if (!kept)
        return;
    if (*kept == m_codeView->toPlainText() || !m_interactive) {
        if (*kept == m_codeView->toPlainText())
            m_recovery.discard(m_filePath);
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved edits found"),
        tr("%1 has edits that were never saved (asyncscope was closed without saving them). "
           "Restore them?").arg(displayName()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        m_loading = true;
        m_codeView->setPlainText(*kept);
        m_loading = false;
        m_codeView->document()->setModified(true);
        updateTitle();
    } else {
        m_recovery.discard(m_filePath);
    }
}

bool MainWindow::maybeKeepChanges()
{
    if (!isModified())
        return true;
    if (!m_interactive) {
        keepRecoveryCopy();   // nobody to ask: the recovery copy keeps the edits
        return true;
    }
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved edits"), tr("%1 has unsaved edits. Save them?").arg(displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_recovery.discard(m_filePath);
        m_codeView->document()->setModified(false);
        return true;
    }
    return false;
}

bool MainWindow::save()
{
    if (m_filePath.isEmpty())
        return saveAs();
    return writeFile(m_filePath);
}

bool MainWindow::saveAs()
{
    const QString start = m_filePath.isEmpty() ? ScenarioCatalog::defaultDirectory() : m_filePath;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the scenario as"), start, tr("Python files (*.py)"));
    if (path.isEmpty())
        return false;
    return writeFile(path);
}

bool MainWindow::writeFile(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Save"), tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    file.write(m_codeView->toPlainText().toUtf8());
    if (!file.commit()) {
        QMessageBox::warning(this, tr("Save"), tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QString previousPath = m_filePath;
    m_filePath = QFileInfo(path).canonicalFilePath();
    m_recovery.discard(previousPath);
    m_recovery.discard(m_filePath);
    m_codeView->document()->setModified(false);
    if (previousPath != m_filePath) {
        m_browser->setCatalog(ScenarioCatalog::scan(ScenarioCatalog::defaultDirectory()));
        m_browser->setCurrentScenario(m_filePath);
        QSettings().setValue(kLastScenarioKey, m_filePath);
    }
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_filePath)), 4000);
    return true;
}

void MainWindow::keepRecoveryCopy()
{
    if (isModified())
        m_recovery.keep(m_filePath, m_codeView->toPlainText());
}

void MainWindow::runScenario()
{
    m_scheduler->cancelPending();
    keepRecoveryCopy();   // before the run: whatever happens in it, the edits are safe

    const QByteArray source = m_codeView->toPlainText().toUtf8();
    const Theme &theme = Theme::standard();
    auto duration = [&theme](const trace::Event &e) { return theme.pacing(e.kind).seconds * 1000.0; };
    std::shared_ptr<const RunModel> run = RunModel::run(displayName(), source.toStdString(),
                                                        RunLimits{m_maxSteps, m_maxMemory}, duration);
    const RunResult &result = run->result();
    m_lastExitCode = result.exitCode;
    ++m_runCount;
    m_consoleLabel->setText(tr("Console — %1").arg(exitStatusText(result.exitCode)));
    m_exitLabel->setText(tr("%1 · ran in %2 ms").arg(exitStatusText(result.exitCode)).arg(run->runMs() + run->indexMs()));
    QPalette colours = m_consoleLabel->palette();
    colours.setColor(QPalette::WindowText,
                     result.exitCode == 0 ? palette().color(QPalette::WindowText) : Theme::standard().stderrText);
    m_consoleLabel->setPalette(colours);
    if (result.error)
        m_codeView->setErrorLine(result.error->line, QString::fromStdString(result.error->summary));
    else
        m_codeView->setErrorLine(0, {});

    if (run->showable()) {
        showRun(run, !m_newFile);
        m_newFile = false;
    } else {
        // Nothing ran: the last good run stays on screen, the console says why.
        m_console->showOutput(result.output);
        statusBar()->showMessage(tr("%1 at line %2 — the stage shows the last run that compiled")
                                     .arg(QString::fromStdString(result.error->summary))
                                     .arg(result.error->line));
    }
    emit runFinished(result.exitCode);
}

void MainWindow::showRun(std::shared_ptr<const RunModel> run, bool keepPosition)
{
    // The stage and the player switch to the new run before the old one goes.
    std::shared_ptr<const RunModel> old = std::move(m_run);
    m_run = std::move(run);
    m_stage->setSource(&m_run->stageSource());
    m_timeline->setTimeline(m_run->timeline(), m_run->trace().size());
    m_shownPosition = SIZE_MAX;
    m_player->load(m_run->stops(), m_run->pacing(), keepPosition);
    showFrame();
}

void MainWindow::showFrame()
{
    if (!m_run)
        return;
    m_stage->setTransition(m_player->from(), m_player->position(), m_player->progress());
    m_timeline->setPlayhead(m_player->from(), m_player->position(), m_player->progress());
    m_playAction->setText(m_player->isPlaying() ? tr("❚❚ Pause") : tr("▶ Play"));
    if (m_player->position() != m_shownPosition)
        showPosition();
}

void MainWindow::showPosition()
{
    const size_t position = m_player->position();
    m_shownPosition = position;
    const trace::Snapshot snapshot = m_run->snapshotAt(m_run->trace().empty() ? -1 : long(position));

    // The console: what the program has written up to here.
    std::vector<OutputChunk> output;
    for (const trace::ConsoleChunk &c : snapshot.console)
        output.push_back(OutputChunk{c.isStderr ? Stream::Stderr : Stream::Stdout, c.text});
    if (m_run->trace().empty())
        output = m_run->result().output;
    m_console->showOutput(output);

    // Each task's current line, in its colour.
    QList<CodeView::LineMarker> markers;
    const StagePalette &palette = Theme::standard().stage;
    int runningLine = 0;
    for (const trace::TaskView &t : snapshot.tasks) {
        if (t.stack.empty())
            continue;
        const trace::FrameView &top = t.stack.back();
        const bool running = t.id == snapshot.runningTask;
        markers.append({top.line, palette.taskColour(t.id), QString::fromStdString(t.name), running});
        if (running)
            runningLine = top.line;
    }
    if (!snapshot.mainStack.empty() && snapshot.runningTask == 0) {
        runningLine = snapshot.mainStack.back().line;
        markers.append({runningLine, Theme::standard().text, tr("main code"), true});
    }
    m_codeView->setLineMarkers(markers);
    if (runningLine > 0)
        m_codeView->revealLine(runningLine);

    m_stack->show(snapshot, m_selectedTask);
    m_timeline->setSelectedTask(m_stack->shownTask());

    const long cue = m_run->cueAt(position);
    const auto &cues = m_run->meta().cues;
    // The counter counts cues as they show (the file's order may differ).
    const auto &stops = m_run->cueStops();
    const int shown = int(std::upper_bound(stops.begin(), stops.end(), position,
                                           [](size_t p, const scenario::CueStop &s) { return p < s.event; })
                          - stops.begin());
    m_narration->setCue(cue < 0 ? -1 : shown - 1, int(stops.size()),
                        cue < 0 ? QString() : QString::fromStdString(cues[size_t(cue)].in(languageCode(m_language).toStdString())));

    const size_t n = m_run->trace().size();
    m_positionLabel->setText(n == 0 ? QString()
                                    : tr("event %1/%2 · t=%3 s · iteration %4")
                                          .arg(position + 1)
                                          .arg(n)
                                          .arg(snapshot.clock, 0, 'f', 3)
                                          .arg(snapshot.iteration));
}

void MainWindow::selectTask(uint64_t task)
{
    m_selectedTask = task;
    if (m_run) {
        m_shownPosition = SIZE_MAX;
        showPosition();
    }
}

void MainWindow::setStepGranularity(trace::Granularity granularity)
{
    m_granularity = granularity;
    if (m_granularityBox)
        m_granularityBox->setCurrentIndex(m_granularityBox->findData(int(granularity)));
}

void MainWindow::createPlayerControls()
{
    QToolBar *bar = addToolBar(tr("Player"));
    bar->setObjectName(QStringLiteral("playerToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto action = [this, bar](const QString &text, const QString &tip, const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setToolTip(tip);
        a->setShortcuts(keys);
        // Keys act on the whole window, except where a text field needs
        // them (the editor keeps its arrows, Space and page keys).
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        bar->addAction(a);
        addAction(a);
        return a;
    };
    using G = trace::Granularity;
    action(tr("|◀"), tr("Go to the start (Home)"), {QKeySequence(Qt::Key_Home)}, [this] { m_player->goToStart(); });
    action(tr("◀◀ cue"), tr("Previous narration cue (Page Up)"), {QKeySequence(Qt::Key_PageUp)},
           [this] { m_player->stepBack(G::Cue); });
    action(tr("◀ step"), tr("Step back (Left; Shift: by event; Ctrl: by loop iteration)"), {QKeySequence(Qt::Key_Left)},
           [this] { m_player->stepBack(m_granularity); });
    m_playAction = action(tr("▶ Play"), tr("Play / pause (Space)"), {QKeySequence(Qt::Key_Space)},
                          [this] { m_player->togglePlay(); });
    m_playAction->setObjectName(QStringLiteral("playAction"));
    action(tr("step ▶"), tr("Step forward (Right; Shift: by event; Ctrl: by loop iteration)"), {QKeySequence(Qt::Key_Right)},
           [this] { m_player->stepForward(m_granularity); });
    action(tr("cue ▶▶"), tr("Next narration cue (Page Down)"), {QKeySequence(Qt::Key_PageDown)},
           [this] { m_player->stepForward(G::Cue); });
    action(tr("▶|"), tr("Go to the end (End)"), {QKeySequence(Qt::Key_End)}, [this] { m_player->goToEnd(); });
    // Modified arrows: a fixed granularity whatever the chooser says.
    auto key = [this](QKeySequence seq, auto slot) {
        auto *a = new QAction(this);
        a->setShortcut(seq);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
    };
    key(QKeySequence(Qt::SHIFT | Qt::Key_Left), [this] { m_player->stepBack(G::Event); });
    key(QKeySequence(Qt::SHIFT | Qt::Key_Right), [this] { m_player->stepForward(G::Event); });
    key(QKeySequence(Qt::CTRL | Qt::Key_Left), [this] { m_player->stepBack(G::Iteration); });
    key(QKeySequence(Qt::CTRL | Qt::Key_Right), [this] { m_player->stepForward(G::Iteration); });

    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" step by ")));
    m_granularityBox = new QComboBox;
    m_granularityBox->setObjectName(QStringLiteral("granularityBox"));
    m_granularityBox->addItem(tr("line"), int(G::Line));
    m_granularityBox->addItem(tr("event"), int(G::Event));
    m_granularityBox->addItem(tr("loop iteration"), int(G::Iteration));
    m_granularityBox->addItem(tr("narration cue"), int(G::Cue));
    m_granularityBox->setFocusPolicy(Qt::NoFocus);
    connect(m_granularityBox, &QComboBox::activated, this,
            [this](int index) { m_granularity = G(m_granularityBox->itemData(index).toInt()); });
    bar->addWidget(m_granularityBox);
    bar->addWidget(new QLabel(tr("  speed ")));
    m_speedBox = new QComboBox;
    m_speedBox->setObjectName(QStringLiteral("speedBox"));
    for (double speed : {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0})
        m_speedBox->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speedBox->setFocusPolicy(Qt::NoFocus);
    connect(m_speedBox, &QComboBox::activated, this,
            [this](int index) { m_player->setSpeed(m_speedBox->itemData(index).toDouble()); });
    connect(m_player, &Player::speedChanged, this, [this](double speed) {
        const int index = m_speedBox->findData(speed);
        if (index >= 0)
            m_speedBox->setCurrentIndex(index);
    });
    m_speedBox->setCurrentIndex(m_speedBox->findData(1.0));
    bar->addWidget(m_speedBox);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_layoutRestored || m_docksSized)
        return;
    // The first layout, in proportion to the window: on a 1366×768 laptop
    // the stage keeps half the width instead of what 1920-pixel docks leave.
    m_docksSized = true;
    QDockWidget *code = findChild<QDockWidget *>(QStringLiteral("codeDock"));
    QDockWidget *console = findChild<QDockWidget *>(QStringLiteral("consoleDock"));
    QDockWidget *timeline = findChild<QDockWidget *>(QStringLiteral("timelineDock"));
    QDockWidget *narration = findChild<QDockWidget *>(QStringLiteral("narrationDock"));
    const int w = width(), h = height();
    resizeDocks({code, console}, {std::clamp(w * 27 / 100, 300, 600), std::clamp(w * 21 / 100, 240, 480)},
                Qt::Horizontal);
    resizeDocks({timeline, narration}, {std::clamp(h * 16 / 100, 110, 220), 60}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeKeepChanges()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

} // namespace ascope

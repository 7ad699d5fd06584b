#include "main_window.h"

#include "panels/code_view.h"
#include "panels/console_view.h"
#include "panels/scenario_browser.h"
#include "player/run_scheduler.h"
#include "render/theme.h"
#include "scenario/runner.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStringDecoder>
#include <QToolBar>
#include <QVBoxLayout>

namespace ascope {

namespace {

const char *const kGeometryKey = "window/geometry";
const char *const kStateKey = "window/state";
const char *const kSplitterKey = "window/splitter";
const char *const kLanguageKey = "language";
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
{
    setObjectName(QStringLiteral("MainWindow"));
    createPanels();
    createActions();

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
    m_browser = new ScenarioBrowser;
    m_browser->setObjectName(QStringLiteral("scenarioBrowser"));
    m_codeView = new CodeView;
    m_codeView->setObjectName(QStringLiteral("codeView"));
    m_console = new ConsoleView;
    m_console->setObjectName(QStringLiteral("console"));

    m_fileLabel = new QLabel;
    m_consoleLabel = new QLabel(tr("Console"));

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(captioned(new QLabel(tr("Scenarios")), m_browser));
    m_splitter->addWidget(captioned(m_fileLabel, m_codeView));
    m_splitter->addWidget(captioned(m_consoleLabel, m_console));
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({360, 700, 460});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_exitLabel = new QLabel;
    statusBar()->addPermanentWidget(m_exitLabel);
    resize(1440, 860);
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
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_autoRunAction->setChecked(settings.value(kAutoRunKey, true).toBool());
    setLanguage(languageFromCode(settings.value(kLanguageKey, languageCode(Language::French)).toString()));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
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
    RunOptions options;
    options.maxSteps = m_maxSteps;
    if (m_maxMemory >= 0)
        options.memoryLimit = m_maxMemory;
    QElapsedTimer clock;
    clock.start();
    const RunResult result = runSource(displayName().toStdString(),
                                       std::string_view(source.constData(), size_t(source.size())), options);
    const qint64 elapsedMs = clock.elapsed();

    m_console->showOutput(result.output);
    m_lastExitCode = result.exitCode;
    ++m_runCount;
    m_consoleLabel->setText(tr("Console — %1").arg(exitStatusText(result.exitCode)));
    m_exitLabel->setText(tr("%1 · ran in %2 ms").arg(exitStatusText(result.exitCode)).arg(elapsedMs));
    QPalette colours = m_consoleLabel->palette();
    colours.setColor(QPalette::WindowText,
                     result.exitCode == 0 ? palette().color(QPalette::WindowText) : Theme::standard().stderrText);
    m_consoleLabel->setPalette(colours);
    emit runFinished(result.exitCode);
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

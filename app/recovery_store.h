// Unsaved edits kept on disk, so that no crash can lose them.
//
// Why it is built this way: the interpreter runs inside the window's process,
// on its thread. If a run ever crashed the program, the text being edited
// would go with it; so the window writes the unsaved text here before every
// run and whenever the edits settle, removes it once the text is saved or
// deliberately discarded, and offers it back when the same file is opened
// again. One small JSON file per edited file, keyed by the file's path.
#pragma once

#include <QString>

#include <optional>

namespace ascope {

class RecoveryStore
{
public:
    // `directory` is created on the first save; the default is
    // <application data>/recovery.
    explicit RecoveryStore(QString directory = defaultDirectory());

    static QString defaultDirectory();

    // Keeps `text` as the unsaved content of `path` (an empty path stands for
    // the untitled buffer). Returns false if it could not be written.
    bool keep(const QString &path, const QString &text);
    // The content kept for `path`, if there is one.
    std::optional<QString> find(const QString &path) const;
    // Forgets what was kept for `path` (nothing happens if nothing was).
    void discard(const QString &path);

private:
    QString fileFor(const QString &path) const;

    QString m_directory;
};

} // namespace ascope

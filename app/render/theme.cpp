#include "render/theme.h"

#include <QFontDatabase>
#include <QStringList>
#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace. The resources live in a
// static library, whose resource initializer the linker would otherwise drop.
static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace ascope {

bool Theme::loadBundledFonts()
{
    initBundledResources();
    const QStringList files = {
        QStringLiteral(":/fonts/DejaVuSans.ttf"),
        QStringLiteral(":/fonts/DejaVuSans-Bold.ttf"),
        QStringLiteral(":/fonts/DejaVuSansMono.ttf"),
        QStringLiteral(":/fonts/DejaVuSansMono-Bold.ttf"),
    };
    bool allLoaded = true;
    for (const QString &file : files) {
        if (QFontDatabase::addApplicationFont(file) < 0) {
            qWarning("asyncscope: could not load the bundled font %s", qPrintable(file));
            allLoaded = false;
        }
    }
    return allLoaded;
}

const Theme &Theme::standard()
{
    static const Theme theme = [] {
        Theme t;
        t.text = QColor(0x1f, 0x23, 0x28);
        t.background = QColor(0xff, 0xff, 0xff);
        t.currentLine = QColor(0xf3, 0xf6, 0xfa);
        t.lineNumber = QColor(0x8c, 0x95, 0x9f);
        t.lineNumberBackground = QColor(0xf6, 0xf8, 0xfa);
        t.keyword = QColor(0x0b, 0x4f, 0xa8);
        t.builtin = QColor(0x6f, 0x42, 0xc1);
        t.string = QColor(0x0a, 0x7a, 0x3d);
        t.number = QColor(0xb3, 0x52, 0x00);
        t.comment = QColor(0x6a, 0x73, 0x7d);
        t.metadataComment = QColor(0x8a, 0x5a, 0x00);
        t.decorator = QColor(0x9a, 0x3f, 0x8a);
        t.definitionName = QColor(0x00, 0x5c, 0xc5);
        t.stderrText = QColor(0xc6, 0x28, 0x28);
        t.consoleNote = QColor(0x6a, 0x73, 0x7d);
        return t;
    }();
    return theme;
}

QFont Theme::uiFont() const
{
    QFont font(QString::fromLatin1(kUiFamily), kUiPointSize);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

QFont Theme::codeFont() const
{
    QFont font(QString::fromLatin1(kCodeFamily), kCodePointSize);
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    return font;
}

} // namespace ascope

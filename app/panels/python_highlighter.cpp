#include "panels/python_highlighter.h"

#include "render/theme.h"

#include <QRegularExpression>
#include <QSet>

namespace ascope {

namespace {

// Block states: what the previous line left open.
constexpr int kNormal = 0;
constexpr int kInsideSingleTriple = 1;   // '''
constexpr int kInsideDoubleTriple = 2;   // """

const QSet<QString> &keywords()
{
    static const QSet<QString> words = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    };
    return words;
}

const QSet<QString> &builtins()
{
    static const QSet<QString> words = {
        "abs", "all", "any", "bool", "callable", "chr", "classmethod", "dict", "divmod",
        "enumerate", "filter", "float", "frozenset", "getattr", "hasattr", "hash", "id", "int",
        "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next",
        "object", "ord", "pow", "print", "property", "range", "repr", "reversed", "round",
        "set", "setattr", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
        "zip", "self", "cls", "BaseException", "Exception", "ArithmeticError", "AssertionError",
        "AttributeError", "CancelledError", "ExceptionGroup", "IndexError", "KeyError",
        "LookupError", "MemoryError", "NameError", "NotImplementedError", "RecursionError",
        "RuntimeError", "StopIteration", "StopAsyncIteration", "TimeoutError", "TypeError",
        "ValueError", "ZeroDivisionError", "ConnectionError",
    };
    return words;
}

bool isStringPrefix(const QString &word)
{
    static const QSet<QString> prefixes = {"r", "u", "b", "f", "br", "rb", "fr", "rf"};
    return prefixes.contains(word.toLower());
}

bool isQuote(QChar c)
{
    return c == QLatin1Char('\'') || c == QLatin1Char('"');
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

QTextCharFormat colourFormat(const QColor &colour, bool bold = false)
{
    QTextCharFormat result;
    result.setForeground(colour);
    if (bold)
        result.setFontWeight(QFont::Bold);
    return result;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const Theme &theme = Theme::standard();
    m_keyword = colourFormat(theme.keyword, true);
    m_builtin = colourFormat(theme.builtin);
    m_string = colourFormat(theme.string);
    m_number = colourFormat(theme.number);
    m_comment = colourFormat(theme.comment);
    m_metadata = colourFormat(theme.metadataComment);
    m_decorator = colourFormat(theme.decorator);
    m_definition = colourFormat(theme.definitionName, true);
}

qsizetype PythonHighlighter::finishTripleString(const QString &text, qsizetype from, QChar quote)
{
    const QString closing(3, quote);
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (text.mid(i, 3) == closing)
            return i + 3;
    }
    setCurrentBlockState(quote == QLatin1Char('\'') ? kInsideSingleTriple : kInsideDoubleTriple);
    return text.size();
}

qsizetype PythonHighlighter::highlightString(const QString &text, qsizetype start, qsizetype quote)
{
    const QChar q = text.at(quote);
    qsizetype end;
    if (text.mid(quote, 3) == QString(3, q)) {
        end = finishTripleString(text, quote + 3, q);
    } else {
        end = text.size();   // an unterminated string runs to the end of the line
        for (qsizetype i = quote + 1; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (text.at(i) == q) {
                end = i + 1;
                break;
            }
        }
    }
    setFormat(int(start), int(end - start), m_string);
    return end;
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression metadataComment(
        QStringLiteral(R"(^#\s*(title\[[a-z]{2}\]|cue\[[a-z]{2}\]|video)\s*:)"));

    setCurrentBlockState(kNormal);
    qsizetype i = 0;
    if (previousBlockState() == kInsideSingleTriple || previousBlockState() == kInsideDoubleTriple) {
        const QChar quote = previousBlockState() == kInsideSingleTriple ? QLatin1Char('\'') : QLatin1Char('"');
        i = finishTripleString(text, 0, quote);
        setFormat(0, int(i), m_string);
    }

    bool expectDefinitionName = false;
    bool lineStart = true;   // only blanks so far on this line
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('#')) {
            const QString comment = text.mid(i);
            setFormat(int(i), int(comment.size()),
                      metadataComment.match(comment).hasMatch() ? m_metadata : m_comment);
            break;
        }
        if (isQuote(c)) {
            i = highlightString(text, i, i);
            expectDefinitionName = false;
            lineStart = false;
            continue;
        }
        if (c == QLatin1Char('@') && lineStart) {
            qsizetype end = i + 1;
            while (end < text.size() && (isIdentifierPart(text.at(end)) || text.at(end) == QLatin1Char('.')))
                ++end;
            setFormat(int(i), int(end - i), m_decorator);
            i = end;
            lineStart = false;
            continue;
        }
        lineStart = false;
        if (isIdentifierStart(c)) {
            qsizetype end = i + 1;
            while (end < text.size() && isIdentifierPart(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i);
            if (end < text.size() && isQuote(text.at(end)) && isStringPrefix(word)) {
                i = highlightString(text, i, end);
                continue;
            }
            if (expectDefinitionName) {
                setFormat(int(i), int(end - i), m_definition);
                expectDefinitionName = false;
            } else if (keywords().contains(word)) {
                setFormat(int(i), int(end - i), m_keyword);
                expectDefinitionName = word == QLatin1String("def") || word == QLatin1String("class");
            } else if (builtins().contains(word)) {
                setFormat(int(i), int(end - i), m_builtin);
            }
            i = end;
            continue;
        }
        expectDefinitionName = false;
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < text.size() && text.at(i + 1).isDigit())) {
            qsizetype end = i + 1;
            while (end < text.size()) {
                const QChar d = text.at(end);
                const bool exponentSign = (d == QLatin1Char('+') || d == QLatin1Char('-'))
                    && (text.at(end - 1) == QLatin1Char('e') || text.at(end - 1) == QLatin1Char('E'))
                    && !text.mid(i, 2).startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
                if (!(d.isLetterOrNumber() || d == QLatin1Char('_') || d == QLatin1Char('.') || exponentSign))
                    break;
                ++end;
            }
            setFormat(int(i), int(end - i), m_number);
            i = end;
            continue;
        }
        ++i;
    }
}

} // namespace ascope

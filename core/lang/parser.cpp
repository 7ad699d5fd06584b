#include "lang/parser.h"

#include "lang/lexer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace ascope::lang {

namespace {

constexpr int kMaxStack = 6000;        // CPython's MAXSTACK: nested rules per parser
constexpr int kMaxTotalDepth = 7000;   // nested rules across f-string sub-parsers (bounds the C++ stack)
constexpr int kMaxAstDepth = 3000;     // the AST optimizer's limit (1000 * COMPILER_STACK_FRAME_SCALE)

// Rules whose results are memoized. CPython memoizes more (all its "(memo)"
// and left-recursive rules), but memoizing is invisible to the result, and a
// rule only ever entered once per position from a memoized parent (the
// operator chain below `bitwise_or`, `conjunction` below `disjunction`...)
// gains nothing from it.
enum class Rule : uint8_t {
    SimpleStmt, Block, Expression, StarExpression, Disjunction, Strings, Arguments, StarTarget,
    TargetWithStarAtom, DelTarget, InvalidNamedExpression, BitwiseOr, TPrimary, None,
};

// Thrown once the parser's error is set: unwinds to the pass driver.
struct ParseAbort {};

struct NameDefault {
    Arg* arg = nullptr;
    Expr* value = nullptr;  // nullptr: no default
};

struct SlashWithDefault {
    std::vector<Arg*> plain;
    std::vector<NameDefault> withDefault;
};

struct StarEtc {
    Arg* vararg = nullptr;
    std::vector<NameDefault> kwonly;
    Arg* kwarg = nullptr;
};

// What `args` / `arguments` produce: CPython builds a Call with a dummy name.
struct CallArgs {
    Pos pos;
    std::vector<Expr*> args;
    std::vector<Keyword*> keywords;
};

// An element of `kwargs`: a keyword (`k=v`, `**v`) or a starred expression.
struct KeywordOrStarred {
    Keyword* keyword = nullptr;
    Expr* starred = nullptr;
};

enum class TargetsType { Star, Del, For };

std::string_view exprName(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
        switch (static_cast<const Constant*>(e)->constKind) {
        case ConstKind::None: return "None";
        case ConstKind::False: return "False";
        case ConstKind::True: return "True";
        case ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    default: return "expression";
    }
}

// CPython's _PyPegen_get_invalid_target.
Expr* invalidTarget(Expr* e, TargetsType type) {
    if (!e) return nullptr;
    switch (e->kind) {
    case ExprKind::List:
    case ExprKind::Tuple:
        for (Expr* elt : static_cast<ListOrTuple*>(e)->elts)
            if (Expr* child = invalidTarget(elt, type)) return child;
        return nullptr;
    case ExprKind::Starred:
        if (type == TargetsType::Del) return e;
        return invalidTarget(static_cast<Starred*>(e)->value, type);
    case ExprKind::Compare: {
        auto* c = static_cast<Compare*>(e);
        if (type == TargetsType::For) {
            if (c->ops[0] == CmpOpKind::In) return invalidTarget(c->left, type);
            return nullptr;
        }
        return e;
    }
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute: return nullptr;
    default: return e;
    }
}

// CPython's _PyPegen_set_expr_context.
void setContext(Expr* e, ExprContext ctx) {
    switch (e->kind) {
    case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; break;
    case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
    case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
    case ExprKind::Starred: {
        auto* s = static_cast<Starred*>(e);
        s->ctx = ctx;
        setContext(s->value, ctx);
        break;
    }
    case ExprKind::List:
    case ExprKind::Tuple: {
        auto* l = static_cast<ListOrTuple*>(e);
        l->ctx = ctx;
        for (Expr* elt : l->elts) setContext(elt, ctx);
        break;
    }
    default: break;
    }
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// Digits (no underscores) of a non-negative integer in `base`, as decimal text.
std::string toDecimal(std::string_view digits, int base) {
    std::vector<uint32_t> limbs;  // little-endian, base 1e9
    for (char ch : digits) {
        int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        uint64_t carry = uint64_t(d);
        for (uint32_t& limb : limbs) {
            uint64_t v = uint64_t(limb) * uint64_t(base) + carry;
            limb = uint32_t(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs.push_back(uint32_t(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    if (limbs.empty()) return "0";
    std::string out = std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        std::string part = std::to_string(limbs[i]);
        out.append(9 - part.size(), '0');
        out += part;
    }
    return out;
}

double parseDouble(std::string_view text) {
    double value = 0;
    const std::errc ec = std::from_chars(text.data(), text.data() + text.size(), value).ec;
    if (ec == std::errc::result_out_of_range) {
        // Overflow gives inf, underflow 0, like strtod.
        size_t e = text.find_first_of("eE");
        long exponent = 0;
        if (e != std::string_view::npos) {
            std::string_view ex = text.substr(e + 1);
            bool negative = !ex.empty() && ex[0] == '-';
            if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
            for (char ch : ex) exponent = std::min(exponent * 10 + (ch - '0'), 100000L);
            if (negative) exponent = -exponent;
        }
        size_t dot = text.find('.');
        long intDigits = long(std::min(dot, e));
        value = exponent + intDigits > 0 ? HUGE_VAL : 0.0;
    }
    return value;
}


// One parse of one token stream: the whole file, or the parenthesized
// expression of an f-string replacement field (CPython's Py_fstring_input).
class Parser {
public:
    enum class Mode { File, FString };

    Parser(const TokenStream& ts, Arena& arena, Mode mode, int fstringColShift, int* totalDepth,
           std::vector<SyntaxWarning>* warnings)
        : m_ts(ts), m_tokens(ts.tokens), m_arena(arena), m_mode(mode),
          m_fstringColShift(fstringColShift), m_totalDepth(totalDepth), m_warnings(warnings) {
        m_memoHead.assign(m_tokens.size() + 2, -1);
    }

    // Runs CPython's _PyPegen_run_parser. Returns false with `error` set on failure.
    bool parseFile(std::vector<Stmt*>& body, SyntaxError& error);
    // Where the first match statement is, when the source has one.
    const std::optional<Pos>& unsupportedMatch() const { return m_unsupportedMatch; }
    Expr* parseFString(SyntaxError& error);

private:
    friend struct Depth;

    // ------------------------------------------------------------ tokens
    const Token& cur() {
        if (m_mark >= m_fill) fetch();
        return m_tokens[size_t(std::min(m_mark, int(m_tokens.size()) - 1))];
    }
    [[gnu::noinline]] void fetch() {
        if (m_fill < int(m_tokens.size())) {
            ++m_fill;
            issueWarnings(m_fill);
            return;
        }
        if (m_ts.error) {
            ++m_fill;
            m_error = m_ts.error->error;
            m_errorFromTokenizer = true;
            throw ParseAbort{};
        }
    }
    // The tokenizer's warnings for the tokens before `end` (CPython issues
    // them as it reads the tokens).
    void issueWarnings(int end) {
        const std::vector<LexWarning>& all = m_ts.warnings;
        while (m_nextWarning < all.size() && all[m_nextWarning].tokenIndex < end) {
            if (m_warnings) m_warnings->push_back(all[m_nextWarning].warning);
            ++m_nextWarning;
        }
    }
    const Token* expect(TokenKind k) {
        const Token& t = cur();
        if (t.kind != k) return nullptr;
        ++m_mark;
        return &t;
    }
    bool check(TokenKind k) { return cur().kind == k; }
    const Token* expectForced(TokenKind k, const char* text) {
        const Token& t = cur();
        if (t.kind != k) raiseAt(tokPos(t), std::string("expected '") + text + "'");
        ++m_mark;
        return &t;
    }
    bool isSoftKeyword(const Token& t, std::string_view word) const {
        return t.kind == TokenKind::Name && m_ts.tokenText(t) == word;
    }
    const Token* expectSoftKeyword(std::string_view word) {
        const Token& t = cur();
        if (!isSoftKeyword(t, word)) return nullptr;
        ++m_mark;
        return &t;
    }
    std::string_view text(const Token& t) const { return m_ts.tokenText(t); }

    static Pos tokPos(const Token& t) { return Pos{t.line, t.col, t.endLine, t.endCol}; }
    const Token& lastNonWhitespace() const {
        for (int m = m_mark - 1; m >= 0; --m) {
            const Token& t = m_tokens[size_t(m)];
            if (t.kind != TokenKind::EndMarker &&
                (t.kind < TokenKind::Newline || t.kind > TokenKind::Dedent))
                return t;
        }
        return m_tokens[0];
    }
    // CPython's EXTRA: from the token at `start` to the last token consumed.
    Pos extra(int start) const {
        const Token& s = m_tokens[size_t(start)];
        const Token& e = lastNonWhitespace();
        return Pos{s.line, s.col, e.endLine, e.endCol};
    }

    // Out of line, like the memo bookkeeping below: the rules recurse up to
    // kMaxStack deep, so their frames must stay small.
    template <typename T, typename... A>
    [[gnu::noinline]] T* make(const Pos& pos, A&&... args) {
        T* n = m_arena.make<T>(std::forward<A>(args)...);
        n->pos = pos;
        return n;
    }

    // -------------------------------------------------------------- memo
    template <typename T>
    bool memoGet(Rule rule, T*& out) {
        cur();
        for (int i = m_memoHead[size_t(m_mark)]; i >= 0; i = m_memo[size_t(i)].next) {
            if (m_memo[size_t(i)].rule == rule) {
                m_mark = m_memo[size_t(i)].end;
                out = static_cast<T*>(m_memo[size_t(i)].value);
                return true;
            }
        }
        return false;
    }
    template <typename T>
    T* memoPut(Rule rule, int start, T* value) {
        if (!value) m_mark = start;
        addMemo(rule, start, value);
        return value;
    }
    [[gnu::noinline]] void addMemo(Rule rule, int start, void* value) {
        m_memo.push_back(MemoEntry{value, m_memoHead[size_t(start)], m_mark, rule});
        m_memoHead[size_t(start)] = int(m_memo.size()) - 1;
    }
    void resetForSecondPass() {
        m_memo.clear();
        std::fill(m_memoHead.begin(), m_memoHead.end(), -1);
        m_mark = 0;
        m_callInvalidRules = true;
    }

    // ------------------------------------------------------------ errors
    [[noreturn, gnu::noinline, gnu::cold]] void raise(SyntaxError e) {
        m_error = std::move(e);
        throw ParseAbort{};
    }
    // _PyPegen_raise_error_known_location; columns are 1-based, `kCurrentPos`
    // means "where the tokenizer stands".
    static constexpr int kCurrentPos = -5;
    [[noreturn, gnu::noinline, gnu::cold]] void raiseKnown(const char* type, std::string message, int line, int col,
                                 int endLine, int endCol) {
        const Token& last = m_tokens[size_t(std::max(0, std::min(m_fill, int(m_tokens.size())) - 1))];
        if (endLine == kCurrentPos) endLine = last.endLine;
        if (endCol == kCurrentPos) endCol = last.cursorCol;
        if (m_mode == Mode::FString) {
            message = "f-string: " + message;
            col -= m_fstringColShift;
            endCol -= m_fstringColShift;
        }
        SyntaxError e = m_ts.parserError(type, std::move(message), line, col, endLine, endCol);
        // Parsing a string, CPython takes the line from its tokenizer: with its
        // newline when it is the line being read, without otherwise.
        if (m_mode == Mode::FString) e.textHasNewline = line >= last.endLine;
        raise(std::move(e));
    }
    // RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _RANGE / _STARTING_FROM
    [[noreturn]] void raiseAt(const Pos& a, std::string message, const char* type = "SyntaxError") {
        raiseKnown(type, std::move(message), a.line, a.col + 1, a.endLine, a.endCol + 1);
    }
    [[noreturn]] void raiseRange(const Pos& a, const Pos& b, std::string message) {
        raiseKnown("SyntaxError", std::move(message), a.line, a.col + 1, b.endLine, b.endCol + 1);
    }
    [[noreturn]] void raiseStartingFrom(const Pos& a, std::string message) {
        raiseKnown("SyntaxError", std::move(message), a.line, a.col + 1, kCurrentPos, kCurrentPos);
    }
    // RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read.
    [[noreturn, gnu::noinline, gnu::cold]] void raiseHere(std::string message, const char* type = "SyntaxError") {
        const Token& t = m_tokens[size_t(std::max(0, std::min(m_fill, int(m_tokens.size())) - 1))];
        const int col = t.col == -1 ? t.cursorCol : t.col + 1;
        const int endCol = t.endCol == -1 ? -1 : t.endCol + 1;
        raiseKnown(type, std::move(message), t.line, col, t.endLine, endCol);
    }
    [[noreturn]] void raiseIndentation(std::string message) { raiseHere(std::move(message), "IndentationError"); }
    [[noreturn, gnu::noinline, gnu::cold]] void memoryError() {
        SyntaxError e;
        e.type = "MemoryError";
        m_error = e;
        m_errorIsMemory = true;
        throw ParseAbort{};
    }
    // RAISE_SYNTAX_ERROR_INVALID_TARGET; returns normally when e is a valid target.
    void raiseInvalidTarget(TargetsType type, Expr* e) {
        if (Expr* bad = invalidTarget(e, type)) {
            const char* verb = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
            raiseAt(bad->pos, verb + std::string(exprName(bad)));
        }
    }
    SyntaxError resolveError(int firstPassLastToken);
    SyntaxError checkRestOfSource(SyntaxError current);

    // -------------------------------------------------------- statements
    bool file(std::vector<Stmt*>& body);
    bool statements(std::vector<Stmt*>& out);
    bool statement(std::vector<Stmt*>& out);
    bool simpleStmts(std::vector<Stmt*>& out);
    Stmt* simpleStmt();
    Stmt* simpleStmtUncached();
    Stmt* compoundStmt();
    Stmt* assignment();
    Expr* annotatedRhs();
    const Token* augassign(BinOpKind& op);
    Stmt* returnStmt();
    Stmt* raiseStmt();
    Stmt* globalStmt(bool nonlocal);
    Stmt* delStmt();
    Stmt* assertStmt();
    Stmt* importName();
    Stmt* importFrom();
    bool importFromTargets(std::vector<Alias*>& out);
    bool importFromAsNames(std::vector<Alias*>& out);
    Alias* importFromAsName();
    Alias* dottedAsName();
    bool dottedName(std::string& out);
    std::vector<Stmt*>* block();
    bool decorators(std::vector<Expr*>& out);
    Stmt* classDef();
    Stmt* classDefRaw();
    Stmt* functionDef();
    Stmt* functionDefRaw();
    Arguments* params();
    Arguments* parameters();
    bool slashNoDefault(std::vector<Arg*>& out);
    bool slashWithDefault(SlashWithDefault& out);
    bool starEtc(StarEtc& out);
    Arg* kwds();
    Arg* paramNoDefault();
    Arg* paramNoDefaultStarAnnotation();
    bool paramWithDefault(NameDefault& out);
    bool paramMaybeDefault(NameDefault& out);
    Arg* param();
    Arg* paramStarAnnotation();
    Expr* annotation();
    Expr* defaultValue();
    // The bodies def and lambda parameters share (see ParamRules).
    struct ParamRules;
    static const ParamRules kDefParams;
    static const ParamRules kLambdaParams;
    Arguments* parametersOf(const ParamRules& r);
    bool slashNoDefaultOf(const ParamRules& r, std::vector<Arg*>& out);
    bool slashWithDefaultOf(const ParamRules& r, SlashWithDefault& out);
    bool starEtcOf(const ParamRules& r, StarEtc& out);
    Arg* kwdsOf(const ParamRules& r);
    Stmt* ifStmt(bool elif);
    bool elseBlock(std::vector<Stmt*>& out);
    Stmt* whileStmt();
    Stmt* forStmt();
    Stmt* withStmt();
    WithItem* withItem();
    Stmt* tryStmt();
    ExceptHandler* exceptBlock();
    ExceptHandler* exceptStarBlock();
    bool finallyBlock(std::vector<Stmt*>& out);
    Stmt* matchStmt();
    bool caseBlock();
    bool skipCasePatterns();
    Expr* subjectExpr();

    // ------------------------------------------------------- expressions
    Expr* expressions();
    Expr* expression();
    Expr* expressionWithoutInvalid();
    Expr* yieldExpr();
    Expr* starExpressions();
    Expr* starExpression();
    bool starNamedExpressions(std::vector<Expr*>& out);
    Expr* starNamedExpression();
    Expr* assignmentExpression();
    Expr* namedExpression();
    Expr* disjunction();
    Expr* conjunction();
    Expr* inversion();
    Expr* comparison();
    Expr* binaryChain(Rule rule, Expr* (Parser::*operand)(), const TokenKind* kinds,
                      const BinOpKind* ops, int count);
    Expr* bitwiseOr();
    Expr* bitwiseXor();
    Expr* bitwiseAnd();
    Expr* shiftExpr();
    Expr* sum();
    Expr* term();
    Expr* factor();
    Expr* power();
    Expr* awaitPrimary();
    Expr* primary();
    Expr* slices();
    Expr* slice();
    Expr* atom();
    Expr* group();
    Expr* lambdef();
    Arguments* lambdaParams();
    Arguments* lambdaParameters();
    bool lambdaSlashNoDefault(std::vector<Arg*>& out);
    bool lambdaSlashWithDefault(SlashWithDefault& out);
    bool lambdaStarEtc(StarEtc& out);
    Arg* lambdaKwds();
    Arg* lambdaParamNoDefault();
    bool lambdaParamWithDefault(NameDefault& out);
    bool lambdaParamMaybeDefault(NameDefault& out);
    Arg* lambdaParam();
    Expr* strings();
    Expr* list();
    Expr* tuple();
    Expr* set();
    Expr* dict();
    bool doubleStarredKvpairs(std::vector<Expr*>& keys, std::vector<Expr*>& values);
    bool doubleStarredKvpair(Expr*& key, Expr*& value);
    bool kvpair(Expr*& key, Expr*& value);
    bool forIfClauses(std::vector<Comprehension*>& out);
    Comprehension* forIfClause();
    Expr* listcomp();
    Expr* setcomp();
    Expr* genexp();
    Expr* dictcomp();
    CallArgs* arguments();
    CallArgs* args();
    bool kwargs(std::vector<KeywordOrStarred>& out);
    Expr* starredExpression();
    bool kwargOrStarred(KeywordOrStarred& out);
    bool kwargOrDoubleStarred(KeywordOrStarred& out);
    Expr* starTargets();
    bool starTargetsListSeq(std::vector<Expr*>& out);
    bool starTargetsTupleSeq(std::vector<Expr*>& out);
    Expr* starTarget();
    Expr* targetWithStarAtom();
    Expr* starAtom();
    Expr* singleTarget();
    Expr* singleSubscriptAttributeTarget();
    Expr* tPrimary();
    bool tLookahead();
    bool delTargets(std::vector<Expr*>& out);
    Expr* delTarget();
    Expr* delTAtom();
    Name* name();
    Expr* number();

    // ----------------------------------------------------- invalid rules
    void invalidArguments();
    void invalidKwarg();
    void invalidLegacyExpression();
    void invalidExpression();
    void invalidNamedExpression();
    void invalidAssignment();
    Expr* invalidAnnAssignTarget();
    void invalidDelStmt();
    void invalidBlock();
    void invalidComprehension();
    void invalidDictComprehension();
    void invalidParameters();
    void invalidDefault();
    void invalidStarEtc();
    void invalidKwds();
    bool invalidParametersHelper();
    void invalidLambdaParameters();
    bool invalidLambdaParametersHelper();
    void invalidLambdaStarEtc();
    void invalidLambdaKwds();
    void invalidParametersOf(const ParamRules& r);
    bool invalidParametersHelperOf(const ParamRules& r);
    void invalidStarEtcOf(const ParamRules& r);
    void invalidKwdsOf(const ParamRules& r);
    void invalidWithItem();
    void invalidForTarget();
    void invalidGroup();
    void invalidImportFromTargets();
    void invalidWithStmt();
    void invalidWithStmtIndent();
    void invalidTryStmt();
    void invalidExceptStmt();
    void invalidFinallyStmt();
    void invalidExceptStmtIndent();
    void invalidExceptStarStmtIndent();
    void invalidMatchStmt();
    void invalidCaseBlock();
    void invalidIfStmt(bool elif);
    void invalidElseStmt();
    void invalidWhileStmt();
    void invalidForStmt();
    void invalidDefRaw();
    void invalidClassDefRaw();
    void invalidDoubleStarredKvpairs();
    void invalidKvpair();
    bool withItemsForInvalid(bool parenthesized);

    // ----------------------------------------------------------- strings
    Expr* concatenateStrings(int first, int last);
    Expr* fstringCompileExpr(const char* exprStart, const char* exprEnd, const Token& t);

    struct MemoEntry {
        void* value;
        int32_t next;
        int32_t end;
        Rule rule;
    };

    const TokenStream& m_ts;
    const std::vector<Token>& m_tokens;
    Arena& m_arena;
    const Mode m_mode;
    const int m_fstringColShift;
    int* m_totalDepth;
    std::vector<SyntaxWarning>* m_warnings;
    size_t m_nextWarning = 0;
    std::optional<Pos> m_unsupportedMatch;

    int m_mark = 0;
    int m_fill = 0;
    int m_level = 0;
    bool m_callInvalidRules = false;
    std::optional<SyntaxError> m_error;
    bool m_errorFromTokenizer = false;
    bool m_errorIsMemory = false;

    std::vector<MemoEntry> m_memo;
    std::vector<int> m_memoHead;
    std::deque<std::vector<Stmt*>> m_blockPool;
    std::deque<CallArgs> m_argsPool;

    friend class FStringParser;
};

// CPython's p->level bookkeeping, one per rule invocation.
struct Depth {
    Parser& p;
    explicit Depth(Parser& parser) : p(parser) {
        ++*p.m_totalDepth;
        if (++p.m_level > kMaxStack || *p.m_totalDepth > kMaxTotalDepth) {
            --p.m_level;
            --*p.m_totalDepth;
            p.memoryError();
        }
    }
    ~Depth() {
        --p.m_level;
        --*p.m_totalDepth;
    }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
};

}  // namespace

// ============================================================ statements

// file: [statements] ENDMARKER
bool Parser::file(std::vector<Stmt*>& body) {
    Depth d(*this);
    const int mark = m_mark;
    statements(body);
    if (expect(TokenKind::EndMarker)) return true;
    m_mark = mark;
    return false;
}

// statements: statement+
bool Parser::statements(std::vector<Stmt*>& out) {
    Depth d(*this);
    Depth loop(*this);  // pegen's helper rule for statement+
    bool any = false;
    while (statement(out)) any = true;
    return any;
}

// statement: compound_stmt | simple_stmts
bool Parser::statement(std::vector<Stmt*>& out) {
    Depth d(*this);
    if (Stmt* s = compoundStmt()) {
        out.push_back(s);
        return true;
    }
    return simpleStmts(out);
}

// simple_stmts:
//     | simple_stmt !';' NEWLINE
//     | ';'.simple_stmt+ [';'] NEWLINE
bool Parser::simpleStmts(std::vector<Stmt*>& out) {
    Depth d(*this);
    const int mark = m_mark;
    if (Stmt* s = simpleStmt()) {
        if (!check(TokenKind::Semi) && expect(TokenKind::Newline)) {
            out.push_back(s);
            return true;
        }
    }
    m_mark = mark;
    const size_t size = out.size();
    if (Stmt* s = simpleStmt()) {
        out.push_back(s);
        for (;;) {
            const int m = m_mark;
            if (!expect(TokenKind::Semi)) break;
            Stmt* next = simpleStmt();
            if (!next) {
                m_mark = m;
                break;
            }
            out.push_back(next);
        }
        expect(TokenKind::Semi);
        if (expect(TokenKind::Newline)) return true;
    }
    out.resize(size);
    m_mark = mark;
    return false;
}

// simple_stmt (memo)
Stmt* Parser::simpleStmt() {
    Depth d(*this);
    Stmt* res;
    if (memoGet(Rule::SimpleStmt, res)) return res;
    const int mark = m_mark;
    return memoPut(Rule::SimpleStmt, mark, simpleStmtUncached());
}

Stmt* Parser::simpleStmtUncached() {
    const int mark = m_mark;
    if (Stmt* s = assignment()) return s;
    m_mark = mark;
    if (Expr* e = starExpressions()) {
        auto* s = make<ExprStmt>(extra(mark));
        s->value = e;
        return s;
    }
    m_mark = mark;
    switch (cur().kind) {
    case TokenKind::KwReturn: return returnStmt();
    case TokenKind::KwImport: return importName();
    case TokenKind::KwFrom: return importFrom();
    case TokenKind::KwRaise: return raiseStmt();
    case TokenKind::KwPass:
        ++m_mark;
        return make<Pass>(extra(mark));
    case TokenKind::KwDel: return delStmt();
    case TokenKind::KwYield: {
        Expr* y = yieldExpr();
        if (!y) return nullptr;
        auto* s = make<ExprStmt>(extra(mark));
        s->value = y;
        return s;
    }
    case TokenKind::KwAssert: return assertStmt();
    case TokenKind::KwBreak:
        ++m_mark;
        return make<Break>(extra(mark));
    case TokenKind::KwContinue:
        ++m_mark;
        return make<Continue>(extra(mark));
    case TokenKind::KwGlobal: return globalStmt(false);
    case TokenKind::KwNonlocal: return globalStmt(true);
    default: return nullptr;
    }
}

// compound_stmt
Stmt* Parser::compoundStmt() {
    Depth d(*this);
    const TokenKind k = cur().kind;
    if (k == TokenKind::KwDef || k == TokenKind::At || k == TokenKind::KwAsync)
        if (Stmt* s = functionDef()) return s;
    if (k == TokenKind::KwIf)
        if (Stmt* s = ifStmt(false)) return s;
    if (k == TokenKind::KwClass || k == TokenKind::At)
        if (Stmt* s = classDef()) return s;
    if (k == TokenKind::KwWith || k == TokenKind::KwAsync)
        if (Stmt* s = withStmt()) return s;
    if (k == TokenKind::KwFor || k == TokenKind::KwAsync)
        if (Stmt* s = forStmt()) return s;
    if (k == TokenKind::KwTry)
        if (Stmt* s = tryStmt()) return s;
    if (k == TokenKind::KwWhile)
        if (Stmt* s = whileStmt()) return s;
    return matchStmt();
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//     | single_target augassign ~ (yield_expr | star_expressions)
//     | invalid_assignment
Stmt* Parser::assignment() {
    Depth d(*this);
    const int mark = m_mark;
    if (Name* a = name()) {
        if (expect(TokenKind::Colon)) {
            if (Expr* b = expression()) {
                Expr* c = nullptr;
                const int m = m_mark;
                if (expect(TokenKind::Equal)) {
                    c = annotatedRhs();
                    if (!c) m_mark = m;
                }
                setContext(a, ExprContext::Store);
                auto* s = make<AnnAssign>(extra(mark));
                s->target = a;
                s->annotation = b;
                s->value = c;
                s->simple = true;
                return s;
            }
        }
    }
    m_mark = mark;
    {
        Expr* a = nullptr;
        {
            Depth group(*this);  // pegen's helper rule for ('(' single_target ')' | ...)
            if (expect(TokenKind::LPar)) {
                a = singleTarget();
                if (a && !expect(TokenKind::RPar)) a = nullptr;
            }
            if (!a) {
                m_mark = mark;
                a = singleSubscriptAttributeTarget();
            }
        }
        if (a && expect(TokenKind::Colon)) {
            if (Expr* b = expression()) {
                Expr* c = nullptr;
                const int m = m_mark;
                if (expect(TokenKind::Equal)) {
                    c = annotatedRhs();
                    if (!c) m_mark = m;
                }
                auto* s = make<AnnAssign>(extra(mark));
                s->target = a;
                s->annotation = b;
                s->value = c;
                s->simple = false;
                return s;
            }
        }
    }
    m_mark = mark;
    {
        std::vector<Expr*> targets;
        for (;;) {
            const int m = m_mark;
            Expr* z = starTargets();
            if (!z || !expect(TokenKind::Equal)) {
                m_mark = m;
                break;
            }
            targets.push_back(z);
        }
        if (!targets.empty()) {
            Depth group(*this);  // pegen's helper rule for (yield_expr | star_expressions)
            const int m = m_mark;
            Expr* b = yieldExpr();
            if (!b) {
                m_mark = m;
                b = starExpressions();
            }
            if (b && !check(TokenKind::Equal)) {
                auto* s = make<Assign>(extra(mark));
                s->targets = std::move(targets);
                s->value = b;
                return s;
            }
        }
    }
    m_mark = mark;
    if (Expr* a = singleTarget()) {
        BinOpKind op;
        if (augassign(op)) {
            const int m = m_mark;
            Expr* c = yieldExpr();
            if (!c) {
                m_mark = m;
                c = starExpressions();
            }
            if (!c) {  // cut
                m_mark = mark;
                return nullptr;
            }
            auto* s = make<AugAssign>(extra(mark));
            s->target = a;
            s->op = op;
            s->value = c;
            return s;
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidAssignment();
        m_mark = mark;
    }
    return nullptr;
}

// annotated_rhs: yield_expr | star_expressions
Expr* Parser::annotatedRhs() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* e = yieldExpr()) return e;
    m_mark = mark;
    return starExpressions();
}

const Token* Parser::augassign(BinOpKind& op) {
    Depth d(*this);
    const Token& t = cur();
    switch (t.kind) {
    case TokenKind::PlusEqual: op = BinOpKind::Add; break;
    case TokenKind::MinEqual: op = BinOpKind::Sub; break;
    case TokenKind::StarEqual: op = BinOpKind::Mult; break;
    case TokenKind::AtEqual: op = BinOpKind::MatMult; break;
    case TokenKind::SlashEqual: op = BinOpKind::Div; break;
    case TokenKind::PercentEqual: op = BinOpKind::Mod; break;
    case TokenKind::AmperEqual: op = BinOpKind::BitAnd; break;
    case TokenKind::VBarEqual: op = BinOpKind::BitOr; break;
    case TokenKind::CircumflexEqual: op = BinOpKind::BitXor; break;
    case TokenKind::LeftShiftEqual: op = BinOpKind::LShift; break;
    case TokenKind::RightShiftEqual: op = BinOpKind::RShift; break;
    case TokenKind::DoubleStarEqual: op = BinOpKind::Pow; break;
    case TokenKind::DoubleSlashEqual: op = BinOpKind::FloorDiv; break;
    default: return nullptr;
    }
    ++m_mark;
    return &t;
}

// return_stmt: 'return' [star_expressions]
Stmt* Parser::returnStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (!expect(TokenKind::KwReturn)) return nullptr;
    const int m = m_mark;
    Expr* a = starExpressions();
    if (!a) m_mark = m;
    auto* s = make<Return>(extra(mark));
    s->value = a;
    return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Stmt* Parser::raiseStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwRaise)) {
        if (Expr* a = expression()) {
            Expr* b = nullptr;
            const int m = m_mark;
            if (expect(TokenKind::KwFrom)) {
                b = expression();
                if (!b) m_mark = m;
            }
            auto* s = make<Raise>(extra(mark));
            s->exc = a;
            s->cause = b;
            return s;
        }
    }
    m_mark = mark;
    if (expect(TokenKind::KwRaise)) return make<Raise>(extra(mark));
    m_mark = mark;
    return nullptr;
}

// global_stmt: 'global' ','.NAME+   /   nonlocal_stmt: 'nonlocal' ','.NAME+
Stmt* Parser::globalStmt(bool nonlocal) {
    Depth d(*this);
    const int mark = m_mark;
    if (!expect(nonlocal ? TokenKind::KwNonlocal : TokenKind::KwGlobal)) return nullptr;
    std::vector<std::string> names;
    const Token* t = expect(TokenKind::Name);
    if (!t) {
        m_mark = mark;
        return nullptr;
    }
    names.emplace_back(text(*t));
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        t = expect(TokenKind::Name);
        if (!t) {
            m_mark = m;
            break;
        }
        names.emplace_back(text(*t));
    }
    if (nonlocal) {
        auto* s = make<Nonlocal>(extra(mark));
        s->names = std::move(names);
        return s;
    }
    auto* s = make<Global>(extra(mark));
    s->names = std::move(names);
    return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
Stmt* Parser::delStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwDel)) {
        std::vector<Expr*> targets;
        if (delTargets(targets) && (check(TokenKind::Semi) || check(TokenKind::Newline))) {
            auto* s = make<Delete>(extra(mark));
            s->targets = std::move(targets);
            return s;
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidDelStmt();
        m_mark = mark;
    }
    return nullptr;
}

// assert_stmt: 'assert' expression [',' expression]
Stmt* Parser::assertStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwAssert)) {
        if (Expr* a = expression()) {
            Expr* b = nullptr;
            const int m = m_mark;
            if (expect(TokenKind::Comma)) {
                b = expression();
                if (!b) m_mark = m;
            }
            auto* s = make<Assert>(extra(mark));
            s->test = a;
            s->msg = b;
            return s;
        }
    }
    m_mark = mark;
    return nullptr;
}

// import_name: 'import' dotted_as_names
Stmt* Parser::importName() {
    Depth d(*this);
    const int mark = m_mark;
    if (!expect(TokenKind::KwImport)) return nullptr;
    std::vector<Alias*> names;
    Alias* a = dottedAsName();
    if (!a) {
        m_mark = mark;
        return nullptr;
    }
    names.push_back(a);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        a = dottedAsName();
        if (!a) {
            m_mark = m;
            break;
        }
        names.push_back(a);
    }
    auto* s = make<Import>(extra(mark));
    s->names = std::move(names);
    return s;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
Stmt* Parser::importFrom() {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        if (!expect(TokenKind::KwFrom)) return nullptr;
        int level = 0;
        for (;;) {
            if (expect(TokenKind::Dot)) level += 1;
            else if (expect(TokenKind::Ellipsis)) level += 3;
            else break;
        }
        std::string module;
        if (alt == 0) {
            if (!dottedName(module)) continue;
        } else if (level == 0) {
            continue;
        }
        if (!expect(TokenKind::KwImport)) continue;
        std::vector<Alias*> names;
        if (!importFromTargets(names)) continue;
        auto* s = make<ImportFrom>(extra(mark));
        s->module = std::move(module);
        s->names = std::move(names);
        s->level = level;
        return s;
    }
    m_mark = mark;
    return nullptr;
}

// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
//     | invalid_import_from_targets
bool Parser::importFromTargets(std::vector<Alias*>& out) {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LPar)) {
        if (importFromAsNames(out)) {
            expect(TokenKind::Comma);
            if (expect(TokenKind::RPar)) return true;
        }
    }
    out.clear();
    m_mark = mark;
    if (importFromAsNames(out) && !check(TokenKind::Comma)) return true;
    out.clear();
    m_mark = mark;
    if (expect(TokenKind::Star)) {
        auto* a = m_arena.make<Alias>();
        a->pos = extra(mark);
        a->name = "*";
        out.push_back(a);
        return true;
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidImportFromTargets();
        m_mark = mark;
    }
    return false;
}

// import_from_as_names: ','.import_from_as_name+
bool Parser::importFromAsNames(std::vector<Alias*>& out) {
    Depth d(*this);
    Alias* a = importFromAsName();
    if (!a) return false;
    out.push_back(a);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        a = importFromAsName();
        if (!a) {
            m_mark = m;
            break;
        }
        out.push_back(a);
    }
    return true;
}

// import_from_as_name: NAME ['as' NAME]
Alias* Parser::importFromAsName() {
    Depth d(*this);
    const int mark = m_mark;
    const Token* n = expect(TokenKind::Name);
    if (!n) return nullptr;
    std::string asname;
    const int m = m_mark;
    if (expect(TokenKind::KwAs)) {
        if (const Token* z = expect(TokenKind::Name)) asname = std::string(text(*z));
        else m_mark = m;
    }
    auto* a = m_arena.make<Alias>();
    a->pos = extra(mark);
    a->name = std::string(text(*n));
    a->asname = std::move(asname);
    return a;
}

// dotted_as_name: dotted_name ['as' NAME]
Alias* Parser::dottedAsName() {
    Depth d(*this);
    const int mark = m_mark;
    std::string dotted;
    if (!dottedName(dotted)) return nullptr;
    std::string asname;
    const int m = m_mark;
    if (expect(TokenKind::KwAs)) {
        if (const Token* z = expect(TokenKind::Name)) asname = std::string(text(*z));
        else m_mark = m;
    }
    auto* a = m_arena.make<Alias>();
    a->pos = extra(mark);
    a->name = std::move(dotted);
    a->asname = std::move(asname);
    return a;
}

// dotted_name: dotted_name '.' NAME | NAME   (left-recursive, grown in a loop)
bool Parser::dottedName(std::string& out) {
    Depth d(*this);
    const Token* t = expect(TokenKind::Name);
    if (!t) return false;
    out = std::string(text(*t));
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Dot)) break;
        const Token* n = expect(TokenKind::Name);
        if (!n) {
            m_mark = m;
            break;
        }
        out += '.';
        out += text(*n);
    }
    return true;
}

// block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
std::vector<Stmt*>* Parser::block() {
    Depth d(*this);
    std::vector<Stmt*>* res;
    if (memoGet(Rule::Block, res)) return res;
    const int mark = m_mark;
    std::vector<Stmt*>& body = m_blockPool.emplace_back();
    if (expect(TokenKind::Newline) && expect(TokenKind::Indent) && statements(body) &&
        expect(TokenKind::Dedent))
        return memoPut(Rule::Block, mark, &body);
    body.clear();
    m_mark = mark;
    if (simpleStmts(body)) return memoPut(Rule::Block, mark, &body);
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidBlock();
        m_mark = mark;
    }
    return memoPut<std::vector<Stmt*>>(Rule::Block, mark, nullptr);
}

// decorators: ('@' named_expression NEWLINE)+
bool Parser::decorators(std::vector<Expr*>& out) {
    Depth d(*this);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::At)) break;
        Expr* f = namedExpression();
        if (!f || !expect(TokenKind::Newline)) {
            m_mark = m;
            break;
        }
        out.push_back(f);
    }
    return !out.empty();
}

// class_def: decorators class_def_raw | class_def_raw
Stmt* Parser::classDef() {
    Depth d(*this);
    const int mark = m_mark;
    std::vector<Expr*> decos;
    if (decorators(decos)) {
        if (Stmt* s = classDefRaw()) {
            static_cast<ClassDef*>(s)->decorators = std::move(decos);
            return s;
        }
    }
    m_mark = mark;
    return classDefRaw();
}

// class_def_raw:
//     | invalid_class_def_raw
//     | 'class' NAME ['(' [arguments] ')'] ':' block
Stmt* Parser::classDefRaw() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidClassDefRaw();
        m_mark = mark;
    }
    if (!expect(TokenKind::KwClass)) return nullptr;
    const Token* n = expect(TokenKind::Name);
    if (n) {
        CallArgs* b = nullptr;
        const int m = m_mark;
        if (expect(TokenKind::LPar)) {
            const int m2 = m_mark;
            b = arguments();
            if (!b) m_mark = m2;
            if (!expect(TokenKind::RPar)) {
                b = nullptr;
                m_mark = m;
            }
        }
        if (expect(TokenKind::Colon)) {
            if (std::vector<Stmt*>* body = block()) {
                auto* s = make<ClassDef>(extra(mark));
                s->name = std::string(text(*n));
                if (b) {
                    s->bases = b->args;
                    s->keywords = b->keywords;
                }
                s->body = *body;
                return s;
            }
        }
    }
    m_mark = mark;
    return nullptr;
}

// function_def: decorators function_def_raw | function_def_raw
Stmt* Parser::functionDef() {
    Depth d(*this);
    const int mark = m_mark;
    std::vector<Expr*> decos;
    if (decorators(decos)) {
        if (Stmt* s = functionDefRaw()) {
            static_cast<FunctionDef*>(s)->decorators = std::move(decos);
            return s;
        }
    }
    m_mark = mark;
    return functionDefRaw();
}

// function_def_raw:
//     | invalid_def_raw
//     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
//     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
Stmt* Parser::functionDefRaw() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidDefRaw();
        m_mark = mark;
    }
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        const bool isAsync = alt == 1;
        if (isAsync && !expect(TokenKind::KwAsync)) continue;
        if (!expect(TokenKind::KwDef)) continue;
        const Token* n = expect(TokenKind::Name);
        if (!n) continue;
        expectForced(TokenKind::LPar, "(");
        int m = m_mark;
        Arguments* ps = params();
        if (!ps) m_mark = m;
        if (!expect(TokenKind::RPar)) continue;
        Expr* returns = nullptr;
        m = m_mark;
        if (expect(TokenKind::RArrow)) {
            returns = expression();
            if (!returns) m_mark = m;
        }
        expectForced(TokenKind::Colon, ":");
        std::vector<Stmt*>* body = block();
        if (!body) continue;
        auto* s = make<FunctionDef>(extra(mark));
        s->name = std::string(text(*n));
        s->args = ps ? ps : m_arena.make<Arguments>();
        s->body = *body;
        s->returns = returns;
        s->isAsync = isAsync;
        return s;
    }
    m_mark = mark;
    return nullptr;
}

// ------------------------------------------------------------ parameters

namespace {

// CPython's _PyPegen_make_arguments.
Arguments* makeArguments(Arena& arena, std::vector<Arg*>* slashNoDefault,
                         SlashWithDefault* slashWithDefault, std::vector<Arg*>* plainNames,
                         std::vector<NameDefault>* namesWithDefault, StarEtc* starEtc) {
    auto* a = arena.make<Arguments>();
    if (slashNoDefault) {
        a->posonlyargs = *slashNoDefault;
    } else if (slashWithDefault) {
        a->posonlyargs = slashWithDefault->plain;
        for (const NameDefault& nd : slashWithDefault->withDefault) a->posonlyargs.push_back(nd.arg);
    }
    if (plainNames) a->args = *plainNames;
    if (namesWithDefault)
        for (const NameDefault& nd : *namesWithDefault) a->args.push_back(nd.arg);
    if (slashWithDefault)
        for (const NameDefault& nd : slashWithDefault->withDefault) a->defaults.push_back(nd.value);
    if (namesWithDefault)
        for (const NameDefault& nd : *namesWithDefault) a->defaults.push_back(nd.value);
    if (starEtc) {
        a->vararg = starEtc->vararg;
        for (const NameDefault& nd : starEtc->kwonly) {
            a->kwonlyargs.push_back(nd.arg);
            a->kwDefaults.push_back(nd.value);
        }
        a->kwarg = starEtc->kwarg;
    }
    return a;
}

}  // namespace

// params: invalid_parameters | parameters
Arguments* Parser::params() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidParameters();
        m_mark = mark;
    }
    return parameters();
}

// Def parameters and lambda parameters (no annotations, ended by ':') are
// spelled twice in the grammar, rule for rule. Where the two spellings differ
// only in the rules they call and the token after the last parameter, one
// body serves both, given the flavour's rules.
struct Parser::ParamRules {
    Arg* (Parser::*param)();
    Arg* (Parser::*noDefault)();
    bool (Parser::*withDefault)(NameDefault&);
    bool (Parser::*maybeDefault)(NameDefault&);
    bool (Parser::*slashNoDefault)(std::vector<Arg*>&);
    bool (Parser::*slashWithDefault)(SlashWithDefault&);
    bool (Parser::*starEtc)(StarEtc&);
    Arg* (Parser::*kwds)();
    bool (Parser::*invalidHelper)();
    void (Parser::*invalidStarEtc)();
    void (Parser::*invalidKwds)();
    TokenKind end;  // ')' or ':'
    bool lambda;
};

const Parser::ParamRules Parser::kDefParams{
    .param = &Parser::param,
    .noDefault = &Parser::paramNoDefault,
    .withDefault = &Parser::paramWithDefault,
    .maybeDefault = &Parser::paramMaybeDefault,
    .slashNoDefault = &Parser::slashNoDefault,
    .slashWithDefault = &Parser::slashWithDefault,
    .starEtc = &Parser::starEtc,
    .kwds = &Parser::kwds,
    .invalidHelper = &Parser::invalidParametersHelper,
    .invalidStarEtc = &Parser::invalidStarEtc,
    .invalidKwds = &Parser::invalidKwds,
    .end = TokenKind::RPar,
    .lambda = false,
};
const Parser::ParamRules Parser::kLambdaParams{
    .param = &Parser::lambdaParam,
    .noDefault = &Parser::lambdaParamNoDefault,
    .withDefault = &Parser::lambdaParamWithDefault,
    .maybeDefault = &Parser::lambdaParamMaybeDefault,
    .slashNoDefault = &Parser::lambdaSlashNoDefault,
    .slashWithDefault = &Parser::lambdaSlashWithDefault,
    .starEtc = &Parser::lambdaStarEtc,
    .kwds = &Parser::lambdaKwds,
    .invalidHelper = &Parser::invalidLambdaParametersHelper,
    .invalidStarEtc = &Parser::invalidLambdaStarEtc,
    .invalidKwds = &Parser::invalidLambdaKwds,
    .end = TokenKind::Colon,
    .lambda = true,
};

// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
Arguments* Parser::parameters() { return parametersOf(kDefParams); }

// slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
bool Parser::slashNoDefault(std::vector<Arg*>& out) { return slashNoDefaultOf(kDefParams, out); }

// slash_with_default:
//     | param_no_default* param_with_default+ '/' ','
//     | param_no_default* param_with_default+ '/' &')'
bool Parser::slashWithDefault(SlashWithDefault& out) { return slashWithDefaultOf(kDefParams, out); }

// parameters, or lambda_parameters with r = kLambdaParams.
Arguments* Parser::parametersOf(const ParamRules& r) {
    Depth d(*this);
    const int mark = m_mark;
    auto noDefaults = [&](std::vector<Arg*>& out) {
        while (Arg* a = (this->*r.noDefault)()) out.push_back(a);
    };
    auto withDefaults = [&](std::vector<NameDefault>& out) {
        for (;;) {
            NameDefault nd;
            if (!(this->*r.withDefault)(nd)) break;
            out.push_back(nd);
        }
    };
    auto optStarEtc = [&](StarEtc& se) {
        const int m = m_mark;
        if ((this->*r.starEtc)(se)) return true;
        m_mark = m;
        return false;
    };
    {
        std::vector<Arg*> a;
        if ((this->*r.slashNoDefault)(a)) {
            std::vector<Arg*> b;
            std::vector<NameDefault> c;
            StarEtc se;
            noDefaults(b);
            withDefaults(c);
            const bool hasStar = optStarEtc(se);
            return makeArguments(m_arena, &a, nullptr, &b, &c, hasStar ? &se : nullptr);
        }
    }
    m_mark = mark;
    {
        SlashWithDefault a;
        if ((this->*r.slashWithDefault)(a)) {
            std::vector<NameDefault> b;
            StarEtc se;
            withDefaults(b);
            const bool hasStar = optStarEtc(se);
            return makeArguments(m_arena, nullptr, &a, nullptr, &b, hasStar ? &se : nullptr);
        }
    }
    m_mark = mark;
    {
        std::vector<Arg*> a;
        noDefaults(a);
        if (!a.empty()) {
            std::vector<NameDefault> b;
            StarEtc se;
            withDefaults(b);
            const bool hasStar = optStarEtc(se);
            return makeArguments(m_arena, nullptr, nullptr, &a, &b, hasStar ? &se : nullptr);
        }
    }
    m_mark = mark;
    {
        std::vector<NameDefault> a;
        withDefaults(a);
        if (!a.empty()) {
            StarEtc se;
            const bool hasStar = optStarEtc(se);
            return makeArguments(m_arena, nullptr, nullptr, nullptr, &a, hasStar ? &se : nullptr);
        }
    }
    m_mark = mark;
    {
        StarEtc se;
        if ((this->*r.starEtc)(se)) return makeArguments(m_arena, nullptr, nullptr, nullptr, nullptr, &se);
    }
    m_mark = mark;
    return nullptr;
}

// slash_no_default or lambda_slash_no_default.
bool Parser::slashNoDefaultOf(const ParamRules& r, std::vector<Arg*>& out) {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        out.clear();
        while (Arg* a = (this->*r.noDefault)()) out.push_back(a);
        if (out.empty() || !expect(TokenKind::Slash)) continue;
        if (alt == 0 ? expect(TokenKind::Comma) != nullptr : check(r.end)) return true;
    }
    out.clear();
    m_mark = mark;
    return false;
}

// slash_with_default or lambda_slash_with_default.
bool Parser::slashWithDefaultOf(const ParamRules& r, SlashWithDefault& out) {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        out = SlashWithDefault{};
        while (Arg* a = (this->*r.noDefault)()) out.plain.push_back(a);
        for (;;) {
            NameDefault nd;
            if (!(this->*r.withDefault)(nd)) break;
            out.withDefault.push_back(nd);
        }
        if (out.withDefault.empty() || !expect(TokenKind::Slash)) continue;
        if (alt == 0 ? expect(TokenKind::Comma) != nullptr : check(r.end)) return true;
    }
    out = SlashWithDefault{};
    m_mark = mark;
    return false;
}

// star_etc:
//     | invalid_star_etc
//     | '*' param_no_default param_maybe_default* [kwds]
//     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds]
//     | kwds
bool Parser::starEtc(StarEtc& out) { return starEtcOf(kDefParams, out); }

// kwds: invalid_kwds | '**' param_no_default
Arg* Parser::kwds() { return kwdsOf(kDefParams); }

// star_etc, or lambda_star_etc with r = kLambdaParams (which has no
// param_no_default_star_annotation alternative).
bool Parser::starEtcOf(const ParamRules& r, StarEtc& out) {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        (this->*r.invalidStarEtc)();
        m_mark = mark;
    }
    auto maybeDefaults = [&] {
        for (;;) {
            NameDefault nd;
            if (!(this->*r.maybeDefault)(nd)) break;
            out.kwonly.push_back(nd);
        }
    };
    auto optKwds = [&] {
        const int m = m_mark;
        out.kwarg = (this->*r.kwds)();
        if (!out.kwarg) m_mark = m;
    };
    for (int alt = 0; alt < (r.lambda ? 1 : 2); ++alt) {
        m_mark = mark;
        out = StarEtc{};
        if (!expect(TokenKind::Star)) break;
        Arg* a = alt == 0 ? (this->*r.noDefault)() : paramNoDefaultStarAnnotation();
        if (!a) continue;
        out.vararg = a;
        maybeDefaults();
        optKwds();
        return true;
    }
    m_mark = mark;
    out = StarEtc{};
    if (expect(TokenKind::Star) && expect(TokenKind::Comma)) {
        maybeDefaults();
        if (!out.kwonly.empty()) {
            optKwds();
            return true;
        }
    }
    m_mark = mark;
    out = StarEtc{};
    if (Arg* k = (this->*r.kwds)()) {
        out.kwarg = k;
        return true;
    }
    m_mark = mark;
    return false;
}

// kwds, or lambda_kwds with r = kLambdaParams.
Arg* Parser::kwdsOf(const ParamRules& r) {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        (this->*r.invalidKwds)();
        m_mark = mark;
    }
    if (expect(TokenKind::DoubleStar))
        if (Arg* a = (this->*r.noDefault)()) return a;
    m_mark = mark;
    return nullptr;
}

// param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
Arg* Parser::paramNoDefault() {
    Depth d(*this);
    const int mark = m_mark;
    if (Arg* a = param()) {
        if (expect(TokenKind::Comma)) {
            cur();  // TYPE_COMMENT?
            return a;
        }
    }
    m_mark = mark;
    if (Arg* a = param()) {
        if (check(TokenKind::RPar)) return a;
    }
    m_mark = mark;
    return nullptr;
}

// param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')'
Arg* Parser::paramNoDefaultStarAnnotation() {
    Depth d(*this);
    const int mark = m_mark;
    if (Arg* a = paramStarAnnotation()) {
        if (expect(TokenKind::Comma)) return a;
    }
    m_mark = mark;
    if (Arg* a = paramStarAnnotation()) {
        if (check(TokenKind::RPar)) return a;
    }
    m_mark = mark;
    return nullptr;
}

// param_with_default: param default ',' | param default &')'
bool Parser::paramWithDefault(NameDefault& out) {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        Arg* a = param();
        if (!a) continue;
        Expr* c = defaultValue();
        if (!c) continue;
        if (alt == 0 ? expect(TokenKind::Comma) != nullptr : check(TokenKind::RPar)) {
            cur();  // TYPE_COMMENT?
            out = NameDefault{a, c};
            return true;
        }
    }
    m_mark = mark;
    return false;
}

// param_maybe_default: param default? ',' | param default? &')'
bool Parser::paramMaybeDefault(NameDefault& out) {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        Arg* a = param();
        if (!a) continue;
        const int m = m_mark;
        Expr* c = defaultValue();
        if (!c) m_mark = m;
        if (alt == 0 ? expect(TokenKind::Comma) != nullptr : check(TokenKind::RPar)) {
            cur();  // TYPE_COMMENT?
            out = NameDefault{a, c};
            return true;
        }
    }
    m_mark = mark;
    return false;
}

// param: NAME annotation?
Arg* Parser::param() {
    Depth d(*this);
    const int mark = m_mark;
    const Token* n = expect(TokenKind::Name);
    if (!n) return nullptr;
    const int m = m_mark;
    Expr* b = annotation();
    if (!b) m_mark = m;
    auto* a = m_arena.make<Arg>();
    a->pos = extra(mark);
    a->name = std::string(text(*n));
    a->annotation = b;
    return a;
}

// param_star_annotation: NAME star_annotation     star_annotation: ':' star_expression
Arg* Parser::paramStarAnnotation() {
    Depth d(*this);
    const int mark = m_mark;
    const Token* n = expect(TokenKind::Name);
    if (n && expect(TokenKind::Colon)) {
        if (Expr* b = starExpression()) {
            auto* a = m_arena.make<Arg>();
            a->pos = extra(mark);
            a->name = std::string(text(*n));
            a->annotation = b;
            return a;
        }
    }
    m_mark = mark;
    return nullptr;
}

// annotation: ':' expression
Expr* Parser::annotation() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::Colon))
        if (Expr* a = expression()) return a;
    m_mark = mark;
    return nullptr;
}

// default: '=' expression | invalid_default
Expr* Parser::defaultValue() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::Equal))
        if (Expr* a = expression()) return a;
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidDefault();
        m_mark = mark;
    }
    return nullptr;
}

// ---------------------------------------------------- compound statements

// if_stmt:
//     | invalid_if_stmt
//     | 'if' named_expression ':' block elif_stmt
//     | 'if' named_expression ':' block [else_block]
// elif_stmt: the same with 'elif'
Stmt* Parser::ifStmt(bool elif) {
    Depth d(*this);
    const int mark = m_mark;
    const TokenKind keyword = elif ? TokenKind::KwElif : TokenKind::KwIf;
    if (m_callInvalidRules) {
        invalidIfStmt(elif);
        m_mark = mark;
    }
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        if (!expect(keyword)) return nullptr;
        Expr* a = namedExpression();
        if (!a || !expect(TokenKind::Colon)) continue;
        std::vector<Stmt*>* b = block();
        if (!b) continue;
        std::vector<Stmt*> orelse;
        if (alt == 0) {
            Stmt* c = ifStmt(true);
            if (!c) continue;
            orelse.push_back(c);
        } else {
            const int m = m_mark;
            if (!elseBlock(orelse)) m_mark = m;
        }
        auto* s = make<If>(extra(mark));
        s->test = a;
        s->body = *b;
        s->orelse = std::move(orelse);
        return s;
    }
    m_mark = mark;
    return nullptr;
}

// else_block: invalid_else_stmt | 'else' &&':' block
bool Parser::elseBlock(std::vector<Stmt*>& out) {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidElseStmt();
        m_mark = mark;
    }
    if (expect(TokenKind::KwElse)) {
        expectForced(TokenKind::Colon, ":");
        if (std::vector<Stmt*>* b = block()) {
            out = *b;
            return true;
        }
    }
    m_mark = mark;
    return false;
}

// while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
Stmt* Parser::whileStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidWhileStmt();
        m_mark = mark;
    }
    if (expect(TokenKind::KwWhile)) {
        Expr* a = namedExpression();
        if (a && expect(TokenKind::Colon)) {
            if (std::vector<Stmt*>* b = block()) {
                std::vector<Stmt*> orelse;
                const int m = m_mark;
                if (!elseBlock(orelse)) m_mark = m;
                auto* s = make<While>(extra(mark));
                s->test = a;
                s->body = *b;
                s->orelse = std::move(orelse);
                return s;
            }
        }
    }
    m_mark = mark;
    return nullptr;
}

// for_stmt:
//     | invalid_for_stmt
//     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//     | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//     | invalid_for_target
Stmt* Parser::forStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidForStmt();
        m_mark = mark;
    }
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        const bool isAsync = alt == 1;
        if (isAsync && !expect(TokenKind::KwAsync)) continue;
        if (!expect(TokenKind::KwFor)) continue;
        Expr* t = starTargets();
        if (!t || !expect(TokenKind::KwIn)) continue;
        // cut: from here on, failing fails the rule
        Expr* ex = starExpressions();
        if (ex && expect(TokenKind::Colon)) {
            cur();  // [TYPE_COMMENT]
            if (std::vector<Stmt*>* b = block()) {
                std::vector<Stmt*> orelse;
                const int m = m_mark;
                if (!elseBlock(orelse)) m_mark = m;
                auto* s = make<For>(extra(mark));
                s->target = t;
                s->iter = ex;
                s->body = *b;
                s->orelse = std::move(orelse);
                s->isAsync = isAsync;
                return s;
            }
        }
        m_mark = mark;
        return nullptr;
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidForTarget();
        m_mark = mark;
    }
    return nullptr;
}

// with_stmt:
//     | invalid_with_stmt_indent
//     | 'with' '(' ','.with_item+ ','? ')' ':' block
//     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
//     | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | invalid_with_stmt
Stmt* Parser::withStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidWithStmtIndent();
        m_mark = mark;
    }
    for (int alt = 0; alt < 4; ++alt) {
        m_mark = mark;
        const bool isAsync = alt >= 2;
        const bool parenthesized = alt % 2 == 0;
        if (isAsync && !expect(TokenKind::KwAsync)) continue;
        if (!expect(TokenKind::KwWith)) continue;
        if (parenthesized && !expect(TokenKind::LPar)) continue;
        std::vector<WithItem*> items;
        WithItem* item = withItem();
        if (!item) continue;
        items.push_back(item);
        for (;;) {
            const int m = m_mark;
            if (!expect(TokenKind::Comma)) break;
            item = withItem();
            if (!item) {
                m_mark = m;
                break;
            }
            items.push_back(item);
        }
        if (parenthesized) {
            expect(TokenKind::Comma);
            if (!expect(TokenKind::RPar)) continue;
        }
        if (!expect(TokenKind::Colon)) continue;
        if (!parenthesized) cur();  // [TYPE_COMMENT]
        std::vector<Stmt*>* b = block();
        if (!b) continue;
        auto* s = make<With>(extra(mark));
        s->items = std::move(items);
        s->body = *b;
        s->isAsync = isAsync;
        return s;
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidWithStmt();
        m_mark = mark;
    }
    return nullptr;
}

// with_item:
//     | expression 'as' star_target &(',' | ')' | ':')
//     | invalid_with_item
//     | expression
WithItem* Parser::withItem() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* e = expression()) {
        if (expect(TokenKind::KwAs)) {
            if (Expr* t = starTarget()) {
                if (check(TokenKind::Comma) || check(TokenKind::RPar) || check(TokenKind::Colon)) {
                    auto* w = m_arena.make<WithItem>();
                    w->contextExpr = e;
                    w->optionalVars = t;
                    return w;
                }
            }
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidWithItem();
        m_mark = mark;
    }
    if (Expr* e = expression()) {
        auto* w = m_arena.make<WithItem>();
        w->contextExpr = e;
        return w;
    }
    m_mark = mark;
    return nullptr;
}

// try_stmt:
//     | invalid_try_stmt
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
Stmt* Parser::tryStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidTryStmt();
        m_mark = mark;
    }
    for (int alt = 0; alt < 3; ++alt) {
        m_mark = mark;
        if (!expect(TokenKind::KwTry)) return nullptr;
        expectForced(TokenKind::Colon, ":");
        std::vector<Stmt*>* b = block();
        if (!b) continue;
        std::vector<ExceptHandler*> handlers;
        std::vector<Stmt*> orelse, finalbody;
        if (alt == 0) {
            if (!finallyBlock(finalbody)) continue;
        } else {
            for (;;) {
                ExceptHandler* h = alt == 1 ? exceptBlock() : exceptStarBlock();
                if (!h) break;
                handlers.push_back(h);
            }
            if (handlers.empty()) continue;
            int m = m_mark;
            if (!elseBlock(orelse)) m_mark = m;
            m = m_mark;
            if (!finallyBlock(finalbody)) m_mark = m;
        }
        auto* s = make<Try>(extra(mark));
        s->body = *b;
        s->handlers = std::move(handlers);
        s->orelse = std::move(orelse);
        s->finalbody = std::move(finalbody);
        s->isStar = alt == 2;
        return s;
    }
    m_mark = mark;
    return nullptr;
}

// except_block:
//     | invalid_except_stmt_indent
//     | 'except' expression ['as' NAME] ':' block
//     | 'except' ':' block
//     | invalid_except_stmt
ExceptHandler* Parser::exceptBlock() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidExceptStmtIndent();
        m_mark = mark;
    }
    if (expect(TokenKind::KwExcept)) {
        if (Expr* e = expression()) {
            std::string asname;
            const int m = m_mark;
            if (expect(TokenKind::KwAs)) {
                if (const Token* z = expect(TokenKind::Name)) asname = std::string(text(*z));
                else m_mark = m;
            }
            if (expect(TokenKind::Colon)) {
                if (std::vector<Stmt*>* b = block()) {
                    auto* h = m_arena.make<ExceptHandler>();
                    h->pos = extra(mark);
                    h->type = e;
                    h->name = std::move(asname);
                    h->body = *b;
                    return h;
                }
            }
        }
    }
    m_mark = mark;
    if (expect(TokenKind::KwExcept) && expect(TokenKind::Colon)) {
        if (std::vector<Stmt*>* b = block()) {
            auto* h = m_arena.make<ExceptHandler>();
            h->pos = extra(mark);
            h->body = *b;
            return h;
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidExceptStmt();
        m_mark = mark;
    }
    return nullptr;
}

// except_star_block:
//     | invalid_except_star_stmt_indent
//     | 'except' '*' expression ['as' NAME] ':' block
//     | invalid_except_stmt
ExceptHandler* Parser::exceptStarBlock() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidExceptStarStmtIndent();
        m_mark = mark;
    }
    if (expect(TokenKind::KwExcept) && expect(TokenKind::Star)) {
        if (Expr* e = expression()) {
            std::string asname;
            const int m = m_mark;
            if (expect(TokenKind::KwAs)) {
                if (const Token* z = expect(TokenKind::Name)) asname = std::string(text(*z));
                else m_mark = m;
            }
            if (expect(TokenKind::Colon)) {
                if (std::vector<Stmt*>* b = block()) {
                    auto* h = m_arena.make<ExceptHandler>();
                    h->pos = extra(mark);
                    h->type = e;
                    h->name = std::move(asname);
                    h->body = *b;
                    return h;
                }
            }
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidExceptStmt();
        m_mark = mark;
    }
    return nullptr;
}

// finally_block: invalid_finally_stmt | 'finally' &&':' block
bool Parser::finallyBlock(std::vector<Stmt*>& out) {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidFinallyStmt();
        m_mark = mark;
    }
    if (expect(TokenKind::KwFinally)) {
        expectForced(TokenKind::Colon, ":");
        if (std::vector<Stmt*>* b = block()) {
            out = *b;
            return true;
        }
    }
    m_mark = mark;
    return false;
}

// match_stmt:
//     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
//     | invalid_match_stmt
// Match statements are outside the supported language. They are parsed (the
// case blocks' statements fully, their patterns only skipped) so that a
// syntax error is reported as CPython reports it, and a file that otherwise
// compiles is refused afterwards (see unsupportedMatch).
Stmt* Parser::matchStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* kw = expectSoftKeyword("match")) {
        if (subjectExpr() && expect(TokenKind::Colon) && expect(TokenKind::Newline) &&
            expect(TokenKind::Indent)) {
            int cases = 0;
            while (caseBlock()) ++cases;
            if (cases > 0 && expect(TokenKind::Dedent)) {
                if (!m_unsupportedMatch) m_unsupportedMatch = tokPos(*kw);
                return make<Pass>(extra(mark));
            }
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidMatchStmt();
        m_mark = mark;
    }
    return nullptr;
}

// Skips a case block's patterns and guard: the tokens up to the ':' outside
// brackets. False when the line ends first.
bool Parser::skipCasePatterns() {
    bool any = false;
    for (;;) {
        const Token& t = cur();
        if (t.kind == TokenKind::Newline || t.kind == TokenKind::EndMarker) return false;
        if (t.kind == TokenKind::Colon && t.level == 0) return any;
        ++m_mark;
        any = true;
    }
}

// case_block: invalid_case_block | "case" patterns guard? ':' block
bool Parser::caseBlock() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidCaseBlock();
        m_mark = mark;
    }
    if (expectSoftKeyword("case") && skipCasePatterns() && expect(TokenKind::Colon) && block()) return true;
    m_mark = mark;
    return false;
}

// invalid_case_block:
//     | "case" patterns guard? NEWLINE
//     | "case" patterns guard? ':' NEWLINE !INDENT
void Parser::invalidCaseBlock() {
    Depth d(*this);
    const int mark = m_mark;
    if (expectSoftKeyword("case")) {
        skipCasePatterns();
        if (m_mark > mark + 1 && expect(TokenKind::Newline)) raiseHere("expected ':'");
    }
    m_mark = mark;
    if (const Token* a = expectSoftKeyword("case")) {
        if (skipCasePatterns() && expect(TokenKind::Colon) && expect(TokenKind::Newline) &&
            !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'case' statement on line " + std::to_string(a->line));
    }
    m_mark = mark;
}

// subject_expr:
//     | star_named_expression ',' star_named_expressions?
//     | named_expression
Expr* Parser::subjectExpr() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* value = starNamedExpression()) {
        if (expect(TokenKind::Comma)) {
            auto* t = make<ListOrTuple>(Pos{}, ExprKind::Tuple);
            t->elts.push_back(value);
            const int m = m_mark;
            if (!starNamedExpressions(t->elts)) m_mark = m;
            t->pos = extra(mark);
            return t;
        }
    }
    m_mark = mark;
    return namedExpression();
}

// ============================================================ expressions

// expressions: expression (',' expression)+ [','] | expression ',' | expression
Expr* Parser::expressions() {
    Depth d(*this);
    const int mark = m_mark;
    Expr* a = expression();
    if (!a) return nullptr;
    std::vector<Expr*> elts{a};
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* c = expression();
        if (!c) {
            m_mark = m;
            break;
        }
        elts.push_back(c);
    }
    if (elts.size() == 1 && !check(TokenKind::Comma)) return a;
    expect(TokenKind::Comma);
    auto* t = make<ListOrTuple>(extra(mark), ExprKind::Tuple);
    t->elts = std::move(elts);
    return t;
}

// expression (memo):
//     | invalid_expression
//     | invalid_legacy_expression
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
Expr* Parser::expression() {
    Depth d(*this);
    Expr* res;
    if (memoGet(Rule::Expression, res)) return res;
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidExpression();
        m_mark = mark;
        invalidLegacyExpression();
        m_mark = mark;
    }
    if (Expr* a = disjunction()) {
        if (expect(TokenKind::KwIf)) {
            if (Expr* b = disjunction()) {
                if (expect(TokenKind::KwElse)) {
                    if (Expr* c = expression()) {
                        auto* e = make<IfExp>(extra(mark));
                        e->test = b;
                        e->body = a;
                        e->orelse = c;
                        return memoPut(Rule::Expression, mark, static_cast<Expr*>(e));
                    }
                }
            }
        }
    }
    m_mark = mark;
    if (Expr* a = disjunction()) return memoPut(Rule::Expression, mark, a);
    m_mark = mark;
    return memoPut(Rule::Expression, mark, lambdef());
}

// expression_without_invalid: the same alternatives, with the invalid rules off.
Expr* Parser::expressionWithoutInvalid() {
    Depth d(*this);
    const bool saved = m_callInvalidRules;
    m_callInvalidRules = false;
    struct Restore {
        bool& flag;
        bool value;
        ~Restore() { flag = value; }
    } restore{m_callInvalidRules, saved};
    const int mark = m_mark;
    if (Expr* a = disjunction()) {
        if (expect(TokenKind::KwIf)) {
            if (Expr* b = disjunction()) {
                if (expect(TokenKind::KwElse)) {
                    if (Expr* c = expression()) {
                        auto* e = make<IfExp>(extra(mark));
                        e->test = b;
                        e->body = a;
                        e->orelse = c;
                        return e;
                    }
                }
            }
        }
    }
    m_mark = mark;
    if (Expr* a = disjunction()) return a;
    m_mark = mark;
    if (Expr* a = lambdef()) return a;
    m_mark = mark;
    return nullptr;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yieldExpr() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwYield) && expect(TokenKind::KwFrom)) {
        if (Expr* a = expression()) {
            auto* e = make<YieldFrom>(extra(mark));
            e->value = a;
            return e;
        }
    }
    m_mark = mark;
    if (expect(TokenKind::KwYield)) {
        const int m = m_mark;
        Expr* a = starExpressions();
        if (!a) m_mark = m;
        auto* e = make<Yield>(extra(mark));
        e->value = a;
        return e;
    }
    m_mark = mark;
    return nullptr;
}

// star_expressions:
//     | star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression
Expr* Parser::starExpressions() {
    Depth d(*this);
    const int mark = m_mark;
    Expr* a = starExpression();
    if (!a) return nullptr;
    std::vector<Expr*> elts{a};
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* c = starExpression();
        if (!c) {
            m_mark = m;
            break;
        }
        elts.push_back(c);
    }
    if (elts.size() == 1 && !check(TokenKind::Comma)) return a;
    expect(TokenKind::Comma);
    auto* t = make<ListOrTuple>(extra(mark), ExprKind::Tuple);
    t->elts = std::move(elts);
    return t;
}

// star_expression (memo): '*' bitwise_or | expression
Expr* Parser::starExpression() {
    Depth d(*this);
    Expr* res;
    if (memoGet(Rule::StarExpression, res)) return res;
    const int mark = m_mark;
    if (expect(TokenKind::Star)) {
        if (Expr* a = bitwiseOr()) {
            auto* s = make<Starred>(extra(mark));
            s->value = a;
            return memoPut(Rule::StarExpression, mark, static_cast<Expr*>(s));
        }
    }
    m_mark = mark;
    return memoPut(Rule::StarExpression, mark, expression());
}

// star_named_expressions: ','.star_named_expression+ [',']   (appends on success)
bool Parser::starNamedExpressions(std::vector<Expr*>& out) {
    Depth d(*this);
    Depth gather(*this);  // pegen's helper rule for the gather
    Expr* a = starNamedExpression();
    if (!a) return false;
    out.push_back(a);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* c = starNamedExpression();
        if (!c) {
            m_mark = m;
            break;
        }
        out.push_back(c);
    }
    expect(TokenKind::Comma);
    return true;
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::starNamedExpression() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::Star)) {
        if (Expr* a = bitwiseOr()) {
            auto* s = make<Starred>(extra(mark));
            s->value = a;
            return s;
        }
    }
    m_mark = mark;
    return namedExpression();
}

// assignment_expression: NAME ':=' ~ expression
Expr* Parser::assignmentExpression() {
    Depth d(*this);
    const int mark = m_mark;
    if (Name* a = name()) {
        if (expect(TokenKind::ColonEqual)) {
            if (Expr* b = expression()) {
                setContext(a, ExprContext::Store);
                auto* e = make<NamedExpr>(extra(mark));
                e->target = a;
                e->value = b;
                return e;
            }
        }
    }
    m_mark = mark;
    return nullptr;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
Expr* Parser::namedExpression() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* a = assignmentExpression()) return a;
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidNamedExpression();
        m_mark = mark;
    }
    if (Expr* a = expression()) {
        if (!check(TokenKind::ColonEqual)) return a;
    }
    m_mark = mark;
    return nullptr;
}

// disjunction (memo): conjunction ('or' conjunction)+ | conjunction
Expr* Parser::disjunction() {
    Depth d(*this);
    Expr* res;
    if (memoGet(Rule::Disjunction, res)) return res;
    const int mark = m_mark;
    Expr* a = conjunction();
    if (!a) return memoPut<Expr>(Rule::Disjunction, mark, nullptr);
    std::vector<Expr*> values;
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::KwOr)) break;
        Expr* c = conjunction();
        if (!c) {
            m_mark = m;
            break;
        }
        if (values.empty()) values.push_back(a);
        values.push_back(c);
    }
    if (values.empty()) return memoPut(Rule::Disjunction, mark, a);
    auto* e = make<BoolOp>(extra(mark));
    e->op = BoolOpKind::Or;
    e->values = std::move(values);
    return memoPut(Rule::Disjunction, mark, static_cast<Expr*>(e));
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::conjunction() {
    Depth d(*this);
    const int mark = m_mark;
    Expr* a = inversion();
    if (!a) return nullptr;
    std::vector<Expr*> values;
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::KwAnd)) break;
        Expr* c = inversion();
        if (!c) {
            m_mark = m;
            break;
        }
        if (values.empty()) values.push_back(a);
        values.push_back(c);
    }
    if (values.empty()) return a;
    auto* e = make<BoolOp>(extra(mark));
    e->op = BoolOpKind::And;
    e->values = std::move(values);
    return static_cast<Expr*>(e);
}

// inversion: 'not' inversion | comparison
Expr* Parser::inversion() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwNot)) {
        if (Expr* a = inversion()) {
            auto* e = make<UnaryOp>(extra(mark));
            e->op = UnaryOpKind::Not;
            e->operand = a;
            return static_cast<Expr*>(e);
        }
    }
    m_mark = mark;
    return comparison();
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
Expr* Parser::comparison() {
    Depth d(*this);
    const int mark = m_mark;
    Expr* a = bitwiseOr();
    if (!a) return nullptr;
    Compare* cmp = nullptr;
    for (;;) {
        const int m = m_mark;
        CmpOpKind op;
        switch (cur().kind) {
        case TokenKind::EqEqual: op = CmpOpKind::Eq; break;
        case TokenKind::NotEqual: op = CmpOpKind::NotEq; break;
        case TokenKind::LessEqual: op = CmpOpKind::LtE; break;
        case TokenKind::Less: op = CmpOpKind::Lt; break;
        case TokenKind::GreaterEqual: op = CmpOpKind::GtE; break;
        case TokenKind::Greater: op = CmpOpKind::Gt; break;
        case TokenKind::KwNot: op = CmpOpKind::NotIn; break;
        case TokenKind::KwIn: op = CmpOpKind::In; break;
        case TokenKind::KwIs: op = CmpOpKind::Is; break;
        default: goto done;
        }
        ++m_mark;
        if (op == CmpOpKind::NotIn && !expect(TokenKind::KwIn)) {
            m_mark = m;
            break;
        }
        if (op == CmpOpKind::Is) {
            const int afterIs = m_mark;
            if (expect(TokenKind::KwNot)) {
                if (Expr* b = bitwiseOr()) {
                    if (!cmp) cmp = make<Compare>(Pos{});
                    cmp->ops.push_back(CmpOpKind::IsNot);
                    cmp->comparators.push_back(b);
                    continue;
                }
            }
            m_mark = afterIs;
        }
        Expr* b = bitwiseOr();
        if (!b) {
            m_mark = m;
            break;
        }
        if (!cmp) cmp = make<Compare>(Pos{});
        cmp->ops.push_back(op);
        cmp->comparators.push_back(b);
    }
done:
    if (!cmp) return a;
    cmp->left = a;
    cmp->pos = extra(mark);
    return cmp;
}

// A left-recursive rule `rule: rule OP operand | ... | operand`, grown
// iteratively as pegen grows its left-recursive rules.
Expr* Parser::binaryChain(Rule rule, Expr* (Parser::*operand)(), const TokenKind* kinds,
                          const BinOpKind* ops, int count) {
    Depth d(*this);
    Depth raw(*this);  // pegen enters a left-recursive rule and its _raw function
    Expr* res;
    if (rule != Rule::None && memoGet(rule, res)) return res;
    const int mark = m_mark;
    Expr* a = (this->*operand)();
    if (!a) return rule != Rule::None ? memoPut<Expr>(rule, mark, nullptr) : nullptr;
    for (;;) {
        const int m = m_mark;
        const Token& t = cur();
        int which = -1;
        for (int i = 0; i < count; ++i)
            if (t.kind == kinds[i]) which = i;
        if (which < 0) break;
        ++m_mark;
        Expr* b = (this->*operand)();
        if (!b) {
            m_mark = m;
            break;
        }
        auto* e = make<BinOp>(extra(mark));
        e->left = a;
        e->op = ops[which];
        e->right = b;
        e->opPos = tokPos(t);
        a = e;
    }
    return rule != Rule::None ? memoPut(rule, mark, a) : a;
}

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
Expr* Parser::bitwiseOr() {
    static constexpr TokenKind kinds[] = {TokenKind::VBar};
    static constexpr BinOpKind ops[] = {BinOpKind::BitOr};
    return binaryChain(Rule::BitwiseOr, &Parser::bitwiseXor, kinds, ops, 1);
}

// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
Expr* Parser::bitwiseXor() {
    static constexpr TokenKind kinds[] = {TokenKind::Circumflex};
    static constexpr BinOpKind ops[] = {BinOpKind::BitXor};
    return binaryChain(Rule::None, &Parser::bitwiseAnd, kinds, ops, 1);
}

// bitwise_and: bitwise_and '&' shift_expr | shift_expr
Expr* Parser::bitwiseAnd() {
    static constexpr TokenKind kinds[] = {TokenKind::Amper};
    static constexpr BinOpKind ops[] = {BinOpKind::BitAnd};
    return binaryChain(Rule::None, &Parser::shiftExpr, kinds, ops, 1);
}

// shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum
Expr* Parser::shiftExpr() {
    static constexpr TokenKind kinds[] = {TokenKind::LeftShift, TokenKind::RightShift};
    static constexpr BinOpKind ops[] = {BinOpKind::LShift, BinOpKind::RShift};
    return binaryChain(Rule::None, &Parser::sum, kinds, ops, 2);
}

// sum: sum '+' term | sum '-' term | term
Expr* Parser::sum() {
    static constexpr TokenKind kinds[] = {TokenKind::Plus, TokenKind::Minus};
    static constexpr BinOpKind ops[] = {BinOpKind::Add, BinOpKind::Sub};
    return binaryChain(Rule::None, &Parser::term, kinds, ops, 2);
}

// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
Expr* Parser::term() {
    static constexpr TokenKind kinds[] = {TokenKind::Star, TokenKind::Slash, TokenKind::DoubleSlash,
                                          TokenKind::Percent, TokenKind::At};
    static constexpr BinOpKind ops[] = {BinOpKind::Mult, BinOpKind::Div, BinOpKind::FloorDiv,
                                        BinOpKind::Mod, BinOpKind::MatMult};
    return binaryChain(Rule::None, &Parser::factor, kinds, ops, 5);
}

// factor: '+' factor | '-' factor | '~' factor | power
Expr* Parser::factor() {
    Depth d(*this);
    const int mark = m_mark;
    UnaryOpKind op;
    bool unary = true;
    switch (cur().kind) {
    case TokenKind::Plus: op = UnaryOpKind::UAdd; break;
    case TokenKind::Minus: op = UnaryOpKind::USub; break;
    case TokenKind::Tilde: op = UnaryOpKind::Invert; break;
    default: unary = false; op = UnaryOpKind::Not; break;
    }
    if (unary) {
        ++m_mark;
        if (Expr* a = factor()) {
            auto* e = make<UnaryOp>(extra(mark));
            e->op = op;
            e->operand = a;
            return static_cast<Expr*>(e);
        }
        m_mark = mark;
    }
    return power();
}

// power: await_primary '**' factor | await_primary
Expr* Parser::power() {
    Depth d(*this);
    const int mark = m_mark;
    Expr* a = awaitPrimary();
    if (!a) return nullptr;
    const int m = m_mark;
    if (const Token* t = expect(TokenKind::DoubleStar)) {
        if (Expr* b = factor()) {
            auto* e = make<BinOp>(extra(mark));
            e->left = a;
            e->op = BinOpKind::Pow;
            e->right = b;
            e->opPos = tokPos(*t);
            return e;
        }
    }
    m_mark = m;
    return a;
}

// await_primary: AWAIT primary | primary
Expr* Parser::awaitPrimary() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwAwait)) {
        if (Expr* a = primary()) {
            auto* e = make<Await>(extra(mark));
            e->value = a;
            return static_cast<Expr*>(e);
        }
    }
    m_mark = mark;
    return primary();
}

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
Expr* Parser::primary() {
    Depth d(*this);
    Depth raw(*this);
    const int mark = m_mark;
    Expr* a = atom();
    if (!a) return nullptr;
    for (;;) {
        const int m = m_mark;
        if (expect(TokenKind::Dot)) {
            if (const Token* n = expect(TokenKind::Name)) {
                auto* e = make<Attribute>(extra(mark));
                e->value = a;
                e->attr = std::string(text(*n));
                a = e;
                continue;
            }
        }
        m_mark = m;
        if (Expr* g = genexp()) {
            auto* e = make<Call>(extra(mark));
            e->func = a;
            e->args.push_back(g);
            a = e;
            continue;
        }
        m_mark = m;
        if (expect(TokenKind::LPar)) {
            const int m2 = m_mark;
            CallArgs* b = arguments();
            if (!b) m_mark = m2;
            if (expect(TokenKind::RPar)) {
                auto* e = make<Call>(extra(mark));
                e->func = a;
                if (b) {
                    e->args = b->args;
                    e->keywords = b->keywords;
                }
                a = e;
                continue;
            }
        }
        m_mark = m;
        if (expect(TokenKind::LSqb)) {
            if (Expr* b = slices()) {
                if (expect(TokenKind::RSqb)) {
                    auto* e = make<Subscript>(extra(mark));
                    e->value = a;
                    e->slice = b;
                    a = e;
                    continue;
                }
            }
        }
        m_mark = m;
        break;
    }
    return a;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::slices() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* a = slice()) {
        if (!check(TokenKind::Comma)) return a;
    }
    m_mark = mark;
    auto element = [&]() -> Expr* {
        const int m = m_mark;
        if (Expr* e = slice()) return e;
        m_mark = m;
        if (Expr* e = starredExpression()) return e;
        m_mark = m;
        return nullptr;
    };
    Expr* first = element();
    if (!first) return nullptr;
    std::vector<Expr*> elts{first};
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* e = element();
        if (!e) {
            m_mark = m;
            break;
        }
        elts.push_back(e);
    }
    expect(TokenKind::Comma);
    auto* t = make<ListOrTuple>(extra(mark), ExprKind::Tuple);
    t->elts = std::move(elts);
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::slice() {
    Depth d(*this);
    const int mark = m_mark;
    {
        Expr* a = expression();
        if (!a) m_mark = mark;
        if (expect(TokenKind::Colon)) {
            int m = m_mark;
            Expr* b = expression();
            if (!b) m_mark = m;
            Expr* c = nullptr;
            m = m_mark;
            if (expect(TokenKind::Colon)) {
                const int m2 = m_mark;
                c = expression();
                if (!c) m_mark = m2;
            } else {
                m_mark = m;
            }
            auto* s = make<Slice>(extra(mark));
            s->lower = a;
            s->upper = b;
            s->step = c;
            return s;
        }
    }
    m_mark = mark;
    return namedExpression();
}

// atom
Expr* Parser::atom() {
    Depth d(*this);
    const int mark = m_mark;
    const Token& t = cur();
    switch (t.kind) {
    case TokenKind::Name: return name();
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwNone:
    case TokenKind::Ellipsis: {
        ++m_mark;
        auto* c = make<Constant>(extra(mark));
        c->constKind = t.kind == TokenKind::KwTrue    ? ConstKind::True
                       : t.kind == TokenKind::KwFalse ? ConstKind::False
                       : t.kind == TokenKind::KwNone  ? ConstKind::None
                                                      : ConstKind::Ellipsis;
        return c;
    }
    case TokenKind::String: return strings();
    case TokenKind::Number: return number();
    case TokenKind::LPar: {
        Depth helper(*this);  // pegen's helper rules for (tuple | group | genexp) and the others
        if (Expr* e = tuple()) return e;
        m_mark = mark;
        if (Expr* e = group()) return e;
        m_mark = mark;
        if (Expr* e = genexp()) return e;
        m_mark = mark;
        return nullptr;
    }
    case TokenKind::LSqb: {
        Depth helper(*this);
        if (Expr* e = list()) return e;
        m_mark = mark;
        if (Expr* e = listcomp()) return e;
        m_mark = mark;
        return nullptr;
    }
    case TokenKind::LBrace: {
        Depth helper(*this);
        if (Expr* e = dict()) return e;
        m_mark = mark;
        if (Expr* e = set()) return e;
        m_mark = mark;
        if (Expr* e = dictcomp()) return e;
        m_mark = mark;
        if (Expr* e = setcomp()) return e;
        m_mark = mark;
        return nullptr;
    }
    default: return nullptr;
    }
}

// group: '(' (yield_expr | named_expression) ')' | invalid_group
Expr* Parser::group() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LPar)) {
        const int m = m_mark;
        Expr* a;
        {
            Depth inner(*this);  // pegen's helper rule for (yield_expr | named_expression)
            a = yieldExpr();
            if (!a) {
                m_mark = m;
                a = namedExpression();
            }
        }
        if (a && expect(TokenKind::RPar)) return a;
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidGroup();
        m_mark = mark;
    }
    return nullptr;
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::lambdef() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwLambda)) {
        const int m = m_mark;
        Arguments* a = lambdaParams();
        if (!a) m_mark = m;
        if (expect(TokenKind::Colon)) {
            if (Expr* b = expression()) {
                auto* e = make<Lambda>(extra(mark));
                e->args = a ? a : m_arena.make<Arguments>();
                e->body = b;
                return e;
            }
        }
    }
    m_mark = mark;
    return nullptr;
}

// --------------------------------------------------------- lambda params

// lambda_params: invalid_lambda_parameters | lambda_parameters
Arguments* Parser::lambdaParams() {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidLambdaParameters();
        m_mark = mark;
    }
    return lambdaParameters();
}

// lambda_parameters: as parameters, without annotations, ending at ':'
Arguments* Parser::lambdaParameters() { return parametersOf(kLambdaParams); }

// lambda_slash_no_default: lambda_param_no_default+ '/' ',' | lambda_param_no_default+ '/' &':'
bool Parser::lambdaSlashNoDefault(std::vector<Arg*>& out) { return slashNoDefaultOf(kLambdaParams, out); }

// lambda_slash_with_default:
//     | lambda_param_no_default* lambda_param_with_default+ '/' ','
//     | lambda_param_no_default* lambda_param_with_default+ '/' &':'
bool Parser::lambdaSlashWithDefault(SlashWithDefault& out) { return slashWithDefaultOf(kLambdaParams, out); }

// lambda_star_etc:
//     | invalid_lambda_star_etc
//     | '*' lambda_param_no_default lambda_param_maybe_default* [lambda_kwds]
//     | '*' ',' lambda_param_maybe_default+ [lambda_kwds]
//     | lambda_kwds
bool Parser::lambdaStarEtc(StarEtc& out) { return starEtcOf(kLambdaParams, out); }

// lambda_kwds: invalid_lambda_kwds | '**' lambda_param_no_default
Arg* Parser::lambdaKwds() { return kwdsOf(kLambdaParams); }

// lambda_param_no_default: lambda_param ',' | lambda_param &':'
Arg* Parser::lambdaParamNoDefault() {
    Depth d(*this);
    const int mark = m_mark;
    if (Arg* a = lambdaParam()) {
        if (expect(TokenKind::Comma)) return a;
    }
    m_mark = mark;
    if (Arg* a = lambdaParam()) {
        if (check(TokenKind::Colon)) return a;
    }
    m_mark = mark;
    return nullptr;
}

// lambda_param_with_default: lambda_param default ',' | lambda_param default &':'
bool Parser::lambdaParamWithDefault(NameDefault& out) {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        Arg* a = lambdaParam();
        if (!a) continue;
        Expr* c = defaultValue();
        if (!c) continue;
        if (alt == 0 ? expect(TokenKind::Comma) != nullptr : check(TokenKind::Colon)) {
            out = NameDefault{a, c};
            return true;
        }
    }
    m_mark = mark;
    return false;
}

// lambda_param_maybe_default: lambda_param default? ',' | lambda_param default? &':'
bool Parser::lambdaParamMaybeDefault(NameDefault& out) {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        Arg* a = lambdaParam();
        if (!a) continue;
        const int m = m_mark;
        Expr* c = defaultValue();
        if (!c) m_mark = m;
        if (alt == 0 ? expect(TokenKind::Comma) != nullptr : check(TokenKind::Colon)) {
            out = NameDefault{a, c};
            return true;
        }
    }
    m_mark = mark;
    return false;
}

// lambda_param: NAME
Arg* Parser::lambdaParam() {
    Depth d(*this);
    const int mark = m_mark;
    const Token* n = expect(TokenKind::Name);
    if (!n) return nullptr;
    auto* a = m_arena.make<Arg>();
    a->pos = extra(mark);
    a->name = std::string(text(*n));
    return a;
}

// ------------------------------------------------------------- literals

// strings (memo): STRING+
Expr* Parser::strings() {
    Depth d(*this);
    Expr* res;
    if (memoGet(Rule::Strings, res)) return res;
    const int mark = m_mark;
    if (!expect(TokenKind::String)) return memoPut<Expr>(Rule::Strings, mark, nullptr);
    while (expect(TokenKind::String)) {
    }
    return memoPut(Rule::Strings, mark, concatenateStrings(mark, m_mark - 1));
}

// list: '[' [star_named_expressions] ']'
Expr* Parser::list() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LSqb)) {
        std::vector<Expr*> elts;
        const int m = m_mark;
        if (!starNamedExpressions(elts)) {
            elts.clear();
            m_mark = m;
        }
        if (expect(TokenKind::RSqb)) {
            auto* l = make<ListOrTuple>(extra(mark), ExprKind::List);
            l->elts = std::move(elts);
            return l;
        }
    }
    m_mark = mark;
    return nullptr;
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
Expr* Parser::tuple() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LPar)) {
        std::vector<Expr*> elts;
        const int m = m_mark;
        if (Expr* y = starNamedExpression()) {
            if (expect(TokenKind::Comma)) {
                elts.push_back(y);
                const int m2 = m_mark;
                if (!starNamedExpressions(elts)) {
                    elts.resize(1);
                    m_mark = m2;
                }
            } else {
                m_mark = m;
            }
        } else {
            m_mark = m;
        }
        if (expect(TokenKind::RPar)) {
            auto* t = make<ListOrTuple>(extra(mark), ExprKind::Tuple);
            t->elts = std::move(elts);
            return t;
        }
    }
    m_mark = mark;
    return nullptr;
}

// set: '{' star_named_expressions '}'
Expr* Parser::set() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LBrace)) {
        std::vector<Expr*> elts;
        if (starNamedExpressions(elts) && expect(TokenKind::RBrace)) {
            auto* s = make<Set>(extra(mark));
            s->elts = std::move(elts);
            return s;
        }
    }
    m_mark = mark;
    return nullptr;
}

// dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
Expr* Parser::dict() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LBrace)) {
        std::vector<Expr*> keys, values;
        const int m = m_mark;
        if (!doubleStarredKvpairs(keys, values)) {
            keys.clear();
            values.clear();
            m_mark = m;
        }
        if (expect(TokenKind::RBrace)) {
            auto* e = make<Dict>(extra(mark));
            e->keys = std::move(keys);
            e->values = std::move(values);
            return e;
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        if (expect(TokenKind::LBrace)) invalidDoubleStarredKvpairs();
        m_mark = mark;
    }
    return nullptr;
}

// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
bool Parser::doubleStarredKvpairs(std::vector<Expr*>& keys, std::vector<Expr*>& values) {
    Depth d(*this);
    Expr* k;
    Expr* v;
    if (!doubleStarredKvpair(k, v)) return false;
    keys.push_back(k);
    values.push_back(v);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        if (!doubleStarredKvpair(k, v)) {
            m_mark = m;
            break;
        }
        keys.push_back(k);
        values.push_back(v);
    }
    expect(TokenKind::Comma);
    return true;
}

// double_starred_kvpair: '**' bitwise_or | kvpair
bool Parser::doubleStarredKvpair(Expr*& key, Expr*& value) {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::DoubleStar)) {
        if (Expr* a = bitwiseOr()) {
            key = nullptr;
            value = a;
            return true;
        }
    }
    m_mark = mark;
    return kvpair(key, value);
}

// kvpair: expression ':' expression
bool Parser::kvpair(Expr*& key, Expr*& value) {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* a = expression()) {
        if (expect(TokenKind::Colon)) {
            if (Expr* b = expression()) {
                key = a;
                value = b;
                return true;
            }
        }
    }
    m_mark = mark;
    return false;
}

// for_if_clauses: for_if_clause+
bool Parser::forIfClauses(std::vector<Comprehension*>& out) {
    Depth d(*this);
    while (Comprehension* c = forIfClause()) out.push_back(c);
    return !out.empty();
}

// for_if_clause:
//     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | invalid_for_target
Comprehension* Parser::forIfClause() {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        const bool isAsync = alt == 0;
        if (isAsync && !expect(TokenKind::KwAsync)) continue;
        if (!expect(TokenKind::KwFor)) continue;
        Expr* a = starTargets();
        if (!a || !expect(TokenKind::KwIn)) continue;
        Expr* b = disjunction();
        if (!b) {  // cut
            m_mark = mark;
            return nullptr;
        }
        auto* c = m_arena.make<Comprehension>();
        c->target = a;
        c->iter = b;
        c->isAsync = isAsync;
        for (;;) {
            const int m = m_mark;
            if (!expect(TokenKind::KwIf)) break;
            Expr* z = disjunction();
            if (!z) {
                m_mark = m;
                break;
            }
            c->ifs.push_back(z);
        }
        return c;
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidForTarget();
        m_mark = mark;
    }
    return nullptr;
}

// listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
Expr* Parser::listcomp() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LSqb)) {
        if (Expr* a = namedExpression()) {
            std::vector<Comprehension*> gens;
            if (forIfClauses(gens) && expect(TokenKind::RSqb)) {
                auto* c = make<Comp>(extra(mark), ExprKind::ListComp);
                c->elt = a;
                c->generators = std::move(gens);
                return c;
            }
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidComprehension();
        m_mark = mark;
    }
    return nullptr;
}

// setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
Expr* Parser::setcomp() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LBrace)) {
        if (Expr* a = namedExpression()) {
            std::vector<Comprehension*> gens;
            if (forIfClauses(gens) && expect(TokenKind::RBrace)) {
                auto* c = make<Comp>(extra(mark), ExprKind::SetComp);
                c->elt = a;
                c->generators = std::move(gens);
                return c;
            }
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidComprehension();
        m_mark = mark;
    }
    return nullptr;
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
Expr* Parser::genexp() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LPar)) {
        const int m = m_mark;
        Expr* a;
        {
            Depth group(*this);  // pegen's helper rule for (assignment_expression | expression !':=')
            a = assignmentExpression();
            if (!a) {
                m_mark = m;
                a = expression();
                if (a && check(TokenKind::ColonEqual)) a = nullptr;
            }
        }
        if (a) {
            std::vector<Comprehension*> gens;
            if (forIfClauses(gens) && expect(TokenKind::RPar)) {
                auto* c = make<Comp>(extra(mark), ExprKind::GeneratorExp);
                c->elt = a;
                c->generators = std::move(gens);
                return c;
            }
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidComprehension();
        m_mark = mark;
    }
    return nullptr;
}

// dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
Expr* Parser::dictcomp() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LBrace)) {
        Expr* k;
        Expr* v;
        if (kvpair(k, v)) {
            std::vector<Comprehension*> gens;
            if (forIfClauses(gens) && expect(TokenKind::RBrace)) {
                auto* c = make<Comp>(extra(mark), ExprKind::DictComp);
                c->key = k;
                c->value = v;
                c->generators = std::move(gens);
                return c;
            }
        }
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidDictComprehension();
        m_mark = mark;
    }
    return nullptr;
}

// ------------------------------------------------------------ arguments

// arguments (memo): args [','] &')' | invalid_arguments
CallArgs* Parser::arguments() {
    Depth d(*this);
    CallArgs* res;
    if (memoGet(Rule::Arguments, res)) return res;
    const int mark = m_mark;
    if (CallArgs* a = args()) {
        expect(TokenKind::Comma);
        if (check(TokenKind::RPar)) return memoPut(Rule::Arguments, mark, a);
    }
    m_mark = mark;
    if (m_callInvalidRules) {
        invalidArguments();
        m_mark = mark;
    }
    return memoPut<CallArgs>(Rule::Arguments, mark, nullptr);
}

// args:
//     | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//     | kwargs
CallArgs* Parser::args() {
    Depth d(*this);
    const int mark = m_mark;
    auto element = [&]() -> Expr* {
        Depth gather(*this);  // pegen's helper rules: the gather and the element's group
        Depth group(*this);
        const int m = m_mark;
        if (Expr* e = starredExpression()) return e;
        m_mark = m;
        Expr* e = assignmentExpression();
        if (!e) {
            m_mark = m;
            e = expression();
            if (e && check(TokenKind::ColonEqual)) e = nullptr;
        }
        if (e && !check(TokenKind::Equal)) return e;
        m_mark = m;
        return nullptr;
    };
    auto collect = [&](CallArgs& out, std::vector<KeywordOrStarred>& kw) {
        for (const KeywordOrStarred& k : kw)
            if (k.starred) out.args.push_back(k.starred);
        for (const KeywordOrStarred& k : kw)
            if (k.keyword) out.keywords.push_back(k.keyword);
    };
    if (Expr* first = element()) {
        CallArgs& out = m_argsPool.emplace_back();
        out.args.push_back(first);
        for (;;) {
            const int m = m_mark;
            if (!expect(TokenKind::Comma)) break;
            Expr* e = element();
            if (!e) {
                m_mark = m;
                break;
            }
            out.args.push_back(e);
        }
        const int m = m_mark;
        std::vector<KeywordOrStarred> kw;
        if (expect(TokenKind::Comma) && kwargs(kw)) collect(out, kw);
        else m_mark = m;
        out.pos = extra(mark);
        return &out;
    }
    m_mark = mark;
    std::vector<KeywordOrStarred> kw;
    if (kwargs(kw)) {
        CallArgs& out = m_argsPool.emplace_back();
        collect(out, kw);
        out.pos = extra(mark);
        return &out;
    }
    m_mark = mark;
    return nullptr;
}

// kwargs:
//     | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
//     | ','.kwarg_or_starred+
//     | ','.kwarg_or_double_starred+
bool Parser::kwargs(std::vector<KeywordOrStarred>& out) {
    Depth d(*this);
    const int mark = m_mark;
    auto gather = [&](bool doubleStarred, std::vector<KeywordOrStarred>& into) {
        KeywordOrStarred k;
        if (!(doubleStarred ? kwargOrDoubleStarred(k) : kwargOrStarred(k))) return false;
        into.push_back(k);
        for (;;) {
            const int m = m_mark;
            if (!expect(TokenKind::Comma)) break;
            if (!(doubleStarred ? kwargOrDoubleStarred(k) : kwargOrStarred(k))) {
                m_mark = m;
                break;
            }
            into.push_back(k);
        }
        return true;
    };
    if (gather(false, out) && expect(TokenKind::Comma) && gather(true, out)) return true;
    out.clear();
    m_mark = mark;
    if (gather(false, out)) return true;
    out.clear();
    m_mark = mark;
    if (gather(true, out)) return true;
    out.clear();
    m_mark = mark;
    return false;
}

// starred_expression: '*' expression
Expr* Parser::starredExpression() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::Star)) {
        if (Expr* a = expression()) {
            auto* s = make<Starred>(extra(mark));
            s->value = a;
            return s;
        }
    }
    m_mark = mark;
    return nullptr;
}

// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
bool Parser::kwargOrStarred(KeywordOrStarred& out) {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidKwarg();
        m_mark = mark;
    }
    if (const Token* n = expect(TokenKind::Name)) {
        if (expect(TokenKind::Equal)) {
            if (Expr* b = expression()) {
                auto* k = m_arena.make<Keyword>();
                k->pos = extra(mark);
                k->arg = std::string(text(*n));
                k->value = b;
                out = KeywordOrStarred{k, nullptr};
                return true;
            }
        }
    }
    m_mark = mark;
    if (Expr* a = starredExpression()) {
        out = KeywordOrStarred{nullptr, a};
        return true;
    }
    m_mark = mark;
    return false;
}

// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
bool Parser::kwargOrDoubleStarred(KeywordOrStarred& out) {
    Depth d(*this);
    const int mark = m_mark;
    if (m_callInvalidRules) {
        invalidKwarg();
        m_mark = mark;
    }
    if (const Token* n = expect(TokenKind::Name)) {
        if (expect(TokenKind::Equal)) {
            if (Expr* b = expression()) {
                auto* k = m_arena.make<Keyword>();
                k->pos = extra(mark);
                k->arg = std::string(text(*n));
                k->value = b;
                out = KeywordOrStarred{k, nullptr};
                return true;
            }
        }
    }
    m_mark = mark;
    if (expect(TokenKind::DoubleStar)) {
        if (Expr* a = expression()) {
            auto* k = m_arena.make<Keyword>();
            k->pos = extra(mark);
            k->value = a;
            out = KeywordOrStarred{k, nullptr};
            return true;
        }
    }
    m_mark = mark;
    return false;
}

// -------------------------------------------------------------- targets

// star_targets: star_target !',' | star_target (',' star_target)* [',']
Expr* Parser::starTargets() {
    Depth d(*this);
    const int mark = m_mark;
    Expr* a = starTarget();
    if (!a) return nullptr;
    if (!check(TokenKind::Comma)) return a;
    std::vector<Expr*> elts{a};
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* c = starTarget();
        if (!c) {
            m_mark = m;
            break;
        }
        elts.push_back(c);
    }
    expect(TokenKind::Comma);
    auto* t = make<ListOrTuple>(extra(mark), ExprKind::Tuple);
    t->elts = std::move(elts);
    t->ctx = ExprContext::Store;
    return t;
}

// star_targets_list_seq: ','.star_target+ [',']
bool Parser::starTargetsListSeq(std::vector<Expr*>& out) {
    Depth d(*this);
    Expr* a = starTarget();
    if (!a) return false;
    out.push_back(a);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* c = starTarget();
        if (!c) {
            m_mark = m;
            break;
        }
        out.push_back(c);
    }
    expect(TokenKind::Comma);
    return true;
}

// star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
bool Parser::starTargetsTupleSeq(std::vector<Expr*>& out) {
    Depth d(*this);
    const int mark = m_mark;
    Expr* a = starTarget();
    if (!a) return false;
    out.push_back(a);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* c = starTarget();
        if (!c) {
            m_mark = m;
            break;
        }
        out.push_back(c);
    }
    if (out.size() > 1) {
        expect(TokenKind::Comma);
        return true;
    }
    if (expect(TokenKind::Comma)) return true;
    out.clear();
    m_mark = mark;
    return false;
}

// star_target (memo): '*' (!'*' star_target) | target_with_star_atom
Expr* Parser::starTarget() {
    Depth d(*this);
    Expr* res;
    if (memoGet(Rule::StarTarget, res)) return res;
    const int mark = m_mark;
    if (expect(TokenKind::Star)) {
        if (!check(TokenKind::Star)) {
            if (Expr* a = starTarget()) {
                setContext(a, ExprContext::Store);
                auto* s = make<Starred>(extra(mark));
                s->value = a;
                s->ctx = ExprContext::Store;
                return memoPut(Rule::StarTarget, mark, static_cast<Expr*>(s));
            }
        }
    }
    m_mark = mark;
    return memoPut(Rule::StarTarget, mark, targetWithStarAtom());
}

// target_with_star_atom (memo):
//     | t_primary '.' NAME !t_lookahead
//     | t_primary '[' slices ']' !t_lookahead
//     | star_atom
Expr* Parser::targetWithStarAtom() {
    Depth d(*this);
    Expr* res;
    if (memoGet(Rule::TargetWithStarAtom, res)) return res;
    const int mark = m_mark;
    if (Expr* e = singleSubscriptAttributeTarget()) {
        return memoPut(Rule::TargetWithStarAtom, mark, e);
    }
    m_mark = mark;
    return memoPut(Rule::TargetWithStarAtom, mark, starAtom());
}

// star_atom:
//     | NAME
//     | '(' target_with_star_atom ')'
//     | '(' [star_targets_tuple_seq] ')'
//     | '[' [star_targets_list_seq] ']'
Expr* Parser::starAtom() {
    Depth d(*this);
    const int mark = m_mark;
    if (Name* a = name()) {
        a->ctx = ExprContext::Store;
        return a;
    }
    if (expect(TokenKind::LPar)) {
        if (Expr* a = targetWithStarAtom()) {
            if (expect(TokenKind::RPar)) {
                setContext(a, ExprContext::Store);
                return a;
            }
        }
    }
    m_mark = mark;
    if (expect(TokenKind::LPar)) {
        std::vector<Expr*> elts;
        const int m = m_mark;
        if (!starTargetsTupleSeq(elts)) m_mark = m;
        if (expect(TokenKind::RPar)) {
            auto* t = make<ListOrTuple>(extra(mark), ExprKind::Tuple);
            t->elts = std::move(elts);
            t->ctx = ExprContext::Store;
            return t;
        }
    }
    m_mark = mark;
    if (expect(TokenKind::LSqb)) {
        std::vector<Expr*> elts;
        const int m = m_mark;
        if (!starTargetsListSeq(elts)) {
            elts.clear();
            m_mark = m;
        }
        if (expect(TokenKind::RSqb)) {
            auto* l = make<ListOrTuple>(extra(mark), ExprKind::List);
            l->elts = std::move(elts);
            l->ctx = ExprContext::Store;
            return l;
        }
    }
    m_mark = mark;
    return nullptr;
}

// single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
Expr* Parser::singleTarget() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* e = singleSubscriptAttributeTarget()) return e;
    m_mark = mark;
    if (Name* a = name()) {
        a->ctx = ExprContext::Store;
        return a;
    }
    if (expect(TokenKind::LPar)) {
        if (Expr* a = singleTarget()) {
            if (expect(TokenKind::RPar)) return a;
        }
    }
    m_mark = mark;
    return nullptr;
}

// single_subscript_attribute_target:
//     | t_primary '.' NAME !t_lookahead
//     | t_primary '[' slices ']' !t_lookahead
Expr* Parser::singleSubscriptAttributeTarget() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* a = tPrimary()) {
        if (expect(TokenKind::Dot)) {
            if (const Token* n = expect(TokenKind::Name)) {
                if (!tLookahead()) {
                    auto* e = make<Attribute>(extra(mark));
                    e->value = a;
                    e->attr = std::string(text(*n));
                    e->ctx = ExprContext::Store;
                    return e;
                }
            }
        }
    }
    m_mark = mark;
    if (Expr* a = tPrimary()) {
        if (expect(TokenKind::LSqb)) {
            if (Expr* b = slices()) {
                if (expect(TokenKind::RSqb) && !tLookahead()) {
                    auto* e = make<Subscript>(extra(mark));
                    e->value = a;
                    e->slice = b;
                    e->ctx = ExprContext::Store;
                    return e;
                }
            }
        }
    }
    m_mark = mark;
    return nullptr;
}

// t_primary:
//     | t_primary '.' NAME &t_lookahead
//     | t_primary '[' slices ']' &t_lookahead
//     | t_primary genexp &t_lookahead
//     | t_primary '(' [arguments] ')' &t_lookahead
//     | atom &t_lookahead
Expr* Parser::tPrimary() {
    Depth d(*this);
    Depth raw(*this);
    Expr* res;
    if (memoGet(Rule::TPrimary, res)) return res;
    const int mark = m_mark;
    Expr* a = atom();
    if (!a || !tLookahead()) return memoPut<Expr>(Rule::TPrimary, mark, nullptr);
    for (;;) {
        const int m = m_mark;
        if (expect(TokenKind::Dot)) {
            if (const Token* n = expect(TokenKind::Name)) {
                if (tLookahead()) {
                    auto* e = make<Attribute>(extra(mark));
                    e->value = a;
                    e->attr = std::string(text(*n));
                    a = e;
                    continue;
                }
            }
        }
        m_mark = m;
        if (expect(TokenKind::LSqb)) {
            if (Expr* b = slices()) {
                if (expect(TokenKind::RSqb) && tLookahead()) {
                    auto* e = make<Subscript>(extra(mark));
                    e->value = a;
                    e->slice = b;
                    a = e;
                    continue;
                }
            }
        }
        m_mark = m;
        if (Expr* g = genexp()) {
            if (tLookahead()) {
                auto* e = make<Call>(extra(mark));
                e->func = a;
                e->args.push_back(g);
                a = e;
                continue;
            }
        }
        m_mark = m;
        if (expect(TokenKind::LPar)) {
            const int m2 = m_mark;
            CallArgs* b = arguments();
            if (!b) m_mark = m2;
            if (expect(TokenKind::RPar) && tLookahead()) {
                auto* e = make<Call>(extra(mark));
                e->func = a;
                if (b) {
                    e->args = b->args;
                    e->keywords = b->keywords;
                }
                a = e;
                continue;
            }
        }
        m_mark = m;
        break;
    }
    return memoPut(Rule::TPrimary, mark, a);
}

// t_lookahead: '(' | '[' | '.'
bool Parser::tLookahead() {
    const TokenKind k = cur().kind;
    return k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::Dot;
}

// del_targets: ','.del_target+ [',']
bool Parser::delTargets(std::vector<Expr*>& out) {
    Depth d(*this);
    Expr* a = delTarget();
    if (!a) return false;
    out.push_back(a);
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma)) break;
        Expr* c = delTarget();
        if (!c) {
            m_mark = m;
            break;
        }
        out.push_back(c);
    }
    expect(TokenKind::Comma);
    return true;
}

// del_target (memo):
//     | t_primary '.' NAME !t_lookahead
//     | t_primary '[' slices ']' !t_lookahead
//     | del_t_atom
Expr* Parser::delTarget() {
    Depth d(*this);
    Expr* res;
    if (memoGet(Rule::DelTarget, res)) return res;
    const int mark = m_mark;
    if (Expr* e = singleSubscriptAttributeTarget()) {
        setContext(e, ExprContext::Del);
        return memoPut(Rule::DelTarget, mark, e);
    }
    m_mark = mark;
    return memoPut(Rule::DelTarget, mark, delTAtom());
}

// del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
Expr* Parser::delTAtom() {
    Depth d(*this);
    const int mark = m_mark;
    if (Name* a = name()) {
        a->ctx = ExprContext::Del;
        return a;
    }
    if (expect(TokenKind::LPar)) {
        if (Expr* a = delTarget()) {
            if (expect(TokenKind::RPar)) {
                setContext(a, ExprContext::Del);
                return a;
            }
        }
    }
    m_mark = mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        const bool isList = alt == 1;
        if (!expect(isList ? TokenKind::LSqb : TokenKind::LPar)) continue;
        std::vector<Expr*> elts;
        const int m = m_mark;
        if (!delTargets(elts)) {
            elts.clear();
            m_mark = m;
        }
        if (expect(isList ? TokenKind::RSqb : TokenKind::RPar)) {
            auto* t = make<ListOrTuple>(extra(mark), isList ? ExprKind::List : ExprKind::Tuple);
            t->elts = std::move(elts);
            t->ctx = ExprContext::Del;
            return t;
        }
    }
    m_mark = mark;
    return nullptr;
}

// NAME
Name* Parser::name() {
    const Token& t = cur();
    if (t.kind != TokenKind::Name) return nullptr;
    ++m_mark;
    auto* n = make<Name>(tokPos(t));
    n->id = std::string(text(t));
    return n;
}

// ========================================================= invalid rules
//
// Tried in the second pass only. Each either raises its error or returns
// without a match (the caller restores the position).

// invalid_arguments:
//     | args ',' '*'
//     | expression for_if_clauses ',' [args | expression for_if_clauses]
//     | NAME '=' expression for_if_clauses
//     | args for_if_clauses
//     | args ',' expression for_if_clauses
//     | args ',' args
void Parser::invalidArguments() {
    Depth d(*this);
    const int mark = m_mark;
    if (args() && expect(TokenKind::Comma) && expect(TokenKind::Star))
        raiseHere("iterable argument unpacking follows keyword argument unpacking");
    m_mark = mark;
    if (Expr* a = expression()) {
        std::vector<Comprehension*> b;
        if (forIfClauses(b) && expect(TokenKind::Comma)) {
            const int m = m_mark;
            if (!args()) {
                m_mark = m;
                std::vector<Comprehension*> more;
                if (!(expression() && forIfClauses(more))) m_mark = m;
            }
            const Comprehension* last = b.back();
            const Expr* lastItem = last->ifs.empty() ? last->iter : last->ifs.back();
            raiseRange(a->pos, lastItem->pos, "Generator expression must be parenthesized");
        }
    }
    m_mark = mark;
    if (const Token* a = expect(TokenKind::Name)) {
        if (const Token* b = expect(TokenKind::Equal)) {
            std::vector<Comprehension*> c;
            if (expression() && forIfClauses(c))
                raiseRange(tokPos(*a), tokPos(*b),
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
    }
    m_mark = mark;
    if (CallArgs* a = args()) {
        std::vector<Comprehension*> b;
        if (forIfClauses(b)) {
            // _PyPegen_nonparen_genexp_in_call
            if (a->args.size() <= 1) {
                m_mark = mark;
                return;
            }
            const Comprehension* last = b.back();
            const Expr* lastItem = last->ifs.empty() ? last->iter : last->ifs.back();
            raiseRange(a->args.back()->pos, lastItem->pos, "Generator expression must be parenthesized");
        }
    }
    m_mark = mark;
    if (args() && expect(TokenKind::Comma)) {
        if (Expr* a = expression()) {
            std::vector<Comprehension*> b;
            if (forIfClauses(b)) {
                const Comprehension* last = b.back();
                const Expr* lastItem = last->ifs.empty() ? last->iter : last->ifs.back();
                raiseRange(a->pos, lastItem->pos, "Generator expression must be parenthesized");
            }
        }
    }
    m_mark = mark;
    if (CallArgs* a = args()) {
        if (expect(TokenKind::Comma) && args()) {
            bool unpacking = false;
            for (const Keyword* k : a->keywords)
                if (k->arg.empty()) unpacking = true;
            raiseHere(unpacking ? "positional argument follows keyword argument unpacking"
                                : "positional argument follows keyword argument");
        }
    }
    m_mark = mark;
}

// invalid_kwarg:
//     | ('True'|'False'|'None') '='
//     | NAME '=' expression for_if_clauses
//     | !(NAME '=') expression '='
void Parser::invalidKwarg() {
    Depth d(*this);
    const int mark = m_mark;
    {
        const Token& a = cur();
        if (a.kind == TokenKind::KwTrue || a.kind == TokenKind::KwFalse || a.kind == TokenKind::KwNone) {
            ++m_mark;
            if (const Token* b = expect(TokenKind::Equal))
                raiseRange(tokPos(a), tokPos(*b), "cannot assign to " + std::string(text(a)));
        }
    }
    m_mark = mark;
    if (const Token* a = expect(TokenKind::Name)) {
        if (const Token* b = expect(TokenKind::Equal)) {
            std::vector<Comprehension*> c;
            if (expression() && forIfClauses(c))
                raiseRange(tokPos(*a), tokPos(*b),
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
    }
    m_mark = mark;
    const bool nameEquals = expect(TokenKind::Name) && check(TokenKind::Equal);
    m_mark = mark;
    if (!nameEquals) {
        if (Expr* a = expression()) {
            if (const Token* b = expect(TokenKind::Equal))
                raiseRange(a->pos, tokPos(*b),
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
    }
    m_mark = mark;
}

// invalid_legacy_expression: NAME !'(' star_expressions
void Parser::invalidLegacyExpression() {
    Depth d(*this);
    const int mark = m_mark;
    if (Name* a = name()) {
        if (!check(TokenKind::LPar)) {
            if (Expr* b = starExpressions()) {
                if (a->id == "print" || a->id == "exec")
                    raiseRange(a->pos, b->pos,
                               "Missing parentheses in call to '" + a->id + "'. Did you mean " + a->id +
                                   "(...)?");
                m_mark = mark;
                return;
            }
        }
    }
    m_mark = mark;
}

// invalid_expression:
//     | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
//     | disjunction 'if' disjunction !('else'|':')
void Parser::invalidExpression() {
    Depth d(*this);
    const int mark = m_mark;
    bool excluded = false;
    {
        const Token& t = cur();
        if (t.kind == TokenKind::Name) {
            ++m_mark;
            if (check(TokenKind::String)) excluded = true;
            m_mark = mark;
            // _PyPegen_soft_keyword_token compares only the token's length:
            // any prefix of a soft keyword ("m", "ca", ...) counts as one.
            const std::string_view word = text(t);
            for (std::string_view soft : {"_", "case", "match"})
                if (soft.substr(0, word.size()) == word) excluded = true;
        }
    }
    if (!excluded) {
        if (Expr* a = disjunction()) {
            if (Expr* b = expressionWithoutInvalid()) {
                const bool legacy = a->kind == ExprKind::Name &&
                                    (static_cast<Name*>(a)->id == "print" ||
                                     static_cast<Name*>(a)->id == "exec");
                if (!legacy && m_tokens[size_t(m_mark - 1)].level != 0)
                    raiseRange(a->pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
                m_mark = mark;
                return;
            }
        }
    }
    m_mark = mark;
    if (Expr* a = disjunction()) {
        if (expect(TokenKind::KwIf)) {
            if (Expr* b = disjunction()) {
                if (!check(TokenKind::KwElse) && !check(TokenKind::Colon))
                    raiseRange(a->pos, b->pos, "expected 'else' after 'if' expression");
            }
        }
    }
    m_mark = mark;
}

// invalid_named_expression (memo):
//     | expression ':=' expression
//     | NAME '=' bitwise_or !('='|':=')
//     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
void Parser::invalidNamedExpression() {
    Depth d(*this);
    void* memo;
    if (memoGet(Rule::InvalidNamedExpression, memo)) return;
    const int mark = m_mark;
    if (Expr* a = expression()) {
        if (expect(TokenKind::ColonEqual) && expression())
            raiseAt(a->pos, "cannot use assignment expressions with " + std::string(exprName(a)));
    }
    m_mark = mark;
    if (Name* a = name()) {
        if (expect(TokenKind::Equal)) {
            if (Expr* b = bitwiseOr()) {
                if (!check(TokenKind::Equal) && !check(TokenKind::ColonEqual))
                    raiseRange(a->pos, b->pos,
                               "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        }
    }
    m_mark = mark;
    bool excluded = false;
    {
        const TokenKind k = cur().kind;
        if (k == TokenKind::KwTrue || k == TokenKind::KwNone || k == TokenKind::KwFalse) {
            excluded = true;
        } else {
            if (list()) excluded = true;
            m_mark = mark;
            if (!excluded && tuple()) excluded = true;
            m_mark = mark;
            if (!excluded && genexp()) excluded = true;
            m_mark = mark;
        }
    }
    if (!excluded) {
        if (Expr* a = bitwiseOr()) {
            if (expect(TokenKind::Equal) && bitwiseOr()) {
                if (!check(TokenKind::Equal) && !check(TokenKind::ColonEqual))
                    raiseAt(a->pos, "cannot assign to " + std::string(exprName(a)) +
                                        " here. Maybe you meant '==' instead of '='?");
            }
        }
    }
    m_mark = mark;
    memoPut<void>(Rule::InvalidNamedExpression, mark, nullptr);
}

// invalid_assignment:
//     | invalid_ann_assign_target ':' expression
//     | star_named_expression ',' star_named_expressions* ':' expression
//     | expression ':' expression
//     | (star_targets '=')* star_expressions '='
//     | (star_targets '=')* yield_expr '='
//     | star_expressions augassign (yield_expr | star_expressions)
void Parser::invalidAssignment() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* a = invalidAnnAssignTarget()) {
        if (expect(TokenKind::Colon) && expression())
            raiseAt(a->pos, "only single target (not " + std::string(exprName(a)) + ") can be annotated");
    }
    m_mark = mark;
    if (Expr* a = starNamedExpression()) {
        if (expect(TokenKind::Comma)) {
            for (;;) {
                const int m = m_mark;
                std::vector<Expr*> ignored;
                if (!starNamedExpressions(ignored)) {
                    m_mark = m;
                    break;
                }
            }
            if (expect(TokenKind::Colon) && expression())
                raiseAt(a->pos, "only single target (not tuple) can be annotated");
        }
    }
    m_mark = mark;
    if (Expr* a = expression()) {
        if (expect(TokenKind::Colon) && expression()) raiseAt(a->pos, "illegal target for annotation");
    }
    m_mark = mark;
    auto skipTargets = [&] {
        for (;;) {
            const int m = m_mark;
            if (!(starTargets() && expect(TokenKind::Equal))) {
                m_mark = m;
                break;
            }
        }
    };
    skipTargets();
    if (Expr* a = starExpressions()) {
        if (expect(TokenKind::Equal)) {
            raiseInvalidTarget(TargetsType::Star, a);
            m_mark = mark;
            return;
        }
    }
    m_mark = mark;
    skipTargets();
    if (Expr* a = yieldExpr()) {
        if (expect(TokenKind::Equal)) raiseAt(a->pos, "assignment to yield expression not possible");
    }
    m_mark = mark;
    if (Expr* a = starExpressions()) {
        BinOpKind op;
        if (augassign(op)) {
            const int m = m_mark;
            Expr* c = yieldExpr();
            if (!c) {
                m_mark = m;
                c = starExpressions();
            }
            if (c)
                raiseAt(a->pos, "'" + std::string(exprName(a)) +
                                    "' is an illegal expression for augmented assignment");
        }
    }
    m_mark = mark;
}

// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
Expr* Parser::invalidAnnAssignTarget() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* e = list()) return e;
    m_mark = mark;
    if (Expr* e = tuple()) return e;
    m_mark = mark;
    if (expect(TokenKind::LPar)) {
        if (Expr* a = invalidAnnAssignTarget()) {
            if (expect(TokenKind::RPar)) return a;
        }
    }
    m_mark = mark;
    return nullptr;
}

// invalid_del_stmt: 'del' star_expressions
void Parser::invalidDelStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwDel)) {
        if (Expr* a = starExpressions()) raiseInvalidTarget(TargetsType::Del, a);
    }
    m_mark = mark;
}

// invalid_block: NEWLINE !INDENT
void Parser::invalidBlock() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::Newline) && !check(TokenKind::Indent))
        raiseIndentation("expected an indented block");
    m_mark = mark;
}

// invalid_comprehension:
//     | ('[' | '(' | '{') starred_expression for_if_clauses
//     | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
//     | ('[' | '{') star_named_expression ',' for_if_clauses
void Parser::invalidComprehension() {
    Depth d(*this);
    const int mark = m_mark;
    const TokenKind open = cur().kind;
    if (open != TokenKind::LSqb && open != TokenKind::LPar && open != TokenKind::LBrace) return;
    ++m_mark;
    if (Expr* a = starredExpression()) {
        std::vector<Comprehension*> b;
        if (forIfClauses(b)) raiseAt(a->pos, "iterable unpacking cannot be used in comprehension");
    }
    m_mark = mark;
    if (open == TokenKind::LPar) return;
    ++m_mark;
    if (Expr* a = starNamedExpression()) {
        if (expect(TokenKind::Comma)) {
            std::vector<Expr*> b;
            std::vector<Comprehension*> c;
            if (starNamedExpressions(b) && forIfClauses(c))
                raiseRange(a->pos, b.back()->pos, "did you forget parentheses around the comprehension target?");
        }
    }
    m_mark = mark + 1;
    if (Expr* a = starNamedExpression()) {
        if (const Token* b = expect(TokenKind::Comma)) {
            std::vector<Comprehension*> c;
            if (forIfClauses(c))
                raiseRange(a->pos, tokPos(*b), "did you forget parentheses around the comprehension target?");
        }
    }
    m_mark = mark;
}

// invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
void Parser::invalidDictComprehension() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LBrace)) {
        if (const Token* a = expect(TokenKind::DoubleStar)) {
            std::vector<Comprehension*> c;
            if (bitwiseOr() && forIfClauses(c) && expect(TokenKind::RBrace))
                raiseAt(tokPos(*a), "dict unpacking cannot be used in dict comprehension");
        }
    }
    m_mark = mark;
}

// invalid_parameters:
//     | param_no_default* invalid_parameters_helper param_no_default
//     | param_no_default* '(' param_no_default+ ','? ')'
//     | "/" ','
//     | (slash_no_default | slash_with_default) param_maybe_default* '/'
//     | [(slash_no_default | slash_with_default)] param_maybe_default* '*' (',' | param_no_default)
//           param_maybe_default* '/'
//     | param_maybe_default+ '/' '*'
void Parser::invalidParameters() { invalidParametersOf(kDefParams); }

// invalid_parameters, or invalid_lambda_parameters with r = kLambdaParams.
void Parser::invalidParametersOf(const ParamRules& r) {
    Depth d(*this);
    const int mark = m_mark;
    auto skipNoDefaults = [&] {
        while ((this->*r.noDefault)()) {
        }
    };
    auto skipMaybeDefaults = [&] {
        int n = 0;
        for (;;) {
            NameDefault nd;
            if (!(this->*r.maybeDefault)(nd)) break;
            ++n;
        }
        return n;
    };
    auto slashAny = [&] {
        const int m = m_mark;
        std::vector<Arg*> a;
        if ((this->*r.slashNoDefault)(a)) return true;
        m_mark = m;
        SlashWithDefault b;
        if ((this->*r.slashWithDefault)(b)) return true;
        m_mark = m;
        return false;
    };
    skipNoDefaults();
    if ((this->*r.invalidHelper)()) {
        if (Arg* a = (this->*r.noDefault)()) raiseAt(a->pos, "non-default argument follows default argument");
    }
    m_mark = mark;
    skipNoDefaults();
    if (const Token* a = expect(TokenKind::LPar)) {
        // def: '(' param_no_default+ ','? ')'    lambda: '(' ','.lambda_param+ ','? ')'
        bool listed = false;
        if (!r.lambda) {
            listed = paramNoDefault() != nullptr;
            if (listed) skipNoDefaults();
        } else if (lambdaParam()) {
            listed = true;
            for (;;) {
                const int m = m_mark;
                if (!expect(TokenKind::Comma) || !lambdaParam()) {
                    m_mark = m;
                    break;
                }
            }
        }
        if (listed) {
            expect(TokenKind::Comma);
            if (const Token* b = expect(TokenKind::RPar))
                raiseRange(tokPos(*a), tokPos(*b),
                           r.lambda ? "Lambda expression parameters cannot be parenthesized"
                                    : "Function parameters cannot be parenthesized");
        }
    }
    m_mark = mark;
    if (const Token* a = expect(TokenKind::Slash)) {
        if (expect(TokenKind::Comma)) raiseAt(tokPos(*a), "at least one argument must precede /");
    }
    m_mark = mark;
    if (slashAny()) {
        skipMaybeDefaults();
        if (const Token* a = expect(TokenKind::Slash)) raiseAt(tokPos(*a), "/ may appear only once");
    }
    m_mark = mark;
    if (!slashAny()) m_mark = mark;
    skipMaybeDefaults();
    if (expect(TokenKind::Star)) {
        const int m = m_mark;
        bool ok = expect(TokenKind::Comma) != nullptr;
        if (!ok) {
            m_mark = m;
            ok = (this->*r.noDefault)() != nullptr;
        }
        if (ok) {
            skipMaybeDefaults();
            if (const Token* a = expect(TokenKind::Slash)) raiseAt(tokPos(*a), "/ must be ahead of *");
        }
    }
    m_mark = mark;
    if (skipMaybeDefaults() > 0 && expect(TokenKind::Slash)) {
        if (const Token* a = expect(TokenKind::Star)) raiseAt(tokPos(*a), "expected comma between / and *");
    }
    m_mark = mark;
}

// invalid_default: '=' &(')'|',')
void Parser::invalidDefault() {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* a = expect(TokenKind::Equal)) {
        if (check(TokenKind::RPar) || check(TokenKind::Comma))
            raiseAt(tokPos(*a), "expected default value expression");
    }
    m_mark = mark;
}

// invalid_star_etc:
//     | '*' (')' | ',' (')' | '**'))
//     | '*' ',' TYPE_COMMENT
//     | '*' param '='
//     | '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
void Parser::invalidStarEtc() { invalidStarEtcOf(kDefParams); }

// invalid_star_etc, or invalid_lambda_star_etc with r = kLambdaParams (which
// has no TYPE_COMMENT alternative, and places its first error differently).
void Parser::invalidStarEtcOf(const ParamRules& r) {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* a = expect(TokenKind::Star)) {
        bool match = expect(r.end) != nullptr;
        if (!match) {
            m_mark = mark + 1;
            if (expect(TokenKind::Comma)) match = check(r.end) || check(TokenKind::DoubleStar);
        }
        if (match) {
            // RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, ...) for def, RAISE_SYNTAX_ERROR(...) for lambda
            if (r.lambda) raiseHere("named arguments must follow bare *");
            raiseAt(tokPos(*a), "named arguments must follow bare *");
        }
    }
    m_mark = mark;
    if (!r.lambda) {
        if (expect(TokenKind::Star) && expect(TokenKind::Comma)) cur();  // TYPE_COMMENT never appears
        m_mark = mark;
    }
    if (expect(TokenKind::Star) && (this->*r.param)()) {
        if (const Token* a = expect(TokenKind::Equal))
            raiseAt(tokPos(*a), "var-positional argument cannot have default value");
    }
    m_mark = mark;
    auto noDefaultOrComma = [&] {
        const int m = m_mark;
        if ((this->*r.noDefault)()) return true;
        m_mark = m;
        if (expect(TokenKind::Comma)) return true;
        m_mark = m;
        return false;
    };
    if (expect(TokenKind::Star) && noDefaultOrComma()) {
        for (;;) {
            NameDefault nd;
            if (!(this->*r.maybeDefault)(nd)) break;
        }
        if (const Token* a = expect(TokenKind::Star)) {
            if (noDefaultOrComma()) raiseAt(tokPos(*a), "* argument may appear only once");
        }
    }
    m_mark = mark;
}

// invalid_kwds:
//     | '**' param '='
//     | '**' param ',' param
//     | '**' param ',' ('*'|'**'|'/')
void Parser::invalidKwds() { invalidKwdsOf(kDefParams); }

// invalid_kwds, or invalid_lambda_kwds with r = kLambdaParams.
void Parser::invalidKwdsOf(const ParamRules& r) {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::DoubleStar) && (this->*r.param)()) {
        if (const Token* a = expect(TokenKind::Equal))
            raiseAt(tokPos(*a), "var-keyword argument cannot have default value");
    }
    m_mark = mark;
    if (expect(TokenKind::DoubleStar) && (this->*r.param)() && expect(TokenKind::Comma)) {
        if (Arg* a = (this->*r.param)()) raiseAt(a->pos, "arguments cannot follow var-keyword argument");
    }
    m_mark = mark;
    if (expect(TokenKind::DoubleStar) && (this->*r.param)() && expect(TokenKind::Comma)) {
        const Token& a = cur();
        if (a.kind == TokenKind::Star || a.kind == TokenKind::DoubleStar || a.kind == TokenKind::Slash)
            raiseAt(tokPos(a), "arguments cannot follow var-keyword argument");
    }
    m_mark = mark;
}

// invalid_parameters_helper: slash_with_default | param_with_default+
bool Parser::invalidParametersHelper() { return invalidParametersHelperOf(kDefParams); }

// invalid_parameters_helper, or invalid_lambda_parameters_helper with r = kLambdaParams.
bool Parser::invalidParametersHelperOf(const ParamRules& r) {
    Depth d(*this);
    const int mark = m_mark;
    SlashWithDefault a;
    if ((this->*r.slashWithDefault)(a)) return true;
    m_mark = mark;
    int n = 0;
    for (;;) {
        NameDefault nd;
        if (!(this->*r.withDefault)(nd)) break;
        ++n;
    }
    if (n > 0) return true;
    m_mark = mark;
    return false;
}

// invalid_lambda_parameters: as invalid_parameters, with lambda parameters
void Parser::invalidLambdaParameters() { invalidParametersOf(kLambdaParams); }

// invalid_lambda_parameters_helper: lambda_slash_with_default | lambda_param_with_default+
bool Parser::invalidLambdaParametersHelper() { return invalidParametersHelperOf(kLambdaParams); }

// invalid_lambda_star_etc:
//     | '*' (':' | ',' (':' | '**'))
//     | '*' lambda_param '='
//     | '*' (lambda_param_no_default | ',') lambda_param_maybe_default* '*' (lambda_param_no_default | ',')
void Parser::invalidLambdaStarEtc() { invalidStarEtcOf(kLambdaParams); }

// invalid_lambda_kwds: as invalid_kwds, with lambda parameters
void Parser::invalidLambdaKwds() { invalidKwdsOf(kLambdaParams); }

// invalid_with_item: expression 'as' expression &(',' | ')' | ':')
void Parser::invalidWithItem() {
    Depth d(*this);
    const int mark = m_mark;
    if (expression() && expect(TokenKind::KwAs)) {
        if (Expr* a = expression()) {
            if (check(TokenKind::Comma) || check(TokenKind::RPar) || check(TokenKind::Colon)) {
                raiseInvalidTarget(TargetsType::Star, a);
                m_mark = mark;
                return;
            }
        }
    }
    m_mark = mark;
}

// invalid_for_target: ASYNC? 'for' star_expressions
void Parser::invalidForTarget() {
    Depth d(*this);
    const int mark = m_mark;
    expect(TokenKind::KwAsync);
    if (expect(TokenKind::KwFor)) {
        if (Expr* a = starExpressions()) {
            raiseInvalidTarget(TargetsType::For, a);
        }
    }
    m_mark = mark;
}

// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
void Parser::invalidGroup() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::LPar)) {
        if (Expr* a = starredExpression()) {
            if (expect(TokenKind::RPar)) raiseAt(a->pos, "cannot use starred expression here");
        }
    }
    m_mark = mark;
    if (expect(TokenKind::LPar)) {
        if (const Token* a = expect(TokenKind::DoubleStar)) {
            if (expression() && expect(TokenKind::RPar))
                raiseAt(tokPos(*a), "cannot use double starred expression here");
        }
    }
    m_mark = mark;
}

// invalid_import_from_targets: import_from_as_names ',' NEWLINE
void Parser::invalidImportFromTargets() {
    Depth d(*this);
    const int mark = m_mark;
    std::vector<Alias*> names;
    if (importFromAsNames(names) && expect(TokenKind::Comma) && expect(TokenKind::Newline))
        raiseHere("trailing comma not allowed without surrounding parentheses");
    m_mark = mark;
}

// The item lists of invalid_with_stmt and invalid_with_stmt_indent:
//     ','.(expression ['as' star_target])+
//     '(' ','.(expressions ['as' star_target])+ ','? ')'
bool Parser::withItemsForInvalid(bool parenthesized) {
    if (parenthesized && !expect(TokenKind::LPar)) return false;
    auto item = [&] {
        if (!(parenthesized ? expressions() : expression())) return false;
        const int m = m_mark;
        if (!(expect(TokenKind::KwAs) && starTarget())) m_mark = m;
        return true;
    };
    if (!item()) return false;
    for (;;) {
        const int m = m_mark;
        if (!expect(TokenKind::Comma) || !item()) {
            m_mark = m;
            break;
        }
    }
    if (parenthesized) {
        expect(TokenKind::Comma);
        if (!expect(TokenKind::RPar)) return false;
    }
    return true;
}

// invalid_with_stmt:
//     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
//     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
void Parser::invalidWithStmt() {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        expect(TokenKind::KwAsync);
        if (expect(TokenKind::KwWith) && withItemsForInvalid(alt == 1) && expect(TokenKind::Newline))
            raiseHere("expected ':'");
    }
    m_mark = mark;
}

// invalid_with_stmt_indent: the same followed by ':' NEWLINE !INDENT
void Parser::invalidWithStmtIndent() {
    Depth d(*this);
    const int mark = m_mark;
    for (int alt = 0; alt < 2; ++alt) {
        m_mark = mark;
        expect(TokenKind::KwAsync);
        const Token* a = expect(TokenKind::KwWith);
        if (a && withItemsForInvalid(alt == 1) && expect(TokenKind::Colon) &&
            expect(TokenKind::Newline) && !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'with' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_try_stmt:
//     | 'try' ':' NEWLINE !INDENT
//     | 'try' ':' block !('except' | 'finally')
//     | 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
//     | 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
void Parser::invalidTryStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* a = expect(TokenKind::KwTry)) {
        if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'try' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
    if (expect(TokenKind::KwTry) && expect(TokenKind::Colon) && block()) {
        if (!check(TokenKind::KwExcept) && !check(TokenKind::KwFinally))
            raiseHere("expected 'except' or 'finally' block");
    }
    m_mark = mark;
    auto optAsName = [&] {
        const int m = m_mark;
        if (!(expect(TokenKind::KwAs) && expect(TokenKind::Name))) m_mark = m;
    };
    if (expect(TokenKind::KwTry) && expect(TokenKind::Colon)) {
        while (block()) {
        }
        int handlers = 0;
        while (exceptBlock()) ++handlers;
        if (handlers > 0) {
            const Token* a = expect(TokenKind::KwExcept);
            const Token* b = a ? expect(TokenKind::Star) : nullptr;
            if (b && expression()) {
                optAsName();
                if (expect(TokenKind::Colon))
                    raiseRange(tokPos(*a), tokPos(*b),
                               "cannot have both 'except' and 'except*' on the same 'try'");
            }
        }
    }
    m_mark = mark;
    if (expect(TokenKind::KwTry) && expect(TokenKind::Colon)) {
        while (block()) {
        }
        int handlers = 0;
        while (exceptStarBlock()) ++handlers;
        if (handlers > 0) {
            if (const Token* a = expect(TokenKind::KwExcept)) {
                const int m = m_mark;
                if (expression()) optAsName();
                else m_mark = m;
                if (expect(TokenKind::Colon))
                    raiseAt(tokPos(*a), "cannot have both 'except' and 'except*' on the same 'try'");
            }
        }
    }
    m_mark = mark;
}

// invalid_except_stmt:
//     | 'except' '*'? expression ',' expressions ['as' NAME] ':'
//     | 'except' '*'? expression ['as' NAME] NEWLINE
//     | 'except' NEWLINE
//     | 'except' '*' (NEWLINE | ':')
void Parser::invalidExceptStmt() {
    Depth d(*this);
    const int mark = m_mark;
    auto optAsName = [&] {
        const int m = m_mark;
        if (!(expect(TokenKind::KwAs) && expect(TokenKind::Name))) m_mark = m;
    };
    if (expect(TokenKind::KwExcept)) {
        expect(TokenKind::Star);
        if (Expr* a = expression()) {
            if (expect(TokenKind::Comma) && expressions()) {
                optAsName();
                if (expect(TokenKind::Colon))
                    raiseStartingFrom(a->pos, "multiple exception types must be parenthesized");
            }
        }
    }
    m_mark = mark;
    if (expect(TokenKind::KwExcept)) {
        expect(TokenKind::Star);
        if (expression()) {
            optAsName();
            if (expect(TokenKind::Newline)) raiseHere("expected ':'");
        }
    }
    m_mark = mark;
    if (expect(TokenKind::KwExcept) && expect(TokenKind::Newline)) raiseHere("expected ':'");
    m_mark = mark;
    if (expect(TokenKind::KwExcept) && expect(TokenKind::Star) &&
        (expect(TokenKind::Newline) || expect(TokenKind::Colon)))
        raiseHere("expected one or more exception types");
    m_mark = mark;
}

// invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT
void Parser::invalidFinallyStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* a = expect(TokenKind::KwFinally)) {
        if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'finally' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_except_stmt_indent:
//     | 'except' expression ['as' NAME] ':' NEWLINE !INDENT
//     | 'except' ':' NEWLINE !INDENT
void Parser::invalidExceptStmtIndent() {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* a = expect(TokenKind::KwExcept)) {
        if (expression()) {
            const int m = m_mark;
            if (!(expect(TokenKind::KwAs) && expect(TokenKind::Name))) m_mark = m;
            if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
                raiseIndentation("expected an indented block after 'except' statement on line " +
                                 std::to_string(a->line));
        }
    }
    m_mark = mark;
    if (const Token* a = expect(TokenKind::KwExcept)) {
        if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'except' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_except_star_stmt_indent: 'except' '*' expression ['as' NAME] ':' NEWLINE !INDENT
void Parser::invalidExceptStarStmtIndent() {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* a = expect(TokenKind::KwExcept)) {
        if (expect(TokenKind::Star) && expression()) {
            const int m = m_mark;
            if (!(expect(TokenKind::KwAs) && expect(TokenKind::Name))) m_mark = m;
            if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
                raiseIndentation("expected an indented block after 'except*' statement on line " +
                                 std::to_string(a->line));
        }
    }
    m_mark = mark;
}

// invalid_match_stmt:
//     | "match" subject_expr NEWLINE
//     | "match" subject_expr ':' NEWLINE !INDENT
void Parser::invalidMatchStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (expectSoftKeyword("match") && subjectExpr() && expect(TokenKind::Newline)) raiseHere("expected ':'");
    m_mark = mark;
    if (const Token* a = expectSoftKeyword("match")) {
        if (subjectExpr() && expect(TokenKind::Colon) && expect(TokenKind::Newline) &&
            !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'match' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_if_stmt / invalid_elif_stmt:
//     | 'if' named_expression NEWLINE
//     | 'if' named_expression ':' NEWLINE !INDENT
void Parser::invalidIfStmt(bool elif) {
    Depth d(*this);
    const int mark = m_mark;
    const TokenKind keyword = elif ? TokenKind::KwElif : TokenKind::KwIf;
    if (expect(keyword) && namedExpression() && expect(TokenKind::Newline)) raiseHere("expected ':'");
    m_mark = mark;
    if (const Token* a = expect(keyword)) {
        if (namedExpression() && expect(TokenKind::Colon) && expect(TokenKind::Newline) &&
            !check(TokenKind::Indent))
            raiseIndentation(std::string("expected an indented block after '") + (elif ? "elif" : "if") +
                             "' statement on line " + std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_else_stmt: 'else' ':' NEWLINE !INDENT
void Parser::invalidElseStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (const Token* a = expect(TokenKind::KwElse)) {
        if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'else' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_while_stmt:
//     | 'while' named_expression NEWLINE
//     | 'while' named_expression ':' NEWLINE !INDENT
void Parser::invalidWhileStmt() {
    Depth d(*this);
    const int mark = m_mark;
    if (expect(TokenKind::KwWhile) && namedExpression() && expect(TokenKind::Newline))
        raiseHere("expected ':'");
    m_mark = mark;
    if (const Token* a = expect(TokenKind::KwWhile)) {
        if (namedExpression() && expect(TokenKind::Colon) && expect(TokenKind::Newline) &&
            !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'while' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_for_stmt:
//     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
//     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
void Parser::invalidForStmt() {
    Depth d(*this);
    const int mark = m_mark;
    expect(TokenKind::KwAsync);
    if (expect(TokenKind::KwFor) && starTargets() && expect(TokenKind::KwIn) && starExpressions() &&
        expect(TokenKind::Newline))
        raiseHere("expected ':'");
    m_mark = mark;
    expect(TokenKind::KwAsync);
    if (const Token* a = expect(TokenKind::KwFor)) {
        if (starTargets() && expect(TokenKind::KwIn) && starExpressions() && expect(TokenKind::Colon) &&
            expect(TokenKind::Newline) && !check(TokenKind::Indent))
            raiseIndentation("expected an indented block after 'for' statement on line " +
                             std::to_string(a->line));
    }
    m_mark = mark;
}

// invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
void Parser::invalidDefRaw() {
    Depth d(*this);
    const int mark = m_mark;
    expect(TokenKind::KwAsync);
    if (const Token* a = expect(TokenKind::KwDef)) {
        if (expect(TokenKind::Name) && expect(TokenKind::LPar)) {
            int m = m_mark;
            if (!params()) m_mark = m;
            if (expect(TokenKind::RPar)) {
                m = m_mark;
                if (!(expect(TokenKind::RArrow) && expression())) m_mark = m;
                if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
                    raiseIndentation("expected an indented block after function definition on line " +
                                     std::to_string(a->line));
            }
        }
    }
    m_mark = mark;
}

// invalid_class_def_raw:
//     | 'class' NAME ['(' [arguments] ')'] NEWLINE
//     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
void Parser::invalidClassDefRaw() {
    Depth d(*this);
    const int mark = m_mark;
    auto optArguments = [&] {
        const int m = m_mark;
        if (expect(TokenKind::LPar)) {
            const int m2 = m_mark;
            if (!arguments()) m_mark = m2;
            if (expect(TokenKind::RPar)) return;
        }
        m_mark = m;
    };
    if (expect(TokenKind::KwClass) && expect(TokenKind::Name)) {
        optArguments();
        if (expect(TokenKind::Newline)) raiseHere("expected ':'");
    }
    m_mark = mark;
    if (const Token* a = expect(TokenKind::KwClass)) {
        if (expect(TokenKind::Name)) {
            optArguments();
            if (expect(TokenKind::Colon) && expect(TokenKind::Newline) && !check(TokenKind::Indent))
                raiseIndentation("expected an indented block after class definition on line " +
                                 std::to_string(a->line));
        }
    }
    m_mark = mark;
}

// invalid_double_starred_kvpairs:
//     | ','.double_starred_kvpair+ ',' invalid_kvpair
//     | expression ':' '*' bitwise_or
//     | expression ':' &('}'|',')
void Parser::invalidDoubleStarredKvpairs() {
    Depth d(*this);
    const int mark = m_mark;
    {
        Expr* k;
        Expr* v;
        if (doubleStarredKvpair(k, v)) {
            for (;;) {
                const int m = m_mark;
                if (!expect(TokenKind::Comma) || !doubleStarredKvpair(k, v)) {
                    m_mark = m;
                    break;
                }
            }
            if (expect(TokenKind::Comma)) invalidKvpair();
        }
    }
    m_mark = mark;
    if (expression() && expect(TokenKind::Colon)) {
        if (const Token* a = expect(TokenKind::Star)) {
            if (bitwiseOr())
                raiseStartingFrom(tokPos(*a), "cannot use a starred expression in a dictionary value");
        }
    }
    m_mark = mark;
    if (expression()) {
        if (const Token* a = expect(TokenKind::Colon)) {
            if (check(TokenKind::RBrace) || check(TokenKind::Comma))
                raiseAt(tokPos(*a), "expression expected after dictionary key and ':'");
        }
    }
    m_mark = mark;
}

// invalid_kvpair:
//     | expression !(':')
//     | expression ':' '*' bitwise_or
//     | expression ':' &('}'|',')
void Parser::invalidKvpair() {
    Depth d(*this);
    const int mark = m_mark;
    if (Expr* a = expression()) {
        if (!check(TokenKind::Colon))
            raiseKnown("SyntaxError", "':' expected after dictionary key", a->pos.line, a->pos.endCol,
                       a->pos.endLine, 0);
    }
    m_mark = mark;
    if (expression() && expect(TokenKind::Colon)) {
        if (const Token* a = expect(TokenKind::Star)) {
            if (bitwiseOr())
                raiseStartingFrom(tokPos(*a), "cannot use a starred expression in a dictionary value");
        }
    }
    m_mark = mark;
    if (expression()) {
        if (const Token* a = expect(TokenKind::Colon)) {
            if (check(TokenKind::RBrace) || check(TokenKind::Comma))
                raiseAt(tokPos(*a), "expression expected after dictionary key and ':'");
        }
    }
    m_mark = mark;
}

// ============================================================== numbers

// NUMBER: CPython's _PyPegen_number_token / parsenumber.
Expr* Parser::number() {
    const int mark = m_mark;
    const Token* t = expect(TokenKind::Number);
    if (!t) return nullptr;
    std::string digits;
    for (char c : text(*t))
        if (c != '_') digits += c;
    auto* c = make<Constant>(extra(mark));
    const char last = digits.back();
    if (last == 'j' || last == 'J') {
        c->constKind = ConstKind::Imaginary;
        c->floatValue = parseDouble(std::string_view(digits).substr(0, digits.size() - 1));
        return c;
    }
    int base = 10;
    std::string_view body = digits;
    if (digits.size() > 1 && digits[0] == '0') {
        const char p = char(digits[1] | 0x20);
        if (p == 'x') base = 16;
        else if (p == 'o') base = 8;
        else if (p == 'b') base = 2;
        if (base != 10) body.remove_prefix(2);
    }
    if (base == 10 && digits.find_first_of(".eE") != std::string::npos) {
        c->constKind = ConstKind::Float;
        c->floatValue = parseDouble(digits);
        return c;
    }
    if (base == 10) {
        const size_t nonzero = body.find_first_not_of('0');
        body = nonzero == std::string_view::npos ? std::string_view("0") : body.substr(nonzero);
        if (body.size() > 4300) {
            raiseKnown("SyntaxError",
                       "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                           std::to_string(digits.size()) +
                           " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                           "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                       t->line, 0, t->endLine, 0);
        }
    }
    uint64_t value = 0;
    bool overflow = false;
    for (char ch : body) {
        const int dgt = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        if (value > (uint64_t(INT64_MAX) - uint64_t(dgt)) / uint64_t(base)) {
            overflow = true;
            break;
        }
        value = value * uint64_t(base) + uint64_t(dgt);
    }
    if (!overflow) {
        c->constKind = ConstKind::Int;
        c->intValue = int64_t(value);
    } else {
        c->constKind = ConstKind::BigInt;
        c->text = base == 10 ? std::string(body) : toDecimal(body, base);
    }
    return c;
}

// ============================================================== strings
//
// A port of CPython 3.11's Parser/string_parser.c: prefixes, escapes,
// implicit concatenation and f-strings (replacement fields are compiled by a
// nested Parser on "(" + expression + ")").

namespace {

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hexValue(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

// One literal's content, decoded. Errors are raised through the parser.
class FStringParser {
public:
    explicit FStringParser(Parser& p) : m_p(p) {}

    // CPython's decode_unicode_with_escapes: the text with its escapes
    // decoded, as UTF-8. Error positions count as CPython's do, in the buffer
    // where each non-ASCII character was replaced by a 10-byte \U escape.
    std::string decodeUnicode(std::string_view s) {
        std::string out;
        out.reserve(s.size());
        size_t i = 0;
        long pos = 0;  // position in CPython's transformed buffer
        while (i < s.size()) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) {
                const size_t start = i;
                ++i;
                while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
                out.append(s.substr(start, i - start));
                pos += 10;
                continue;
            }
            if (c != '\\') {
                out += char(c);
                ++i;
                ++pos;
                continue;
            }
            const long escStart = pos;
            ++i;
            ++pos;
            if (i >= s.size() || static_cast<unsigned char>(s[i]) >= 0x80) {
                out += '\\';  // CPython writes "\u005c": a lone backslash
                pos += 5;
                continue;
            }
            const char e = s[i++];
            ++pos;
            switch (e) {
            case '\n': break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 'v': out += '\v'; break;
            case 'a': out += '\a'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                char32_t ch = char32_t(e - '0');
                if (i < s.size() && s[i] >= '0' && s[i] <= '7') {
                    ch = (ch << 3) + char32_t(s[i++] - '0');
                    ++pos;
                    if (i < s.size() && s[i] >= '0' && s[i] <= '7') {
                        ch = (ch << 3) + char32_t(s[i++] - '0');
                        ++pos;
                    }
                }
                appendUtf8(out, ch);
                break;
            }
            case 'x':
            case 'u':
            case 'U': {
                int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                const char* message = e == 'x' ? "truncated \\xXX escape"
                                      : e == 'u' ? "truncated \\uXXXX escape"
                                                 : "truncated \\UXXXXXXXX escape";
                char32_t ch = 0;
                for (; count; --count) {
                    if (i >= s.size() || !isHex(s[i])) unicodeError(s, escStart, pos, message);
                    ch = (ch << 4) + char32_t(hexValue(s[i++]));
                    ++pos;
                }
                if (ch > 0x10FFFF) unicodeError(s, escStart, pos, "illegal Unicode character");
                appendUtf8(out, ch);
                break;
            }
            case 'N': {
                const char* message = "malformed \\N character escape";
                if (i < s.size() && s[i] == '{') {
                    const size_t start = ++i;
                    ++pos;
                    while (i < s.size() && s[i] != '}') {
                        ++i;
                        ++pos;
                    }
                    if (i < s.size() && i > start) {
                        ++i;
                        ++pos;
                        message = "\\N{...} escapes are not supported by asyncscope";
                    }
                }
                unicodeError(s, escStart, pos, message);
            }
            default:
                out += '\\';
                out += e;
                break;
            }
        }
        return out;
    }

    // The UnicodeDecodeError of the 'unicodeescape' codec, as CPython turns it
    // into a SyntaxError.
    [[noreturn]] void unicodeError(std::string_view s, long start, long end, const char* message) {
        std::string msg = "(unicode error) 'unicodeescape' codec can't decode ";
        if (end - start == 1) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(s[size_t(start)]));
            msg += std::string("byte 0x") + hex + " in position " + std::to_string(start);
        } else {
            msg += "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
        }
        m_p.raiseHere(msg + ": " + message);
    }

    // CPython's decode_bytes_with_escapes (_PyBytes_DecodeEscape).
    std::string decodeBytes(std::string_view s) {
        std::string out;
        size_t i = 0;
        while (i < s.size()) {
            if (s[i] != '\\') {
                out += s[i++];
                continue;
            }
            const size_t escStart = i;
            ++i;
            if (i >= s.size()) m_p.raiseHere("(value error) Trailing \\ in string");
            const char e = s[i++];
            switch (e) {
            case '\n': break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 'v': out += '\v'; break;
            case 'a': out += '\a'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int c = e - '0';
                if (i < s.size() && s[i] >= '0' && s[i] <= '7') {
                    c = (c << 3) + (s[i++] - '0');
                    if (i < s.size() && s[i] >= '0' && s[i] <= '7') c = (c << 3) + (s[i++] - '0');
                }
                out += char(c & 0xFF);
                break;
            }
            case 'x':
                if (i + 1 < s.size() && isHex(s[i]) && isHex(s[i + 1])) {
                    out += char((hexValue(s[i]) << 4) + hexValue(s[i + 1]));
                    i += 2;
                    break;
                }
                m_p.raiseHere("(value error) invalid \\x escape at position " + std::to_string(escStart));
            default:
                out += '\\';
                out += e;
                break;
            }
        }
        return out;
    }

    // _PyPegen_concatenate_strings.
    Expr* concatenate(int first, int last) {
        const Token& firstTok = m_p.m_tokens[size_t(first)];
        const Token& lastTok = m_p.m_tokens[size_t(last)];
        m_first = &firstTok;
        m_last = &lastTok;
        bool bytesmode = false;
        std::string bytes;
        for (int i = first; i <= last; ++i) {
            const Token& t = m_p.m_tokens[size_t(i)];
            std::string_view s = m_p.text(t);
            bool thisBytes = false, raw = false, fmode = false;
            while (!s.empty() && s[0] != '\'' && s[0] != '"') {
                const char p = char(s[0] | 0x20);
                if (p == 'b') thisBytes = true;
                else if (p == 'r') raw = true;
                else if (p == 'f') fmode = true;
                s.remove_prefix(1);
            }
            const char quote = s[0];
            s.remove_prefix(1);
            s.remove_suffix(1);
            if (s.size() >= 4 && s[0] == quote && s[1] == quote) {
                s.remove_prefix(2);
                s.remove_suffix(2);
            }
            if (!fmode && thisBytes) {
                for (char ch : s)
                    if (static_cast<unsigned char>(ch) >= 0x80)
                        m_p.raiseAt(Parser::tokPos(t), "bytes can only contain ASCII literal characters");
            }
            std::string value;
            if (!fmode) {
                const bool plain = raw || s.find('\\') == std::string_view::npos;
                value = plain ? std::string(s) : thisBytes ? decodeBytes(s) : decodeUnicode(s);
            }
            if (i != first && bytesmode != thisBytes) m_p.raiseHere("cannot mix bytes and nonbytes literals");
            bytesmode = thisBytes;
            if (fmode) {
                m_fmode = true;
                const char* str = s.data();
                concatFString(str, s.data() + s.size(), raw, 0, t);
            } else if (bytesmode) {
                bytes += value;
            } else {
                concatLiteral(value);
            }
        }
        if (bytesmode) {
            auto* c = m_p.make<Constant>(span(firstTok, lastTok));
            c->constKind = ConstKind::Bytes;
            c->text = std::move(bytes);
            return c;
        }
        return finish(firstTok, lastTok);
    }

private:
    static Pos span(const Token& a, const Token& b) { return Pos{a.line, a.col, b.endLine, b.endCol}; }

    void concatLiteral(const std::string& s) {
        if (s.empty()) return;
        m_lastStr += s;
        m_hasLastStr = true;
    }

    Constant* makeStr(const Token& first, const Token& last) {
        auto* c = m_p.make<Constant>(span(first, last));
        c->constKind = ConstKind::Str;
        c->text = std::move(m_lastStr);
        m_lastStr.clear();
        m_hasLastStr = false;
        return c;
    }

    // _PyPegen_FstringParser_Finish
    Expr* finish(const Token& first, const Token& last) {
        if (!m_fmode) {
            auto* c = m_p.make<Constant>(span(first, last));
            c->constKind = ConstKind::Str;
            c->text = std::move(m_lastStr);
            return c;
        }
        if (m_hasLastStr) m_exprs.push_back(makeStr(first, last));
        auto* j = m_p.make<JoinedStr>(span(first, last));
        j->values = std::move(m_exprs);
        m_exprs.clear();
        return j;
    }

    // fstring_find_literal: returns 1 when a doubled brace ends the literal.
    int findLiteral(const char*& str, const char* end, bool raw, std::string& literal, int recurseLvl) {
        const char* s = str;
        const char* literalStart = s;
        int result = 0;
        while (s < end) {
            char ch = *s++;
            if (!raw && ch == '\\' && s < end) {
                ch = *s++;
                if (ch == 'N') {
                    if (s < end && *s++ == '{') {
                        while (s < end && *s++ != '}') {
                        }
                        continue;
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (recurseLvl == 0) {
                    if (s < end && *s == ch) {
                        str = s + 1;
                        result = 1;
                        goto done;
                    }
                    if (ch == '}') {
                        str = s - 1;
                        m_p.raiseHere("f-string: single '}' is not allowed");
                    }
                }
                s--;
                break;
            }
        }
        str = s;
    done:
        if (literalStart != s) {
            std::string_view piece(literalStart, size_t(s - literalStart));
            literal = raw ? std::string(piece) : decodeUnicode(piece);
        }
        return result;
    }

    // fstring_find_expr: parses one replacement field starting at '{'.
    FormattedValue* findExpr(const char*& str, const char* end, bool raw, int recurseLvl,
                             std::string& exprText, bool& hasExprText, const Token& t) {
        char quoteChar = 0;
        int stringType = 0;
        int nestedDepth = 0;
        char parenStack[200];
        hasExprText = false;
        if (recurseLvl >= 2) m_p.raiseHere("f-string: expressions nested too deeply");
        str += 1;
        const char* exprStart = str;
        for (; str < end; str++) {
            const char ch = *str;
            if (ch == '\\') m_p.raiseHere("f-string expression part cannot include a backslash");
            if (quoteChar) {
                if (ch == quoteChar) {
                    if (stringType == 3) {
                        if (str + 2 < end && str[1] == ch && str[2] == ch) {
                            str += 2;
                            stringType = 0;
                            quoteChar = 0;
                            continue;
                        }
                    } else {
                        quoteChar = 0;
                        stringType = 0;
                        continue;
                    }
                }
            } else if (ch == '\'' || ch == '"') {
                if (str + 2 < end && str[1] == ch && str[2] == ch) {
                    stringType = 3;
                    str += 2;
                } else {
                    stringType = 1;
                }
                quoteChar = ch;
            } else if (ch == '[' || ch == '{' || ch == '(') {
                if (nestedDepth >= 200) m_p.raiseHere("f-string: too many nested parenthesis");
                parenStack[nestedDepth++] = ch;
            } else if (ch == '#') {
                m_p.raiseHere("f-string expression part cannot include '#'");
            } else if (nestedDepth == 0 &&
                       (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
                if (str + 1 < end) {
                    const char next = str[1];
                    if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                        (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                        str += 1;
                        continue;
                    }
                }
                if (ch == '>' || ch == '<') continue;
                break;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                if (!nestedDepth) m_p.raiseHere(std::string("f-string: unmatched '") + ch + "'");
                nestedDepth--;
                const char opening = parenStack[nestedDepth];
                if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                      (opening == '{' && ch == '}')))
                    m_p.raiseHere(std::string("f-string: closing parenthesis '") + ch +
                                  "' does not match opening parenthesis '" + opening + "'");
            }
        }
        const char* exprEnd = str;
        if (quoteChar) m_p.raiseHere("f-string: unterminated string");
        if (nestedDepth) m_p.raiseHere(std::string("f-string: unmatched '") + parenStack[nestedDepth - 1] + "'");
        if (str >= end) m_p.raiseHere("f-string: expecting '}'");

        Expr* simple = m_p.fstringCompileExpr(exprStart, exprEnd, t);

        if (*str == '=') {
            str += 1;
            while (*str == ' ' || *str == '\t' || *str == '\n' || *str == '\r' || *str == '\f' ||
                   *str == '\v')
                str += 1;
            if (str >= end) m_p.raiseHere("f-string: expecting '}'");
            exprText.assign(exprStart, size_t(str - exprStart));
            hasExprText = true;
        }
        int conversion = -1;
        if (*str == '!') {
            str += 1;
            if (str >= end) m_p.raiseHere("f-string: expecting '}'");
            conversion = static_cast<unsigned char>(*str);
            str += 1;
            if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
                m_p.raiseHere("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        Expr* formatSpec = nullptr;
        if (str < end && *str == ':') {
            str += 1;
            if (str >= end) m_p.raiseHere("f-string: expecting '}'");
            formatSpec = parse(str, end, raw, recurseLvl + 1, t);
        }
        if (str >= end || *str != '}') m_p.raiseHere("f-string: expecting '}'");
        str += 1;
        if (hasExprText && !formatSpec && conversion == -1) conversion = 'r';
        auto* fv = m_p.make<FormattedValue>(span(*m_first, *m_last));
        fv->value = simple;
        fv->conversion = conversion;
        fv->formatSpec = formatSpec;
        return fv;
    }

    // _PyPegen_FstringParser_ConcatFstring
    void concatFString(const char*& str, const char* end, bool raw, int recurseLvl, const Token& t) {
        for (;;) {
            std::string literal;
            std::string exprText;
            bool hasExprText = false;
            FormattedValue* expression = nullptr;
            const int result = findLiteral(str, end, raw, literal, recurseLvl);
            if (result == 0 && !(str >= end || *str == '}'))
                expression = findExpr(str, end, raw, recurseLvl, exprText, hasExprText, t);
            concatLiteral(literal);
            if (hasExprText) concatLiteral(exprText);
            if (result == 1) continue;
            if (!expression) break;
            if (m_hasLastStr) m_exprs.push_back(makeStr(*m_first, *m_last));
            m_exprs.push_back(expression);
        }
        if (recurseLvl == 0 && str < end - 1) m_p.raiseHere("f-string: unexpected end of string");
        if (recurseLvl != 0 && (str >= end || *str != '}')) m_p.raiseHere("f-string: expecting '}'");
    }

    // fstring_parse: a format spec, as a JoinedStr located at token t.
    Expr* parse(const char*& str, const char* end, bool raw, int recurseLvl, const Token& t) {
        FStringParser nested(m_p);
        nested.m_first = m_first;
        nested.m_last = m_last;
        nested.m_fmode = true;
        nested.concatFString(str, end, raw, recurseLvl, t);
        return nested.finish(t, t);
    }

    Parser& m_p;
    const Token* m_first = nullptr;
    const Token* m_last = nullptr;
    bool m_fmode = false;
    std::string m_lastStr;
    bool m_hasLastStr = false;
    std::vector<Expr*> m_exprs;
};

}  // namespace

Expr* Parser::concatenateStrings(int first, int last) {
    FStringParser fp(*this);
    return fp.concatenate(first, last);
}

// fstring_compile_expr: the expression between exprStart and exprEnd, parsed
// as "(" expression ")" by a nested parser whose token positions are shifted
// to where the expression sits in the file.
Expr* Parser::fstringCompileExpr(const char* exprStart, const char* exprEnd, const Token& t) {
    const char* s = exprStart;
    while (s != exprEnd && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) ++s;
    if (s == exprEnd) {
        if (*exprEnd == '!' || *exprEnd == ':' || *exprEnd == '=')
            raiseHere(std::string("f-string: expression required before '") + *exprEnd + "'");
        raiseHere("f-string: empty expression not allowed");
    }
    // fstring_find_expr_location
    const char* tokenStart = m_ts.buffer.data() + t.begin;
    const char* brace = exprStart - 1;
    int lines = 0;
    int cols = 0;
    bool newlineAfterBrace = true;
    for (const char* p = brace + 1; p < exprEnd && *p != '}' && *p != '\n'; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\f') {
            newlineAfterBrace = false;
            break;
        }
    }
    if (!newlineAfterBrace) {
        const char* p = brace;
        while (p > tokenStart && *p != '\n') --p;
        cols += int(brace - p);
        if (*p == '\n') cols -= 1;
    }
    for (const char* p = tokenStart; p < brace; ++p)
        if (*p == '\n') ++lines;

    std::string source;
    source.reserve(size_t(exprEnd - exprStart) + 3);
    source += '(';
    source.append(exprStart, size_t(exprEnd - exprStart));
    source += ')';
    LexOptions options;
    options.filename = m_ts.filename;
    options.fileInput = false;
    options.firstLine = t.line + lines;
    const int shift = lines != 0 ? cols : t.col + cols;
    options.firstLineColShift = shift;
    const TokenStream stream = tokenize(source, options);
    Parser sub(stream, m_arena, Mode::FString, shift, m_totalDepth, m_warnings);
    SyntaxError error;
    Expr* e = sub.parseFString(error);
    if (!e) raise(std::move(error));
    return e;
}

// ============================================================ the passes

// _PyPegen_run_parser and _PyPegen_set_syntax_error: a plain pass; on
// failure a second pass with the invalid rules; then the error CPython
// would report.
bool Parser::parseFile(std::vector<Stmt*>& body, SyntaxError& error) {
    try {
        if (file(body)) return true;
    } catch (const ParseAbort&) {
    }
    if (!m_error) {
        const int lastToken = std::max(0, m_fill - 1);
        resetForSecondPass();
        std::vector<Stmt*> ignored;
        try {
            file(ignored);
        } catch (const ParseAbort&) {
        }
        if (!m_error) {
            error = resolveError(lastToken);
            return false;
        }
    }
    error = (m_errorFromTokenizer || m_errorIsMemory) ? *m_error : checkRestOfSource(*m_error);
    return false;
}

Expr* Parser::parseFString(SyntaxError& error) {
    Expr* result = nullptr;
    try {
        Depth rule(*this);  // fstring: star_expressions
        result = starExpressions();
        if (result) return result;
    } catch (const ParseAbort&) {
    }
    if (!m_error) {
        const int lastToken = std::max(0, m_fill - 1);
        resetForSecondPass();
        try {
            Depth rule(*this);
            starExpressions();
        } catch (const ParseAbort&) {
        }
        if (!m_error) {
            error = resolveError(lastToken);
            return nullptr;
        }
    }
    error = (m_errorFromTokenizer || m_errorIsMemory) ? *m_error : checkRestOfSource(*m_error);
    return nullptr;
}

// No specific error in either pass: "unexpected indent" on an INDENT,
// otherwise a generic "invalid syntax" at the furthest token of the first pass.
SyntaxError Parser::resolveError(int firstPassLastToken) {
    const Token& last = m_tokens[size_t(firstPassLastToken)];
    try {
        if (last.kind == TokenKind::Indent) raiseIndentation("unexpected indent");
        if (last.kind == TokenKind::Dedent) raiseIndentation("unexpected unindent");
        raiseKnown("SyntaxError", "invalid syntax", last.line, last.col + 1, last.endLine, last.endCol + 1);
    } catch (const ParseAbort&) {
    }
    if (last.kind == TokenKind::Indent || last.kind == TokenKind::Dedent) return *m_error;
    return checkRestOfSource(*m_error);
}

// _PyPegen_tokenize_full_source_to_check_for_errors: an error the tokenizer
// raises later in the source replaces a parser error; otherwise a bracket
// still open at the tokenizer's stop, opened before the error's line, does.
SyntaxError Parser::checkRestOfSource(SyntaxError current) {
    issueWarnings(int(m_tokens.size()));
    if (!m_ts.error) return current;
    const LexError& lex = *m_ts.error;
    if (lex.raisedByTokenizer) return lex.error;
    const int fetched = std::min(m_fill, int(m_tokens.size()));
    const int currentLine = fetched > 0 ? m_tokens[size_t(fetched - 1)].line : 0;
    if (lex.openBrackets > 0 && currentLine > lex.innermostLine) {
        return m_ts.parserError("SyntaxError",
                                std::string("'") + lex.innermostBracket + "' was never closed",
                                lex.innermostLine, lex.innermostCol + 1, lex.innermostLine, 0);
    }
    return current;
}

// ===================================================== after the parser
//
// The errors CPython raises after parsing, in its order: the AST optimizer's
// recursion limit, then the symbol table's errors, then the compiler's.

namespace {

// Calls f(child) for every expression directly below `e` (through
// comprehensions, arguments and keywords, which are not expressions).
template <typename F>
void forEachChild(Expr* e, F&& f) {
    auto args = [&](Arguments* a) {
        if (!a) return;
        for (Arg* x : a->posonlyargs)
            if (x->annotation) f(x->annotation);
        for (Arg* x : a->args)
            if (x->annotation) f(x->annotation);
        if (a->vararg && a->vararg->annotation) f(a->vararg->annotation);
        for (Arg* x : a->kwonlyargs)
            if (x->annotation) f(x->annotation);
        for (Expr* d : a->kwDefaults)
            if (d) f(d);
        if (a->kwarg && a->kwarg->annotation) f(a->kwarg->annotation);
        for (Expr* d : a->defaults) f(d);
    };
    switch (e->kind) {
    case ExprKind::BoolOp:
        for (Expr* v : static_cast<BoolOp*>(e)->values) f(v);
        break;
    case ExprKind::NamedExpr:
        f(static_cast<NamedExpr*>(e)->target);
        f(static_cast<NamedExpr*>(e)->value);
        break;
    case ExprKind::BinOp:
        f(static_cast<BinOp*>(e)->left);
        f(static_cast<BinOp*>(e)->right);
        break;
    case ExprKind::UnaryOp: f(static_cast<UnaryOp*>(e)->operand); break;
    case ExprKind::Lambda:
        args(static_cast<Lambda*>(e)->args);
        f(static_cast<Lambda*>(e)->body);
        break;
    case ExprKind::IfExp:
        f(static_cast<IfExp*>(e)->test);
        f(static_cast<IfExp*>(e)->body);
        f(static_cast<IfExp*>(e)->orelse);
        break;
    case ExprKind::Dict: {
        auto* d = static_cast<Dict*>(e);
        for (size_t i = 0; i < d->values.size(); ++i) {
            if (d->keys[i]) f(d->keys[i]);
            f(d->values[i]);
        }
        break;
    }
    case ExprKind::Set:
        for (Expr* v : static_cast<Set*>(e)->elts) f(v);
        break;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: {
        auto* c = static_cast<Comp*>(e);
        if (c->elt) f(c->elt);
        if (c->key) f(c->key);
        if (c->value) f(c->value);
        for (Comprehension* g : c->generators) {
            f(g->target);
            f(g->iter);
            for (Expr* i : g->ifs) f(i);
        }
        break;
    }
    case ExprKind::Await: f(static_cast<Await*>(e)->value); break;
    case ExprKind::Yield:
        if (static_cast<Yield*>(e)->value) f(static_cast<Yield*>(e)->value);
        break;
    case ExprKind::YieldFrom: f(static_cast<YieldFrom*>(e)->value); break;
    case ExprKind::Compare:
        f(static_cast<Compare*>(e)->left);
        for (Expr* c : static_cast<Compare*>(e)->comparators) f(c);
        break;
    case ExprKind::Call:
        f(static_cast<Call*>(e)->func);
        for (Expr* a : static_cast<Call*>(e)->args) f(a);
        for (Keyword* k : static_cast<Call*>(e)->keywords) f(k->value);
        break;
    case ExprKind::FormattedValue:
        f(static_cast<FormattedValue*>(e)->value);
        if (static_cast<FormattedValue*>(e)->formatSpec) f(static_cast<FormattedValue*>(e)->formatSpec);
        break;
    case ExprKind::JoinedStr:
        for (Expr* v : static_cast<JoinedStr*>(e)->values) f(v);
        break;
    case ExprKind::Attribute: f(static_cast<Attribute*>(e)->value); break;
    case ExprKind::Subscript:
        f(static_cast<Subscript*>(e)->value);
        f(static_cast<Subscript*>(e)->slice);
        break;
    case ExprKind::Starred: f(static_cast<Starred*>(e)->value); break;
    case ExprKind::List:
    case ExprKind::Tuple:
        for (Expr* v : static_cast<ListOrTuple*>(e)->elts) f(v);
        break;
    case ExprKind::Slice: {
        auto* s = static_cast<Slice*>(e);
        if (s->lower) f(s->lower);
        if (s->upper) f(s->upper);
        if (s->step) f(s->step);
        break;
    }
    case ExprKind::Constant:
    case ExprKind::Name: break;
    }
}

// Calls fe(expr) and fs(stmt) for every expression and statement directly
// below `s`.
template <typename FE, typename FS>
void forEachChild(Stmt* s, FE&& fe, FS&& fs) {
    auto body = [&](const std::vector<Stmt*>& b) {
        for (Stmt* x : b) fs(x);
    };
    auto args = [&](Arguments* a) {
        for (Arg* x : a->posonlyargs)
            if (x->annotation) fe(x->annotation);
        for (Arg* x : a->args)
            if (x->annotation) fe(x->annotation);
        if (a->vararg && a->vararg->annotation) fe(a->vararg->annotation);
        for (Arg* x : a->kwonlyargs)
            if (x->annotation) fe(x->annotation);
        for (Expr* d : a->kwDefaults)
            if (d) fe(d);
        if (a->kwarg && a->kwarg->annotation) fe(a->kwarg->annotation);
        for (Expr* d : a->defaults) fe(d);
    };
    switch (s->kind) {
    case StmtKind::FunctionDef: {
        auto* f = static_cast<FunctionDef*>(s);
        for (Expr* d : f->decorators) fe(d);
        args(f->args);
        if (f->returns) fe(f->returns);
        body(f->body);
        break;
    }
    case StmtKind::ClassDef: {
        auto* c = static_cast<ClassDef*>(s);
        for (Expr* d : c->decorators) fe(d);
        for (Expr* b : c->bases) fe(b);
        for (Keyword* k : c->keywords) fe(k->value);
        body(c->body);
        break;
    }
    case StmtKind::Return:
        if (static_cast<Return*>(s)->value) fe(static_cast<Return*>(s)->value);
        break;
    case StmtKind::Delete:
        for (Expr* t : static_cast<Delete*>(s)->targets) fe(t);
        break;
    case StmtKind::Assign:
        for (Expr* t : static_cast<Assign*>(s)->targets) fe(t);
        fe(static_cast<Assign*>(s)->value);
        break;
    case StmtKind::AugAssign:
        fe(static_cast<AugAssign*>(s)->target);
        fe(static_cast<AugAssign*>(s)->value);
        break;
    case StmtKind::AnnAssign: {
        auto* a = static_cast<AnnAssign*>(s);
        fe(a->target);
        fe(a->annotation);
        if (a->value) fe(a->value);
        break;
    }
    case StmtKind::For: {
        auto* f = static_cast<For*>(s);
        fe(f->target);
        fe(f->iter);
        body(f->body);
        body(f->orelse);
        break;
    }
    case StmtKind::While:
        fe(static_cast<While*>(s)->test);
        body(static_cast<While*>(s)->body);
        body(static_cast<While*>(s)->orelse);
        break;
    case StmtKind::If:
        fe(static_cast<If*>(s)->test);
        body(static_cast<If*>(s)->body);
        body(static_cast<If*>(s)->orelse);
        break;
    case StmtKind::With:
        for (WithItem* w : static_cast<With*>(s)->items) {
            fe(w->contextExpr);
            if (w->optionalVars) fe(w->optionalVars);
        }
        body(static_cast<With*>(s)->body);
        break;
    case StmtKind::Raise:
        if (static_cast<Raise*>(s)->exc) fe(static_cast<Raise*>(s)->exc);
        if (static_cast<Raise*>(s)->cause) fe(static_cast<Raise*>(s)->cause);
        break;
    case StmtKind::Try: {
        auto* t = static_cast<Try*>(s);
        body(t->body);
        for (ExceptHandler* h : t->handlers) {
            if (h->type) fe(h->type);
            body(h->body);
        }
        body(t->orelse);
        body(t->finalbody);
        break;
    }
    case StmtKind::Assert:
        fe(static_cast<Assert*>(s)->test);
        if (static_cast<Assert*>(s)->msg) fe(static_cast<Assert*>(s)->msg);
        break;
    case StmtKind::ExprStmt: fe(static_cast<ExprStmt*>(s)->value); break;
    default: break;
    }
}

// astfold_stmt / astfold_expr count one level per statement and expression.
bool deeperThan(Expr* e, int depth);
bool deeperThan(Stmt* s, int depth) {
    if (depth > kMaxAstDepth) return true;
    bool deep = false;
    forEachChild(
        s, [&](Expr* e) { deep = deep || deeperThan(e, depth + 1); },
        [&](Stmt* c) { deep = deep || deeperThan(c, depth + 1); });
    return deep;
}
bool deeperThan(Expr* e, int depth) {
    if (depth > kMaxAstDepth) return true;
    bool deep = false;
    forEachChild(e, [&](Expr* c) { deep = deep || deeperThan(c, depth + 1); });
    return deep;
}

// Whether a function body yields (CPython's ste_generator), not counting
// nested scopes.
bool containsYield(Expr* e) {
    if (e->kind == ExprKind::Yield || e->kind == ExprKind::YieldFrom) return true;
    if (e->kind == ExprKind::Lambda) return false;
    bool found = false;
    if (e->kind == ExprKind::ListComp || e->kind == ExprKind::SetComp || e->kind == ExprKind::DictComp ||
        e->kind == ExprKind::GeneratorExp) {
        found = containsYield(static_cast<Comp*>(e)->generators[0]->iter);
        return found;
    }
    forEachChild(e, [&](Expr* c) { found = found || containsYield(c); });
    return found;
}
bool containsYield(Stmt* s) {
    if (s->kind == StmtKind::FunctionDef) {
        auto* f = static_cast<FunctionDef*>(s);
        for (Expr* d : f->decorators)
            if (containsYield(d)) return true;
        return false;
    }
    if (s->kind == StmtKind::ClassDef) {
        auto* c = static_cast<ClassDef*>(s);
        for (Expr* d : c->decorators)
            if (containsYield(d)) return true;
        for (Expr* b : c->bases)
            if (containsYield(b)) return true;
        return false;
    }
    bool found = false;
    forEachChild(
        s, [&](Expr* e) { found = found || containsYield(e); },
        [&](Stmt* c) { found = found || containsYield(c); });
    return found;
}

// Whether a comprehension's own scope is a coroutine (CPython's ste_coroutine
// after symtable_handle_comprehension): an `async for`, an `await` in its
// scope, or a nested list/set/dict comprehension that is one.
bool awaitsInScope(Expr* e) {
    switch (e->kind) {
    case ExprKind::Await: return true;
    case ExprKind::Lambda: return false;
    case ExprKind::GeneratorExp:
        return awaitsInScope(static_cast<Comp*>(e)->generators[0]->iter);
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp: {
        auto* c = static_cast<Comp*>(e);
        if (awaitsInScope(c->generators[0]->iter)) return true;
        for (Comprehension* g : c->generators)
            if (g->isAsync) return true;
        bool found = false;
        forEachChild(e, [&](Expr* child) {
            if (child != c->generators[0]->iter) found = found || awaitsInScope(child);
        });
        return found;
    }
    default: {
        bool found = false;
        forEachChild(e, [&](Expr* c) { found = found || awaitsInScope(c); });
        return found;
    }
    }
}

bool isAsyncComprehension(Comp* c) {
    for (Comprehension* g : c->generators)
        if (g->isAsync) return true;
    bool found = false;
    forEachChild(c, [&](Expr* child) {
        if (child != c->generators[0]->iter) found = found || awaitsInScope(child);
    });
    return found;
}

// The type of the constant an expression becomes after the AST optimizer's
// constant folding (ast_opt.c), or nullptr when it stays an expression.
const char* foldedType(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Constant:
        switch (static_cast<const Constant*>(e)->constKind) {
        case ConstKind::None: return "NoneType";
        case ConstKind::True:
        case ConstKind::False: return "bool";
        case ConstKind::Ellipsis: return "ellipsis";
        case ConstKind::Int:
        case ConstKind::BigInt: return "int";
        case ConstKind::Float: return "float";
        case ConstKind::Imaginary: return "complex";
        case ConstKind::Str: return "str";
        case ConstKind::Bytes: return "bytes";
        }
        return nullptr;
    case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        return n->ctx == ExprContext::Load && n->id == "__debug__" ? "bool" : nullptr;
    }
    case ExprKind::Tuple: {
        auto* t = static_cast<const ListOrTuple*>(e);
        if (t->ctx != ExprContext::Load) return nullptr;
        for (const Expr* elt : t->elts)
            if (!foldedType(elt)) return nullptr;
        return "tuple";
    }
    case ExprKind::UnaryOp: {
        auto* u = static_cast<const UnaryOp*>(e);
        const char* t = foldedType(u->operand);
        if (!t) return nullptr;
        const std::string_view type = t;
        if (u->op == UnaryOpKind::Not) return "bool";
        if (type == "bool" || type == "int") return "int";
        if (u->op != UnaryOpKind::Invert && (type == "float" || type == "complex")) return t;
        return nullptr;
    }
    case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        const char* lt = foldedType(b->left);
        const char* rt = foldedType(b->right);
        if (!lt || !rt) return nullptr;
        const std::string_view l = lt, r = rt;
        auto numeric = [](std::string_view t) { return t == "bool" || t == "int" || t == "float" || t == "complex"; };
        auto isZero = [](const Expr* x) {
            if (x->kind != ExprKind::Constant) return false;
            auto* c = static_cast<const Constant*>(x);
            return (c->constKind == ConstKind::Int && c->intValue == 0) ||
                   ((c->constKind == ConstKind::Float || c->constKind == ConstKind::Imaginary) && c->floatValue == 0) ||
                   c->constKind == ConstKind::False;
        };
        if (numeric(l) && numeric(r)) {
            if ((b->op == BinOpKind::Div || b->op == BinOpKind::FloorDiv || b->op == BinOpKind::Mod) && isZero(b->right))
                return nullptr;
            if (b->op == BinOpKind::MatMult) return nullptr;
            if (l == "complex" || r == "complex") return "complex";
            if (l == "float" || r == "float" || b->op == BinOpKind::Div) return "float";
            return "int";
        }
        if (b->op == BinOpKind::Add && l == r && (l == "str" || l == "bytes" || l == "tuple")) return lt;
        if (b->op == BinOpKind::Mult && (l == "str" || l == "bytes" || l == "tuple") && (r == "int" || r == "bool")) return lt;
        if (b->op == BinOpKind::Mult && (r == "str" || r == "bytes" || r == "tuple") && (l == "int" || l == "bool")) return rt;
        if (b->op == BinOpKind::Mod && (l == "str" || l == "bytes")) return lt;
        return nullptr;
    }
    default: return nullptr;
    }
}

// CPython's infer_type, on the optimized tree.
const char* inferredType(const Expr* e) {
    if (const char* t = foldedType(e)) return t;
    switch (e->kind) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List:
    case ExprKind::ListComp: return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp: return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "str";
    default: return nullptr;
    }
}

class CompileChecks {
public:
    CompileChecks(const TokenStream& ts, std::vector<SyntaxWarning>& warnings) : m_ts(ts), m_warnings(warnings) {}

    std::optional<SyntaxError> run(const std::vector<Stmt*>& body) {
        for (Stmt* s : body) {
            if (deeperThan(s, 1)) {
                SyntaxError e;
                e.type = "RecursionError";
                e.message = "maximum recursion depth exceeded during compilation";
                return e;
            }
        }
        try {
            enterScope(SymKind::Module);
            for (Stmt* s : body) symtableStmt(s);
            analyze(0, nullptr);
            Unit module{ScopeKind::Module, nullptr, {}};
            for (Stmt* s : body) compileStmt(s, module);
        } catch (const SyntaxError& e) {
            return e;
        }
        return std::nullopt;
    }

private:
    enum class ScopeKind { Module, Class, Function, AsyncFunction, Lambda, Comprehension };
    enum class BlockKind { Loop, ExceptStar, FinallyTry, Other };
    struct Block {
        BlockKind kind;
        const std::vector<Stmt*>* finalbody = nullptr;  // FinallyTry: compiled again when unwinding
    };
    struct Unit {
        ScopeKind kind;
        const std::vector<Stmt*>* body;  // a function's body, to find whether it yields
        std::vector<Block> blocks;
        bool isGenerator() const {
            if (!body) return false;
            for (Stmt* s : *body)
                if (containsYield(s)) return true;
            return false;
        }
    };

    [[noreturn]] void fail(const Pos& p, const std::string& message) const {
        throw m_ts.parserError("SyntaxError", message, p.line, p.col + 1, p.endLine, p.endCol + 1, false);
    }

    // ---- the symbol table's errors (Python/symtable.c)
    //
    // Building the table records what each scope does with each name and
    // raises the errors visible at that point (a `global` after a use, a
    // duplicate parameter, an assignment expression rebinding a comprehension
    // variable, ...); analysing it afterwards raises the errors that need the
    // enclosing scopes (`nonlocal` without a binding).
    enum class SymKind { Module, Function, Class, Comprehension };
    enum SymFlag : int {
        kDefGlobal = 1, kDefLocal = 2, kDefParam = 4, kDefNonlocal = 8, kUse = 16, kDefImport = 32,
        kDefAnnot = 64, kDefCompIter = 128,
        kDefBound = kDefLocal | kDefParam | kDefImport,
    };
    struct SymScope {
        SymScope(SymKind k, int iterExpr) : kind(k), compIterExpr(iterExpr) {}
        SymKind kind;
        ExprKind comprehension = ExprKind::ListComp;  // which one, for Comprehension
        int compIterExpr = 0;         // visiting a comprehension's iterable (inherited by new scopes)
        bool compIterTarget = false;  // visiting a comprehension's target
        std::vector<std::string> names;               // in first-use order
        std::unordered_map<std::string, int> flags;
        std::vector<std::pair<std::string, Pos>> directives;  // global / nonlocal, in order
        std::vector<size_t> children;
        int lookup(const std::string& name) const {
            auto it = flags.find(name);
            return it == flags.end() ? 0 : it->second;
        }
    };

    SymScope& current() { return m_scopes[m_stack.back()]; }

    void enterScope(SymKind kind) {
        const int iterExpr = m_stack.empty() ? 0 : current().compIterExpr;
        m_scopes.emplace_back(kind, iterExpr);
        if (!m_stack.empty()) current().children.push_back(m_scopes.size() - 1);
        m_stack.push_back(m_scopes.size() - 1);
    }
    void exitScope() { m_stack.pop_back(); }

    // symtable_add_def_helper
    void addDef(SymScope& scope, const std::string& name, int flag, const Pos& pos) {
        auto [it, inserted] = scope.flags.try_emplace(name, 0);
        if (inserted) scope.names.push_back(name);
        int& value = it->second;
        if ((flag & kDefParam) && (value & kDefParam))
            fail(pos, "duplicate argument '" + name + "' in function definition");
        value |= flag;
        if (scope.compIterTarget) {
            if (value & (kDefGlobal | kDefNonlocal))
                fail(pos, "comprehension inner loop cannot rebind assignment expression target '" + name + "'");
            value |= kDefCompIter;
        }
    }
    void addDef(const std::string& name, int flag, const Pos& pos) { addDef(current(), name, flag, pos); }

    void symtableParams(Arguments* a) {
        for (Arg* x : a->posonlyargs) addDef(x->name, kDefParam, x->pos);
        for (Arg* x : a->args) addDef(x->name, kDefParam, x->pos);
        for (Arg* x : a->kwonlyargs) addDef(x->name, kDefParam, x->pos);
        if (a->vararg) addDef(a->vararg->name, kDefParam, a->vararg->pos);
        if (a->kwarg) addDef(a->kwarg->name, kDefParam, a->kwarg->pos);
    }

    void symtableArgDefaultsAndAnnotations(Arguments* a, Expr* returns) {
        for (Expr* d : a->defaults) symtableExpr(d);
        for (Expr* d : a->kwDefaults)
            if (d) symtableExpr(d);
        auto ann = [&](Arg* x) {
            if (x && x->annotation) symtableExpr(x->annotation);
        };
        for (Arg* x : a->posonlyargs) ann(x);
        for (Arg* x : a->args) ann(x);
        ann(a->vararg);
        for (Arg* x : a->kwonlyargs) ann(x);
        ann(a->kwarg);
        if (returns) symtableExpr(returns);
    }

    // The checks of the `global` and `nonlocal` statements.
    void symtableDirective(Stmt* s, const std::vector<std::string>& names, bool nonlocal) {
        const std::string kind = nonlocal ? "nonlocal" : "global";
        for (const std::string& name : names) {
            const int cur = current().lookup(name);
            if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
                if (cur & kDefParam) fail(s->pos, "name '" + name + "' is parameter and " + kind);
                if (cur & kUse) fail(s->pos, "name '" + name + "' is used prior to " + kind + " declaration");
                if (cur & kDefAnnot) fail(s->pos, "annotated name '" + name + "' can't be " + kind);
                fail(s->pos, "name '" + name + "' is assigned to before " + kind + " declaration");
            }
            addDef(name, nonlocal ? kDefNonlocal : kDefGlobal, s->pos);
            current().directives.emplace_back(name, s->pos);
        }
    }

    void symtableStmt(Stmt* s) {
        switch (s->kind) {
        case StmtKind::FunctionDef: {
            auto* f = static_cast<FunctionDef*>(s);
            addDef(f->name, kDefLocal, s->pos);
            symtableArgDefaultsAndAnnotations(f->args, f->returns);
            for (Expr* d : f->decorators) symtableExpr(d);
            enterScope(SymKind::Function);
            symtableParams(f->args);
            for (Stmt* b : f->body) symtableStmt(b);
            exitScope();
            return;
        }
        case StmtKind::ClassDef: {
            auto* c = static_cast<ClassDef*>(s);
            addDef(c->name, kDefLocal, s->pos);
            for (Expr* b : c->bases) symtableExpr(b);
            for (Keyword* k : c->keywords) symtableExpr(k->value);
            for (Expr* d : c->decorators) symtableExpr(d);
            enterScope(SymKind::Class);
            for (Stmt* b : c->body) symtableStmt(b);
            exitScope();
            return;
        }
        case StmtKind::AnnAssign: {
            auto* a = static_cast<AnnAssign*>(s);
            if (a->target->kind == ExprKind::Name) {
                const std::string& name = static_cast<Name*>(a->target)->id;
                const int cur = current().lookup(name);
                if ((cur & (kDefGlobal | kDefNonlocal)) && current().kind != SymKind::Module && a->simple)
                    fail(s->pos, "annotated name '" + name + "' can't be " +
                                     ((cur & kDefGlobal) ? "global" : "nonlocal"));
                if (a->simple) addDef(name, kDefAnnot | kDefLocal, a->target->pos);
                else if (a->value) addDef(name, kDefLocal, a->target->pos);
            } else {
                symtableExpr(a->target);
            }
            symtableExpr(a->annotation);
            if (a->value) symtableExpr(a->value);
            return;
        }
        case StmtKind::Try: {
            auto* t = static_cast<Try*>(s);
            for (Stmt* b : t->body) symtableStmt(b);
            for (Stmt* b : t->orelse) symtableStmt(b);
            for (ExceptHandler* h : t->handlers) {
                if (h->type) symtableExpr(h->type);
                if (!h->name.empty()) addDef(h->name, kDefLocal, h->pos);
                for (Stmt* b : h->body) symtableStmt(b);
            }
            for (Stmt* b : t->finalbody) symtableStmt(b);
            return;
        }
        case StmtKind::Import:
        case StmtKind::ImportFrom: {
            const auto& names = s->kind == StmtKind::Import ? static_cast<Import*>(s)->names
                                                            : static_cast<ImportFrom*>(s)->names;
            for (const Alias* a : names) {
                if (a->name == "*") {
                    if (current().kind != SymKind::Module) fail(a->pos, "import * only allowed at module level");
                    continue;
                }
                const std::string& bound = a->asname.empty() ? a->name : a->asname;
                addDef(bound.substr(0, bound.find('.')), kDefImport, a->pos);
            }
            return;
        }
        case StmtKind::Global: symtableDirective(s, static_cast<Global*>(s)->names, false); return;
        case StmtKind::Nonlocal: symtableDirective(s, static_cast<Nonlocal*>(s)->names, true); return;
        default:
            forEachChild(
                s, [&](Expr* e) { symtableExpr(e); }, [&](Stmt* c) { symtableStmt(c); });
            return;
        }
    }

    // symtable_extend_namedexpr_scope: an assignment expression in a
    // comprehension binds in the enclosing function (or module).
    void symtableNamedExprTarget(const Name* target) {
        for (size_t i = m_stack.size(); i-- > 0;) {
            SymScope& scope = m_scopes[m_stack[i]];
            if (scope.kind == SymKind::Comprehension) {
                if (scope.lookup(target->id) & kDefCompIter)
                    fail(target->pos, "assignment expression cannot rebind comprehension iteration variable '" +
                                          target->id + "'");
                continue;
            }
            if (scope.kind == SymKind::Class)
                fail(target->pos, "assignment expression within a comprehension cannot be used in a class body");
            const bool global = scope.kind == SymKind::Module || (scope.lookup(target->id) & kDefGlobal);
            addDef(target->id, global ? kDefGlobal : kDefNonlocal, target->pos);
            current().directives.emplace_back(target->id, target->pos);
            addDef(scope, target->id, scope.kind == SymKind::Module ? kDefGlobal : kDefLocal, target->pos);
            return;
        }
    }

    void symtableComprehensionTarget(Expr* target) {
        current().compIterTarget = true;
        symtableExpr(target);
        current().compIterTarget = false;
    }

    void symtableExpr(Expr* e) {
        switch (e->kind) {
        case ExprKind::Name: {
            auto* n = static_cast<Name*>(e);
            addDef(n->id, n->ctx == ExprContext::Load ? kUse : kDefLocal, e->pos);
            return;
        }
        case ExprKind::NamedExpr: {
            auto* n = static_cast<NamedExpr*>(e);
            if (current().compIterExpr > 0)
                fail(e->pos, "assignment expression cannot be used in a comprehension iterable expression");
            if (current().kind == SymKind::Comprehension) symtableNamedExprTarget(static_cast<Name*>(n->target));
            symtableExpr(n->value);
            symtableExpr(n->target);
            return;
        }
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            if (Expr* v = e->kind == ExprKind::Yield ? static_cast<Yield*>(e)->value
                                                     : static_cast<YieldFrom*>(e)->value)
                symtableExpr(v);
            if (current().kind == SymKind::Comprehension) {
                const ExprKind kind = current().comprehension;
                fail(e->pos, kind == ExprKind::ListComp  ? "'yield' inside list comprehension"
                             : kind == ExprKind::SetComp ? "'yield' inside set comprehension"
                             : kind == ExprKind::DictComp ? "'yield' inside dict comprehension"
                                                          : "'yield' inside generator expression");
            }
            return;
        case ExprKind::Lambda: {
            auto* l = static_cast<Lambda*>(e);
            symtableArgDefaultsAndAnnotations(l->args, nullptr);
            enterScope(SymKind::Function);
            symtableParams(l->args);
            symtableExpr(l->body);
            exitScope();
            return;
        }
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp: {
            // symtable_handle_comprehension
            auto* c = static_cast<Comp*>(e);
            ++current().compIterExpr;
            symtableExpr(c->generators[0]->iter);
            --current().compIterExpr;
            enterScope(SymKind::Comprehension);
            current().comprehension = e->kind;
            symtableComprehensionTarget(c->generators[0]->target);
            for (Expr* i : c->generators[0]->ifs) symtableExpr(i);
            for (size_t g = 1; g < c->generators.size(); ++g) {
                symtableComprehensionTarget(c->generators[g]->target);
                ++current().compIterExpr;
                symtableExpr(c->generators[g]->iter);
                --current().compIterExpr;
                for (Expr* i : c->generators[g]->ifs) symtableExpr(i);
            }
            if (c->value) symtableExpr(c->value);
            if (c->key) symtableExpr(c->key);
            if (c->elt) symtableExpr(c->elt);
            exitScope();
            return;
        }
        default: forEachChild(e, [&](Expr* c) { symtableExpr(c); }); return;
        }
    }

    // analyze_block / analyze_name: `bound` holds the names bound in the
    // enclosing function scopes (null for the module).
    void analyze(size_t index, const std::unordered_set<std::string>* bound) {
        const SymScope& scope = m_scopes[index];
        std::unordered_set<std::string> enclosing;
        if (bound) enclosing = *bound;
        std::unordered_set<std::string> local;
        auto directive = [&](const std::string& name) {
            for (const auto& d : scope.directives)
                if (d.first == name) return d.second;
            return Pos{};
        };
        for (const std::string& name : scope.names) {
            const int flags = scope.lookup(name);
            if (flags & kDefGlobal) {
                if (flags & kDefNonlocal) fail(directive(name), "name '" + name + "' is nonlocal and global");
                enclosing.erase(name);
            } else if (flags & kDefNonlocal) {
                if (!bound) fail(directive(name), "nonlocal declaration not allowed at module level");
                if (!enclosing.count(name)) fail(directive(name), "no binding for nonlocal '" + name + "' found");
            } else if (flags & kDefBound) {
                local.insert(name);
            }
        }
        std::unordered_set<std::string> newBound;
        if (scope.kind == SymKind::Class) {
            newBound = enclosing;
            newBound.insert("__class__");  // implicitly bound for the methods (super())
        } else {
            if (scope.kind == SymKind::Function || scope.kind == SymKind::Comprehension) newBound = local;
            newBound.insert(enclosing.begin(), enclosing.end());
        }
        for (size_t child : scope.children) analyze(child, &newBound);
    }

    // ---- the compiler's errors, in the compiler's order
    void compileBody(const std::vector<Stmt*>& body, Unit& u) {
        for (Stmt* s : body) compileStmt(s, u);
    }

    void compileArgs(Arguments* a, Unit& u) {
        for (Expr* d : a->defaults) compileExpr(d, u);
        for (Expr* d : a->kwDefaults)
            if (d) compileExpr(d, u);
    }

    void compileAnnotations(Arguments* a, Expr* returns, Unit& u) {
        auto ann = [&](Arg* x) {
            if (!x || !x->annotation) return;
            Expr* e = x->annotation;  // `*args: *Ts` unpacks its annotation
            compileExpr(e->kind == ExprKind::Starred ? static_cast<Starred*>(e)->value : e, u);
        };
        for (Arg* x : a->args) ann(x);
        for (Arg* x : a->posonlyargs) ann(x);
        ann(a->vararg);
        for (Arg* x : a->kwonlyargs) ann(x);
        ann(a->kwarg);
        if (returns) compileExpr(returns, u);
    }

    // compiler_unwind_fblock_stack: unwinds to the target (the innermost loop,
    // or the function for 'return'): an except* handler on the way is an
    // error, a `finally` on the way is compiled there again.
    void checkUnwind(const Stmt* s, Unit& u, bool toLoop, const char* outsideMessage) {
        for (size_t i = u.blocks.size(); i-- > 0;) {
            const Block block = u.blocks[i];
            if (block.kind == BlockKind::ExceptStar)
                fail(s->pos, "'break', 'continue' and 'return' cannot appear in an except* block");
            if (toLoop && block.kind == BlockKind::Loop) return;
            if (block.kind == BlockKind::FinallyTry) {
                std::vector<Block> saved(u.blocks.begin() + long(i), u.blocks.end());
                u.blocks.resize(i);
                compileBody(*block.finalbody, u);
                u.blocks.insert(u.blocks.end(), saved.begin(), saved.end());
            }
        }
        if (toLoop) fail(s->pos, outsideMessage);
    }

    void compileStmt(Stmt* s, Unit& u) {
        switch (s->kind) {
        case StmtKind::FunctionDef: {
            auto* f = static_cast<FunctionDef*>(s);
            checkDebugArgs(f->args, s->pos);
            for (Expr* d : f->decorators) compileExpr(d, u);
            compileArgs(f->args, u);
            compileAnnotations(f->args, f->returns, u);
            Unit inner{f->isAsync ? ScopeKind::AsyncFunction : ScopeKind::Function, &f->body, {}};
            compileBody(f->body, inner);
            checkStoredName(f->name, s->pos);
            return;
        }
        case StmtKind::ClassDef: {
            auto* c = static_cast<ClassDef*>(s);
            for (Expr* d : c->decorators) compileExpr(d, u);
            Unit inner{ScopeKind::Class, nullptr, {}};
            compileBody(c->body, inner);
            compileCallArguments(c->bases, c->keywords, u);
            checkStoredName(c->name, s->pos);
            return;
        }
        case StmtKind::Import:
        case StmtKind::ImportFrom: {
            const auto& names = s->kind == StmtKind::Import ? static_cast<Import*>(s)->names
                                                            : static_cast<ImportFrom*>(s)->names;
            for (const Alias* a : names) {
                if (!a->asname.empty()) checkStoredName(a->asname, s->pos);
                else if (a->name != "*") checkStoredName(a->name.substr(0, a->name.find('.')), s->pos);
            }
            return;
        }
        case StmtKind::Return: {
            auto* r = static_cast<Return*>(s);
            const bool function = u.kind == ScopeKind::Function || u.kind == ScopeKind::AsyncFunction ||
                                  u.kind == ScopeKind::Lambda || u.kind == ScopeKind::Comprehension;
            if (!function) fail(s->pos, "'return' outside function");
            if (r->value && u.kind == ScopeKind::AsyncFunction && u.isGenerator())
                fail(s->pos, "'return' with value in async generator");
            if (r->value) compileExpr(r->value, u);
            checkUnwind(s, u, false, nullptr);
            return;
        }
        case StmtKind::Break: checkUnwind(s, u, true, "'break' outside loop"); return;
        case StmtKind::Continue: checkUnwind(s, u, true, "'continue' not properly in loop"); return;
        case StmtKind::Assign: {
            auto* a = static_cast<Assign*>(s);
            compileExpr(a->value, u);
            for (Expr* t : a->targets) compileExpr(t, u);
            return;
        }
        case StmtKind::AnnAssign: {
            auto* a = static_cast<AnnAssign*>(s);
            if (a->value) {
                compileExpr(a->value, u);
                compileExpr(a->target, u);
            }
            if (u.kind == ScopeKind::Module || u.kind == ScopeKind::Class) compileExpr(a->annotation, u);
            return;
        }
        case StmtKind::For: {
            auto* f = static_cast<For*>(s);
            if (f->isAsync && u.kind != ScopeKind::AsyncFunction) fail(s->pos, "'async for' outside async function");
            compileExpr(f->iter, u);
            compileExpr(f->target, u);
            u.blocks.push_back(Block{BlockKind::Loop});
            compileBody(f->body, u);
            u.blocks.pop_back();
            compileBody(f->orelse, u);
            return;
        }
        case StmtKind::While: {
            auto* w = static_cast<While*>(s);
            compileExpr(w->test, u);
            u.blocks.push_back(Block{BlockKind::Loop});
            compileBody(w->body, u);
            u.blocks.pop_back();
            compileBody(w->orelse, u);
            return;
        }
        case StmtKind::With: {
            auto* w = static_cast<With*>(s);
            if (w->isAsync && u.kind != ScopeKind::AsyncFunction) fail(s->pos, "'async with' outside async function");
            for (WithItem* item : w->items) {
                compileExpr(item->contextExpr, u);
                if (item->optionalVars) compileExpr(item->optionalVars, u);
            }
            u.blocks.push_back(Block{BlockKind::Other});
            compileBody(w->body, u);
            u.blocks.pop_back();
            return;
        }
        case StmtKind::Try: {
            // compiler_try_finally around compiler_try_except / _try_star_except;
            // the finally body is compiled twice (normal and exceptional exit).
            auto* t = static_cast<Try*>(s);
            const bool hasFinally = !t->finalbody.empty();
            if (hasFinally) u.blocks.push_back(Block{BlockKind::FinallyTry, &t->finalbody});
            u.blocks.push_back(Block{BlockKind::Other});
            compileBody(t->body, u);
            u.blocks.pop_back();
            if (!t->isStar) compileBody(t->orelse, u);
            for (size_t i = 0; i < t->handlers.size(); ++i) {
                ExceptHandler* h = t->handlers[i];
                if (!h->type && i + 1 < t->handlers.size()) fail(h->pos, "default 'except:' must be last");
                if (h->type) compileExpr(h->type, u);
                u.blocks.push_back(Block{t->isStar ? BlockKind::ExceptStar : BlockKind::Other});
                compileBody(h->body, u);
                u.blocks.pop_back();
            }
            if (t->isStar) compileBody(t->orelse, u);
            if (hasFinally) {
                u.blocks.pop_back();
                compileBody(t->finalbody, u);
                u.blocks.push_back(Block{BlockKind::Other});
                compileBody(t->finalbody, u);
                u.blocks.pop_back();
            }
            return;
        }
        case StmtKind::Assert: {
            auto* a = static_cast<Assert*>(s);
            if (a->test->kind == ExprKind::Tuple && !static_cast<ListOrTuple*>(a->test)->elts.empty())
                warn(s->pos, "assertion is always true, perhaps remove parentheses?");
            compileExpr(a->test, u);
            if (a->msg) compileExpr(a->msg, u);
            return;
        }
        default:
            forEachChild(
                s, [&](Expr* e) { compileExpr(e, u); }, [&](Stmt* c) { compileStmt(c, u); });
            return;
        }
    }

    void compileExpr(Expr* e, Unit& u) {
        const bool inFunction = u.kind == ScopeKind::Function || u.kind == ScopeKind::AsyncFunction ||
                                u.kind == ScopeKind::Lambda || u.kind == ScopeKind::Comprehension;
        switch (e->kind) {
        case ExprKind::Await:
            if (!inFunction) fail(e->pos, "'await' outside function");
            if (u.kind != ScopeKind::AsyncFunction && u.kind != ScopeKind::Comprehension)
                fail(e->pos, "'await' outside async function");
            compileExpr(static_cast<Await*>(e)->value, u);
            return;
        case ExprKind::Yield:
            if (!inFunction) fail(e->pos, "'yield' outside function");
            if (static_cast<Yield*>(e)->value) compileExpr(static_cast<Yield*>(e)->value, u);
            return;
        case ExprKind::YieldFrom:
            if (!inFunction) fail(e->pos, "'yield' outside function");
            if (u.kind == ScopeKind::AsyncFunction) fail(e->pos, "'yield from' inside async function");
            compileExpr(static_cast<YieldFrom*>(e)->value, u);
            return;
        case ExprKind::Lambda: {
            auto* l = static_cast<Lambda*>(e);
            checkDebugArgs(l->args, e->pos);
            compileArgs(l->args, u);
            Unit inner{ScopeKind::Lambda, nullptr, {}};
            compileExpr(l->body, inner);
            return;
        }
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp: {
            auto* c = static_cast<Comp*>(e);
            if (e->kind != ExprKind::GeneratorExp && u.kind != ScopeKind::AsyncFunction &&
                u.kind != ScopeKind::Comprehension && isAsyncComprehension(c))
                fail(e->pos, "asynchronous comprehension outside of an asynchronous function");
            Unit inner{ScopeKind::Comprehension, nullptr, {}};
            for (size_t g = 0; g < c->generators.size(); ++g) {
                if (g > 0) compileExpr(c->generators[g]->iter, inner);
                compileExpr(c->generators[g]->target, inner);
                for (Expr* i : c->generators[g]->ifs) compileExpr(i, inner);
            }
            if (c->elt) compileExpr(c->elt, inner);
            if (c->key) compileExpr(c->key, inner);
            if (c->value) compileExpr(c->value, inner);
            compileExpr(c->generators[0]->iter, u);
            return;
        }
        case ExprKind::NamedExpr:
            compileExpr(static_cast<NamedExpr*>(e)->value, u);
            compileExpr(static_cast<NamedExpr*>(e)->target, u);
            return;
        case ExprKind::Starred:
            // A starred expression is only valid as an element of a display,
            // an assignment target list or a call's arguments, which unwrap it.
            if (static_cast<Starred*>(e)->ctx == ExprContext::Store)
                fail(e->pos, "starred assignment target must be in a list or tuple");
            fail(e->pos, "can't use starred expression here");
        case ExprKind::List:
        case ExprKind::Tuple:
        case ExprKind::Set: {
            const auto& elts = e->kind == ExprKind::Set ? static_cast<Set*>(e)->elts : static_cast<ListOrTuple*>(e)->elts;
            const ExprContext ctx = e->kind == ExprKind::Set ? ExprContext::Load : static_cast<ListOrTuple*>(e)->ctx;
            if (ctx == ExprContext::Store) {
                bool seenStar = false;
                for (size_t i = 0; i < elts.size(); ++i) {
                    if (elts[i]->kind != ExprKind::Starred) continue;
                    if (seenStar) fail(e->pos, "multiple starred expressions in assignment");
                    if (i >= 256) fail(e->pos, "too many expressions in star-unpacking assignment");
                    seenStar = true;
                }
            }
            for (Expr* elt : elts) {
                if (ctx != ExprContext::Del && elt->kind == ExprKind::Starred)
                    compileExpr(static_cast<Starred*>(elt)->value, u);
                else
                    compileExpr(elt, u);
            }
            return;
        }
        case ExprKind::Compare: {
            auto* c = static_cast<Compare*>(e);
            checkCompare(c);
            compileExpr(c->left, u);
            for (Expr* x : c->comparators) compileExpr(x, u);
            return;
        }
        case ExprKind::Subscript: {
            auto* sub = static_cast<Subscript*>(e);
            if (sub->ctx == ExprContext::Load) checkSubscript(sub);
            compileExpr(sub->value, u);
            compileExpr(sub->slice, u);
            return;
        }
        case ExprKind::Call: {
            auto* c = static_cast<Call*>(e);
            checkCaller(c);
            compileExpr(c->func, u);
            compileCallArguments(c->args, c->keywords, u);
            return;
        }
        case ExprKind::Name: {
            auto* n = static_cast<Name*>(e);
            if (n->ctx == ExprContext::Store) checkStoredName(n->id, e->pos);
            if (n->ctx == ExprContext::Del && n->id == "__debug__") fail(e->pos, "cannot delete __debug__");
            return;
        }
        case ExprKind::Attribute: {
            auto* a = static_cast<Attribute*>(e);
            compileExpr(a->value, u);
            if (a->ctx == ExprContext::Store) checkStoredName(a->attr, e->pos);
            if (a->ctx == ExprContext::Del && a->attr == "__debug__") fail(e->pos, "cannot delete __debug__");
            return;
        }
        default: forEachChild(e, [&](Expr* c) { compileExpr(c, u); }); return;
        }
    }

    // compiler_call_helper: positional arguments (a starred one is unwrapped),
    // then keywords, which must not repeat.
    void compileCallArguments(const std::vector<Expr*>& args, const std::vector<Keyword*>& keywords, Unit& u) {
        for (size_t i = 0; i < keywords.size(); ++i) {
            const Keyword* k = keywords[i];
            if (k->arg.empty()) continue;
            checkStoredName(k->arg, k->pos);
            for (size_t j = i + 1; j < keywords.size(); ++j)
                if (keywords[j]->arg == k->arg) fail(keywords[j]->pos, "keyword argument repeated: " + k->arg);
        }
        for (Expr* a : args) compileExpr(a->kind == ExprKind::Starred ? static_cast<Starred*>(a)->value : a, u);
        for (Keyword* k : keywords) compileExpr(k->value, u);
    }

    // forbidden_name
    void checkStoredName(const std::string& name, const Pos& pos) {
        if (name == "__debug__") fail(pos, "cannot assign to __debug__");
    }

    void checkDebugArgs(Arguments* a, const Pos& pos) {
        for (Arg* x : a->posonlyargs) checkStoredName(x->name, pos);
        for (Arg* x : a->args) checkStoredName(x->name, pos);
        if (a->vararg) checkStoredName(a->vararg->name, pos);
        for (Arg* x : a->kwonlyargs) checkStoredName(x->name, pos);
        if (a->kwarg) checkStoredName(a->kwarg->name, pos);
    }

    void warn(const Pos& p, std::string message) {
        SyntaxWarning w;
        w.message = std::move(message);
        w.line = p.line;
        m_warnings.push_back(std::move(w));
    }

    // check_compare: `is` with a literal.
    void checkCompare(Compare* c) {
        auto literal = [](const Expr* e) {
            const char* t = foldedType(e);
            if (!t) return false;
            const std::string_view type = t;
            return type != "NoneType" && type != "bool" && type != "ellipsis";
        };
        bool left = literal(c->left);
        for (size_t i = 0; i < c->ops.size(); ++i) {
            const bool right = literal(c->comparators[i]);
            if ((c->ops[i] == CmpOpKind::Is || c->ops[i] == CmpOpKind::IsNot) && (left || right)) {
                warn(c->pos, c->ops[i] == CmpOpKind::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                                        : "\"is not\" with a literal. Did you mean \"!=\"?");
                return;
            }
            left = right;
        }
    }

    // check_caller: calling a literal.
    void checkCaller(Call* c) {
        const Expr* f = c->func;
        switch (f->kind) {
        case ExprKind::Constant:
        case ExprKind::Tuple:
        case ExprKind::List:
        case ExprKind::ListComp:
        case ExprKind::Dict:
        case ExprKind::DictComp:
        case ExprKind::Set:
        case ExprKind::SetComp:
        case ExprKind::GeneratorExp:
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            warn(c->pos, std::string("'") + inferredType(f) + "' object is not callable; perhaps you missed a comma?");
            return;
        default:
            if (const char* t = foldedType(f))
                warn(c->pos, std::string("'") + t + "' object is not callable; perhaps you missed a comma?");
            return;
        }
    }

    // check_subscripter and check_index: subscripting a literal.
    void checkSubscript(Subscript* s) {
        const Expr* v = s->value;
        const char* folded = foldedType(v);
        const std::string_view vt = folded ? folded : "";
        if ((folded && (vt == "NoneType" || vt == "ellipsis" || vt == "int" || vt == "bool" || vt == "float" ||
                        vt == "complex")) ||
            (!folded && (v->kind == ExprKind::Set || v->kind == ExprKind::SetComp ||
                         v->kind == ExprKind::GeneratorExp || v->kind == ExprKind::Lambda))) {
            warn(s->pos, std::string("'") + inferredType(v) + "' object is not subscriptable; perhaps you missed a comma?");
            return;
        }
        const char* index = inferredType(s->slice);
        if (!index || std::string_view(index) == "int" || std::string_view(index) == "bool") return;
        bool container = false;
        if (folded) container = vt == "str" || vt == "bytes" || vt == "tuple";
        else
            container = v->kind == ExprKind::Tuple || v->kind == ExprKind::List || v->kind == ExprKind::ListComp ||
                        v->kind == ExprKind::JoinedStr || v->kind == ExprKind::FormattedValue;
        if (container)
            warn(s->pos, std::string(inferredType(v)) + " indices must be integers or slices, not " + index +
                             "; perhaps you missed a comma?");
    }

    const TokenStream& m_ts;
    std::vector<SyntaxWarning>& m_warnings;
    std::deque<SymScope> m_scopes;  // every scope, in creation order
    std::vector<size_t> m_stack;     // the scopes being visited
};

}  // namespace

// ============================================================ parseModule

std::unique_ptr<Module> parseModule(std::string_view source, const std::string& filename,
                                    SyntaxError* error, std::vector<SyntaxWarning>* warnings) {
    LexOptions options;
    options.filename = filename;
    const TokenStream stream = tokenize(source, options);
    auto module = std::make_unique<Module>();
    module->filename = filename;
    module->lines.reserve(size_t(stream.lineCount()));
    for (int line = stream.firstLine; line < stream.firstLine + stream.lineCount(); ++line)
        module->lines.emplace_back(stream.lineText(line));

    std::vector<SyntaxWarning> issued;
    int totalDepth = 0;
    Parser parser(stream, module->arena, Parser::Mode::File, 0, &totalDepth, &issued);
    SyntaxError failure;
    std::optional<SyntaxError> result;
    if (!parser.parseFile(module->body, failure)) {
        result = std::move(failure);
    } else if (const std::optional<Pos>& match = parser.unsupportedMatch()) {
        result = stream.parserError("SyntaxError", "match statements are not supported by asyncscope", match->line,
                                    match->col + 1, match->endLine, match->endCol + 1, false);
    }
    if (!result) result = CompileChecks(stream, issued).run(module->body);
    if (warnings) {
        // The source line as the warnings module shows it: stripped.
        for (SyntaxWarning& w : issued) {
            const std::string_view text = stream.lineText(w.line);
            const size_t first = text.find_first_not_of(" \t\f");
            const size_t last = text.find_last_not_of(" \t\f\v\r");
            if (first != std::string_view::npos) w.text = std::string(text.substr(first, last - first + 1));
        }
        *warnings = std::move(issued);
    }
    if (result) {
        if (error) *error = std::move(*result);
        return nullptr;
    }
    return module;
}

std::unique_ptr<Module> parseModule(std::string_view source, const std::string& filename,
                                    SyntaxError* error) {
    return parseModule(source, filename, error, nullptr);
}

}  // namespace ascope::lang

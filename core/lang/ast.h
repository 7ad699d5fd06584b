// The abstract syntax tree of the Python subset.
//
// Why it looks like this: the tree mirrors CPython's own `ast` module node for
// node (same names, same fields, same position conventions), so that reading
// CPython's grammar, compiler or traceback code translates directly, and so
// that diagnostics and traceback carets can use the exact same columns.
//
// Positions: `line`/`endLine` are 1-based; `col`/`endCol` are 0-based UTF-8
// byte offsets into the source line, end exclusive (CPython's col_offset /
// end_col_offset).
//
// Ownership: every node is allocated by the `Arena` of the `Module` that holds
// the tree and lives exactly as long as it; children are plain pointers.
// Optional children are nullptr when absent.
//
// The resolver (runtime/compiler) fills the fields marked "resolved": they
// are left at their defaults by the parser.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ascope::lang {

struct Pos {
    int line = 0;
    int col = 0;
    int endLine = 0;
    int endCol = 0;
};

class Arena;

struct Node {
    Pos pos;
    virtual ~Node() = default;
};

// ---------------------------------------------------------------- expressions

enum class ExprKind {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
    DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue,
    JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

enum class ExprContext { Load, Store, Del };

enum class BoolOpKind { And, Or };

enum class BinOpKind {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};

enum class UnaryOpKind { Invert, Not, UAdd, USub };

enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr : Node {
    explicit Expr(ExprKind k) : kind(k) {}
    const ExprKind kind;
};

struct Stmt;
struct Arguments;
struct Comprehension;
struct Keyword;
struct ScopeInfo;  // resolved: defined by the compiler, opaque here

struct BoolOp : Expr {
    BoolOp() : Expr(ExprKind::BoolOp) {}
    BoolOpKind op = BoolOpKind::And;
    std::vector<Expr*> values;  // two or more
};

struct NamedExpr : Expr {  // target := value
    NamedExpr() : Expr(ExprKind::NamedExpr) {}
    Expr* target = nullptr;  // a Name in Store context
    Expr* value = nullptr;
};

struct BinOp : Expr {
    BinOp() : Expr(ExprKind::BinOp) {}
    Expr* left = nullptr;
    BinOpKind op = BinOpKind::Add;
    Expr* right = nullptr;
    Pos opPos;  // position of the operator token itself (for traceback carets)
};

struct UnaryOp : Expr {
    UnaryOp() : Expr(ExprKind::UnaryOp) {}
    UnaryOpKind op = UnaryOpKind::Not;
    Expr* operand = nullptr;
};

struct Lambda : Expr {
    Lambda() : Expr(ExprKind::Lambda) {}
    Arguments* args = nullptr;
    Expr* body = nullptr;
    ScopeInfo* scope = nullptr;  // resolved
};

struct IfExp : Expr {  // body if test else orelse
    IfExp() : Expr(ExprKind::IfExp) {}
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
};

struct Dict : Expr {
    Dict() : Expr(ExprKind::Dict) {}
    std::vector<Expr*> keys;  // nullptr key: `**values[i]` unpacking
    std::vector<Expr*> values;
};

struct Set : Expr {
    Set() : Expr(ExprKind::Set) {}
    std::vector<Expr*> elts;  // may contain Starred
};

struct Comprehension {
    Expr* target = nullptr;  // Store context
    Expr* iter = nullptr;
    std::vector<Expr*> ifs;
    bool isAsync = false;
};

// ListComp / SetComp / GeneratorExp use `elt`; DictComp uses `key` and `value`.
struct Comp : Expr {
    explicit Comp(ExprKind k) : Expr(k) {}
    Expr* elt = nullptr;
    Expr* key = nullptr;
    Expr* value = nullptr;
    std::vector<Comprehension*> generators;  // one or more
    ScopeInfo* scope = nullptr;              // resolved
};

struct Await : Expr {
    Await() : Expr(ExprKind::Await) {}
    Expr* value = nullptr;
};

struct Yield : Expr {
    Yield() : Expr(ExprKind::Yield) {}
    Expr* value = nullptr;  // nullptr for a bare `yield`
};

struct YieldFrom : Expr {
    YieldFrom() : Expr(ExprKind::YieldFrom) {}
    Expr* value = nullptr;
};

struct Compare : Expr {  // left ops[0] comparators[0] ops[1] comparators[1] ...
    Compare() : Expr(ExprKind::Compare) {}
    Expr* left = nullptr;
    std::vector<CmpOpKind> ops;
    std::vector<Expr*> comparators;
};

struct Keyword {
    Pos pos;
    std::string arg;  // empty for `**value`
    Expr* value = nullptr;
};

struct Call : Expr {
    Call() : Expr(ExprKind::Call) {}
    Expr* func = nullptr;
    std::vector<Expr*> args;  // may contain Starred (`*x`)
    std::vector<Keyword*> keywords;
};

// One `{...}` replacement field of an f-string.
struct FormattedValue : Expr {
    FormattedValue() : Expr(ExprKind::FormattedValue) {}
    Expr* value = nullptr;
    int conversion = -1;             // -1 none, or 's', 'r', 'a'
    Expr* formatSpec = nullptr;      // a JoinedStr, or nullptr
};

// An f-string (or implicit concatenation involving one): the parts, in order,
// each a str Constant or a FormattedValue. `f"{x=}"` is already expanded the
// way CPython does it: Constant "x=" then FormattedValue(x, conversion 'r'
// unless a conversion or format spec was given).
struct JoinedStr : Expr {
    JoinedStr() : Expr(ExprKind::JoinedStr) {}
    std::vector<Expr*> values;
};

enum class ConstKind { None, True, False, Ellipsis, Int, BigInt, Float, Imaginary, Str, Bytes };

struct Constant : Expr {
    Constant() : Expr(ExprKind::Constant) {}
    ConstKind constKind = ConstKind::None;
    int64_t intValue = 0;   // Int: fits in int64
    double floatValue = 0;  // Float, Imaginary (the imaginary part)
    std::string text;       // Str/Bytes: decoded value (UTF-8 / raw bytes); BigInt: decimal digits
    void* cache = nullptr;  // resolved: the runtime's immortal object for this constant
};

struct Attribute : Expr {
    Attribute() : Expr(ExprKind::Attribute) {}
    Expr* value = nullptr;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
    void* cacheName = nullptr;  // resolved: interned attribute name, owned by the runtime
};

struct Subscript : Expr {
    Subscript() : Expr(ExprKind::Subscript) {}
    Expr* value = nullptr;
    Expr* slice = nullptr;  // a Slice, a Tuple (`a[1:2, 3]`) or any expression
    ExprContext ctx = ExprContext::Load;
};

struct Starred : Expr {
    Starred() : Expr(ExprKind::Starred) {}
    Expr* value = nullptr;
    ExprContext ctx = ExprContext::Load;
};

// How a resolved name is reached at run time.
enum class NameScope {
    Unresolved,
    Local,      // fast local slot `index` of the current frame
    Cell,       // cell `index` of the current frame (a local captured by an inner function)
    Free,       // free variable `index` (a cell inherited from an enclosing function)
    Global,     // module globals, then builtins
    ClassBody,  // class namespace dict, then globals, then builtins
    ClassFree   // class namespace dict, then free variable `index`
};

struct Name : Expr {
    Name() : Expr(ExprKind::Name) {}
    std::string id;
    ExprContext ctx = ExprContext::Load;
    NameScope scope = NameScope::Unresolved;  // resolved
    int index = -1;                           // resolved
    void* cache = nullptr;                    // resolved: interned name object, owned by the runtime
    // resolved: the runtime's cache of where a global was last found
    uint64_t icVersion = 0;
    uint64_t icBuiltinsVersion = 0;
    int32_t icIndex = -1;
    bool icBuiltin = false;
};

struct ListOrTuple : Expr {
    explicit ListOrTuple(ExprKind k) : Expr(k) {}
    std::vector<Expr*> elts;  // may contain Starred
    ExprContext ctx = ExprContext::Load;
};

struct Slice : Expr {  // lower:upper:step inside a subscript
    Slice() : Expr(ExprKind::Slice) {}
    Expr* lower = nullptr;
    Expr* upper = nullptr;
    Expr* step = nullptr;
};

// ----------------------------------------------------------------- statements

enum class StmtKind {
    FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If,
    With, Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, ExprStmt, Pass,
    Break, Continue
};

struct Stmt : Node {
    explicit Stmt(StmtKind k) : kind(k) {}
    const StmtKind kind;
};

struct Arg {
    Pos pos;
    std::string name;
    Expr* annotation = nullptr;
};

// def f(posonly, /, args, *vararg, kwonly, **kwarg)
struct Arguments {
    std::vector<Arg*> posonlyargs;
    std::vector<Arg*> args;
    Arg* vararg = nullptr;
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kwDefaults;  // parallel to kwonlyargs; nullptr when no default
    Arg* kwarg = nullptr;
    std::vector<Expr*> defaults;    // for the last N of posonlyargs + args
};

struct FunctionDef : Stmt {
    FunctionDef() : Stmt(StmtKind::FunctionDef) {}
    std::string name;
    Arguments* args = nullptr;
    std::vector<Stmt*> body;
    std::vector<Expr*> decorators;
    Expr* returns = nullptr;
    bool isAsync = false;
    ScopeInfo* scope = nullptr;  // resolved
};

struct ClassDef : Stmt {
    ClassDef() : Stmt(StmtKind::ClassDef) {}
    std::string name;
    std::vector<Expr*> bases;
    std::vector<Keyword*> keywords;
    std::vector<Stmt*> body;
    std::vector<Expr*> decorators;
    ScopeInfo* scope = nullptr;  // resolved
};

struct Return : Stmt {
    Return() : Stmt(StmtKind::Return) {}
    Expr* value = nullptr;
};

struct Delete : Stmt {
    Delete() : Stmt(StmtKind::Delete) {}
    std::vector<Expr*> targets;  // Del context
};

struct Assign : Stmt {  // t1 = t2 = value
    Assign() : Stmt(StmtKind::Assign) {}
    std::vector<Expr*> targets;  // Store context
    Expr* value = nullptr;
};

struct AugAssign : Stmt {
    AugAssign() : Stmt(StmtKind::AugAssign) {}
    Expr* target = nullptr;  // Name, Attribute or Subscript, Store context
    BinOpKind op = BinOpKind::Add;
    Expr* value = nullptr;
};

struct AnnAssign : Stmt {
    AnnAssign() : Stmt(StmtKind::AnnAssign) {}
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr;  // nullptr for a bare annotation
    bool simple = true;     // target is a plain name, not in parentheses
};

struct For : Stmt {
    For() : Stmt(StmtKind::For) {}
    Expr* target = nullptr;
    Expr* iter = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
    bool isAsync = false;
};

struct While : Stmt {
    While() : Stmt(StmtKind::While) {}
    Expr* test = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
};

struct If : Stmt {  // `elif` is a nested If as the only statement of orelse
    If() : Stmt(StmtKind::If) {}
    Expr* test = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
};

struct WithItem {
    Expr* contextExpr = nullptr;
    Expr* optionalVars = nullptr;  // Store context, or nullptr
};

struct With : Stmt {
    With() : Stmt(StmtKind::With) {}
    std::vector<WithItem*> items;
    std::vector<Stmt*> body;
    bool isAsync = false;
};

struct Raise : Stmt {
    Raise() : Stmt(StmtKind::Raise) {}
    Expr* exc = nullptr;    // nullptr for a bare `raise`
    Expr* cause = nullptr;  // `from cause`
};

struct ExceptHandler {
    Pos pos;
    Expr* type = nullptr;  // nullptr for a bare `except:`
    std::string name;      // `as name`, empty when absent
    std::vector<Stmt*> body;
    Name* nameTarget = nullptr;  // resolved: a Store Name for `name`
};

struct Try : Stmt {
    Try() : Stmt(StmtKind::Try) {}
    std::vector<Stmt*> body;
    std::vector<ExceptHandler*> handlers;
    std::vector<Stmt*> orelse;
    std::vector<Stmt*> finalbody;
    bool isStar = false;  // `except*`
};

struct Assert : Stmt {
    Assert() : Stmt(StmtKind::Assert) {}
    Expr* test = nullptr;
    Expr* msg = nullptr;
};

struct Alias {
    Pos pos;
    std::string name;    // dotted for `import a.b`
    std::string asname;  // empty when absent
};

struct Import : Stmt {
    Import() : Stmt(StmtKind::Import) {}
    std::vector<Alias*> names;
};

struct ImportFrom : Stmt {
    ImportFrom() : Stmt(StmtKind::ImportFrom) {}
    std::string module;  // may be empty with level > 0
    std::vector<Alias*> names;  // a single Alias named "*" for `import *`
    int level = 0;
};

struct Global : Stmt {
    Global() : Stmt(StmtKind::Global) {}
    std::vector<std::string> names;
};

struct Nonlocal : Stmt {
    Nonlocal() : Stmt(StmtKind::Nonlocal) {}
    std::vector<std::string> names;
};

struct ExprStmt : Stmt {
    ExprStmt() : Stmt(StmtKind::ExprStmt) {}
    Expr* value = nullptr;
};

struct Pass : Stmt {
    Pass() : Stmt(StmtKind::Pass) {}
};

struct Break : Stmt {
    Break() : Stmt(StmtKind::Break) {}
};

struct Continue : Stmt {
    Continue() : Stmt(StmtKind::Continue) {}
};

// ---------------------------------------------------------------- ownership

// Owns every node of one parsed module. Nodes are never freed individually.
class Arena {
public:
    template <typename T, typename... A>
    T* make(A&&... a) {
        auto holder = std::make_unique<Holder<T>>(std::forward<A>(a)...);
        T* raw = &holder->value;
        m_items.push_back(std::move(holder));
        return raw;
    }

private:
    struct Base {
        virtual ~Base() = default;
    };
    template <typename T>
    struct Holder : Base {
        template <typename... A>
        explicit Holder(A&&... a) : value(std::forward<A>(a)...) {}
        T value;
    };
    std::vector<std::unique_ptr<Base>> m_items;
};

// A parsed source file.
struct Module {
    std::string filename;              // as given on the command line, used in messages
    std::vector<std::string> lines;    // the source split into lines, without newlines
    std::vector<Stmt*> body;
    ScopeInfo* scope = nullptr;        // resolved
    Arena arena;
};

}  // namespace ascope::lang

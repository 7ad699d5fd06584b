// Tests of lang/parser: the AST of every construct, and every syntax error
// and warning, compared with CPython 3.11.7.
//
// Nothing expected below is written by hand: the AST dumps were printed by
// tests/syntax/astdump.py (CPython's own `ast` module, dumped in the format
// of AstDumper below) and the error texts are what `python3 t.py` wrote to
// stderr for the same bytes. The only exceptions are the tests named
// `asyncscope_*`, about what asyncscope deliberately does not support.
#include "lang/lexer.h"
#include "lang/parser.h"

#include <gtest/gtest.h>

#include <pthread.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace ascope::lang;
using namespace std::literals;

namespace {

// Dumps an AST in the format of tests/syntax/astdump.py (CPython's ast, one line).
class AstDumper {
public:
    std::string dump(const Module& m) { return "Module(body=" + stmts(m.body) + ")"; }

private:
    static std::string text(const std::string& s) {
        std::string out = "'";
        for (unsigned char c : s) {
            if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
                out += char(c);
            } else {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            }
        }
        return out + "'";
    }
    static std::string pos(const Pos& p) {
        return "@" + std::to_string(p.line) + ":" + std::to_string(p.col) + "-" + std::to_string(p.endLine) + ":" +
               std::to_string(p.endCol);
    }
    static std::string num(double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        return buf;
    }
    static std::string ctx(ExprContext c) {
        return c == ExprContext::Load ? "Load" : c == ExprContext::Store ? "Store" : "Del";
    }
    static std::string binop(BinOpKind k) {
        static const char* names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                      "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
        return std::string(names[int(k)]) + "()";
    }
    static std::string cmpop(CmpOpKind k) {
        static const char* names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
        return std::string(names[int(k)]) + "()";
    }
    static std::string unop(UnaryOpKind k) {
        static const char* names[] = {"Invert", "Not", "UAdd", "USub"};
        return std::string(names[int(k)]) + "()";
    }
    std::string opt(const Expr* e) { return e ? expr(e) : "None"; }
    std::string exprs(const std::vector<Expr*>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + opt(v[i]);
        return out + "]";
    }
    std::string stmts(const std::vector<Stmt*>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + stmt(v[i]);
        return out + "]";
    }
    std::string arg(const Arg* a) {
        if (!a) return "None";
        return "arg(arg=" + text(a->name) + ", annotation=" + opt(a->annotation) + ", " + pos(a->pos) + ")";
    }
    std::string args(const std::vector<Arg*>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + arg(v[i]);
        return out + "]";
    }
    std::string arguments(const Arguments* a) {
        return "arguments(posonlyargs=" + args(a->posonlyargs) + ", args=" + args(a->args) + ", vararg=" +
               arg(a->vararg) + ", kwonlyargs=" + args(a->kwonlyargs) + ", kw_defaults=" + exprs(a->kwDefaults) +
               ", kwarg=" + arg(a->kwarg) + ", defaults=" + exprs(a->defaults) + ")";
    }
    std::string keywords(const std::vector<Keyword*>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) {
            const Keyword* k = v[i];
            out += (i ? ", " : "") + std::string("keyword(arg=") + (k->arg.empty() ? "None" : text(k->arg)) +
                   ", value=" + expr(k->value) + ", " + pos(k->pos) + ")";
        }
        return out + "]";
    }
    std::string aliases(const std::vector<Alias*>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) {
            const Alias* a = v[i];
            out += (i ? ", " : "") + std::string("alias(name=") + text(a->name) +
                   ", asname=" + (a->asname.empty() ? "None" : text(a->asname)) + ", " + pos(a->pos) + ")";
        }
        return out + "]";
    }
    std::string names(const std::vector<std::string>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + text(v[i]);
        return out + "]";
    }
    std::string generators(const std::vector<Comprehension*>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) {
            const Comprehension* c = v[i];
            out += (i ? ", " : "") + std::string("comprehension(async=") + (c->isAsync ? "1" : "0") +
                   ", target=" + expr(c->target) + ", iter=" + expr(c->iter) + ", ifs=" + exprs(c->ifs) + ")";
        }
        return out + "]";
    }

    std::string stmt(const Stmt* s) {
        const std::string at = pos(s->pos);
        switch (s->kind) {
        case StmtKind::FunctionDef: {
            auto* f = static_cast<const FunctionDef*>(s);
            return std::string("FunctionDef(") + (f->isAsync ? "async=1, " : "") + "name=" + text(f->name) +
                   ", args=" + arguments(f->args) + ", body=" + stmts(f->body) +
                   ", decorator_list=" + exprs(f->decorators) + ", returns=" + opt(f->returns) + ", " + at + ")";
        }
        case StmtKind::ClassDef: {
            auto* c = static_cast<const ClassDef*>(s);
            return "ClassDef(name=" + text(c->name) + ", bases=" + exprs(c->bases) + ", keywords=" +
                   keywords(c->keywords) + ", body=" + stmts(c->body) + ", decorator_list=" + exprs(c->decorators) +
                   ", " + at + ")";
        }
        case StmtKind::Return: return "Return(value=" + opt(static_cast<const Return*>(s)->value) + ", " + at + ")";
        case StmtKind::Delete:
            return "Delete(targets=" + exprs(static_cast<const Delete*>(s)->targets) + ", " + at + ")";
        case StmtKind::Assign: {
            auto* a = static_cast<const Assign*>(s);
            return "Assign(targets=" + exprs(a->targets) + ", value=" + expr(a->value) + ", " + at + ")";
        }
        case StmtKind::AugAssign: {
            auto* a = static_cast<const AugAssign*>(s);
            return "AugAssign(target=" + expr(a->target) + ", op=" + binop(a->op) + ", value=" + expr(a->value) +
                   ", " + at + ")";
        }
        case StmtKind::AnnAssign: {
            auto* a = static_cast<const AnnAssign*>(s);
            return "AnnAssign(target=" + expr(a->target) + ", annotation=" + expr(a->annotation) +
                   ", value=" + opt(a->value) + ", simple=" + (a->simple ? "1" : "0") + ", " + at + ")";
        }
        case StmtKind::For: {
            auto* f = static_cast<const For*>(s);
            return std::string("For(") + (f->isAsync ? "async=1, " : "") + "target=" + expr(f->target) +
                   ", iter=" + expr(f->iter) + ", body=" + stmts(f->body) + ", orelse=" + stmts(f->orelse) + ", " +
                   at + ")";
        }
        case StmtKind::While: {
            auto* w = static_cast<const While*>(s);
            return "While(test=" + expr(w->test) + ", body=" + stmts(w->body) + ", orelse=" + stmts(w->orelse) +
                   ", " + at + ")";
        }
        case StmtKind::If: {
            auto* i = static_cast<const If*>(s);
            return "If(test=" + expr(i->test) + ", body=" + stmts(i->body) + ", orelse=" + stmts(i->orelse) +
                   ", " + at + ")";
        }
        case StmtKind::With: {
            auto* w = static_cast<const With*>(s);
            std::string items = "[";
            for (size_t i = 0; i < w->items.size(); ++i)
                items += (i ? ", " : "") + std::string("withitem(context_expr=") + expr(w->items[i]->contextExpr) +
                         ", optional_vars=" + opt(w->items[i]->optionalVars) + ")";
            return std::string("With(") + (w->isAsync ? "async=1, " : "") + "items=" + items +
                   "], body=" + stmts(w->body) + ", " + at + ")";
        }
        case StmtKind::Raise: {
            auto* r = static_cast<const Raise*>(s);
            return "Raise(exc=" + opt(r->exc) + ", cause=" + opt(r->cause) + ", " + at + ")";
        }
        case StmtKind::Try: {
            auto* t = static_cast<const Try*>(s);
            std::string handlers = "[";
            for (size_t i = 0; i < t->handlers.size(); ++i) {
                const ExceptHandler* h = t->handlers[i];
                handlers += (i ? ", " : "") + std::string("ExceptHandler(type=") + opt(h->type) +
                            ", name=" + (h->name.empty() ? "None" : text(h->name)) + ", body=" + stmts(h->body) +
                            ", " + pos(h->pos) + ")";
            }
            return std::string("Try(") + (t->isStar ? "star=1, " : "") + "body=" + stmts(t->body) +
                   ", handlers=" + handlers + "], orelse=" + stmts(t->orelse) + ", finalbody=" +
                   stmts(t->finalbody) + ", " + at + ")";
        }
        case StmtKind::Assert: {
            auto* a = static_cast<const Assert*>(s);
            return "Assert(test=" + expr(a->test) + ", msg=" + opt(a->msg) + ", " + at + ")";
        }
        case StmtKind::Import:
            return "Import(names=" + aliases(static_cast<const Import*>(s)->names) + ", " + at + ")";
        case StmtKind::ImportFrom: {
            auto* i = static_cast<const ImportFrom*>(s);
            return "ImportFrom(module=" + (i->module.empty() ? std::string("None") : text(i->module)) +
                   ", names=" + aliases(i->names) + ", level=" + std::to_string(i->level) + ", " + at + ")";
        }
        case StmtKind::Global: return "Global(names=" + names(static_cast<const Global*>(s)->names) + ", " + at + ")";
        case StmtKind::Nonlocal:
            return "Nonlocal(names=" + names(static_cast<const Nonlocal*>(s)->names) + ", " + at + ")";
        case StmtKind::ExprStmt: return "ExprStmt(value=" + expr(static_cast<const ExprStmt*>(s)->value) + ", " + at + ")";
        case StmtKind::Pass: return "Pass(" + at + ")";
        case StmtKind::Break: return "Break(" + at + ")";
        case StmtKind::Continue: return "Continue(" + at + ")";
        }
        return "?";
    }

    std::string expr(const Expr* e) {
        const std::string at = pos(e->pos);
        switch (e->kind) {
        case ExprKind::BoolOp: {
            auto* b = static_cast<const BoolOp*>(e);
            return std::string("BoolOp(op=") + (b->op == BoolOpKind::And ? "And()" : "Or()") +
                   ", values=" + exprs(b->values) + ", " + at + ")";
        }
        case ExprKind::NamedExpr: {
            auto* n = static_cast<const NamedExpr*>(e);
            return "NamedExpr(target=" + expr(n->target) + ", value=" + expr(n->value) + ", " + at + ")";
        }
        case ExprKind::BinOp: {
            auto* b = static_cast<const BinOp*>(e);
            return "BinOp(left=" + expr(b->left) + ", op=" + binop(b->op) + ", right=" + expr(b->right) + ", " +
                   at + ")";
        }
        case ExprKind::UnaryOp: {
            auto* u = static_cast<const UnaryOp*>(e);
            return "UnaryOp(op=" + unop(u->op) + ", operand=" + expr(u->operand) + ", " + at + ")";
        }
        case ExprKind::Lambda: {
            auto* l = static_cast<const Lambda*>(e);
            return "Lambda(args=" + arguments(l->args) + ", body=" + expr(l->body) + ", " + at + ")";
        }
        case ExprKind::IfExp: {
            auto* i = static_cast<const IfExp*>(e);
            return "IfExp(test=" + expr(i->test) + ", body=" + expr(i->body) + ", orelse=" + expr(i->orelse) +
                   ", " + at + ")";
        }
        case ExprKind::Dict: {
            auto* d = static_cast<const Dict*>(e);
            return "Dict(keys=" + exprs(d->keys) + ", values=" + exprs(d->values) + ", " + at + ")";
        }
        case ExprKind::Set: return "Set(elts=" + exprs(static_cast<const Set*>(e)->elts) + ", " + at + ")";
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::GeneratorExp: {
            auto* c = static_cast<const Comp*>(e);
            const char* name = e->kind == ExprKind::ListComp  ? "ListComp"
                               : e->kind == ExprKind::SetComp ? "SetComp"
                                                              : "GeneratorExp";
            return std::string(name) + "(elt=" + expr(c->elt) + ", generators=" + generators(c->generators) + ", " +
                   at + ")";
        }
        case ExprKind::DictComp: {
            auto* c = static_cast<const Comp*>(e);
            return "DictComp(key=" + expr(c->key) + ", value=" + expr(c->value) +
                   ", generators=" + generators(c->generators) + ", " + at + ")";
        }
        case ExprKind::Await: return "Await(value=" + expr(static_cast<const Await*>(e)->value) + ", " + at + ")";
        case ExprKind::Yield: return "Yield(value=" + opt(static_cast<const Yield*>(e)->value) + ", " + at + ")";
        case ExprKind::YieldFrom:
            return "YieldFrom(value=" + expr(static_cast<const YieldFrom*>(e)->value) + ", " + at + ")";
        case ExprKind::Compare: {
            auto* c = static_cast<const Compare*>(e);
            std::string ops = "[";
            for (size_t i = 0; i < c->ops.size(); ++i) ops += (i ? ", " : "") + cmpop(c->ops[i]);
            return "Compare(left=" + expr(c->left) + ", ops=" + ops + "], comparators=" + exprs(c->comparators) +
                   ", " + at + ")";
        }
        case ExprKind::Call: {
            auto* c = static_cast<const Call*>(e);
            return "Call(func=" + expr(c->func) + ", args=" + exprs(c->args) + ", keywords=" + keywords(c->keywords) +
                   ", " + at + ")";
        }
        case ExprKind::FormattedValue: {
            auto* f = static_cast<const FormattedValue*>(e);
            return "FormattedValue(value=" + expr(f->value) + ", conversion=" + std::to_string(f->conversion) +
                   ", format_spec=" + opt(f->formatSpec) + ", " + at + ")";
        }
        case ExprKind::JoinedStr:
            return "JoinedStr(values=" + exprs(static_cast<const JoinedStr*>(e)->values) + ", " + at + ")";
        case ExprKind::Constant: {
            auto* c = static_cast<const Constant*>(e);
            std::string v;
            switch (c->constKind) {
            case ConstKind::None: v = "None"; break;
            case ConstKind::True: v = "True"; break;
            case ConstKind::False: v = "False"; break;
            case ConstKind::Ellipsis: v = "Ellipsis"; break;
            case ConstKind::Int: v = "Int(" + std::to_string(c->intValue) + ")"; break;
            case ConstKind::BigInt: v = "Int(" + c->text + ")"; break;
            case ConstKind::Float: v = "Float(" + num(c->floatValue) + ")"; break;
            case ConstKind::Imaginary: v = "Imag(" + num(c->floatValue) + ")"; break;
            case ConstKind::Str: v = "Str(" + text(c->text) + ")"; break;
            case ConstKind::Bytes: v = "Bytes(" + text(c->text) + ")"; break;
            }
            return "Constant(" + v + ", " + at + ")";
        }
        case ExprKind::Attribute: {
            auto* a = static_cast<const Attribute*>(e);
            return "Attribute(value=" + expr(a->value) + ", attr=" + text(a->attr) + ", ctx=" + ctx(a->ctx) + ", " +
                   at + ")";
        }
        case ExprKind::Subscript: {
            auto* s = static_cast<const Subscript*>(e);
            return "Subscript(value=" + expr(s->value) + ", slice=" + expr(s->slice) + ", ctx=" + ctx(s->ctx) + ", " +
                   at + ")";
        }
        case ExprKind::Starred: {
            auto* s = static_cast<const Starred*>(e);
            return "Starred(value=" + expr(s->value) + ", ctx=" + ctx(s->ctx) + ", " + at + ")";
        }
        case ExprKind::Name: {
            auto* n = static_cast<const Name*>(e);
            return "Name(id=" + text(n->id) + ", ctx=" + ctx(n->ctx) + ", " + at + ")";
        }
        case ExprKind::List:
        case ExprKind::Tuple: {
            auto* l = static_cast<const ListOrTuple*>(e);
            return std::string(e->kind == ExprKind::List ? "List" : "Tuple") + "(elts=" + exprs(l->elts) +
                   ", ctx=" + ctx(l->ctx) + ", " + at + ")";
        }
        case ExprKind::Slice: {
            auto* s = static_cast<const Slice*>(e);
            return "Slice(lower=" + opt(s->lower) + ", upper=" + opt(s->upper) + ", step=" + opt(s->step) + ", " +
                   at + ")";
        }
        }
        return "?";
    }
};

std::string dumpSource(std::string_view source) {
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule(source, "t.py", &error);
    if (!m) return formatSyntaxError(error, "t.py");
    return AstDumper().dump(*m);
}

// What `asyncscope run t.py` prints before running: the warnings, then the error.
std::string compileOutput(std::string_view source) {
    SyntaxError error;
    std::vector<SyntaxWarning> warnings;
    std::unique_ptr<Module> m = parseModule(source, "t.py", &error, &warnings);
    std::string out;
    for (const SyntaxWarning& w : warnings) out += formatSyntaxWarning(w, "t.py");
    if (!m) out += formatSyntaxError(error, "t.py");
    return out;
}

SyntaxError errorOf(std::string_view source) {
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule(source, "t.py", &error);
    EXPECT_EQ(m, nullptr) << "parsed: " << source;
    return error;
}

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

std::string testName(std::string_view name) { return std::string(name); }

// ------------------------------------------------------------------ ASTs

struct AstCase {
    std::string_view name;
    std::string_view source;
    std::string_view dump;
};

// tests/syntax/astdump.py on each source.
const AstCase kAstCases[] = {
    {"assignment", "x = 1\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=Constant(Int(1), @1:4-1:5), @1:0-1:5)])"},
    {"chained_assignment", "a = b = c\n",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store, @1:0-1:1), Name(id='b', ctx=Store, @1:4-1:5)], value=Name(id='c', ctx=Load, @1:8-1:9), @1:0-1:9)])"},
    {"tuple_unpacking_with_star", "a, *b, (c, d) = e\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store, @1:0-1:1), Starred(value=Name(id='b', ctx=Store, @1:4-1:5), ctx=Store, @1:3-1:5), Tuple(elts=[Name(id='c', ctx=Store, @1:8-1:9), Name(id='d', ctx=Store, @1:11-1:12)], ctx=Store, @1:7-1:13)], ctx=Store, @1:0-1:13)], value=Name(id='e', ctx=Load, @1:16-1:17), @1:0-1:17)])"},
    {"list_target", "[a, b] = c\n",
     "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store, @1:1-1:2), Name(id='b', ctx=Store, @1:4-1:5)], ctx=Store, @1:0-1:6)], value=Name(id='c', ctx=Load, @1:9-1:10), @1:0-1:10)])"},
    {"augmented_assignments", "x += 1\nx //= 2\nx **= 3\nx @= m\nx >>= 1\n",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store, @1:0-1:1), op=Add(), value=Constant(Int(1), @1:5-1:6), @1:0-1:6), AugAssign(target=Name(id='x', ctx=Store, @2:0-2:1), op=FloorDiv(), value=Constant(Int(2), @2:6-2:7), @2:0-2:7), AugAssign(target=Name(id='x', ctx=Store, @3:0-3:1), op=Pow(), value=Constant(Int(3), @3:6-3:7), @3:0-3:7), AugAssign(target=Name(id='x', ctx=Store, @4:0-4:1), op=MatMult(), value=Name(id='m', ctx=Load, @4:5-4:6), @4:0-4:6), AugAssign(target=Name(id='x', ctx=Store, @5:0-5:1), op=RShift(), value=Constant(Int(1), @5:6-5:7), @5:0-5:7)])"},
    {"annotated_assignments", "x: int = 1\ny: list[int]\n(z): int = 2\na.b: str\n",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store, @1:0-1:1), annotation=Name(id='int', ctx=Load, @1:3-1:6), value=Constant(Int(1), @1:9-1:10), simple=1, @1:0-1:10), AnnAssign(target=Name(id='y', ctx=Store, @2:0-2:1), annotation=Subscript(value=Name(id='list', ctx=Load, @2:3-2:7), slice=Name(id='int', ctx=Load, @2:8-2:11), ctx=Load, @2:3-2:12), value=None, simple=1, @2:0-2:12), AnnAssign(target=Name(id='z', ctx=Store, @3:1-3:2), annotation=Name(id='int', ctx=Load, @3:5-3:8), value=Constant(Int(2), @3:11-3:12), simple=0, @3:0-3:12), AnnAssign(target=Attribute(value=Name(id='a', ctx=Load, @4:0-4:1), attr='b', ctx=Store, @4:0-4:3), annotation=Name(id='str', ctx=Load, @4:5-4:8), value=None, simple=0, @4:0-4:8)])"},
    {"attribute_and_subscript_targets", "a.b = c[1] = d[1:2, ::3] = e\n",
     "Module(body=[Assign(targets=[Attribute(value=Name(id='a', ctx=Load, @1:0-1:1), attr='b', ctx=Store, @1:0-1:3), Subscript(value=Name(id='c', ctx=Load, @1:6-1:7), slice=Constant(Int(1), @1:8-1:9), ctx=Store, @1:6-1:10), Subscript(value=Name(id='d', ctx=Load, @1:13-1:14), slice=Tuple(elts=[Slice(lower=Constant(Int(1), @1:15-1:16), upper=Constant(Int(2), @1:17-1:18), step=None, @1:15-1:18), Slice(lower=None, upper=None, step=Constant(Int(3), @1:22-1:23), @1:20-1:23)], ctx=Load, @1:15-1:23), ctx=Store, @1:13-1:24)], value=Name(id='e', ctx=Load, @1:27-1:28), @1:0-1:28)])"},
    {"semicolon_separated", "a = 1; b = 2;\n",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store, @1:0-1:1)], value=Constant(Int(1), @1:4-1:5), @1:0-1:5), Assign(targets=[Name(id='b', ctx=Store, @1:7-1:8)], value=Constant(Int(2), @1:11-1:12), @1:7-1:12)])"},
    {"big_integers", "x = 123456789012345678901234567890\ny = 0xFFFFFFFFFFFFFFFFFFFF\nz = 0o777777777777777777777777\nw = 0b1111111111111111111111111111111111111111111111111111111111111111111111\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=Constant(Int(123456789012345678901234567890), @1:4-1:34), @1:0-1:34), Assign(targets=[Name(id='y', ctx=Store, @2:0-2:1)], value=Constant(Int(1208925819614629174706175), @2:4-2:26), @2:0-2:26), Assign(targets=[Name(id='z', ctx=Store, @3:0-3:1)], value=Constant(Int(4722366482869645213695), @3:4-3:30), @3:0-3:30), Assign(targets=[Name(id='w', ctx=Store, @4:0-4:1)], value=Constant(Int(1180591620717411303423), @4:4-4:76), @4:0-4:76)])"},
    {"int64_boundaries", "a = 9223372036854775807\nb = 9223372036854775808\n",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store, @1:0-1:1)], value=Constant(Int(9223372036854775807), @1:4-1:23), @1:0-1:23), Assign(targets=[Name(id='b', ctx=Store, @2:0-2:1)], value=Constant(Int(9223372036854775808), @2:4-2:23), @2:0-2:23)])"},
    {"numbers", "a = 1_000_000\nb = 0x_FF\nc = 1.5e-3\nd = .5\ne = 5.\nf = 1e400\ng = 3j\nh = 1.5J\ni = 0777j\nj = 00\n",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store, @1:0-1:1)], value=Constant(Int(1000000), @1:4-1:13), @1:0-1:13), Assign(targets=[Name(id='b', ctx=Store, @2:0-2:1)], value=Constant(Int(255), @2:4-2:9), @2:0-2:9), Assign(targets=[Name(id='c', ctx=Store, @3:0-3:1)], value=Constant(Float(0.0015), @3:4-3:10), @3:0-3:10), Assign(targets=[Name(id='d', ctx=Store, @4:0-4:1)], value=Constant(Float(0.5), @4:4-4:6), @4:0-4:6), Assign(targets=[Name(id='e', ctx=Store, @5:0-5:1)], value=Constant(Float(5), @5:4-5:6), @5:0-5:6), Assign(targets=[Name(id='f', ctx=Store, @6:0-6:1)], value=Constant(Float(inf), @6:4-6:9), @6:0-6:9), Assign(targets=[Name(id='g', ctx=Store, @7:0-7:1)], value=Constant(Imag(3), @7:4-7:6), @7:0-7:6), Assign(targets=[Name(id='h', ctx=Store, @8:0-8:1)], value=Constant(Imag(1.5), @8:4-8:8), @8:0-8:8), Assign(targets=[Name(id='i', ctx=Store, @9:0-9:1)], value=Constant(Imag(777), @9:4-9:9), @9:0-9:9), Assign(targets=[Name(id='j', ctx=Store, @10:0-10:1)], value=Constant(Int(0), @10:4-10:6), @10:0-10:6)])"},
    {"string_prefixes", "a = r'\\n'\nb = b'\\x00\\xff'\nc = Rb'\\d'\nd = u'\\u00e9'\n",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store, @1:0-1:1)], value=Constant(Str('\\x5cn'), @1:4-1:9), @1:0-1:9), Assign(targets=[Name(id='b', ctx=Store, @2:0-2:1)], value=Constant(Bytes('\\x00\\xff'), @2:4-2:15), @2:0-2:15), Assign(targets=[Name(id='c', ctx=Store, @3:0-3:1)], value=Constant(Bytes('\\x5cd'), @3:4-3:10), @3:0-3:10), Assign(targets=[Name(id='d', ctx=Store, @4:0-4:1)], value=Constant(Str('\\xc3\\xa9'), @4:4-4:13), @4:0-4:13)])"},
    {"string_escapes", "s = '\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r\\x41\\101\\0\\u20ac\\U0001F600\\q\\\n'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=Constant(Str('\\x0a\\x09\\x5c\\x27\"\\x07\\x08\\x0c\\x0b\\x0dAA\\x00\\xe2\\x82\\xac\\xf0\\x9f\\x98\\x80\\x5cq'), @1:4-2:1), @1:0-2:1)])"},
    {"implicit_concatenation", "s = 'a' \"b\" '''c'''\nt = b'x' b'y'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=Constant(Str('abc'), @1:4-1:19), @1:0-1:19), Assign(targets=[Name(id='t', ctx=Store, @2:0-2:1)], value=Constant(Bytes('xy'), @2:4-2:13), @2:0-2:13)])"},
    {"triple_quoted_string", "s = '''line1\nline2'''\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=Constant(Str('line1\\x0aline2'), @1:4-2:8), @1:0-2:8)])"},
    {"non_ascii", "caf\xc3""\xa9"" = '\xe2""\x82""\xac""'\n",
     "Module(body=[Assign(targets=[Name(id='caf\\xc3\\xa9', ctx=Store, @1:0-1:5)], value=Constant(Str('\\xe2\\x82\\xac'), @1:8-1:13), @1:0-1:13)])"},
    {"fstring_simple", "s = f'a{x}b{y!r}c{z:>10}'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[Constant(Str('a'), @1:4-1:25), FormattedValue(value=Name(id='x', ctx=Load, @1:8-1:9), conversion=-1, format_spec=None, @1:4-1:25), Constant(Str('b'), @1:4-1:25), FormattedValue(value=Name(id='y', ctx=Load, @1:12-1:13), conversion=114, format_spec=None, @1:4-1:25), Constant(Str('c'), @1:4-1:25), FormattedValue(value=Name(id='z', ctx=Load, @1:18-1:19), conversion=-1, format_spec=JoinedStr(values=[Constant(Str('>10'), @1:4-1:25)], @1:4-1:25), @1:4-1:25)], @1:4-1:25), @1:0-1:25)])"},
    {"fstring_nested_spec", "s = f'{x:{w}.{p}f}'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load, @1:7-1:8), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load, @1:10-1:11), conversion=-1, format_spec=None, @1:4-1:19), Constant(Str('.'), @1:4-1:19), FormattedValue(value=Name(id='p', ctx=Load, @1:14-1:15), conversion=-1, format_spec=None, @1:4-1:19), Constant(Str('f'), @1:4-1:19)], @1:4-1:19), @1:4-1:19)], @1:4-1:19), @1:0-1:19)])"},
    {"fstring_debug", "s = f'{x=}'\nt = f'{ x = !s}'\nu = f'{x=:>4}'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[Constant(Str('x='), @1:4-1:11), FormattedValue(value=Name(id='x', ctx=Load, @1:7-1:8), conversion=114, format_spec=None, @1:4-1:11)], @1:4-1:11), @1:0-1:11), Assign(targets=[Name(id='t', ctx=Store, @2:0-2:1)], value=JoinedStr(values=[Constant(Str(' x = '), @2:4-2:16), FormattedValue(value=Name(id='x', ctx=Load, @2:8-2:9), conversion=115, format_spec=None, @2:4-2:16)], @2:4-2:16), @2:0-2:16), Assign(targets=[Name(id='u', ctx=Store, @3:0-3:1)], value=JoinedStr(values=[Constant(Str('x='), @3:4-3:14), FormattedValue(value=Name(id='x', ctx=Load, @3:7-3:8), conversion=-1, format_spec=JoinedStr(values=[Constant(Str('>4'), @3:4-3:14)], @3:4-3:14), @3:4-3:14)], @3:4-3:14), @3:0-3:14)])"},
    {"fstring_braces_escaped", "s = f'{{x}} {x}'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[Constant(Str('{x} '), @1:4-1:16), FormattedValue(value=Name(id='x', ctx=Load, @1:13-1:14), conversion=-1, format_spec=None, @1:4-1:16)], @1:4-1:16), @1:0-1:16)])"},
    {"fstring_concatenated", "s = 'a' f'{x}' 'b' f'c'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[Constant(Str('a'), @1:4-1:23), FormattedValue(value=Name(id='x', ctx=Load, @1:11-1:12), conversion=-1, format_spec=None, @1:4-1:23), Constant(Str('bc'), @1:4-1:23)], @1:4-1:23), @1:0-1:23)])"},
    {"fstring_multiline", "s = f'''\n  {a}\n{\nb}'''\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[Constant(Str('\\x0a  '), @1:4-4:5), FormattedValue(value=Name(id='a', ctx=Load, @2:3-2:4), conversion=-1, format_spec=None, @1:4-4:5), Constant(Str('\\x0a'), @1:4-4:5), FormattedValue(value=Name(id='b', ctx=Load, @4:0-4:1), conversion=-1, format_spec=None, @1:4-4:5)], @1:4-4:5), @1:0-4:5)])"},
    {"fstring_tuple_expression", "s = f'{x, y}'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load, @1:7-1:8), Name(id='y', ctx=Load, @1:10-1:11)], ctx=Load, @1:6-1:12), conversion=-1, format_spec=None, @1:4-1:13)], @1:4-1:13), @1:0-1:13)])"},
    {"fstring_empty", "s = f''\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store, @1:0-1:1)], value=JoinedStr(values=[], @1:4-1:7), @1:0-1:7)])"},
    {"arithmetic_precedence", "x = -a ** -b * c + d // e % f - g @ h\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load, @1:5-1:6), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load, @1:11-1:12), @1:10-1:12), @1:5-1:12), @1:4-1:12), op=Mult(), right=Name(id='c', ctx=Load, @1:15-1:16), @1:4-1:16), op=Add(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load, @1:19-1:20), op=FloorDiv(), right=Name(id='e', ctx=Load, @1:24-1:25), @1:19-1:25), op=Mod(), right=Name(id='f', ctx=Load, @1:28-1:29), @1:19-1:29), @1:4-1:29), op=Sub(), right=BinOp(left=Name(id='g', ctx=Load, @1:32-1:33), op=MatMult(), right=Name(id='h', ctx=Load, @1:36-1:37), @1:32-1:37), @1:4-1:37), @1:0-1:37)])"},
    {"power_binds_tighter_than_unary", "x = -2 ** 2\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=UnaryOp(op=USub(), operand=BinOp(left=Constant(Int(2), @1:5-1:6), op=Pow(), right=Constant(Int(2), @1:10-1:11), @1:5-1:11), @1:4-1:11), @1:0-1:11)])"},
    {"bitwise", "x = a | b ^ c & d << e >> f\ny = ~a\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=BinOp(left=Name(id='a', ctx=Load, @1:4-1:5), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load, @1:8-1:9), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load, @1:12-1:13), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load, @1:16-1:17), op=LShift(), right=Name(id='e', ctx=Load, @1:21-1:22), @1:16-1:22), op=RShift(), right=Name(id='f', ctx=Load, @1:26-1:27), @1:16-1:27), @1:12-1:27), @1:8-1:27), @1:4-1:27), @1:0-1:27), Assign(targets=[Name(id='y', ctx=Store, @2:0-2:1)], value=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load, @2:5-2:6), @2:4-2:6), @2:0-2:6)])"},
    {"comparisons", "x = a < b <= c == d != e > f >= g\ny = a in b not in c is d is not e\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=Compare(left=Name(id='a', ctx=Load, @1:4-1:5), ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE()], comparators=[Name(id='b', ctx=Load, @1:8-1:9), Name(id='c', ctx=Load, @1:13-1:14), Name(id='d', ctx=Load, @1:18-1:19), Name(id='e', ctx=Load, @1:23-1:24), Name(id='f', ctx=Load, @1:27-1:28), Name(id='g', ctx=Load, @1:32-1:33)], @1:4-1:33), @1:0-1:33), Assign(targets=[Name(id='y', ctx=Store, @2:0-2:1)], value=Compare(left=Name(id='a', ctx=Load, @2:4-2:5), ops=[In(), NotIn(), Is(), IsNot()], comparators=[Name(id='b', ctx=Load, @2:9-2:10), Name(id='c', ctx=Load, @2:18-2:19), Name(id='d', ctx=Load, @2:23-2:24), Name(id='e', ctx=Load, @2:32-2:33)], @2:4-2:33), @2:0-2:33)])"},
    {"boolean_ops", "x = a and b or not c and d\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load, @1:4-1:5), Name(id='b', ctx=Load, @1:10-1:11)], @1:4-1:11), BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='c', ctx=Load, @1:19-1:20), @1:15-1:20), Name(id='d', ctx=Load, @1:25-1:26)], @1:15-1:26)], @1:4-1:26), @1:0-1:26)])"},
    {"conditional_expression", "x = a if b else c if d else e\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=IfExp(test=Name(id='b', ctx=Load, @1:9-1:10), body=Name(id='a', ctx=Load, @1:4-1:5), orelse=IfExp(test=Name(id='d', ctx=Load, @1:21-1:22), body=Name(id='c', ctx=Load, @1:16-1:17), orelse=Name(id='e', ctx=Load, @1:28-1:29), @1:16-1:29), @1:4-1:29), @1:0-1:29)])"},
    {"walrus", "if (n := len(a)) > 10:\n    pass\nprint(y := 1)\n",
     "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store, @1:4-1:5), value=Call(func=Name(id='len', ctx=Load, @1:9-1:12), args=[Name(id='a', ctx=Load, @1:13-1:14)], keywords=[], @1:9-1:15), @1:4-1:15), ops=[Gt()], comparators=[Constant(Int(10), @1:19-1:21)], @1:3-1:21), body=[Pass(@2:4-2:8)], orelse=[], @1:0-2:8), ExprStmt(value=Call(func=Name(id='print', ctx=Load, @3:0-3:5), args=[NamedExpr(target=Name(id='y', ctx=Store, @3:6-3:7), value=Constant(Int(1), @3:11-3:12), @3:6-3:12)], keywords=[], @3:0-3:13), @3:0-3:13)])"},
    {"lambdas", "f = lambda: 0\ng = lambda a, /, b=1, *c, d, e=2, **f: a\nh = lambda *, k: k\n",
     "Module(body=[Assign(targets=[Name(id='f', ctx=Store, @1:0-1:1)], value=Lambda(args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=Constant(Int(0), @1:12-1:13), @1:4-1:13), @1:0-1:13), Assign(targets=[Name(id='g', ctx=Store, @2:0-2:1)], value=Lambda(args=arguments(posonlyargs=[arg(arg='a', annotation=None, @2:11-2:12)], args=[arg(arg='b', annotation=None, @2:17-2:18)], vararg=arg(arg='c', annotation=None, @2:23-2:24), kwonlyargs=[arg(arg='d', annotation=None, @2:26-2:27), arg(arg='e', annotation=None, @2:29-2:30)], kw_defaults=[None, Constant(Int(2), @2:31-2:32)], kwarg=arg(arg='f', annotation=None, @2:36-2:37), defaults=[Constant(Int(1), @2:19-2:20)]), body=Name(id='a', ctx=Load, @2:39-2:40), @2:4-2:40), @2:0-2:40), Assign(targets=[Name(id='h', ctx=Store, @3:0-3:1)], value=Lambda(args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[arg(arg='k', annotation=None, @3:14-3:15)], kw_defaults=[None], kwarg=None, defaults=[]), body=Name(id='k', ctx=Load, @3:17-3:18), @3:4-3:18), @3:0-3:18)])"},
    {"calls", "f(a, *b, c=1, **d)\nf(x for x in y)\nf(a)(b)(c)\nf(*a, b, *c, k=1, *d, **e, m=2)\n",
     "Module(body=[ExprStmt(value=Call(func=Name(id='f', ctx=Load, @1:0-1:1), args=[Name(id='a', ctx=Load, @1:2-1:3), Starred(value=Name(id='b', ctx=Load, @1:6-1:7), ctx=Load, @1:5-1:7)], keywords=[keyword(arg='c', value=Constant(Int(1), @1:11-1:12), @1:9-1:12), keyword(arg=None, value=Name(id='d', ctx=Load, @1:16-1:17), @1:14-1:17)], @1:0-1:18), @1:0-1:18), ExprStmt(value=Call(func=Name(id='f', ctx=Load, @2:0-2:1), args=[GeneratorExp(elt=Name(id='x', ctx=Load, @2:2-2:3), generators=[comprehension(async=0, target=Name(id='x', ctx=Store, @2:8-2:9), iter=Name(id='y', ctx=Load, @2:13-2:14), ifs=[])], @2:1-2:15)], keywords=[], @2:0-2:15), @2:0-2:15), ExprStmt(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load, @3:0-3:1), args=[Name(id='a', ctx=Load, @3:2-3:3)], keywords=[], @3:0-3:4), args=[Name(id='b', ctx=Load, @3:5-3:6)], keywords=[], @3:0-3:7), args=[Name(id='c', ctx=Load, @3:8-3:9)], keywords=[], @3:0-3:10), @3:0-3:10), ExprStmt(value=Call(func=Name(id='f', ctx=Load, @4:0-4:1), args=[Starred(value=Name(id='a', ctx=Load, @4:3-4:4), ctx=Load, @4:2-4:4), Name(id='b', ctx=Load, @4:6-4:7), Starred(value=Name(id='c', ctx=Load, @4:10-4:11), ctx=Load, @4:9-4:11), Starred(value=Name(id='d', ctx=Load, @4:19-4:20), ctx=Load, @4:18-4:20)], keywords=[keyword(arg='k', value=Constant(Int(1), @4:15-4:16), @4:13-4:16), keyword(arg=None, value=Name(id='e', ctx=Load, @4:24-4:25), @4:22-4:25), keyword(arg='m', value=Constant(Int(2), @4:29-4:30), @4:27-4:30)], @4:0-4:31), @4:0-4:31)])"},
    {"attribute_chains", "a.b.c.d\na[1][2]\na.b(c)[d].e\n",
     "Module(body=[ExprStmt(value=Attribute(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load, @1:0-1:1), attr='b', ctx=Load, @1:0-1:3), attr='c', ctx=Load, @1:0-1:5), attr='d', ctx=Load, @1:0-1:7), @1:0-1:7), ExprStmt(value=Subscript(value=Subscript(value=Name(id='a', ctx=Load, @2:0-2:1), slice=Constant(Int(1), @2:2-2:3), ctx=Load, @2:0-2:4), slice=Constant(Int(2), @2:5-2:6), ctx=Load, @2:0-2:7), @2:0-2:7), ExprStmt(value=Attribute(value=Subscript(value=Call(func=Attribute(value=Name(id='a', ctx=Load, @3:0-3:1), attr='b', ctx=Load, @3:0-3:3), args=[Name(id='c', ctx=Load, @3:4-3:5)], keywords=[], @3:0-3:6), slice=Name(id='d', ctx=Load, @3:7-3:8), ctx=Load, @3:0-3:9), attr='e', ctx=Load, @3:0-3:11), @3:0-3:11)])"},
    {"slices", "a[:]\na[1:]\na[:2]\na[::3]\na[1:2:3]\na[1:2, 3]\na[*b]\na[b:=1]\n",
     "Module(body=[ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @1:0-1:1), slice=Slice(lower=None, upper=None, step=None, @1:2-1:3), ctx=Load, @1:0-1:4), @1:0-1:4), ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @2:0-2:1), slice=Slice(lower=Constant(Int(1), @2:2-2:3), upper=None, step=None, @2:2-2:4), ctx=Load, @2:0-2:5), @2:0-2:5), ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @3:0-3:1), slice=Slice(lower=None, upper=Constant(Int(2), @3:3-3:4), step=None, @3:2-3:4), ctx=Load, @3:0-3:5), @3:0-3:5), ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @4:0-4:1), slice=Slice(lower=None, upper=None, step=Constant(Int(3), @4:4-4:5), @4:2-4:5), ctx=Load, @4:0-4:6), @4:0-4:6), ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @5:0-5:1), slice=Slice(lower=Constant(Int(1), @5:2-5:3), upper=Constant(Int(2), @5:4-5:5), step=Constant(Int(3), @5:6-5:7), @5:2-5:7), ctx=Load, @5:0-5:8), @5:0-5:8), ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @6:0-6:1), slice=Tuple(elts=[Slice(lower=Constant(Int(1), @6:2-6:3), upper=Constant(Int(2), @6:4-6:5), step=None, @6:2-6:5), Constant(Int(3), @6:7-6:8)], ctx=Load, @6:2-6:8), ctx=Load, @6:0-6:9), @6:0-6:9), ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @7:0-7:1), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load, @7:3-7:4), ctx=Load, @7:2-7:4)], ctx=Load, @7:2-7:4), ctx=Load, @7:0-7:5), @7:0-7:5), ExprStmt(value=Subscript(value=Name(id='a', ctx=Load, @8:0-8:1), slice=NamedExpr(target=Name(id='b', ctx=Store, @8:2-8:3), value=Constant(Int(1), @8:5-8:6), @8:2-8:6), ctx=Load, @8:0-8:7), @8:0-8:7)])"},
    {"displays", "l = [1, *a, 2]\nt = (1,)\ne = ()\ns = {1, *a}\nd = {1: 2, **m, 3: 4}\nn = {}\n",
     "Module(body=[Assign(targets=[Name(id='l', ctx=Store, @1:0-1:1)], value=List(elts=[Constant(Int(1), @1:5-1:6), Starred(value=Name(id='a', ctx=Load, @1:9-1:10), ctx=Load, @1:8-1:10), Constant(Int(2), @1:12-1:13)], ctx=Load, @1:4-1:14), @1:0-1:14), Assign(targets=[Name(id='t', ctx=Store, @2:0-2:1)], value=Tuple(elts=[Constant(Int(1), @2:5-2:6)], ctx=Load, @2:4-2:8), @2:0-2:8), Assign(targets=[Name(id='e', ctx=Store, @3:0-3:1)], value=Tuple(elts=[], ctx=Load, @3:4-3:6), @3:0-3:6), Assign(targets=[Name(id='s', ctx=Store, @4:0-4:1)], value=Set(elts=[Constant(Int(1), @4:5-4:6), Starred(value=Name(id='a', ctx=Load, @4:9-4:10), ctx=Load, @4:8-4:10)], @4:4-4:11), @4:0-4:11), Assign(targets=[Name(id='d', ctx=Store, @5:0-5:1)], value=Dict(keys=[Constant(Int(1), @5:5-5:6), None, Constant(Int(3), @5:16-5:17)], values=[Constant(Int(2), @5:8-5:9), Name(id='m', ctx=Load, @5:13-5:14), Constant(Int(4), @5:19-5:20)], @5:4-5:21), @5:0-5:21), Assign(targets=[Name(id='n', ctx=Store, @6:0-6:1)], value=Dict(keys=[], values=[], @6:4-6:6), @6:0-6:6)])"},
    {"comprehensions", "a = [x for x in y if x if z]\nb = {x for x in y for z in x}\nc = {k: v for k, v in d}\ng = (x async for x in y)\n",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store, @1:0-1:1)], value=ListComp(elt=Name(id='x', ctx=Load, @1:5-1:6), generators=[comprehension(async=0, target=Name(id='x', ctx=Store, @1:11-1:12), iter=Name(id='y', ctx=Load, @1:16-1:17), ifs=[Name(id='x', ctx=Load, @1:21-1:22), Name(id='z', ctx=Load, @1:26-1:27)])], @1:4-1:28), @1:0-1:28), Assign(targets=[Name(id='b', ctx=Store, @2:0-2:1)], value=SetComp(elt=Name(id='x', ctx=Load, @2:5-2:6), generators=[comprehension(async=0, target=Name(id='x', ctx=Store, @2:11-2:12), iter=Name(id='y', ctx=Load, @2:16-2:17), ifs=[]), comprehension(async=0, target=Name(id='z', ctx=Store, @2:22-2:23), iter=Name(id='x', ctx=Load, @2:27-2:28), ifs=[])], @2:4-2:29), @2:0-2:29), Assign(targets=[Name(id='c', ctx=Store, @3:0-3:1)], value=DictComp(key=Name(id='k', ctx=Load, @3:5-3:6), value=Name(id='v', ctx=Load, @3:8-3:9), generators=[comprehension(async=0, target=Tuple(elts=[Name(id='k', ctx=Store, @3:14-3:15), Name(id='v', ctx=Store, @3:17-3:18)], ctx=Store, @3:14-3:18), iter=Name(id='d', ctx=Load, @3:22-3:23), ifs=[])], @3:4-3:24), @3:0-3:24), Assign(targets=[Name(id='g', ctx=Store, @4:0-4:1)], value=GeneratorExp(elt=Name(id='x', ctx=Load, @4:5-4:6), generators=[comprehension(async=1, target=Name(id='x', ctx=Store, @4:17-4:18), iter=Name(id='y', ctx=Load, @4:22-4:23), ifs=[])], @4:4-4:24), @4:0-4:24)])"},
    {"await_and_yield", "async def f():\n    await g()\n    x = await a ** 2\n\ndef g():\n    x = yield\n    yield a, b\n    y = yield from z\n    await_ = (yield)\n",
     "Module(body=[FunctionDef(async=1, name='f', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[ExprStmt(value=Await(value=Call(func=Name(id='g', ctx=Load, @2:10-2:11), args=[], keywords=[], @2:10-2:13), @2:4-2:13), @2:4-2:13), Assign(targets=[Name(id='x', ctx=Store, @3:4-3:5)], value=BinOp(left=Await(value=Name(id='a', ctx=Load, @3:14-3:15), @3:8-3:15), op=Pow(), right=Constant(Int(2), @3:19-3:20), @3:8-3:20), @3:4-3:20)], decorator_list=[], returns=None, @1:0-3:20), FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store, @6:4-6:5)], value=Yield(value=None, @6:8-6:13), @6:4-6:13), ExprStmt(value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load, @7:10-7:11), Name(id='b', ctx=Load, @7:13-7:14)], ctx=Load, @7:10-7:14), @7:4-7:14), @7:4-7:14), Assign(targets=[Name(id='y', ctx=Store, @8:4-8:5)], value=YieldFrom(value=Name(id='z', ctx=Load, @8:19-8:20), @8:8-8:20), @8:4-8:20), Assign(targets=[Name(id='await_', ctx=Store, @9:4-9:10)], value=Yield(value=None, @9:14-9:19), @9:4-9:20)], decorator_list=[], returns=None, @5:0-9:20)])"},
    {"ellipsis_and_singletons", "x = ...\ny = None, True, False\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=Constant(Ellipsis, @1:4-1:7), @1:0-1:7), Assign(targets=[Name(id='y', ctx=Store, @2:0-2:1)], value=Tuple(elts=[Constant(None, @2:4-2:8), Constant(True, @2:10-2:14), Constant(False, @2:16-2:21)], ctx=Load, @2:4-2:21), @2:0-2:21)])"},
    {"starred_expressions", "print(*a)\nx = *a, *b\n",
     "Module(body=[ExprStmt(value=Call(func=Name(id='print', ctx=Load, @1:0-1:5), args=[Starred(value=Name(id='a', ctx=Load, @1:7-1:8), ctx=Load, @1:6-1:8)], keywords=[], @1:0-1:9), @1:0-1:9), Assign(targets=[Name(id='x', ctx=Store, @2:0-2:1)], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load, @2:5-2:6), ctx=Load, @2:4-2:6), Starred(value=Name(id='b', ctx=Load, @2:9-2:10), ctx=Load, @2:8-2:10)], ctx=Load, @2:4-2:10), @2:0-2:10)])"},
    {"function_definitions", "@dec\n@dec2(1)\ndef f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw) -> None:\n    '''doc'''\n    return a\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', annotation=None, @3:6-3:7), arg(arg='b', annotation=Name(id='int', ctx=Load, @3:12-3:15), @3:9-3:15)], args=[arg(arg='c', annotation=None, @3:24-3:25)], vararg=arg(arg='args', annotation=Name(id='str', ctx=Load, @3:36-3:39), @3:30-3:39), kwonlyargs=[arg(arg='d', annotation=None, @3:41-3:42), arg(arg='e', annotation=None, @3:44-3:45)], kw_defaults=[None, Constant(Int(3), @3:46-3:47)], kwarg=arg(arg='kw', annotation=None, @3:51-3:53), defaults=[Constant(Int(1), @3:18-3:19), Constant(Int(2), @3:26-3:27)]), body=[ExprStmt(value=Constant(Str('doc'), @4:4-4:13), @4:4-4:13), Return(value=Name(id='a', ctx=Load, @5:11-5:12), @5:4-5:12)], decorator_list=[Name(id='dec', ctx=Load, @1:1-1:4), Call(func=Name(id='dec2', ctx=Load, @2:1-2:5), args=[Constant(Int(1), @2:6-2:7)], keywords=[], @2:1-2:8)], returns=Constant(None, @3:58-3:62), @3:0-5:12)])"},
    {"async_function", "async def f():\n    async with a as b, c:\n        pass\n    async for x in y:\n        pass\n",
     "Module(body=[FunctionDef(async=1, name='f', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[With(async=1, items=[withitem(context_expr=Name(id='a', ctx=Load, @2:15-2:16), optional_vars=Name(id='b', ctx=Store, @2:20-2:21)), withitem(context_expr=Name(id='c', ctx=Load, @2:23-2:24), optional_vars=None)], body=[Pass(@3:8-3:12)], @2:4-3:12), For(async=1, target=Name(id='x', ctx=Store, @4:14-4:15), iter=Name(id='y', ctx=Load, @4:19-4:20), body=[Pass(@5:8-5:12)], orelse=[], @4:4-5:12)], decorator_list=[], returns=None, @1:0-5:12)])"},
    {"class_definition", "@dec\nclass A(B, C, metaclass=M, **kw):\n    x = 1\n    def m(self):\n        pass\n",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load, @2:8-2:9), Name(id='C', ctx=Load, @2:11-2:12)], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load, @2:24-2:25), @2:14-2:25), keyword(arg=None, value=Name(id='kw', ctx=Load, @2:29-2:31), @2:27-2:31)], body=[Assign(targets=[Name(id='x', ctx=Store, @3:4-3:5)], value=Constant(Int(1), @3:8-3:9), @3:4-3:9), FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self', annotation=None, @4:10-4:14)], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Pass(@5:8-5:12)], decorator_list=[], returns=None, @4:4-5:12)], decorator_list=[Name(id='dec', ctx=Load, @1:1-1:4)], @2:0-5:12)])"},
    {"if_elif_else", "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\n",
     "Module(body=[If(test=Name(id='a', ctx=Load, @1:3-1:4), body=[Pass(@2:4-2:8)], orelse=[If(test=Name(id='b', ctx=Load, @3:5-3:6), body=[Pass(@4:4-4:8)], orelse=[If(test=Name(id='c', ctx=Load, @5:5-5:6), body=[Pass(@6:4-6:8)], orelse=[Pass(@8:4-8:8)], @5:0-8:8)], @3:0-8:8)], @1:0-8:8)])"},
    {"loops_with_else", "while a:\n    break\nelse:\n    pass\nfor x, y in z:\n    continue\nelse:\n    pass\n",
     "Module(body=[While(test=Name(id='a', ctx=Load, @1:6-1:7), body=[Break(@2:4-2:9)], orelse=[Pass(@4:4-4:8)], @1:0-4:8), For(target=Tuple(elts=[Name(id='x', ctx=Store, @5:4-5:5), Name(id='y', ctx=Store, @5:7-5:8)], ctx=Store, @5:4-5:8), iter=Name(id='z', ctx=Load, @5:12-5:13), body=[Continue(@6:4-6:12)], orelse=[Pass(@8:4-8:8)], @5:0-8:8)])"},
    {"with_statements", "with a:\n    pass\nwith a as b, c as (d, e):\n    pass\nwith (a as b, c):\n    pass\nwith (a, b):\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load, @1:5-1:6), optional_vars=None)], body=[Pass(@2:4-2:8)], @1:0-2:8), With(items=[withitem(context_expr=Name(id='a', ctx=Load, @3:5-3:6), optional_vars=Name(id='b', ctx=Store, @3:10-3:11)), withitem(context_expr=Name(id='c', ctx=Load, @3:13-3:14), optional_vars=Tuple(elts=[Name(id='d', ctx=Store, @3:19-3:20), Name(id='e', ctx=Store, @3:22-3:23)], ctx=Store, @3:18-3:24))], body=[Pass(@4:4-4:8)], @3:0-4:8), With(items=[withitem(context_expr=Name(id='a', ctx=Load, @5:6-5:7), optional_vars=Name(id='b', ctx=Store, @5:11-5:12)), withitem(context_expr=Name(id='c', ctx=Load, @5:14-5:15), optional_vars=None)], body=[Pass(@6:4-6:8)], @5:0-6:8), With(items=[withitem(context_expr=Name(id='a', ctx=Load, @7:6-7:7), optional_vars=None), withitem(context_expr=Name(id='b', ctx=Load, @7:9-7:10), optional_vars=None)], body=[Pass(@8:4-8:8)], @7:0-8:8)])"},
    {"try_statements", "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
     "Module(body=[Try(body=[Pass(@2:4-2:8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load, @3:7-3:8), name='e', body=[Pass(@4:4-4:8)], @3:0-4:8), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load, @5:8-5:9), Name(id='B', ctx=Load, @5:11-5:12)], ctx=Load, @5:7-5:13), name=None, body=[Pass(@6:4-6:8)], @5:0-6:8), ExceptHandler(type=None, name=None, body=[Pass(@8:4-8:8)], @7:0-8:8)], orelse=[Pass(@10:4-10:8)], finalbody=[Pass(@12:4-12:8)], @1:0-12:8)])"},
    {"try_star", "try:\n    pass\nexcept* E as e:\n    pass\n",
     "Module(body=[Try(star=1, body=[Pass(@2:4-2:8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load, @3:8-3:9), name='e', body=[Pass(@4:4-4:8)], @3:0-4:8)], orelse=[], finalbody=[], @1:0-4:8)])"},
    {"raise_and_assert", "raise\nraise E\nraise E from c\nassert x\nassert x, 'msg'\n",
     "Module(body=[Raise(exc=None, cause=None, @1:0-1:5), Raise(exc=Name(id='E', ctx=Load, @2:6-2:7), cause=None, @2:0-2:7), Raise(exc=Name(id='E', ctx=Load, @3:6-3:7), cause=Name(id='c', ctx=Load, @3:13-3:14), @3:0-3:14), Assert(test=Name(id='x', ctx=Load, @4:7-4:8), msg=None, @4:0-4:8), Assert(test=Name(id='x', ctx=Load, @5:7-5:8), msg=Constant(Str('msg'), @5:10-5:15), @5:0-5:15)])"},
    {"imports", "import a\nimport a.b.c as d, e\nfrom . import x\nfrom ..a import (b as c, d,)\nfrom a import *\nfrom ... import z\n",
     "Module(body=[Import(names=[alias(name='a', asname=None, @1:7-1:8)], @1:0-1:8), Import(names=[alias(name='a.b.c', asname='d', @2:7-2:17), alias(name='e', asname=None, @2:19-2:20)], @2:0-2:20), ImportFrom(module=None, names=[alias(name='x', asname=None, @3:14-3:15)], level=1, @3:0-3:15), ImportFrom(module='a', names=[alias(name='b', asname='c', @4:17-4:23), alias(name='d', asname=None, @4:25-4:26)], level=2, @4:0-4:28), ImportFrom(module='a', names=[alias(name='*', asname=None, @5:14-5:15)], level=0, @5:0-5:15), ImportFrom(module=None, names=[alias(name='z', asname=None, @6:16-6:17)], level=3, @6:0-6:17)])"},
    {"global_nonlocal_del_pass", "def f():\n    global a, b\n    c = 1\n    def g():\n        nonlocal c\n    del a, b[1], c.d\n    pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Global(names=['a', 'b'], @2:4-2:15), Assign(targets=[Name(id='c', ctx=Store, @3:4-3:5)], value=Constant(Int(1), @3:8-3:9), @3:4-3:9), FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Nonlocal(names=['c'], @5:8-5:18)], decorator_list=[], returns=None, @4:4-5:18), Delete(targets=[Name(id='a', ctx=Del, @6:8-6:9), Subscript(value=Name(id='b', ctx=Load, @6:11-6:12), slice=Constant(Int(1), @6:13-6:14), ctx=Del, @6:11-6:15), Attribute(value=Name(id='c', ctx=Load, @6:17-6:18), attr='d', ctx=Del, @6:17-6:20)], @6:4-6:20), Pass(@7:4-7:8)], decorator_list=[], returns=None, @1:0-7:8)])"},
    {"one_line_compound_statements", "if x: y = 1; z = 2\nwhile x: pass\nfor a in b: c\nclass C: pass\ndef f(): return\n",
     "Module(body=[If(test=Name(id='x', ctx=Load, @1:3-1:4), body=[Assign(targets=[Name(id='y', ctx=Store, @1:6-1:7)], value=Constant(Int(1), @1:10-1:11), @1:6-1:11), Assign(targets=[Name(id='z', ctx=Store, @1:13-1:14)], value=Constant(Int(2), @1:17-1:18), @1:13-1:18)], orelse=[], @1:0-1:18), While(test=Name(id='x', ctx=Load, @2:6-2:7), body=[Pass(@2:9-2:13)], orelse=[], @2:0-2:13), For(target=Name(id='a', ctx=Store, @3:4-3:5), iter=Name(id='b', ctx=Load, @3:9-3:10), body=[ExprStmt(value=Name(id='c', ctx=Load, @3:12-3:13), @3:12-3:13)], orelse=[], @3:0-3:13), ClassDef(name='C', bases=[], keywords=[], body=[Pass(@4:9-4:13)], decorator_list=[], @4:0-4:13), FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Return(value=None, @5:9-5:15)], decorator_list=[], returns=None, @5:0-5:15)])"},
    {"decorator_expression", "@a.b[c](d)\ndef f(): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Pass(@2:9-2:13)], decorator_list=[Call(func=Subscript(value=Attribute(value=Name(id='a', ctx=Load, @1:1-1:2), attr='b', ctx=Load, @1:1-1:4), slice=Name(id='c', ctx=Load, @1:5-1:6), ctx=Load, @1:1-1:7), args=[Name(id='d', ctx=Load, @1:8-1:9)], keywords=[], @1:1-1:10)], returns=None, @2:0-2:13)])"},
    {"line_continuation", "x = 1 + \\\n    2\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=BinOp(left=Constant(Int(1), @1:4-1:5), op=Add(), right=Constant(Int(2), @2:4-2:5), @1:4-2:5), @1:0-2:5)])"},
    {"implicit_line_joining", "x = (1 +\n     2)\ny = [\n    1,\n    2,\n]\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=BinOp(left=Constant(Int(1), @1:5-1:6), op=Add(), right=Constant(Int(2), @2:5-2:6), @1:5-2:6), @1:0-2:7), Assign(targets=[Name(id='y', ctx=Store, @3:0-3:1)], value=List(elts=[Constant(Int(1), @4:4-4:5), Constant(Int(2), @5:4-5:5)], ctx=Load, @3:4-6:1), @3:0-6:1)])"},
    {"comments_and_blank_lines", "# comment\n\nx = 1  # trailing\n\n    # indented comment\ny = 2\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @3:0-3:1)], value=Constant(Int(1), @3:4-3:5), @3:0-3:5), Assign(targets=[Name(id='y', ctx=Store, @6:0-6:1)], value=Constant(Int(2), @6:4-6:5), @6:0-6:5)])"},
    {"tabs_indentation", "if x:\n\ty = 1\n\tif z:\n\t\tpass\n",
     "Module(body=[If(test=Name(id='x', ctx=Load, @1:3-1:4), body=[Assign(targets=[Name(id='y', ctx=Store, @2:1-2:2)], value=Constant(Int(1), @2:5-2:6), @2:1-2:6), If(test=Name(id='z', ctx=Load, @3:4-3:5), body=[Pass(@4:2-4:6)], orelse=[], @3:1-4:6)], orelse=[], @1:0-4:6)])"},
    {"crlf_newlines", "x = 1\r\nif x:\r\n    y = 2\r\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=Constant(Int(1), @1:4-1:5), @1:0-1:5), If(test=Name(id='x', ctx=Load, @2:3-2:4), body=[Assign(targets=[Name(id='y', ctx=Store, @3:4-3:5)], value=Constant(Int(2), @3:8-3:9), @3:4-3:9)], orelse=[], @2:0-3:9)])"},
    {"no_final_newline", "x = 1\nif x:\n    y = 2",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=Constant(Int(1), @1:4-1:5), @1:0-1:5), If(test=Name(id='x', ctx=Load, @2:3-2:4), body=[Assign(targets=[Name(id='y', ctx=Store, @3:4-3:5)], value=Constant(Int(2), @3:8-3:9), @3:4-3:9)], orelse=[], @2:0-3:9)])"},
    {"soft_keywords_as_names", "match = 1\ncase = match\n_ = case\nmatch(x)\nmatch[x]\n",
     "Module(body=[Assign(targets=[Name(id='match', ctx=Store, @1:0-1:5)], value=Constant(Int(1), @1:8-1:9), @1:0-1:9), Assign(targets=[Name(id='case', ctx=Store, @2:0-2:4)], value=Name(id='match', ctx=Load, @2:7-2:12), @2:0-2:12), Assign(targets=[Name(id='_', ctx=Store, @3:0-3:1)], value=Name(id='case', ctx=Load, @3:4-3:8), @3:0-3:8), ExprStmt(value=Call(func=Name(id='match', ctx=Load, @4:0-4:5), args=[Name(id='x', ctx=Load, @4:6-4:7)], keywords=[], @4:0-4:8), @4:0-4:8), ExprStmt(value=Subscript(value=Name(id='match', ctx=Load, @5:0-5:5), slice=Name(id='x', ctx=Load, @5:6-5:7), ctx=Load, @5:0-5:8), @5:0-5:8)])"},
    {"print_call_ok", "print('a', sep='', end='\\n')\n",
     "Module(body=[ExprStmt(value=Call(func=Name(id='print', ctx=Load, @1:0-1:5), args=[Constant(Str('a'), @1:6-1:9)], keywords=[keyword(arg='sep', value=Constant(Str(''), @1:15-1:17), @1:11-1:17), keyword(arg='end', value=Constant(Str('\\x0a'), @1:23-1:27), @1:19-1:27)], @1:0-1:28), @1:0-1:28)])"},
    {"generator_expression_in_call_only_argument", "sum(x * x for x in range(10))\n",
     "Module(body=[ExprStmt(value=Call(func=Name(id='sum', ctx=Load, @1:0-1:3), args=[GeneratorExp(elt=BinOp(left=Name(id='x', ctx=Load, @1:4-1:5), op=Mult(), right=Name(id='x', ctx=Load, @1:8-1:9), @1:4-1:9), generators=[comprehension(async=0, target=Name(id='x', ctx=Store, @1:14-1:15), iter=Call(func=Name(id='range', ctx=Load, @1:19-1:24), args=[Constant(Int(10), @1:25-1:27)], keywords=[], @1:19-1:28), ifs=[])], @1:3-1:29)], keywords=[], @1:0-1:29), @1:0-1:29)])"},
    {"keywords_in_class_call", "class A(object, **kw): pass\n",
     "Module(body=[ClassDef(name='A', bases=[Name(id='object', ctx=Load, @1:8-1:14)], keywords=[keyword(arg=None, value=Name(id='kw', ctx=Load, @1:18-1:20), @1:16-1:20)], body=[Pass(@1:23-1:27)], decorator_list=[], @1:0-1:27)])"},
    {"return_tuple_with_star", "def f():\n    return 1, *a\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Return(value=Tuple(elts=[Constant(Int(1), @2:11-2:12), Starred(value=Name(id='a', ctx=Load, @2:15-2:16), ctx=Load, @2:14-2:16)], ctx=Load, @2:11-2:16), @2:4-2:16)], decorator_list=[], returns=None, @1:0-2:16)])"},
    {"nested_functions_and_closures", "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n    return inner\n",
     "Module(body=[FunctionDef(name='outer', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store, @2:4-2:5)], value=Constant(Int(1), @2:8-2:9), @2:4-2:9), FunctionDef(name='inner', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[Nonlocal(names=['x'], @4:8-4:18), AugAssign(target=Name(id='x', ctx=Store, @5:8-5:9), op=Add(), value=Constant(Int(1), @5:13-5:14), @5:8-5:14)], decorator_list=[], returns=None, @3:4-5:14), Return(value=Name(id='inner', ctx=Load, @6:11-6:16), @6:4-6:16)], decorator_list=[], returns=None, @1:0-6:16)])"},
    {"asyncio_scenario", "import asyncio\n\nasync def worker(name, delay):\n    await asyncio.sleep(delay)\n    print(f'{name} done after {delay:.1f}s')\n\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        for i in range(3):\n            tg.create_task(worker(f'w{i}', i / 10))\n\nasyncio.run(main())\n",
     "Module(body=[Import(names=[alias(name='asyncio', asname=None, @1:7-1:14)], @1:0-1:14), FunctionDef(async=1, name='worker', args=arguments(posonlyargs=[], args=[arg(arg='name', annotation=None, @3:17-3:21), arg(arg='delay', annotation=None, @3:23-3:28)], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[ExprStmt(value=Await(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load, @4:10-4:17), attr='sleep', ctx=Load, @4:10-4:23), args=[Name(id='delay', ctx=Load, @4:24-4:29)], keywords=[], @4:10-4:30), @4:4-4:30), @4:4-4:30), ExprStmt(value=Call(func=Name(id='print', ctx=Load, @5:4-5:9), args=[JoinedStr(values=[FormattedValue(value=Name(id='name', ctx=Load, @5:13-5:17), conversion=-1, format_spec=None, @5:10-5:43), Constant(Str(' done after '), @5:10-5:43), FormattedValue(value=Name(id='delay', ctx=Load, @5:31-5:36), conversion=-1, format_spec=JoinedStr(values=[Constant(Str('.1f'), @5:10-5:43)], @5:10-5:43), @5:10-5:43), Constant(Str('s'), @5:10-5:43)], @5:10-5:43)], keywords=[], @5:4-5:44), @5:4-5:44)], decorator_list=[], returns=None, @3:0-5:44), FunctionDef(async=1, name='main', args=arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]), body=[With(async=1, items=[withitem(context_expr=Call(func=Attribute(value=Name(id='asyncio', ctx=Load, @8:15-8:22), attr='TaskGroup', ctx=Load, @8:15-8:32), args=[], keywords=[], @8:15-8:34), optional_vars=Name(id='tg', ctx=Store, @8:38-8:40))], body=[For(target=Name(id='i', ctx=Store, @9:12-9:13), iter=Call(func=Name(id='range', ctx=Load, @9:17-9:22), args=[Constant(Int(3), @9:23-9:24)], keywords=[], @9:17-9:25), body=[ExprStmt(value=Call(func=Attribute(value=Name(id='tg', ctx=Load, @10:12-10:14), attr='create_task', ctx=Load, @10:12-10:26), args=[Call(func=Name(id='worker', ctx=Load, @10:27-10:33), args=[JoinedStr(values=[Constant(Str('w'), @10:34-10:41), FormattedValue(value=Name(id='i', ctx=Load, @10:38-10:39), conversion=-1, format_spec=None, @10:34-10:41)], @10:34-10:41), BinOp(left=Name(id='i', ctx=Load, @10:43-10:44), op=Div(), right=Constant(Int(10), @10:47-10:49), @10:43-10:49)], keywords=[], @10:27-10:50)], keywords=[], @10:12-10:51), @10:12-10:51)], orelse=[], @9:8-10:51)], @8:4-10:51)], decorator_list=[], returns=None, @7:0-10:51), ExprStmt(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load, @12:0-12:7), attr='run', ctx=Load, @12:0-12:11), args=[Call(func=Name(id='main', ctx=Load, @12:12-12:16), args=[], keywords=[], @12:12-12:18)], keywords=[], @12:0-12:19), @12:0-12:19)])"},
};

class ParsesLikeCPython : public testing::TestWithParam<AstCase> {};

TEST_P(ParsesLikeCPython, sameTreeAndPositions) {
    EXPECT_EQ(dumpSource(GetParam().source), GetParam().dump);
}

INSTANTIATE_TEST_SUITE_P(Constructs, ParsesLikeCPython, testing::ValuesIn(kAstCases),
                         [](const testing::TestParamInfo<AstCase>& info) { return testName(info.param.name); });

// ---------------------------------------------------------------- errors

struct ErrorCase {
    std::string_view name;
    std::string_view source;  // empty: built by bigSource(name)
    std::string_view stderrText;
};

// Sources too long to spell out.
std::string bigSource(std::string_view name) {
    if (name == "too_many_nested_parentheses") return "x = " + repeat("(", 201) + repeat(")", 201) + "\n";
    if (name == "too_many_indentation_levels") {
        std::string s;
        for (int i = 0; i < 101; ++i) s += repeat("    ", i) + "if x:\n";
        return s + repeat("    ", 101) + "pass\n";
    }
    if (name == "deep_unary_chain_is_recursion_error") return "x = " + repeat("-", 3000) + "1\n";
    if (name == "very_deep_unary_chain_is_memory_error") return "x = " + repeat("-", 100000) + "1\n";
    if (name == "long_operator_chain_is_recursion_error") return "x = " + repeat("1+", 100000) + "1\n";
    if (name == "error_on_very_long_line") return "x = [" + repeat("1, ", 400) + "2 3]\n";
    return {};
}

// What `python3 t.py` wrote to stderr for each source.
const ErrorCase kErrorCases[] = {
    {"missing_colon_after_if", "x = 1\nif x == 6\n    print(x)\n"sv,
     "  File \"t.py\", line 2\n    if x == 6\n             ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_def", "def f()\n    pass\n"sv,
     "  File \"t.py\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_class", "class A(B)\n    pass\n"sv,
     "  File \"t.py\", line 1\n    class A(B)\n              ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_for", "for x in y\n    pass\n"sv,
     "  File \"t.py\", line 1\n    for x in y\n              ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_while", "while x\n    pass\n"sv,
     "  File \"t.py\", line 1\n    while x\n           ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_with", "with a as b\n    pass\n"sv,
     "  File \"t.py\", line 1\n    with a as b\n               ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_try", "try\n    pass\n"sv,
     "  File \"t.py\", line 1\n    try\n       ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_except", "try:\n    pass\nexcept E\n    pass\n"sv,
     "  File \"t.py\", line 3\n    except E\n            ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_after_else", "if x:\n    pass\nelse\n    pass\n"sv,
     "  File \"t.py\", line 3\n    else\n        ^\nSyntaxError: expected ':'\n"},
    {"missing_colon_before_comment", "if x  # check\n    pass\n"sv,
     "  File \"t.py\", line 1\n    if x  # check\n          ^^^^^^^\nSyntaxError: expected ':'\n"},
    {"invalid_syntax_two_names", "x = 1\ny = a b\n"sv,
     "  File \"t.py\", line 2\n    y = a b\n          ^\nSyntaxError: invalid syntax\n"},
    {"invalid_syntax_dollar", "x = $\n"sv,
     "  File \"t.py\", line 1\n    x = $\n        ^\nSyntaxError: invalid syntax\n"},
    {"invalid_syntax_trailing_operator", "x = 1 +\n"sv,
     "  File \"t.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n"},
    {"invalid_syntax_not_equal_legacy", "x = 1 <> 2\n"sv,
     "  File \"t.py\", line 1\n    x = 1 <> 2\n          ^^\nSyntaxError: invalid syntax\n"},
    {"never_closed_paren", "x = (1,\ny = 2\n"sv,
     "  File \"t.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"},
    {"never_closed_bracket_at_eof", "foo([\n"sv,
     "  File \"t.py\", line 1\n    foo([\n        ^\nSyntaxError: '[' was never closed\n"},
    {"never_closed_before_later_error", "values = [1, 2\nif x:\n    pass\n"sv,
     "  File \"t.py\", line 1\n    values = [1, 2\n             ^\nSyntaxError: '[' was never closed\n"},
    {"mismatched_brackets", "x = [1, 2)\n"sv,
     "  File \"t.py\", line 1\n    x = [1, 2)\n             ^\nSyntaxError: closing parenthesis ')' does not match opening parenthesis '['\n"},
    {"mismatched_brackets_other_line", "x = [\n    1,\n    2)\n"sv,
     "  File \"t.py\", line 3\n    2)\n     ^\nSyntaxError: closing parenthesis ')' does not match opening parenthesis '[' on line 1\n"},
    {"unmatched_closing_paren", "x = 1)\n"sv,
     "  File \"t.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n"},
    {"unmatched_closing_brace", "x = }\n"sv,
     "  File \"t.py\", line 1\n    x = }\n        ^\nSyntaxError: unmatched '}'\n"},
    {"unexpected_indent", "x = 1\n    y = 2\n"sv,
     "  File \"t.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"},
    {"expected_indented_block_if", "if True:\nprint(1)\n"sv,
     "  File \"t.py\", line 2\n    print(1)\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"},
    {"expected_indented_block_def", "def f():\nreturn 1\n"sv,
     "  File \"t.py\", line 2\n    return 1\n    ^\nIndentationError: expected an indented block after function definition on line 1\n"},
    {"expected_indented_block_at_eof", "for x in y:\n"sv,
     "  File \"t.py\", line 1\n    for x in y:\nIndentationError: expected an indented block after 'for' statement on line 1\n"},
    {"expected_indented_block_elif", "if x:\n    pass\nelif y:\npass\n"sv,
     "  File \"t.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'elif' statement on line 3\n"},
    {"expected_indented_block_except", "try:\n    pass\nexcept ValueError:\npass\n"sv,
     "  File \"t.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'except' statement on line 3\n"},
    {"expected_indented_block_with", "with a:\npass\n"sv,
     "  File \"t.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'with' statement on line 1\n"},
    {"expected_indented_block_class", "class A:\npass\n"sv,
     "  File \"t.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after class definition on line 1\n"},
    {"unindent_mismatch", "if x:\n        a = 1\n    b = 2\n"sv,
     "  File \"t.py\", line 3\n    b = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"},
    {"tab_error", "if x:\n\ta = 1\n        b = 2\n"sv,
     "  File \"t.py\", line 3\n    b = 2\nTabError: inconsistent use of tabs and spaces in indentation\n"},
    {"unterminated_string", "s = 'abc\n"sv,
     "  File \"t.py\", line 1\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"},
    {"unterminated_string_prefixed", "s = f\"abc {x}\n"sv,
     "  File \"t.py\", line 1\n    s = f\"abc {x}\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"},
    {"unterminated_triple_quoted", "s = '''abc\n\nx = 1\n"sv,
     "  File \"t.py\", line 1\n    s = '''abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 3)\n"},
    {"forgot_comma_in_list", "x = [a b]\n"sv,
     "  File \"t.py\", line 1\n    x = [a b]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
    {"forgot_comma_in_call", "print(x y)\n"sv,
     "  File \"t.py\", line 1\n    print(x y)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
    {"forgot_comma_multiline", "x = (1 +\n      2 3)\n"sv,
     "  File \"t.py\", line 1\n    x = (1 +\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
    {"assign_to_literal", "1 = x\n"sv,
     "  File \"t.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"},
    {"assign_to_literal_in_if", "if x = 1:\n    pass\n"sv,
     "  File \"t.py\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n"},
    {"assign_to_call", "f() = 1\n"sv,
     "  File \"t.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"},
    {"assign_to_expression", "a + b = c\n"sv,
     "  File \"t.py\", line 1\n    a + b = c\n    ^^^^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n"},
    {"assign_to_call_in_for", "for f() in x:\n    pass\n"sv,
     "  File \"t.py\", line 1\n    for f() in x:\n        ^^^\nSyntaxError: cannot assign to function call\n"},
    {"delete_call", "del f()\n"sv,
     "  File \"t.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n"},
    {"augmented_assign_to_tuple", "a, b += 1\n"sv,
     "  File \"t.py\", line 1\n    a, b += 1\n    ^^^^\nSyntaxError: 'tuple' is an illegal expression for augmented assignment\n"},
    {"return_outside_function", "x = 1\nreturn x\n"sv,
     "  File \"t.py\", line 2\n    return x\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n"},
    {"return_in_class_body", "class A:\n    return 1\n"sv,
     "  File \"t.py\", line 2\n    return 1\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n"},
    {"break_outside_loop", "if x:\n    break\n"sv,
     "  File \"t.py\", line 2\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n"},
    {"break_in_nested_function", "while x:\n    def f():\n        break\n"sv,
     "  File \"t.py\", line 3\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n"},
    {"continue_outside_loop", "continue\n"sv,
     "  File \"t.py\", line 1\n    continue\n    ^^^^^^^^\nSyntaxError: 'continue' not properly in loop\n"},
    {"continue_in_loop_else", "for x in y:\n    pass\nelse:\n    continue\n"sv,
     "  File \"t.py\", line 4\n    continue\n    ^^^^^^^^\nSyntaxError: 'continue' not properly in loop\n"},
    {"yield_outside_function", "yield 1\n"sv,
     "  File \"t.py\", line 1\n    yield 1\n    ^^^^^^^\nSyntaxError: 'yield' outside function\n"},
    {"yield_in_class_body", "def f():\n    class C:\n        x = yield\n"sv,
     "  File \"t.py\", line 3\n    x = yield\n        ^^^^^\nSyntaxError: 'yield' outside function\n"},
    {"await_outside_function", "await x\n"sv,
     "  File \"t.py\", line 1\n    await x\n    ^^^^^^^\nSyntaxError: 'await' outside function\n"},
    {"await_outside_async_function", "def f():\n    await x\n"sv,
     "  File \"t.py\", line 2\n    await x\n    ^^^^^^^\nSyntaxError: 'await' outside async function\n"},
    {"await_in_lambda", "async def f():\n    g = lambda: await x\n"sv,
     "  File \"t.py\", line 2\n    g = lambda: await x\n                ^^^^^^^\nSyntaxError: 'await' outside async function\n"},
    {"async_comprehension_outside_async", "def f():\n    return [await x for x in y]\n"sv,
     "  File \"t.py\", line 2\n    return [await x for x in y]\n           ^^^^^^^^^^^^^^^^^^^^\nSyntaxError: asynchronous comprehension outside of an asynchronous function\n"},
    {"async_for_outside_async", "def f():\n    async for x in y:\n        pass\n"sv,
     "  File \"t.py\", line 2\n    async for x in y:\n    ^^^^^^^^^^^^^^^^^\nSyntaxError: 'async for' outside async function\n"},
    {"return_value_in_async_generator", "async def f():\n    yield 1\n    return 2\n"sv,
     "  File \"t.py\", line 3\n    return 2\n    ^^^^^^^^\nSyntaxError: 'return' with value in async generator\n"},
    {"yield_from_in_async_function", "async def f():\n    yield from x\n"sv,
     "  File \"t.py\", line 2\n    yield from x\n    ^^^^^^^^^^^^\nSyntaxError: 'yield from' inside async function\n"},
    {"yield_in_list_comprehension", "def f():\n    return [(yield x) for x in y]\n"sv,
     "  File \"t.py\", line 2\n    return [(yield x) for x in y]\n             ^^^^^^^\nSyntaxError: 'yield' inside list comprehension\n"},
    {"nonlocal_at_module_level", "x = 1\nnonlocal x\n"sv,
     "  File \"t.py\", line 2\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: name 'x' is assigned to before nonlocal declaration\n"},
    {"nonlocal_without_binding", "def outer():\n    def inner():\n        nonlocal count\n        count += 1\n"sv,
     "  File \"t.py\", line 3\n    nonlocal count\n    ^^^^^^^^^^^^^^\nSyntaxError: no binding for nonlocal 'count' found\n"},
    {"global_after_assignment", "def f():\n    total = 0\n    global total\n"sv,
     "  File \"t.py\", line 3\n    global total\n    ^^^^^^^^^^^^\nSyntaxError: name 'total' is assigned to before global declaration\n"},
    {"global_after_use", "def f():\n    print(total)\n    global total\n"sv,
     "  File \"t.py\", line 3\n    global total\n    ^^^^^^^^^^^^\nSyntaxError: name 'total' is used prior to global declaration\n"},
    {"parameter_and_global", "def f(total):\n    global total\n"sv,
     "  File \"t.py\", line 2\n    global total\n    ^^^^^^^^^^^^\nSyntaxError: name 'total' is parameter and global\n"},
    {"nonlocal_and_global", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n"sv,
     "  File \"t.py\", line 4\n    global x\n    ^^^^^^^^\nSyntaxError: name 'x' is nonlocal and global\n"},
    {"import_star_in_function", "def f():\n    from asyncio import *\n"sv,
     "  File \"t.py\", line 2\n    from asyncio import *\n                        ^\nSyntaxError: import * only allowed at module level\n"},
    {"symbol_table_errors_come_before_compiler_errors", "return 1\ndef f(a, a):\n    pass\n"sv,
     "  File \"t.py\", line 2\n    def f(a, a):\n             ^\nSyntaxError: duplicate argument 'a' in function definition\n"},
    {"walrus_rebinds_iteration_variable", "[j := k for k in range(3) for j in range(2)]\n"sv,
     "  File \"t.py\", line 1\n    [j := k for k in range(3) for j in range(2)]\n     ^\nSyntaxError: assignment expression cannot rebind comprehension iteration variable 'j'\n"},
    {"walrus_in_comprehension_iterable", "[x for x in (y := [1, 2])]\n"sv,
     "  File \"t.py\", line 1\n    [x for x in (y := [1, 2])]\n                 ^^^^^^^^^^^\nSyntaxError: assignment expression cannot be used in a comprehension iterable expression\n"},
    {"walrus_in_comprehension_in_class_body", "class A:\n    values = [y := x for x in range(3)]\n"sv,
     "  File \"t.py\", line 2\n    values = [y := x for x in range(3)]\n              ^\nSyntaxError: assignment expression within a comprehension cannot be used in a class body\n"},
    {"inner_loop_rebinds_walrus_target", "[x for k in y if (j := k) for j in z]\n"sv,
     "  File \"t.py\", line 1\n    [x for k in y if (j := k) for j in z]\n                                  ^\nSyntaxError: comprehension inner loop cannot rebind assignment expression target 'j'\n"},
    {"break_in_except_star", "for x in y:\n    try:\n        pass\n    except* E:\n        break\n"sv,
     "  File \"t.py\", line 5\n    break\n    ^^^^^\nSyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block\n"},
    {"default_except_not_last", "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n"sv,
     "  File \"t.py\", line 3\n    except:\n    ^^^^^^^\nSyntaxError: default 'except:' must be last\n"},
    {"starred_target_alone", "*a = b\n"sv,
     "  File \"t.py\", line 1\n    *a = b\n    ^^\nSyntaxError: starred assignment target must be in a list or tuple\n"},
    {"two_starred_targets", "a, *b, *c = d\n"sv,
     "  File \"t.py\", line 1\n    a, *b, *c = d\n    ^^^^^^^^^\nSyntaxError: multiple starred expressions in assignment\n"},
    {"starred_expression_alone", "x = *a\n"sv,
     "  File \"t.py\", line 1\n    x = *a\n        ^^\nSyntaxError: can't use starred expression here\n"},
    {"assign_to_debug", "__debug__ = 1\n"sv,
     "  File \"t.py\", line 1\n    __debug__ = 1\n    ^^^^^^^^^\nSyntaxError: cannot assign to __debug__\n"},
    {"keyword_repeated", "f(a=1, a=2)\n"sv,
     "  File \"t.py\", line 1\n    f(a=1, a=2)\n           ^^^\nSyntaxError: keyword argument repeated: a\n"},
    {"invalid_decimal_literal", "x = 1abc\n"sv,
     "  File \"t.py\", line 1\n    x = 1abc\n        ^\nSyntaxError: invalid decimal literal\n"},
    {"invalid_hexadecimal_literal", "x = 0xg\n"sv,
     "  File \"t.py\", line 1\n    x = 0xg\n         ^\nSyntaxError: invalid hexadecimal literal\n"},
    {"invalid_digit_in_octal", "x = 0o8\n"sv,
     "  File \"t.py\", line 1\n    x = 0o8\n          ^\nSyntaxError: invalid digit '8' in octal literal\n"},
    {"invalid_binary_literal", "x = 0b\n"sv,
     "  File \"t.py\", line 1\n    x = 0b\n         ^\nSyntaxError: invalid binary literal\n"},
    {"leading_zeros", "x = 0777\n"sv,
     "  File \"t.py\", line 1\n    x = 0777\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n"},
    {"invalid_character", "price = 5 \xe2""\x82""\xac""\n"sv,
     "  File \"t.py\", line 1\n    price = 5 \xe2""\x82""\xac""\n              ^\nSyntaxError: invalid character '\xe2""\x82""\xac""' (U+20AC)\n"},
    {"invalid_character_in_identifier", "x\xe2""\x82""\xac""y = 1\n"sv,
     "  File \"t.py\", line 1\n    x\xe2""\x82""\xac""y = 1\n     ^\nSyntaxError: invalid character '\xe2""\x82""\xac""' (U+20AC)\n"},
    {"non_printable_character", "x = 1\xc2""\xa0""+ 2\n"sv,
     "  File \"t.py\", line 1\n    x = 1\xc2""\xa0""+ 2\n         ^\nSyntaxError: invalid non-printable character U+00A0\n"},
    {"non_printable_control_character", "x = \x01""\n"sv,
     "  File \"t.py\", line 1\n    x = \x01""\n        ^\nSyntaxError: invalid non-printable character U+0001\n"},
    {"line_continuation_junk", "x = \\ 1\n"sv,
     "  File \"t.py\", line 1\n    x = \\ 1\n         ^\nSyntaxError: unexpected character after line continuation character\n"},
    {"line_continuation_at_eof", "x = \\\n"sv,
     "  File \"t.py\", line 1\n    x = \\\n         ^\nSyntaxError: unexpected EOF while parsing\n"},
    {"fstring_empty_expression", "x = f\"{}\"\n"sv,
     "  File \"t.py\", line 1\n    x = f\"{}\"\n             ^\nSyntaxError: f-string: empty expression not allowed\n"},
    {"fstring_invalid_conversion", "x = f\"{a!x}\"\n"sv,
     "  File \"t.py\", line 1\n    x = f\"{a!x}\"\n                ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n"},
    {"fstring_expecting_brace", "x = f\"{a\"\n"sv,
     "  File \"t.py\", line 1\n    x = f\"{a\"\n             ^\nSyntaxError: f-string: expecting '}'\n"},
    {"fstring_single_brace", "x = f\"}\"\n"sv,
     "  File \"t.py\", line 1\n    x = f\"}\"\n            ^\nSyntaxError: f-string: single '}' is not allowed\n"},
    {"fstring_backslash", "x = f\"{a\\n}\"\n"sv,
     "  File \"t.py\", line 1\n    x = f\"{a\\n}\"\n                ^\nSyntaxError: f-string expression part cannot include a backslash\n"},
    {"fstring_comment", "x = f\"{#}\"\n"sv,
     "  File \"t.py\", line 1\n    x = f\"{#}\"\n              ^\nSyntaxError: f-string expression part cannot include '#'\n"},
    {"fstring_nested_too_deeply", "x = f\"{a:{b:{c}}}\"\n"sv,
     "  File \"t.py\", line 1\n    x = f\"{a:{b:{c}}}\"\n                      ^\nSyntaxError: f-string: expressions nested too deeply\n"},
    {"fstring_forgot_comma", "x = f\"{a b}\"\n"sv,
     "  File \"t.py\", line 1\n    (a b)\n     ^^^\nSyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?\n"},
    {"fstring_starred", "x = f\"{*a}\"\n"sv,
     "  File \"t.py\", line 1\n    (*a)\n     ^^\nSyntaxError: f-string: cannot use starred expression here\n"},
    {"fstring_reused_quote", "x = f'{a['k']}'\n"sv,
     "  File \"t.py\", line 1\n    x = f'{a['k']}'\n              ^\nSyntaxError: f-string: unmatched '['\n"},
    {"fstring_invalid_decimal", "x = f\"{1abc}\"\n"sv,
     "  File \"t.py\", line 1\n    (1abc)\n     ^\nSyntaxError: invalid decimal literal\n"},
    {"positional_follows_keyword", "f(a=1, b)\n"sv,
     "  File \"t.py\", line 1\n    f(a=1, b)\n            ^\nSyntaxError: positional argument follows keyword argument\n"},
    {"positional_follows_keyword_unpacking", "f(**a, b)\n"sv,
     "  File \"t.py\", line 1\n    f(**a, b)\n            ^\nSyntaxError: positional argument follows keyword argument unpacking\n"},
    {"iterable_unpacking_follows_keyword_unpacking", "f(**a, *b)\n"sv,
     "  File \"t.py\", line 1\n    f(**a, *b)\n           ^\nSyntaxError: iterable argument unpacking follows keyword argument unpacking\n"},
    {"generator_not_parenthesized", "f(x for x in y, 1)\n"sv,
     "  File \"t.py\", line 1\n    f(x for x in y, 1)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n"},
    {"non_default_follows_default", "def f(a=1, b):\n    pass\n"sv,
     "  File \"t.py\", line 1\n    def f(a=1, b):\n               ^\nSyntaxError: non-default argument follows default argument\n"},
    {"non_default_follows_default_lambda", "g = lambda a=1, b: 0\n"sv,
     "  File \"t.py\", line 1\n    g = lambda a=1, b: 0\n                    ^\nSyntaxError: non-default argument follows default argument\n"},
    {"duplicate_argument", "def f(a, b, a):\n    pass\n"sv,
     "  File \"t.py\", line 1\n    def f(a, b, a):\n                ^\nSyntaxError: duplicate argument 'a' in function definition\n"},
    {"duplicate_argument_lambda", "g = lambda x, x: 0\n"sv,
     "  File \"t.py\", line 1\n    g = lambda x, x: 0\n                  ^\nSyntaxError: duplicate argument 'x' in function definition\n"},
    {"named_arguments_after_bare_star", "def f(*):\n    pass\n"sv,
     "  File \"t.py\", line 1\n    def f(*):\n          ^\nSyntaxError: named arguments must follow bare *\n"},
    {"var_keyword_then_argument", "def f(**k, a):\n    pass\n"sv,
     "  File \"t.py\", line 1\n    def f(**k, a):\n               ^\nSyntaxError: arguments cannot follow var-keyword argument\n"},
    {"expected_else_in_conditional", "x = 1 if y\n"sv,
     "  File \"t.py\", line 1\n    x = 1 if y\n        ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n"},
    {"missing_print_parentheses", "print \"hello\"\n"sv,
     "  File \"t.py\", line 1\n    print \"hello\"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"},
    {"walrus_on_attribute", "(a.b := 1)\n"sv,
     "  File \"t.py\", line 1\n    (a.b := 1)\n     ^^^\nSyntaxError: cannot use assignment expressions with attribute\n"},
    {"annotated_tuple", "(a, b): int = 1\n"sv,
     "  File \"t.py\", line 1\n    (a, b): int = 1\n    ^^^^^^\nSyntaxError: only single target (not tuple) can be annotated\n"},
    {"assign_to_yield", "x = yield = 1\n"sv,
     "  File \"t.py\", line 1\n    x = yield = 1\n        ^^^^^\nSyntaxError: assignment to yield expression not possible\n"},
    {"dict_missing_value", "d = {1: 2, 3}\n"sv,
     "  File \"t.py\", line 1\n    d = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n"},
    {"dict_value_expected", "d = {1:}\n"sv,
     "  File \"t.py\", line 1\n    d = {1:}\n          ^\nSyntaxError: expression expected after dictionary key and ':'\n"},
    {"expected_except_or_finally", "try:\n    pass\nx = 1\n"sv,
     "  File \"t.py\", line 3\n    x = 1\n    ^\nSyntaxError: expected 'except' or 'finally' block\n"},
    {"except_and_except_star", "try:\n    pass\nexcept E:\n    pass\nexcept* F:\n    pass\n"sv,
     "  File \"t.py\", line 5\n    except* F:\n    ^^^^^^^\nSyntaxError: cannot have both 'except' and 'except*' on the same 'try'\n"},
    {"multiple_exception_types", "try:\n    pass\nexcept E, F:\n    pass\n"sv,
     "  File \"t.py\", line 3\n    except E, F:\n           ^^^^\nSyntaxError: multiple exception types must be parenthesized\n"},
    {"trailing_comma_in_import", "from x import a,\n"sv,
     "  File \"t.py\", line 1\n    from x import a,\n                    ^\nSyntaxError: trailing comma not allowed without surrounding parentheses\n"},
    {"unicode_escape_truncated", "s = \"\\x4\"\n"sv,
     "  File \"t.py\", line 1\n    s = \"\\x4\"\n             ^\nSyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape\n"},
    {"bytes_escape_invalid", "s = b\"\\xzz\"\n"sv,
     "  File \"t.py\", line 1\n    s = b\"\\xzz\"\n               ^\nSyntaxError: (value error) invalid \\x escape at position 0\n"},
    {"bytes_with_non_ascii", "s = b\"\xc3""\xa9""\"\n"sv,
     "  File \"t.py\", line 1\n    s = b\"\xc3""\xa9""\"\n        ^^^^^\nSyntaxError: bytes can only contain ASCII literal characters\n"},
    {"mixing_bytes_and_str", "s = \"a\" b\"b\"\n"sv,
     "  File \"t.py\", line 1\n    s = \"a\" b\"b\"\n                ^\nSyntaxError: cannot mix bytes and nonbytes literals\n"},
    {"error_after_unicode_columns_are_bytes", "s = \"\xc3""\xa9""\" + 1 1\n"sv,
     "  File \"t.py\", line 1\n    s = \"\xc3""\xa9""\" + 1 1\n                 ^\nSyntaxError: invalid syntax\n"},
    {"error_with_coding_declaration_counts_characters", "# -*- coding: utf-8 -*-\ns = \"\xc3""\xa9""\" + 1 1\n"sv,
     "  File \"t.py\", line 2\n    s = \"\xc3""\xa9""\" + 1 1\n                ^\nSyntaxError: invalid syntax\n"},
    {"error_after_bom", "\xef""\xbb""\xbf""x = 1 2\n"sv,
     "  File \"t.py\", line 1\n    \xef""\xbb""\xbf""x = 1 2\n        ^\nSyntaxError: invalid syntax\n"},
    {"error_in_crlf_file", "x = 1\r\ny = 2 3\r\n"sv,
     "  File \"t.py\", line 2\n    y = 2 3\n          ^\nSyntaxError: invalid syntax\n"},
    {"error_without_final_newline", "x = 1 2"sv,
     "  File \"t.py\", line 1\n    x = 1 2\n          ^\nSyntaxError: invalid syntax\n"},
    {"error_in_tab_indented_line", "if x:\n\ty = 1 2\n"sv,
     "  File \"t.py\", line 2\n    y = 1 2\n          ^\nSyntaxError: invalid syntax\n"},
    {"tokenizer_error_later_wins", "x = 1 2\ns = 'abc\n"sv,
     "  File \"t.py\", line 2\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 2)\n"},
    {"dedent_error_later_does_not_win", "x = 1 2\nif x:\n        a\n    b\n"sv,
     "  File \"t.py\", line 1\n    x = 1 2\n          ^\nSyntaxError: invalid syntax\n"},
    {"source_with_nul_byte", "print(1)\nx = 1\x00""\n"sv,
     "  File \"t.py\", line 2\n    x = 1\nSyntaxError: source code cannot contain null bytes\n"},
    {"source_with_invalid_utf8", "x = 1\ny = '\xe9""'\n"sv,
     "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"},
    {"too_many_nested_parentheses", {},
     "  File \"t.py\", line 1\n    x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n                                                                                                                                                                                                                ^\nSyntaxError: too many nested parentheses\n"},
    {"too_many_indentation_levels", {},
     "  File \"t.py\", line 101\n    if x:\nIndentationError: too many levels of indentation\n"},
    {"deep_unary_chain_is_recursion_error", {},
     "RecursionError: maximum recursion depth exceeded during compilation\n"},
    {"very_deep_unary_chain_is_memory_error", {},
     "MemoryError\n"},
    {"long_operator_chain_is_recursion_error", {},
     "RecursionError: maximum recursion depth exceeded during compilation\n"},
    {"error_on_very_long_line", {},
     "  File \"t.py\", line 1\n    , 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2 3]\n                                                                                                                                                                                                                      ^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
};

class ReportsLikeCPython : public testing::TestWithParam<ErrorCase> {};

TEST_P(ReportsLikeCPython, sameStderr) {
    const ErrorCase& c = GetParam();
    const std::string source = c.source.empty() ? bigSource(c.name) : std::string(c.source);
    EXPECT_EQ(compileOutput(source), c.stderrText);
}

INSTANTIATE_TEST_SUITE_P(Errors, ReportsLikeCPython, testing::ValuesIn(kErrorCases),
                         [](const testing::TestParamInfo<ErrorCase>& info) { return testName(info.param.name); });

// ------------------------------------------------------- error attributes
// SyntaxError.{lineno, offset, end_lineno, end_offset, text} from python3's compile().

TEST(SyntaxErrorAttributes, missingColonPointsAtTheNewline) {
    const SyntaxError e = errorOf("if x == 6\n    pass\n");
    EXPECT_EQ(e.type, "SyntaxError");
    EXPECT_EQ(e.message, "expected ':'");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.offset, 10);
    EXPECT_EQ(e.endLine, 1);
    EXPECT_EQ(e.endOffset, 10);
    EXPECT_EQ(e.text, "if x == 6");
    EXPECT_TRUE(e.hasText);
    EXPECT_TRUE(e.textHasNewline);
}

TEST(SyntaxErrorAttributes, parserOffsetsCountBytes) {
    // compile(b's = "\xc3\xa9" + 1 1\n') -> offset 14, end_offset 15
    const SyntaxError e = errorOf("s = \"\xc3\xa9\" + 1 1\n");
    EXPECT_EQ(e.offset, 14);
    EXPECT_EQ(e.endOffset, 15);
}

TEST(SyntaxErrorAttributes, tokenizerOffsetsCountCharacters) {
    // compile(b'x\xe2\x82\xacy = 1\n') -> "invalid character '€' (U+20AC)", offset 2
    const SyntaxError e = errorOf("x\xe2\x82\xacy = 1\n");
    EXPECT_EQ(e.message, "invalid character '\xe2\x82\xac' (U+20AC)");
    EXPECT_EQ(e.offset, 2);
    EXPECT_EQ(e.endOffset, 2);
    EXPECT_EQ(e.text, "x\xe2\x82\xacy = 1");
    EXPECT_FALSE(e.textHasNewline);
}

TEST(SyntaxErrorAttributes, rangeSpansTheOffendingExpressions) {
    // compile(b'x = [a b]\n') -> offset 6, end_offset 9
    const SyntaxError e = errorOf("x = [a b]\n");
    EXPECT_EQ(e.message, "invalid syntax. Perhaps you forgot a comma?");
    EXPECT_EQ(e.offset, 6);
    EXPECT_EQ(e.endOffset, 9);
}

TEST(SyntaxErrorAttributes, multiLineRange) {
    // compile(b'x = (1 +\n      2 3)\n') -> line 1, offset 6, end (2, 10)
    const SyntaxError e = errorOf("x = (1 +\n      2 3)\n");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.offset, 6);
    EXPECT_EQ(e.endLine, 2);
    EXPECT_EQ(e.endOffset, 10);
}

TEST(SyntaxErrorAttributes, unclosedBracketEndsAtZero) {
    // compile(b'x = (1,\ny = 2\n') -> "'(' was never closed", offset 5, end_offset 0
    const SyntaxError e = errorOf("x = (1,\ny = 2\n");
    EXPECT_EQ(e.message, "'(' was never closed");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.offset, 5);
    EXPECT_EQ(e.endOffset, 0);
}

TEST(SyntaxErrorAttributes, indentationErrorsHaveTheirOwnTypes) {
    // compile(...) -> IndentationError offset 6 end_offset -1; TabError offset 1 end_offset 0
    const SyntaxError dedent = errorOf("if x:\n        a\n    b\n");
    EXPECT_EQ(dedent.type, "IndentationError");
    EXPECT_EQ(dedent.offset, 6);
    EXPECT_EQ(dedent.endOffset, -1);
    const SyntaxError tab = errorOf("if x:\n\ta\n        b\n");
    EXPECT_EQ(tab.type, "TabError");
    EXPECT_EQ(tab.offset, 1);
    EXPECT_EQ(tab.endOffset, 0);
}

TEST(SyntaxErrorAttributes, compilerErrorsSpanTheStatement) {
    // compile(b'def f():\n    await x\n') -> line 2, offset 5, end_offset 12
    const SyntaxError e = errorOf("def f():\n    await x\n");
    EXPECT_EQ(e.message, "'await' outside async function");
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.offset, 5);
    EXPECT_EQ(e.endLine, 2);
    EXPECT_EQ(e.endOffset, 12);
}

TEST(SyntaxErrorAttributes, nonUtf8SourceHasNoLocation) {
    const SyntaxError e = errorOf("x = 1\n\xff\n");
    EXPECT_EQ(e.line, 0);
    EXPECT_EQ(formatSyntaxError(e, "t.py"),
              "SyntaxError: Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no encoding "
              "declared; see https://peps.python.org/pep-0263/ for details\n");
}

// ------------------------------------------------------------ formatting

TEST(FormatSyntaxError, stripsIndentationAndShiftsTheCaret) {
    SyntaxError e;
    e.message = "invalid syntax";
    e.line = 3;
    e.offset = 9;
    e.endLine = 3;
    e.endOffset = 12;
    e.text = "    a = b c d";
    e.hasText = true;
    e.textHasNewline = true;
    EXPECT_EQ(formatSyntaxError(e, "f.py"), "  File \"f.py\", line 3\n    a = b c d\n        ^^^\nSyntaxError: invalid syntax\n");
}

TEST(FormatSyntaxError, subclassesGetOneCaret) {
    SyntaxError e;
    e.type = "IndentationError";
    e.message = "expected an indented block after 'if' statement on line 1";
    e.line = 2;
    e.offset = 1;
    e.endLine = 2;
    e.endOffset = 5;
    e.text = "pass";
    e.hasText = true;
    e.textHasNewline = true;
    EXPECT_EQ(formatSyntaxError(e, "f.py"),
              "  File \"f.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' "
              "statement on line 1\n");
}

TEST(FormatSyntaxError, noCaretLeftOfTheText) {
    SyntaxError e;
    e.type = "IndentationError";
    e.message = "unexpected indent";
    e.line = 2;
    e.offset = 2;
    e.endOffset = -1;
    e.text = "  y = 2";
    e.hasText = true;
    e.textHasNewline = true;
    EXPECT_EQ(formatSyntaxError(e, "f.py"), "  File \"f.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n");
}

TEST(FormatSyntaxError, withoutLineOnlyTheMessage) {
    SyntaxError e;
    e.type = "RecursionError";
    e.message = "maximum recursion depth exceeded during compilation";
    EXPECT_EQ(formatSyntaxError(e, "f.py"), "RecursionError: maximum recursion depth exceeded during compilation\n");
    SyntaxError m;
    m.type = "MemoryError";
    EXPECT_EQ(formatSyntaxError(m, "f.py"), "MemoryError\n");
}

TEST(FormatSyntaxError, withoutTextOnlyTheFileLine) {
    SyntaxError e;
    e.message = "invalid syntax";
    e.line = 4;
    e.offset = 1;
    EXPECT_EQ(formatSyntaxError(e, "f.py"), "  File \"f.py\", line 4\nSyntaxError: invalid syntax\n");
}

// -------------------------------------------------------------- warnings

struct WarningCase {
    std::string_view name;
    std::string_view source;
    std::string_view stderrText;
};

// What `python3 t.py` wrote to stderr before running the program.
const WarningCase kWarningCases[] = {
    {"number_followed_by_keyword", "x = 1if y else 2\n"sv,
     "t.py:1: SyntaxWarning: invalid decimal literal\n  x = 1if y else 2\n"},
    {"hexadecimal_followed_by_keyword", "x = 0x1for y in z\n"sv,
     "t.py:1: SyntaxWarning: invalid hexadecimal literal\n  x = 0x1for y in z\n"},
    {"is_with_a_literal", "if x is 'a':\n    pass\n"sv,
     "t.py:1: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  if x is 'a':\n"},
    {"is_not_with_a_literal", "if x is not ():\n    pass\n"sv,
     "t.py:1: SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?\n  if x is not ():\n"},
    {"is_with_a_folded_constant", "y = x is -1\n"sv,
     "t.py:1: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = x is -1\n"},
    {"is_with_none_is_fine", "y = x is None\n"sv,
     ""},
    {"assertion_on_a_tuple", "assert (x, 'message')\n"sv,
     "t.py:1: SyntaxWarning: assertion is always true, perhaps remove parentheses?\n  assert (x, 'message')\n"},
    {"calling_a_tuple", "points = [(1, 2) (3, 4)]\n"sv,
     "t.py:1: SyntaxWarning: 'tuple' object is not callable; perhaps you missed a comma?\n  points = [(1, 2) (3, 4)]\n"},
    {"subscripting_a_list_with_a_string", "x = [1, 2]['a']\n"sv,
     "t.py:1: SyntaxWarning: list indices must be integers or slices, not str; perhaps you missed a comma?\n  x = [1, 2]['a']\n"},
    {"subscripting_an_int", "x = 1[0]\n"sv,
     "t.py:1: SyntaxWarning: 'int' object is not subscriptable; perhaps you missed a comma?\n  x = 1[0]\n"},
    {"finally_bodies_are_compiled_twice", "try:\n    pass\nfinally:\n    y = x is 1\n"sv,
     "t.py:4: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = x is 1\nt.py:4: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = x is 1\n"},
    {"break_compiles_finally_again", "for i in x:\n    try:\n        break\n    finally:\n        y = i is 1\n"sv,
     "t.py:5: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = i is 1\nt.py:5: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = i is 1\nt.py:5: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = i is 1\n"},
    {"warnings_before_a_syntax_error", "y = x is 1\nz = 1if y else 2\nreturn\n"sv,
     "t.py:2: SyntaxWarning: invalid decimal literal\n  z = 1if y else 2\nt.py:1: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = x is 1\n  File \"t.py\", line 3\n    return\n    ^^^^^^\nSyntaxError: 'return' outside function\n"},
    {"tokenizer_warning_after_parse_error", "x = 1 2\ny = 1if x else 2\n"sv,
     "t.py:2: SyntaxWarning: invalid decimal literal\n  y = 1if x else 2\n  File \"t.py\", line 1\n    x = 1 2\n          ^\nSyntaxError: invalid syntax\n"},
    {"fstring_expression_warning_comes_first", "def f():\n    a = x is 1\n    return f'{1if a else 2}'\n"sv,
     "t.py:3: SyntaxWarning: invalid decimal literal\n  return f'{1if a else 2}'\nt.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  a = x is 1\n"},
    {"indented_source_line_is_stripped", "if x:\n\t y = x is 1   \n"sv,
     "t.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  y = x is 1\n"},
};

class WarnsLikeCPython : public testing::TestWithParam<WarningCase> {};

TEST_P(WarnsLikeCPython, sameStderr) {
    EXPECT_EQ(compileOutput(GetParam().source), GetParam().stderrText);
}

INSTANTIATE_TEST_SUITE_P(Warnings, WarnsLikeCPython, testing::ValuesIn(kWarningCases),
                         [](const testing::TestParamInfo<WarningCase>& info) { return testName(info.param.name); });

// ---------------------------------------------------------------- module

TEST(ParseModule, keepsTheSourceLinesWithoutNewlines) {
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule("a = 1\r\n\r\nif a:\r    b = 2", "m.py", &error);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->filename, "m.py");
    EXPECT_EQ(m->lines, (std::vector<std::string>{"a = 1", "", "if a:", "    b = 2"}));
}

TEST(ParseModule, emptySourceIsAnEmptyModule) {
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule("", "m.py", &error);
    ASSERT_NE(m, nullptr);
    EXPECT_TRUE(m->body.empty());
    EXPECT_TRUE(m->lines.empty());
}

TEST(ParseModule, bomIsSkipped) {
    EXPECT_EQ(dumpSource("\xef\xbb\xbfx = 1\n"),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store, @1:0-1:1)], value=Constant(Int(1), @1:4-1:5), "
              "@1:0-1:5)])");
}

TEST(ParseModule, latin1CodingDeclarationIsDecoded) {
    // python3: s = '\xe9' under "# coding: latin-1" is the str 'é'
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule("# coding: latin-1\ns = '\xe9'\n", "m.py", &error);
    ASSERT_NE(m, nullptr);
    auto* assign = static_cast<Assign*>(m->body[0]);
    EXPECT_EQ(static_cast<Constant*>(assign->value)->text, "\xc3\xa9");
}

TEST(ParseModule, binOpRecordsTheOperatorPosition) {
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule("x = a  //  (b ** c)\n", "m.py", &error);
    ASSERT_NE(m, nullptr);
    auto* div = static_cast<BinOp*>(static_cast<Assign*>(m->body[0])->value);
    EXPECT_EQ(div->opPos.line, 1);
    EXPECT_EQ(div->opPos.col, 7);
    EXPECT_EQ(div->opPos.endCol, 9);
    auto* pow = static_cast<BinOp*>(div->right);
    EXPECT_EQ(pow->opPos.col, 14);
    EXPECT_EQ(pow->opPos.endCol, 16);
}

TEST(ParseModule, nullErrorPointerIsAllowed) {
    EXPECT_EQ(parseModule("x = (", "m.py", nullptr), nullptr);
}

// ---------------------------------------- what asyncscope does not support

TEST(Unsupported, asyncscope_matchStatementIsASyntaxError) {
    const SyntaxError e = errorOf("match x:\n    case 1:\n        pass\n");
    EXPECT_EQ(formatSyntaxError(e, "t.py"),
              "  File \"t.py\", line 1\n    match x:\n    ^^^^^\nSyntaxError: match statements are not supported by "
              "asyncscope\n");
}

TEST(Unsupported, asyncscope_namedUnicodeEscapeIsASyntaxError) {
    const SyntaxError e = errorOf("s = '\\N{BULLET}'\n");
    EXPECT_EQ(e.message,
              "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: \\N{...} escapes are not "
              "supported by asyncscope");
}

// ------------------------------------------------------------ robustness

TEST(Robustness, randomBytesNeverCrash) {
    std::mt19937 random(12345);
    const std::string alphabet = "abcdefxyz0123456789_ \t\n\r\\'\"#()[]{}:;,.=+-*/%@<>!&|^~$?\x01\x80\xc3\xa9\xff\0";
    for (int round = 0; round < 3000; ++round) {
        std::string source;
        const int length = int(random() % 60);
        for (int i = 0; i < length; ++i) source += alphabet[random() % alphabet.size()];
        SyntaxError error;
        std::unique_ptr<Module> m = parseModule(source, "r.py", &error);
        if (!m) {
            EXPECT_FALSE(formatSyntaxError(error, "r.py").empty());
        }
    }
}

TEST(Robustness, mutatedProgramsNeverCrash) {
    const std::string program =
        "import asyncio\n\nasync def worker(name, delay=0.1, *args, **kw):\n    try:\n        await asyncio.sleep(delay)\n"
        "    except* ValueError as e:\n        print(f'{name!r:>{10}} {e=}')\n    return [x async for x in y if x]\n\n"
        "class A(B, metaclass=M):\n    x: int = lambda a, /, b: (a, *b)\n    with open(f) as g, h:\n"
        "        del self.x[1:2, ...]\n";
    std::mt19937 random(7);
    const std::string inserts = "()[]{}:,='\"\\\n\t #*@";
    for (int round = 0; round < 3000; ++round) {
        std::string source = program;
        for (int edits = 1 + int(random() % 3); edits > 0; --edits) {
            const size_t at = random() % (source.size() + 1);
            if (random() % 2 && at < source.size()) source.erase(at, 1);
            else source.insert(at, 1, inserts[random() % inserts.size()]);
        }
        SyntaxError error;
        parseModule(source, "m.py", &error);
    }
}

// Runs the parser on a thread with the stack parser.h documents as plenty
// for the deepest inputs (more under AddressSanitizer, whose frames are larger).
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kParserStack = 12 * 1024 * 1024;
#else
constexpr size_t kParserStack = 3 * 1024 * 1024;
#endif

std::string parseOnSmallStack(const std::string& source) {
    struct Job {
        const std::string* source;
        std::string result;
    } job{&source, {}};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kParserStack);
    pthread_t thread;
    const int rc = pthread_create(
        &thread, &attr,
        [](void* p) -> void* {
            auto* j = static_cast<Job*>(p);
            SyntaxError error;
            std::unique_ptr<Module> m = parseModule(*j->source, "deep.py", &error);
            j->result = m ? "ok" : formatSyntaxError(error, "deep.py");
            return nullptr;
        },
        &job);
    pthread_attr_destroy(&attr);
    if (rc != 0) return "no thread";
    pthread_join(thread, nullptr);
    return job.result;
}

TEST(Robustness, deepestInputsFitInThreeMegabytesOfStack) {
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("(", 200) + repeat(")", 200) + "\n"), "ok");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("[", 200) + repeat("]", 200) + "\n"), "ok");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("{1: ", 199) + "1" + repeat("}", 199) + "\n"), "ok");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("f(", 199) + repeat(")", 199) + "\n"), "ok");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("-", 100000) + "1\n"), "MemoryError\n");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("lambda: ", 5000) + "1\n"), "MemoryError\n");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("not ", 100000) + "1\n"), "MemoryError\n");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("a if b else ", 100000) + "1\n"), "MemoryError\n");
    EXPECT_EQ(parseOnSmallStack("x = f'{" + repeat("(", 190) + "1" + repeat(")", 190) + "}'\n"), "ok");
    EXPECT_EQ(parseOnSmallStack("x = " + repeat("a.", 100000) + "b\n"),
              "RecursionError: maximum recursion depth exceeded during compilation\n");
}

TEST(Robustness, oneMegabyteLine) {
    const std::string source = "values = [" + repeat("7, ", 333332) + "7]\nprint(len(values))\n";
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule(source, "big.py", &error);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(static_cast<ListOrTuple*>(static_cast<Assign*>(m->body[0])->value)->elts.size(), 333333u);
}

TEST(Robustness, fiveThousandLinesParseQuickly) {
    std::string source;
    for (int i = 0; i < 500; ++i)
        source += "async def task_" + std::to_string(i) +
                  "(queue, delay=0.1):\n    while True:\n        item = await queue.get()\n"
                  "        if item is None:\n            break\n        total = sum(x * 2 for x in item if x > 0)\n"
                  "        print(f'{item!r}: {total:>8.2f}')\n        await asyncio.sleep(delay)\n"
                  "    return {'done': True, 'count': len(item)}\n\n";
    const auto start = std::chrono::steady_clock::now();
    SyntaxError error;
    std::unique_ptr<Module> m = parseModule(source, "big.py", &error);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->lines.size(), 5000u);
    // About 10 ms on a quiet machine; the bound only catches a pathological slowdown.
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 1000);
}

// ---------------------------------------------------------- tests/syntax
// Each NAME.py there comes with CPython's answer: NAME.ast (its tree, from
// astdump.py) or NAME.err (what python3 NAME.py printed to stderr).

std::string readFile(const std::filesystem::path& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

TEST(SyntaxCorpus, everySampleMatchesCPython) {
    const std::filesystem::path dir = std::filesystem::path(__FILE__).parent_path().parent_path() / "syntax";
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
    int samples = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".py") continue;
        const std::string name = entry.path().filename().string();
        const std::string source = readFile(entry.path());
        std::filesystem::path expected = entry.path();
        if (std::filesystem::exists(expected.replace_extension(".ast"))) {
            EXPECT_EQ(dumpSource(source) + "\n", readFile(expected)) << name;
            ++samples;
        } else if (std::filesystem::exists(expected.replace_extension(".err"))) {
            SyntaxError error;
            std::vector<SyntaxWarning> warnings;
            std::string out;
            std::unique_ptr<Module> m = parseModule(source, name, &error, &warnings);
            for (const SyntaxWarning& w : warnings) out += formatSyntaxWarning(w, name);
            if (!m) out += formatSyntaxError(error, name);
            EXPECT_EQ(out, readFile(expected)) << name;
            ++samples;
        }
    }
    EXPECT_GT(samples, 0);
}

}  // namespace

// Name resolution: CPython's symbol table, run once over the AST before
// execution. It decides for every name occurrence whether it is a fast local,
// a closure cell, a class-namespace lookup or a global, and lays out each
// scope's slots in a CodeInfo.
#include "lang/diagnostic.h"
#include "runtime/interp.h"

#include <algorithm>
#include <set>

namespace ascope::rt {

using namespace lang;

namespace {

struct Scope {
    CodeInfo* code = nullptr;
    Scope* parent = nullptr;
    CodeInfo::Type type = CodeInfo::Type::Function;
    std::vector<std::string> params;
    std::vector<std::string> boundOrder;  // first-binding order
    std::set<std::string> bound, globals, nonlocals, used;
    std::vector<Name*> nameNodes;
    std::vector<Scope*> children;
    std::set<std::string> cells;
    std::vector<std::string> freeOrder;
    std::set<std::string> freeSet;
    std::set<std::string> locals;
    std::set<std::string> compIterVars;  // comprehensions: their iteration variables
    bool functionLike() const {
        return type == CodeInfo::Type::Function || type == CodeInfo::Type::Lambda ||
               type == CodeInfo::Type::Comprehension;
    }
};

SyntaxError makeError(const Module& m, const Pos& p, std::string msg) {
    SyntaxError e;
    e.message = std::move(msg);
    e.line = p.line;
    e.offset = p.col + 1;
    e.endLine = p.endLine;
    e.endOffset = p.endCol + 1;
    if (p.line >= 1 && p.line <= int(m.lines.size())) e.text = m.lines[size_t(p.line - 1)];
    return e;
}

class Builder {
public:
    Builder(Module& m, std::vector<std::unique_ptr<Scope>>& store) : m_module(m), m_store(store) {}

    Scope* newScope(CodeInfo* code, Scope* parent, CodeInfo::Type type) {
        m_store.push_back(std::make_unique<Scope>());
        Scope* s = m_store.back().get();
        s->code = code;
        s->parent = parent;
        s->type = type;
        code->type = type;
        code->module = &m_module;
        if (parent) parent->children.push_back(s);
        return s;
    }

    // CPython's _Py_Mangle: inside a class, `__name` (not ending in "__")
    // becomes `_Class__name`, with the class name's leading underscores removed.
    std::string mangle(const std::string& name) const {
        if (m_private.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
        if (name.size() >= 2 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
        if (name.find('.') != std::string::npos) return name;
        size_t start = m_private.find_first_not_of('_');
        if (start == std::string::npos) return name;
        return "_" + m_private.substr(start) + name;
    }

    void bind(Scope* s, const std::string& n) {
        if (s->bound.insert(n).second) s->boundOrder.push_back(n);
    }

    void visitBody(Scope* s, const std::vector<Stmt*>& body) {
        for (Stmt* st : body) visitStmt(s, st);
    }

    void visitTarget(Scope* s, Expr* e) { visitExpr(s, e); }

    void visitArgs(Scope* s, Arguments* a, Expr* returns = nullptr) {
        // defaults and annotations are evaluated in the enclosing scope
        for (Expr* d : a->defaults) visitExpr(s, d);
        for (Expr* d : a->kwDefaults)
            if (d) visitExpr(s, d);
        auto annotation = [&](Arg* arg) {
            if (arg && arg->annotation) visitExpr(s, arg->annotation);
        };
        for (Arg* x : a->posonlyargs) annotation(x);
        for (Arg* x : a->args) annotation(x);
        annotation(a->vararg);
        for (Arg* x : a->kwonlyargs) annotation(x);
        annotation(a->kwarg);
        if (returns) visitExpr(s, returns);
    }

    void declareParams(Scope* fs, Arguments* a) {
        auto add = [&](Arg* arg) {
            if (!arg) return;
            arg->name = mangle(arg->name);
            fs->params.push_back(arg->name);
            bind(fs, arg->name);
        };
        for (Arg* x : a->posonlyargs) add(x);
        for (Arg* x : a->args) add(x);
        for (Arg* x : a->kwonlyargs) add(x);
        add(a->vararg);
        add(a->kwarg);
        CodeInfo* c = fs->code;
        c->posOnlyCount = int(a->posonlyargs.size());
        c->argCount = int(a->posonlyargs.size() + a->args.size());
        c->kwOnlyCount = int(a->kwonlyargs.size());
        c->hasVarargs = a->vararg != nullptr;
        c->hasVarkw = a->kwarg != nullptr;
    }

    std::unique_ptr<CodeInfo> makeCode(const std::string& name, Scope* parent, Node* node, int line) {
        auto c = std::make_unique<CodeInfo>();
        c->name = name;
        c->node = node;
        c->firstLine = line;
        std::string prefix;
        if (parent && parent->type != CodeInfo::Type::Module) {
            prefix = parent->code->qualname;
            if (parent->functionLike()) prefix += ".<locals>";
            prefix += ".";
        }
        c->qualname = prefix + name;
        return c;
    }

    void visitStmt(Scope* s, Stmt* st) {
        switch (st->kind) {
        case StmtKind::FunctionDef: {
            auto* f = static_cast<FunctionDef*>(st);
            for (Expr* d : f->decorators) visitExpr(s, d);
            visitArgs(s, f->args, f->returns);
            auto code = makeCode(f->name, s, f, f->pos.line);
            f->name = mangle(f->name);  // the name bound; __name__ stays as written
            bind(s, f->name);
            for (Expr* d : f->decorators) code->firstLine = std::min(code->firstLine, d->pos.line);
            Scope* fs = newScope(code.get(), s, CodeInfo::Type::Function);
            code->isCoroutine = f->isAsync;
            code->body = &f->body;
            f->scope = reinterpret_cast<ScopeInfo*>(code.get());
            declareParams(fs, f->args);
            visitBody(fs, f->body);
            if (code->isCoroutine && code->isGenerator) {
                code->isCoroutine = false;
                code->isAsyncGenerator = true;
            }
            s->code->children.push_back(std::move(code));
            break;
        }
        case StmtKind::ClassDef: {
            auto* c = static_cast<ClassDef*>(st);
            for (Expr* d : c->decorators) visitExpr(s, d);
            for (Expr* b : c->bases) visitExpr(s, b);
            for (Keyword* k : c->keywords) visitExpr(s, k->value);
            auto code = makeCode(c->name, s, c, c->pos.line);
            std::string written = c->name;
            c->name = mangle(c->name);  // the name bound; __name__ is code->name
            bind(s, c->name);
            Scope* cs = newScope(code.get(), s, CodeInfo::Type::Class);
            code->body = &c->body;
            c->scope = reinterpret_cast<ScopeInfo*>(code.get());
            std::string outerPrivate = m_private;
            m_private = written;
            visitBody(cs, c->body);
            m_private = outerPrivate;
            s->code->children.push_back(std::move(code));
            break;
        }
        case StmtKind::Return: {
            auto* r = static_cast<Return*>(st);
            if (r->value) visitExpr(s, r->value);
            break;
        }
        case StmtKind::Delete:
            for (Expr* t : static_cast<Delete*>(st)->targets) visitTarget(s, t);
            break;
        case StmtKind::Assign: {
            auto* a = static_cast<Assign*>(st);
            visitExpr(s, a->value);
            for (Expr* t : a->targets) visitTarget(s, t);
            break;
        }
        case StmtKind::AugAssign: {
            auto* a = static_cast<AugAssign*>(st);
            visitExpr(s, a->value);
            visitTarget(s, a->target);
            if (a->target->kind == ExprKind::Name) s->used.insert(static_cast<Name*>(a->target)->id);
            break;
        }
        case StmtKind::AnnAssign: {
            auto* a = static_cast<AnnAssign*>(st);
            if (a->value) visitExpr(s, a->value);
            if (a->target->kind == ExprKind::Name) {
                auto* n = static_cast<Name*>(a->target);
                n->id = mangle(n->id);
            }
            if (a->value || a->target->kind != ExprKind::Name) visitTarget(s, a->target);
            else if (a->simple) bind(s, static_cast<Name*>(a->target)->id);
            visitExpr(s, a->annotation);
            break;
        }
        case StmtKind::For: {
            auto* f = static_cast<For*>(st);
            visitExpr(s, f->iter);
            visitTarget(s, f->target);
            visitBody(s, f->body);
            visitBody(s, f->orelse);
            break;
        }
        case StmtKind::While: {
            auto* w = static_cast<While*>(st);
            visitExpr(s, w->test);
            visitBody(s, w->body);
            visitBody(s, w->orelse);
            break;
        }
        case StmtKind::If: {
            auto* i = static_cast<If*>(st);
            visitExpr(s, i->test);
            visitBody(s, i->body);
            visitBody(s, i->orelse);
            break;
        }
        case StmtKind::With: {
            auto* w = static_cast<With*>(st);
            for (WithItem* it : w->items) {
                visitExpr(s, it->contextExpr);
                if (it->optionalVars) visitTarget(s, it->optionalVars);
            }
            visitBody(s, w->body);
            break;
        }
        case StmtKind::Raise: {
            auto* r = static_cast<Raise*>(st);
            if (r->exc) visitExpr(s, r->exc);
            if (r->cause) visitExpr(s, r->cause);
            break;
        }
        case StmtKind::Try: {
            auto* t = static_cast<Try*>(st);
            visitBody(s, t->body);
            for (ExceptHandler* h : t->handlers) {
                if (h->type) visitExpr(s, h->type);
                if (!h->name.empty()) {
                    h->name = mangle(h->name);
                    auto* n = m_module.arena.make<Name>();
                    n->pos = h->pos;
                    n->id = h->name;
                    n->ctx = ExprContext::Store;
                    h->nameTarget = n;
                    visitExpr(s, n);
                }
                visitBody(s, h->body);
            }
            visitBody(s, t->orelse);
            visitBody(s, t->finalbody);
            break;
        }
        case StmtKind::Assert: {
            auto* a = static_cast<Assert*>(st);
            visitExpr(s, a->test);
            if (a->msg) visitExpr(s, a->msg);
            break;
        }
        case StmtKind::Import:
            for (Alias* a : static_cast<Import*>(st)->names) {
                std::string n = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
                bind(s, n);
                declareUsedAfterGlobal(s, n, a->pos);
            }
            break;
        case StmtKind::ImportFrom:
            for (Alias* a : static_cast<ImportFrom*>(st)->names) {
                if (a->name == "*") {
                    if (s->type != CodeInfo::Type::Module)
                        throw makeError(m_module, st->pos, "import * only allowed at module level");
                    continue;
                }
                bind(s, a->asname.empty() ? a->name : a->asname);
            }
            break;
        case StmtKind::Global:
            for (std::string& written : static_cast<Global*>(st)->names) {
                written = mangle(written);
                const std::string& n = written;
                if (s->nonlocals.count(n))
                    throw makeError(m_module, st->pos, "name '" + n + "' is nonlocal and global");
                if (std::find(s->params.begin(), s->params.end(), n) != s->params.end())
                    throw makeError(m_module, st->pos, "name '" + n + "' is parameter and global");
                if (s->used.count(n) || s->bound.count(n)) {
                    bool assigned = s->bound.count(n) != 0;
                    throw makeError(m_module, st->pos,
                                    "name '" + n + "' is " + (assigned ? "assigned to" : "used") +
                                        " prior to global declaration");
                }
                s->globals.insert(n);
            }
            break;
        case StmtKind::Nonlocal:
            for (std::string& written : static_cast<Nonlocal*>(st)->names) {
                written = mangle(written);
                const std::string& n = written;
                if (s->type == CodeInfo::Type::Module)
                    throw makeError(m_module, st->pos, "nonlocal declaration not allowed at module level");
                if (s->globals.count(n))
                    throw makeError(m_module, st->pos, "name '" + n + "' is nonlocal and global");
                if (std::find(s->params.begin(), s->params.end(), n) != s->params.end())
                    throw makeError(m_module, st->pos, "name '" + n + "' is parameter and nonlocal");
                if (s->used.count(n) || s->bound.count(n)) {
                    bool assigned = s->bound.count(n) != 0;
                    throw makeError(m_module, st->pos,
                                    "name '" + n + "' is " + (assigned ? "assigned to" : "used") +
                                        " prior to nonlocal declaration");
                }
                s->nonlocals.insert(n);
                m_nonlocalPos[s].push_back({n, st->pos});
            }
            break;
        case StmtKind::ExprStmt:
            visitExpr(s, static_cast<ExprStmt*>(st)->value);
            break;
        case StmtKind::Pass:
        case StmtKind::Break:
        case StmtKind::Continue:
            break;
        }
    }

    void declareUsedAfterGlobal(Scope*, const std::string&, const Pos&) {}

    Scope* nearestNonComprehension(Scope* s) {
        while (s && s->type == CodeInfo::Type::Comprehension) s = s->parent;
        return s;
    }

    void visitComp(Scope* s, Comp* c) {
        const char* name = c->kind == ExprKind::ListComp  ? "<listcomp>"
                           : c->kind == ExprKind::SetComp ? "<setcomp>"
                           : c->kind == ExprKind::DictComp ? "<dictcomp>"
                                                           : "<genexpr>";
        // The outermost iterable is evaluated in the enclosing scope.
        ++m_compIterExpr;
        visitExpr(s, c->generators[0]->iter);
        --m_compIterExpr;
        int savedIterExpr = m_compIterExpr;
        m_compIterExpr = 0;
        auto code = makeCode(name, s, c, c->pos.line);
        Scope* cs = newScope(code.get(), s, CodeInfo::Type::Comprehension);
        code->comp = c;
        code->argCount = 1;
        cs->params.push_back(".0");
        bind(cs, ".0");
        code->isGenerator = c->kind == ExprKind::GeneratorExp;
        c->scope = reinterpret_cast<ScopeInfo*>(code.get());
        bool isAsync = false;
        for (size_t i = 0; i < c->generators.size(); ++i) {
            Comprehension* g = c->generators[i];
            if (g->isAsync) isAsync = true;
            if (i > 0) {
                ++m_compIterExpr;
                visitExpr(cs, g->iter);
                --m_compIterExpr;
            }
            collectNames(g->target, cs->compIterVars);
            visitTarget(cs, g->target);
            for (Expr* cond : g->ifs) visitExpr(cs, cond);
        }
        if (c->elt) visitExpr(cs, c->elt);
        if (c->key) visitExpr(cs, c->key);
        if (c->value) visitExpr(cs, c->value);
        m_compIterExpr = savedIterExpr;
        if (isAsync || m_compHasAwait.count(cs)) {
            if (code->isGenerator) {
                code->isGenerator = false;
                code->isAsyncGenerator = true;
            } else {
                code->isCoroutine = true;
            }
        }
        s->code->children.push_back(std::move(code));
    }

    void visitExpr(Scope* s, Expr* e) {
        if (!e) return;
        switch (e->kind) {
        case ExprKind::BoolOp:
            for (Expr* v : static_cast<BoolOp*>(e)->values) visitExpr(s, v);
            break;
        case ExprKind::NamedExpr: {
            auto* n = static_cast<NamedExpr*>(e);
            if (m_compIterExpr > 0)
                throw makeError(m_module, n->pos, "assignment expression cannot be used in a comprehension iterable expression");
            visitExpr(s, n->value);
            auto* target = static_cast<Name*>(n->target);
            target->id = mangle(target->id);
            for (Scope* c = s; c && c->type == CodeInfo::Type::Comprehension; c = c->parent)
                if (c->compIterVars.count(target->id))
                    throw makeError(m_module, target->pos, "assignment expression cannot rebind comprehension iteration variable '" +
                                                               target->id + "'");
            if (s->type == CodeInfo::Type::Comprehension) {
                Scope* owner = nearestNonComprehension(s);
                if (owner->type == CodeInfo::Type::Class)
                    throw makeError(m_module, n->pos,
                                    "assignment expression within a comprehension cannot be used in a class body");
                bind(owner, target->id);
                for (Scope* c = s; c != owner; c = c->parent) {
                    if (owner->type == CodeInfo::Type::Module) c->globals.insert(target->id);
                    else c->nonlocals.insert(target->id);
                }
                s->nameNodes.push_back(target);
                s->used.insert(target->id);
            } else {
                visitExpr(s, target);
            }
            break;
        }
        case ExprKind::BinOp: {
            auto* b = static_cast<BinOp*>(e);
            visitExpr(s, b->left);
            visitExpr(s, b->right);
            break;
        }
        case ExprKind::UnaryOp:
            visitExpr(s, static_cast<UnaryOp*>(e)->operand);
            break;
        case ExprKind::Lambda: {
            auto* l = static_cast<Lambda*>(e);
            visitArgs(s, l->args);
            int savedIterExpr = m_compIterExpr;
            m_compIterExpr = 0;
            auto code = makeCode("<lambda>", s, l, l->pos.line);
            Scope* ls = newScope(code.get(), s, CodeInfo::Type::Lambda);
            code->exprBody = l->body;
            l->scope = reinterpret_cast<ScopeInfo*>(code.get());
            declareParams(ls, l->args);
            visitExpr(ls, l->body);
            m_compIterExpr = savedIterExpr;
            s->code->children.push_back(std::move(code));
            break;
        }
        case ExprKind::IfExp: {
            auto* i = static_cast<IfExp*>(e);
            visitExpr(s, i->test);
            visitExpr(s, i->body);
            visitExpr(s, i->orelse);
            break;
        }
        case ExprKind::Dict: {
            auto* d = static_cast<Dict*>(e);
            for (size_t i = 0; i < d->values.size(); ++i) {
                if (d->keys[i]) visitExpr(s, d->keys[i]);
                visitExpr(s, d->values[i]);
            }
            break;
        }
        case ExprKind::Set:
            for (Expr* x : static_cast<Set*>(e)->elts) visitExpr(s, x);
            break;
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp:
            visitComp(s, static_cast<Comp*>(e));
            break;
        case ExprKind::Await:
            markAwait(s);
            visitExpr(s, static_cast<Await*>(e)->value);
            break;
        case ExprKind::Yield:
            markYield(s);
            visitExpr(s, static_cast<Yield*>(e)->value);
            break;
        case ExprKind::YieldFrom:
            markYield(s);
            visitExpr(s, static_cast<YieldFrom*>(e)->value);
            break;
        case ExprKind::Compare: {
            auto* c = static_cast<Compare*>(e);
            visitExpr(s, c->left);
            for (Expr* x : c->comparators) visitExpr(s, x);
            break;
        }
        case ExprKind::Call: {
            auto* c = static_cast<Call*>(e);
            visitExpr(s, c->func);
            for (Expr* a : c->args) visitExpr(s, a);
            for (Keyword* k : c->keywords) visitExpr(s, k->value);
            break;
        }
        case ExprKind::FormattedValue: {
            auto* f = static_cast<FormattedValue*>(e);
            visitExpr(s, f->value);
            visitExpr(s, f->formatSpec);
            break;
        }
        case ExprKind::JoinedStr:
            for (Expr* x : static_cast<JoinedStr*>(e)->values) visitExpr(s, x);
            break;
        case ExprKind::Constant:
            break;
        case ExprKind::Attribute: {
            auto* a = static_cast<Attribute*>(e);
            a->attr = mangle(a->attr);
            visitExpr(s, a->value);
            break;
        }
        case ExprKind::Subscript: {
            auto* x = static_cast<Subscript*>(e);
            visitExpr(s, x->value);
            visitExpr(s, x->slice);
            break;
        }
        case ExprKind::Starred:
            visitExpr(s, static_cast<Starred*>(e)->value);
            break;
        case ExprKind::Name: {
            auto* n = static_cast<Name*>(e);
            n->id = mangle(n->id);
            s->nameNodes.push_back(n);
            if (n->ctx == ExprContext::Load) {
                s->used.insert(n->id);
                if (n->id == "super" && s->functionLike()) {
                    s->used.insert("__class__");
                    s->code->hasSuper = true;
                }
            } else {
                bind(s, n->id);
            }
            break;
        }
        case ExprKind::List:
        case ExprKind::Tuple:
            for (Expr* x : static_cast<ListOrTuple*>(e)->elts) visitExpr(s, x);
            break;
        case ExprKind::Slice: {
            auto* x = static_cast<Slice*>(e);
            visitExpr(s, x->lower);
            visitExpr(s, x->upper);
            visitExpr(s, x->step);
            break;
        }
        }
    }

    void markYield(Scope* s) {
        if (s->type == CodeInfo::Type::Function || s->type == CodeInfo::Type::Lambda) {
            s->code->isGenerator = true;
            if (s->code->isCoroutine) {
                s->code->isCoroutine = false;
                s->code->isAsyncGenerator = true;
            }
        }
    }
    void markAwait(Scope* s) {
        if (s->type == CodeInfo::Type::Comprehension) m_compHasAwait.insert(s);
    }

    // ---- analysis

    std::set<std::string> analyze(Scope* s, const std::set<std::string>& enclosing) {
        if (s->functionLike()) {
            for (const auto& n : s->bound)
                if (!s->globals.count(n) && !s->nonlocals.count(n)) s->locals.insert(n);
            for (const auto& [n, pos] : m_nonlocalPos[s])
                if (!enclosing.count(n))
                    throw makeError(m_module, pos, "no binding for nonlocal '" + n + "' found");
        }
        std::set<std::string> childEnclosing = enclosing;
        for (const auto& g : s->globals) childEnclosing.erase(g);
        if (s->functionLike())
            for (const auto& n : s->locals) childEnclosing.insert(n);
        if (s->type == CodeInfo::Type::Class) childEnclosing.insert("__class__");
        std::set<std::string> free;
        for (Scope* c : s->children) {
            std::set<std::string> cf = analyze(c, childEnclosing);
            for (const auto& n : cf) {
                if (s->functionLike() && s->locals.count(n)) {
                    s->cells.insert(n);
                } else if (s->type == CodeInfo::Type::Class && n == "__class__") {
                    s->cells.insert(n);
                } else {
                    free.insert(n);
                }
            }
        }
        auto consider = [&](const std::string& n) {
            if (s->globals.count(n)) return;
            if (s->functionLike() && s->locals.count(n)) return;
            if (s->type == CodeInfo::Type::Module) return;
            if (s->type == CodeInfo::Type::Class && s->bound.count(n) && !s->nonlocals.count(n)) return;
            if (enclosing.count(n)) free.insert(n);
        };
        for (const auto& n : s->used) consider(n);
        for (const auto& n : s->nonlocals) consider(n);
        if (s->type != CodeInfo::Type::Module) s->freeSet = free;
        return free;
    }

    void layout(Scope* s) {
        CodeInfo* c = s->code;
        if (s->functionLike()) {
            for (const auto& p : s->params) c->varNames.push_back(p);
            for (const auto& n : s->boundOrder)
                if (s->locals.count(n) && !s->cells.count(n) &&
                    std::find(c->varNames.begin(), c->varNames.end(), n) == c->varNames.end())
                    c->varNames.push_back(n);
        }
        for (const auto& n : s->boundOrder)
            if (s->cells.count(n)) c->cellNames.push_back(n);
        for (const auto& n : s->cells)
            if (std::find(c->cellNames.begin(), c->cellNames.end(), n) == c->cellNames.end())
                c->cellNames.push_back(n);
        for (const auto& n : c->cellNames) {
            auto it = std::find(s->params.begin(), s->params.end(), n);
            c->cellParam.push_back(it == s->params.end() ? -1 : int(it - s->params.begin()));
        }
        if (s->type == CodeInfo::Type::Class) {
            auto it = std::find(c->cellNames.begin(), c->cellNames.end(), "__class__");
            if (it != c->cellNames.end()) c->classCellIndex = int(it - c->cellNames.begin());
        }
        for (const auto& n : s->freeSet) c->freeNames.push_back(n);
        for (const auto& n : c->varNames) c->varNameObjs.push_back(Ref<StrObject>(intern(n)));
        c->nameObj = intern(c->name);
        c->qualnameObj = intern(c->qualname);
        if (s->parent) {
            CodeInfo* pc = s->parent->code;
            for (const auto& n : c->freeNames) {
                int ix = -1;
                for (size_t k = 0; k < pc->cellNames.size(); ++k)
                    if (pc->cellNames[k] == n) ix = int(k);
                if (ix < 0)
                    for (size_t k = 0; k < pc->freeNames.size(); ++k)
                        if (pc->freeNames[k] == n) ix = int(pc->cellNames.size() + k);
                c->closureFrom.push_back(ix);
            }
        }
        for (Scope* ch : s->children) layout(ch);
        resolveNames(s);
    }

    int indexOf(const std::vector<std::string>& v, const std::string& n) {
        auto it = std::find(v.begin(), v.end(), n);
        return it == v.end() ? -1 : int(it - v.begin());
    }

    void resolveNames(Scope* s) {
        CodeInfo* c = s->code;
        for (Name* n : s->nameNodes) {
            n->cache = intern(n->id);
            const std::string& id = n->id;
            if (s->type == CodeInfo::Type::Module) {
                n->scope = NameScope::Global;
                continue;
            }
            if (s->globals.count(id)) {
                n->scope = NameScope::Global;
                continue;
            }
            int cell = indexOf(c->cellNames, id);
            int fr = indexOf(c->freeNames, id);
            if (s->type == CodeInfo::Type::Class) {
                if (s->nonlocals.count(id) && fr >= 0) {
                    n->scope = NameScope::Cell;
                    n->index = int(c->cellNames.size()) + fr;
                } else if (!s->bound.count(id) && fr >= 0) {
                    n->scope = NameScope::ClassFree;
                    n->index = int(c->cellNames.size()) + fr;
                } else {
                    n->scope = NameScope::ClassBody;
                }
                continue;
            }
            if (cell >= 0) {
                n->scope = NameScope::Cell;
                n->index = cell;
            } else if (fr >= 0) {
                n->scope = NameScope::Cell;
                n->index = int(c->cellNames.size()) + fr;
            } else if (s->locals.count(id)) {
                n->scope = NameScope::Local;
                n->index = indexOf(c->varNames, id);
            } else {
                n->scope = NameScope::Global;
            }
        }
    }

    // The names bound by an assignment target.
    static void collectNames(Expr* target, std::set<std::string>& out) {
        switch (target->kind) {
        case ExprKind::Name: out.insert(static_cast<Name*>(target)->id); break;
        case ExprKind::Starred: collectNames(static_cast<Starred*>(target)->value, out); break;
        case ExprKind::List:
        case ExprKind::Tuple:
            for (Expr* x : static_cast<ListOrTuple*>(target)->elts) collectNames(x, out);
            break;
        default: break;
        }
    }

    std::set<Scope*> m_compHasAwait;
    std::string m_private;   // the class whose body (or nested scope) is being visited, for mangling
    int m_compIterExpr = 0;  // > 0 while visiting a comprehension's iterable expression
    std::map<Scope*, std::vector<std::pair<std::string, Pos>>> m_nonlocalPos;

private:
    Module& m_module;
    std::vector<std::unique_ptr<Scope>>& m_store;
};

}  // namespace

CodeInfo* Interp::compileModule(Module& m) {
    auto code = std::make_unique<CodeInfo>();
    code->name = "<module>";
    code->qualname = "<module>";
    code->body = &m.body;
    code->firstLine = 1;
    std::vector<std::unique_ptr<Scope>> store;
    Builder b(m, store);
    Scope* top = b.newScope(code.get(), nullptr, CodeInfo::Type::Module);
    b.visitBody(top, m.body);
    b.analyze(top, {});
    b.layout(top);
    m.scope = reinterpret_cast<ScopeInfo*>(code.get());
    CodeInfo* raw = code.get();
    m_codes.push_back(std::move(code));
    return raw;
}

}  // namespace ascope::rt

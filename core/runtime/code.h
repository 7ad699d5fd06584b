// Compiled scopes and execution frames.
//
// Why it is built this way: the interpreter walks the AST directly, but every
// name is resolved once, before running, to a fast local slot, a closure cell
// or a dictionary lookup, exactly as CPython's symbol table decides it. A
// `CodeInfo` is that decision for one scope (module, function, lambda, class
// body or comprehension); a `Frame` is one activation of it, living on the C
// stack of whichever fiber runs it, and is what tracebacks, the trace and the
// stack inspector read.
#pragma once

#include "lang/ast.h"
#include "runtime/object.h"

#include <string>
#include <vector>

namespace ascope::rt {

class StrObject;
class DictObject;
class CellObject;
class FunctionObject;
class GeneratorObject;

struct CodeInfo {
    enum class Type { Module, Function, Lambda, Class, Comprehension };
    Type type = Type::Function;
    std::string name;       // "f", "<lambda>", "<listcomp>", "<module>", class name
    std::string qualname;   // "Outer.f.<locals>.g"
    const lang::Module* module = nullptr;
    int firstLine = 0;

    // Parameters occupy the first fast slots in this order: positional
    // (positional-only first), keyword-only, *args, **kwargs.
    int argCount = 0;       // positional parameters, including positional-only
    int posOnlyCount = 0;
    int kwOnlyCount = 0;
    bool hasVarargs = false;
    bool hasVarkw = false;
    int paramCount() const { return argCount + kwOnlyCount + hasVarargs + hasVarkw; }

    std::vector<std::string> varNames;      // fast locals, parameters first
    std::vector<Ref<StrObject>> varNameObjs;
    std::vector<std::string> cellNames;     // locals captured by inner scopes
    std::vector<int> cellParam;             // per cell: the parameter slot to move in, or -1
    std::vector<std::string> freeNames;     // cells inherited from enclosing scopes
    std::vector<int> closureFrom;           // per free name: index in the parent frame's cells
    int cellCount() const { return int(cellNames.size() + freeNames.size()); }
    int classCellIndex = -1;                // class bodies: cell `__class__`, or -1

    bool isGenerator = false;
    bool isCoroutine = false;
    bool isAsyncGenerator = false;
    bool hasSuper = false;                  // uses zero-argument super()

    const std::vector<lang::Stmt*>* body = nullptr;  // functions, classes, module
    lang::Expr* exprBody = nullptr;                  // lambdas
    lang::Comp* comp = nullptr;                      // comprehensions
    lang::Node* node = nullptr;                      // the defining node

    Ref<StrObject> nameObj;
    Ref<StrObject> qualnameObj;
    std::vector<std::unique_ptr<CodeInfo>> children;
};

// The exceptions being handled (`except` bodies, `finally` after an error) by
// one fiber; chained to the stack of whoever resumed it, as CPython chains a
// generator's exception state to its caller's.
struct HandledStack {
    std::vector<Value> items;
    HandledStack* prev = nullptr;
    // The exception being handled now (innermost first), or null.
    Value current() const {
        for (const HandledStack* s = this; s; s = s->prev)
            if (!s->items.empty()) return s->items.back();
        return Value();
    }
};

struct Frame {
    CodeInfo* code = nullptr;
    FunctionObject* func = nullptr;       // null for module and class bodies
    Value* fast = nullptr;                // code->varNames.size() slots
    Ref<CellObject>* cells = nullptr;     // own cells, then free cells
    DictObject* globals = nullptr;
    DictObject* locals = nullptr;         // class body namespace / module globals; null in functions
    Frame* back = nullptr;
    GeneratorObject* gen = nullptr;       // the generator or coroutine this frame runs, if any
    int line = 0;                         // the line running now
    const lang::Node* cur = nullptr;      // the statement or operation running now (traceback position)
    uint64_t serial = 0;                  // unique per activation
    Value retval;
};

}  // namespace ascope::rt

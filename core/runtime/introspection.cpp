// Builtins that look at the running frame: globals() and locals().
#include "runtime/builtins.h"

namespace ascope::rt {

namespace {

Value builtinGlobals(Interp& in, CallArgs& a) {
    a.check(in, "globals", 0, 0);
    Frame* f = in.currentFrame();
    if (!f) return Value(in.mainModule()->dict);
    return Value(f->globals);
}

// A snapshot of the frame's variables, like CPython's locals() in a function.
Value builtinLocals(Interp& in, CallArgs& a) {
    a.check(in, "locals", 0, 0);
    Frame* f = in.currentFrame();
    if (!f) return Value(new DictObject());
    if (f->locals) return Value(f->locals);
    if (f->code->type == CodeInfo::Type::Module) return Value(f->globals);
    Ref<DictObject> d(new DictObject());
    CodeInfo* c = f->code;
    for (size_t i = 0; i < c->varNames.size(); ++i)
        if (!f->fast[i].isNull()) d->setStr(c->varNameObjs[i].get(), f->fast[i]);
    for (size_t i = 0; i < c->cellNames.size(); ++i)
        if (!f->cells[i]->value.isNull()) d->setStr(intern(c->cellNames[i]), f->cells[i]->value);
    for (size_t i = 0; i < c->freeNames.size(); ++i) {
        const Value& v = f->cells[c->cellNames.size() + i]->value;
        if (!v.isNull()) d->setStr(intern(c->freeNames[i]), v);
    }
    return Value(d);
}

}  // namespace

void installFrameBuiltins(DictObject* builtins) {
    defineFunction(builtins, "globals", builtinGlobals);
    defineFunction(builtins, "locals", builtinLocals);
}

}  // namespace ascope::rt

// Registration of native methods, attributes and functions.
//
// Why it is built this way: builtin types are ordinary ClassObjects whose
// dicts hold BuiltinObjects (C++ functions); the interpreter finds `"a".upper`
// exactly like a user method, so there is one lookup path for everything.
// Each builtin type's behaviour lives in its own file and is installed once
// per process by `types()`.
#pragma once

#include "runtime/interp.h"

namespace ascope::rt {

void defineMethod(ClassObject* cls, const char* name, NativeFn fn);
void defineClassMethod(ClassObject* cls, const char* name, NativeFn fn);  // receives the class as args[0]
void defineStaticMethod(ClassObject* cls, const char* name, NativeFn fn);
void defineGetter(ClassObject* cls, const char* name, NativePropertyObject::Getter getter,
                  NativePropertyObject::Setter setter = nullptr);
void defineFunction(DictObject* namespaceDict, const char* name, NativeFn fn);
void defineValue(DictObject* namespaceDict, const char* name, Value v);

// Installers, one per file. Each sets the type's `nativeNew` (the
// constructor, receiving the class as args[0]) and its methods.
void installObjectType(const Types& t);       // types.cpp: object, type, function, method, exceptions...
void installStrType(const Types& t);          // str_type.cpp
void installNumberTypes(const Types& t);      // number_types.cpp: int, bool, float
void installListTupleTypes(const Types& t);   // sequence_types.cpp: list, tuple, range, slice
void installDictSetTypes(const Types& t);     // mapping_types.cpp: dict, views, set, frozenset
void installIteratorTypes(const Types& t);    // iterators.cpp: enumerate, zip, map, filter, reversed...
// builtin_functions.cpp: print, len, sorted, min, max, ... into `builtins`.
void installBuiltinFunctions(Interp& in, DictObject* builtins);
// introspection.cpp: globals(), locals().
void installFrameBuiltins(DictObject* builtins);

// Native iterators over builtin containers (iterators.cpp).
Value makeSeqIterator(const Value& seq);  // list, tuple, str, range: by index
Value makeDictIterator(Ref<DictObject> d, DictViewObject::Which which);
Value makeSetIterator(Ref<SetObject> s);

// Helpers shared by the type files.
// Argument checks of methods that take none / exactly one argument besides
// self, with CPython's messages ("str.upper() takes no arguments (1 given)",
// "str.join() takes exactly one argument (0 given)").
void noArgs(Interp& in, CallArgs& a, const char* qualname);
void oneArg(Interp& in, CallArgs& a, const char* qualname);
// Python's slice.indices(): clamps a slice to a sequence of `length`.
void sliceIndices(Interp& in, const SliceObject* s, int64_t length, int64_t& start, int64_t& stop,
                  int64_t& step, int64_t& count);
// repr of containers with the "[...]" guard for self-reference.
std::string reprSequence(Interp& in, const std::vector<Value>& items, const char* open, const char* close,
                         const Object* owner);
// Sorting with Python's semantics (stable, key=, reverse=; TypeError from '<').
void sortValues(Interp& in, std::vector<Value>& items, const Value& key, bool reverse);

}  // namespace ascope::rt

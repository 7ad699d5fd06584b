def return_overrides():
    try:
        return 1
    finally:
        return 2
print(return_overrides())

def return_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(return_swallows_exception())

def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_swallows())

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())

def finally_sees_return_value_change():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(finally_sees_return_value_change())

def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())

def loop_break_runs_finally():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("finally", i)
loop_break_runs_finally()

def while_continue_finally():
    i = 0
    while i < 3:
        i += 1
        try:
            continue
        finally:
            print("fin", i)
while_continue_finally()

def exception_in_finally_replaces():
    try:
        try:
            raise KeyError("first")
        finally:
            raise ValueError("second")
    except ValueError as e:
        print(repr(e), "context", repr(e.__context__))
exception_in_finally_replaces()

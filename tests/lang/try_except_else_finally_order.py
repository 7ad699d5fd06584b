def run(fail):
    try:
        print("try")
        if fail:
            raise ValueError("boom")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    print("after")

run(False)
run(True)

def handler_order():
    try:
        raise KeyError("k")
    except LookupError:
        print("LookupError handler catches KeyError")
    except KeyError:
        print("never")
handler_order()

def tuple_spec():
    for exc in (TypeError, ValueError, ZeroDivisionError):
        try:
            raise exc("x")
        except (TypeError, ValueError) as e:
            print("tuple caught", type(e).__name__)
        except Exception as e:
            print("generic caught", type(e).__name__)
tuple_spec()

def name_is_deleted():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        err
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
name_is_deleted()

try:
    try:
        raise TypeError("t")
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)

def else_exception_not_caught():
    try:
        try:
            pass
        except ValueError:
            print("wrong")
        else:
            raise ValueError("from else")
    except ValueError as e:
        print("outer caught", e)
else_exception_not_caught()

def finally_runs_on_return():
    try:
        return "value"
    finally:
        print("finally before return")
print(finally_runs_on_return())

def exception_var_scope_global():
    global gerr
    try:
        1/0
    except ZeroDivisionError as gerr:
        pass
exception_var_scope_global()
print("gerr" in globals())

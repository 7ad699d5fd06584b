try:
    import definitely_not_a_module
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import nope.sub.module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from missing_package import thing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
def inside_function():
    import another_missing_module
try:
    inside_function()
except ImportError as e:
    print("from function:", e)
import nope_module

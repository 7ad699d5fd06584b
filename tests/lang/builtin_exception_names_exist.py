missing = []
try:
    ArithmeticError
except NameError:
    missing.append('ArithmeticError')
try:
    AssertionError
except NameError:
    missing.append('AssertionError')
try:
    AttributeError
except NameError:
    missing.append('AttributeError')
try:
    BaseException
except NameError:
    missing.append('BaseException')
try:
    BaseExceptionGroup
except NameError:
    missing.append('BaseExceptionGroup')
try:
    BlockingIOError
except NameError:
    missing.append('BlockingIOError')
try:
    BrokenPipeError
except NameError:
    missing.append('BrokenPipeError')
try:
    BufferError
except NameError:
    missing.append('BufferError')
try:
    BytesWarning
except NameError:
    missing.append('BytesWarning')
try:
    ChildProcessError
except NameError:
    missing.append('ChildProcessError')
try:
    ConnectionAbortedError
except NameError:
    missing.append('ConnectionAbortedError')
try:
    ConnectionError
except NameError:
    missing.append('ConnectionError')
try:
    ConnectionRefusedError
except NameError:
    missing.append('ConnectionRefusedError')
try:
    ConnectionResetError
except NameError:
    missing.append('ConnectionResetError')
try:
    DeprecationWarning
except NameError:
    missing.append('DeprecationWarning')
try:
    EOFError
except NameError:
    missing.append('EOFError')
try:
    EncodingWarning
except NameError:
    missing.append('EncodingWarning')
try:
    EnvironmentError
except NameError:
    missing.append('EnvironmentError')
try:
    Exception
except NameError:
    missing.append('Exception')
try:
    ExceptionGroup
except NameError:
    missing.append('ExceptionGroup')
try:
    FileExistsError
except NameError:
    missing.append('FileExistsError')
try:
    FileNotFoundError
except NameError:
    missing.append('FileNotFoundError')
try:
    FloatingPointError
except NameError:
    missing.append('FloatingPointError')
try:
    FutureWarning
except NameError:
    missing.append('FutureWarning')
try:
    GeneratorExit
except NameError:
    missing.append('GeneratorExit')
try:
    IOError
except NameError:
    missing.append('IOError')
try:
    ImportError
except NameError:
    missing.append('ImportError')
try:
    ImportWarning
except NameError:
    missing.append('ImportWarning')
try:
    IndentationError
except NameError:
    missing.append('IndentationError')
try:
    IndexError
except NameError:
    missing.append('IndexError')
try:
    InterruptedError
except NameError:
    missing.append('InterruptedError')
try:
    IsADirectoryError
except NameError:
    missing.append('IsADirectoryError')
try:
    KeyError
except NameError:
    missing.append('KeyError')
try:
    KeyboardInterrupt
except NameError:
    missing.append('KeyboardInterrupt')
try:
    LookupError
except NameError:
    missing.append('LookupError')
try:
    MemoryError
except NameError:
    missing.append('MemoryError')
try:
    ModuleNotFoundError
except NameError:
    missing.append('ModuleNotFoundError')
try:
    NameError
except NameError:
    missing.append('NameError')
try:
    NotADirectoryError
except NameError:
    missing.append('NotADirectoryError')
try:
    NotImplementedError
except NameError:
    missing.append('NotImplementedError')
try:
    OSError
except NameError:
    missing.append('OSError')
try:
    OverflowError
except NameError:
    missing.append('OverflowError')
try:
    PendingDeprecationWarning
except NameError:
    missing.append('PendingDeprecationWarning')
try:
    PermissionError
except NameError:
    missing.append('PermissionError')
try:
    ProcessLookupError
except NameError:
    missing.append('ProcessLookupError')
try:
    RecursionError
except NameError:
    missing.append('RecursionError')
try:
    ReferenceError
except NameError:
    missing.append('ReferenceError')
try:
    ResourceWarning
except NameError:
    missing.append('ResourceWarning')
try:
    RuntimeError
except NameError:
    missing.append('RuntimeError')
try:
    RuntimeWarning
except NameError:
    missing.append('RuntimeWarning')
try:
    StopAsyncIteration
except NameError:
    missing.append('StopAsyncIteration')
try:
    StopIteration
except NameError:
    missing.append('StopIteration')
try:
    SyntaxError
except NameError:
    missing.append('SyntaxError')
try:
    SyntaxWarning
except NameError:
    missing.append('SyntaxWarning')
try:
    SystemError
except NameError:
    missing.append('SystemError')
try:
    SystemExit
except NameError:
    missing.append('SystemExit')
try:
    TabError
except NameError:
    missing.append('TabError')
try:
    TimeoutError
except NameError:
    missing.append('TimeoutError')
try:
    TypeError
except NameError:
    missing.append('TypeError')
try:
    UnboundLocalError
except NameError:
    missing.append('UnboundLocalError')
try:
    UnicodeDecodeError
except NameError:
    missing.append('UnicodeDecodeError')
try:
    UnicodeEncodeError
except NameError:
    missing.append('UnicodeEncodeError')
try:
    UnicodeError
except NameError:
    missing.append('UnicodeError')
try:
    UnicodeTranslateError
except NameError:
    missing.append('UnicodeTranslateError')
try:
    UnicodeWarning
except NameError:
    missing.append('UnicodeWarning')
try:
    UserWarning
except NameError:
    missing.append('UserWarning')
try:
    ValueError
except NameError:
    missing.append('ValueError')
try:
    Warning
except NameError:
    missing.append('Warning')
try:
    ZeroDivisionError
except NameError:
    missing.append('ZeroDivisionError')
print(missing)

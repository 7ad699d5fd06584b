"""Dumps CPython's AST of a Python file in the format of parser_test.cpp's dumper.

    python3 astdump.py FILE.py        -> the AST, one line
    python3 astdump.py --error FILE.py -> what `python3 FILE.py` writes to stderr
                                           when the file does not compile

Used by regen.sh to write the expected outputs of tests/syntax; never edit
those by hand.
"""
import ast
import os
import subprocess
import sys

RENAMES = {"Expr": "ExprStmt"}
SKIPPED = {"type_ignores", "type_comment", "kind"}


def text(value):
    data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
    out = []
    for b in data:
        if 0x20 <= b < 0x7F and b not in (0x27, 0x5C):
            out.append(chr(b))
        else:
            out.append("\\x%02x" % b)
    return "'" + "".join(out) + "'"


def constant(value):
    if value is None or value is True or value is False or value is Ellipsis:
        return repr(value)
    if isinstance(value, int):
        return "Int(%d)" % value
    if isinstance(value, float):
        return "Float(%.17g)" % value
    if isinstance(value, complex):
        return "Imag(%.17g)" % value.imag
    if isinstance(value, bytes):
        return "Bytes(%s)" % text(value)
    return "Str(%s)" % text(value)


def dump(node):
    if isinstance(node, list):
        return "[" + ", ".join(dump(n) for n in node) + "]"
    if node is None:
        return "None"
    if isinstance(node, str):
        return text(node)
    if isinstance(node, int):
        return str(node)
    if isinstance(node, ast.expr_context):
        return type(node).__name__
    name = type(node).__name__
    name = RENAMES.get(name, name)
    if name in ("AsyncFunctionDef", "AsyncFor", "AsyncWith"):
        name = name[5:]
        prefix = ["async=1"]
    elif name == "TryStar":
        name = "Try"
        prefix = ["star=1"]
    elif name == "comprehension":
        prefix = ["async=%d" % node.is_async]
    else:
        prefix = []
    parts = list(prefix)
    for field in node._fields:
        if field in SKIPPED or field == "is_async":
            continue
        value = getattr(node, field)
        if name == "Constant" and field == "value":
            parts.append(constant(value))
        else:
            parts.append("%s=%s" % (field, dump(value)))
    if hasattr(node, "lineno") and not isinstance(node, ast.mod):
        parts.append("@%d:%d-%d:%d" % (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))
    return "%s(%s)" % (name, ", ".join(parts))


def main():
    if sys.argv[1] == "--error":
        # Run as `python3 NAME.py` from the file's directory; CPython shows the
        # absolute path of the main script, which is cut back to NAME.py.
        directory, name = os.path.split(os.path.abspath(sys.argv[2]))
        result = subprocess.run([sys.executable, name], capture_output=True, cwd=directory)
        text = result.stderr.decode("utf-8", "surrogateescape").replace(directory + os.sep, "")
        sys.stdout.write(text.split("Traceback (most recent call last):")[0])
        return
    with open(sys.argv[1], "rb") as f:
        source = f.read()
    print(dump(ast.parse(source)))


main()

# A syntax error is reported like CPython (file, line, source, caret) before
# anything runs, with exit status 1.
print("never printed")
if True
    print("missing colon")

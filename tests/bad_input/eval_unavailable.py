# eval() does not exist.
# expect-exit: 1
# expect-stderr-last: NameError: name 'eval' is not defined
print(eval("1 + 1"))

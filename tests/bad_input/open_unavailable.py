# A scenario cannot read or write files: open() does not exist.
# expect-exit: 1
# expect-stderr-last: NameError: name 'open' is not defined
print(open("x").read())

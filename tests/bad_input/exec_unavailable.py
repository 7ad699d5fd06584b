# exec() does not exist.
# expect-exit: 1
# expect-stderr-last: NameError: name 'exec' is not defined
exec("print('escaped')")

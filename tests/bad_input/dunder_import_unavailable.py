# __import__ cannot reach the outside world either.
# expect-exit: 1
# expect-stderr-last: (NameError: name '__import__' is not defined|ModuleNotFoundError: No module named 'os')
__import__("os").system("echo escaped")

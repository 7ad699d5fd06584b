# A loop that keeps catching the exception it raises is still a runaway.
# asyncscope-options: --max-steps 1000000
# expect-exit: 4
# expect-stderr-last: asyncscope: stopped after [0-9]+ steps.*
while True:
    try:
        raise ValueError("again")
    except ValueError:
        pass

# An endless loop is stopped by the step budget with a one-line message.
# asyncscope-options: --max-steps 1000000
# expect-exit: 4
# expect-stderr-last: asyncscope: stopped after [0-9]+ steps.*
while True:
    pass

# An endless loop over an endless generator is stopped by the step budget.
# asyncscope-options: --max-steps 1000000
# expect-exit: 4
# expect-stderr-last: asyncscope: stopped after [0-9]+ steps.*
def forever():
    while True:
        yield 1


total = 0
for value in forever():
    total += value

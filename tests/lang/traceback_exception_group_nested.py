def task(n):
    raise ValueError(f"task {n} failed")

errors = []
for i in range(2):
    try:
        task(i)
    except ValueError as e:
        errors.append(e)

inner = ExceptionGroup("inner group", [TypeError("type problem")])
raise ExceptionGroup("outer group", errors + [inner])

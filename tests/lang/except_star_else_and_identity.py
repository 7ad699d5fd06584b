try:
    raise ExceptionGroup("e", [ValueError()])
except* ValueError:
    print("handled")
else:
    print("ELSE RAN")
print("end")
eg = ExceptionGroup("e", [ValueError()])
try:
    try:
        raise eg
    except* TypeError:
        pass
except ExceptionGroup as e:
    print(e is eg)
n = ValueError("n")
try:
    try:
        raise n
    except* TypeError:
        pass
except ValueError as e:
    print(e is n)

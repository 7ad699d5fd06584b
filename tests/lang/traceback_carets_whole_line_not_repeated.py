def fail():
    raise ValueError("whole statement")

fail()

try:
    raise ValueError("primary")
except ValueError as e:
    e.add_note("first note")
    e.add_note("second note")
    raise

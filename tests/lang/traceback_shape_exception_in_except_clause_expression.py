try:
    1 / 0
except undefined_error_class:
    pass

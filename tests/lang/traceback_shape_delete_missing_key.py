cache = {}
del cache["gone"]

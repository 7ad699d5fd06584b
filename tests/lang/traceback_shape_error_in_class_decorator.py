def register(cls):
    raise LookupError(cls.__name__)

@register
class Widget:
    pass

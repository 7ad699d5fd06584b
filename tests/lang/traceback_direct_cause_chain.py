class ConfigError(Exception):
    pass

def load(key):
    settings = {"a": 1}
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e

load("b")

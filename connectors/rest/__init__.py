"""The REST channel with a bearer token: `connectors.rest.RestInput` in credentials.yml.

The class loads on first use, so this package stays importable where Rasa is not installed.
"""

__all__ = ["RestInput"]


def __getattr__(name: str):
    if name in __all__:
        from connectors.rest import channel

        return getattr(channel, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

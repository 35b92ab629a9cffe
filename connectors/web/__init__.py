"""The web chat widget channel: `connectors.web.WebInput` in credentials.yml.

The channel classes load on first use, so `connectors.web.tokens` stays importable from the
catalog's Python environment (the end-to-end tests use it) where Rasa is not installed.
"""

__all__ = ["WebInput", "WebOutput"]


def __getattr__(name: str):
    if name in __all__:
        from connectors.web import channel

        return getattr(channel, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The Microsoft Teams (Bot Framework) channel: `connectors.teams.TeamsInput` in credentials.yml.

The channel classes load on first use, so the helper modules (auth, cards) stay importable from
the catalog's Python environment, where Rasa is not installed.
"""

__all__ = ["TeamsInput", "TeamsOutput"]


def __getattr__(name: str):
    if name in __all__:
        from connectors.teams import channel

        return getattr(channel, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

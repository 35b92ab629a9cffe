"""The SMS (Twilio) channel: `connectors.sms.SMSInput` in credentials.yml.

The channel classes load on first use, so the helper modules (segments, keywords, senders) stay
importable from the catalog's Python environment, where Rasa is not installed.
"""

__all__ = ["SMSInput", "SMSTurnOutput"]


def __getattr__(name: str):
    if name in __all__:
        from connectors.sms import channel

        return getattr(channel, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

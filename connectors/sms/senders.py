"""Phone numbers never reach Rasa, the tracker store or the logs: a keyed hash stands in for them.

The hash is keyed (HMAC-SHA256), so someone holding the stored conversations cannot find a number
by hashing every possible one. Without SMS_SENDER_KEY the key is derived from the Twilio auth
token; rotating that token then starts every sender on a new conversation.
"""

from __future__ import annotations

import hashlib
import hmac
import re

PREFIX = "sms-"
_NOT_DIALABLE = re.compile(r"[^\d+]")


def sender_key(sms_sender_key: str, auth_token: str) -> bytes:
    if sms_sender_key:
        return sms_sender_key.encode()
    if not auth_token:
        raise ValueError("neither SMS_SENDER_KEY nor TWILIO_AUTH_TOKEN is set")
    # A key of its own, so the hash never equals anything else signed with the auth token.
    return hmac.new(auth_token.encode(), b"sms-sender-key-v1", hashlib.sha256).digest()


def normalize_number(number: str) -> str:
    """"+1 (555) 010-0000" and "+15550100000" are the same sender."""
    return _NOT_DIALABLE.sub("", number or "")


def sender_id(key: bytes, number: str) -> str:
    digest = hmac.new(key, normalize_number(number).encode(), hashlib.sha256).hexdigest()
    return PREFIX + digest


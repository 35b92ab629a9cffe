"""The sender id Rasa stores is a keyed hash, never the phone number."""

import pytest

from connectors.sms.senders import sender_id, sender_key


def test_same_number_same_sender_whatever_the_formatting():
    key = sender_key("a-sender-key", "")
    assert sender_id(key, "+1 (555) 010-0100") == sender_id(key, "+15550100100")


def test_sender_id_hides_the_number_and_depends_on_the_key():
    key = sender_key("a-sender-key", "token")
    sid = sender_id(key, "+15550100100")
    assert sid.startswith("sms-") and len(sid) == 4 + 64
    assert "5550100100" not in sid
    assert sid != sender_id(sender_key("another-key", "token"), "+15550100100")
    assert sid != sender_id(key, "+15550100101")


def test_without_a_sender_key_the_auth_token_keys_it_but_is_not_the_key():
    derived = sender_key("", "auth-token")
    assert derived != b"auth-token"
    assert sender_id(derived, "+15550100100") != sender_id(b"auth-token", "+15550100100")
    assert derived == sender_key("", "auth-token")
    with pytest.raises(ValueError):
        sender_key("", "")

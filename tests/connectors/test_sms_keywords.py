"""Carrier keywords are recognised on their own, before the assistant sees the message."""

import pytest

from connectors.sms.keywords import Keyword, help_text, keyword_of, opt_in_text, opt_out_text


@pytest.mark.parametrize(
    "text", ["STOP", "stop", " Stop. ", "STOPALL", "stop all", "UNSUBSCRIBE", "cancel", "END",
             "quit", "OPTOUT", "opt out", "REVOKE"]
)
def test_opt_out_words(text):
    assert keyword_of(text, opted_out=False) is Keyword.OPT_OUT
    assert keyword_of(text, opted_out=True) is Keyword.OPT_OUT


@pytest.mark.parametrize("text", ["START", "start", "UNSTOP"])
def test_opt_in_words(text):
    assert keyword_of(text, opted_out=True) is Keyword.OPT_IN


def test_yes_opts_in_only_after_an_opt_out():
    assert keyword_of("yes", opted_out=True) is Keyword.OPT_IN
    assert keyword_of("yes", opted_out=False) is None


@pytest.mark.parametrize("text", ["HELP", "help", "Info", "help!"])
def test_help_words(text):
    assert keyword_of(text, opted_out=False) is Keyword.HELP


@pytest.mark.parametrize(
    "text", ["stop sending me jobs in LA", "I need help paying for school", "start over",
             "how do I become a CNA", ""]
)
def test_sentences_go_to_the_assistant(text):
    assert keyword_of(text, opted_out=False) is None


def test_help_text_says_what_carriers_require():
    text = help_text("careers@example.org")
    assert "Health Careers Guide" in text
    assert "STOP" in text
    assert "Msg & data rates may apply" in text
    assert "only text you back when you text us" in text  # message frequency
    assert "careers@example.org" in text
    assert len(text) <= 320  # two segments at most


def test_opt_out_and_opt_in_confirmations():
    assert "START" in opt_out_text() and "no more texts" in opt_out_text()
    assert "STOP" in opt_in_text() and "HELP" in opt_in_text()

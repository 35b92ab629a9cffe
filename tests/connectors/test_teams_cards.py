"""Adaptive Card replies, and what an incoming Teams activity says."""

from connectors.teams import cards

BUTTONS = [
    {"title": "Tuition support", "payload": "/tuition_support"},
    {"title": "Find training", "payload": "/find_programs"},
]


def inbound(**extra):
    activity = {
        "type": "message",
        "id": "act-1",
        "serviceUrl": "https://smba.example/amer/",
        "from": {"id": "29:user", "aadObjectId": "aad-1"},
        "recipient": {"id": "28:bot"},
        "conversation": {"id": "a:conv", "conversationType": "personal"},
        "text": "hi",
    }
    activity.update(extra)
    return activity


def test_a_reply_is_an_adaptive_card_with_a_text_fallback():
    reply = cards.reply(inbound(), "What would you like?", BUTTONS)
    assert reply["type"] == "message"
    assert reply["from"] == {"id": "28:bot"} and reply["recipient"]["id"] == "29:user"
    assert reply["conversation"]["id"] == "a:conv" and reply["replyToId"] == "act-1"
    assert reply["text"] == "What would you like?\n\nTuition support | Find training"
    [attachment] = reply["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["body"][0]["text"] == "What would you like?"
    first = card["actions"][0]
    assert first["type"] == "Action.Submit" and first["title"] == "Tuition support"
    assert first["data"]["msteams"] == {
        "type": "messageBack",
        "displayText": "Tuition support",
        "text": "/tuition_support",
        "value": {"payload": "/tuition_support", "title": "Tuition support"},
    }


def test_a_card_without_buttons_has_no_actions():
    card = cards.adaptive_card("Good luck!", [])
    assert "actions" not in card and card["body"][0]["wrap"] is True


def test_a_button_click_comes_back_as_its_payload():
    clicked = inbound(text="/tuition_support", value={"payload": "/tuition_support", "title": "Tuition support"})
    assert cards.message_text(clicked) == ("/tuition_support", "Tuition support")


def test_typed_text_loses_the_bots_mention():
    assert cards.message_text(inbound(text="<at>Health Careers Guide</at> how do I become an LVN?")) == (
        "how do I become an LVN?", None
    )
    assert cards.message_text(inbound(text=None)) == ("", None)


def test_who_gets_a_welcome():
    bot_added = inbound(type="conversationUpdate", membersAdded=[{"id": "28:bot"}])
    assert cards.welcomes(bot_added)
    user_added = inbound(type="conversationUpdate", membersAdded=[{"id": "29:user"}])
    assert cards.welcomes(user_added)
    in_a_team = inbound(
        type="conversationUpdate",
        membersAdded=[{"id": "29:someone"}],
        conversation={"id": "19:team", "conversationType": "channel"},
    )
    assert not cards.welcomes(in_a_team)
    assert not cards.welcomes(inbound(type="conversationUpdate", membersRemoved=[{"id": "28:bot"}]))

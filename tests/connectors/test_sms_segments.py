"""SMS sizing: GSM-7 vs UCS-2 segment counts and splitting replies under Twilio's 1,600 chars."""

from connectors.sms.segments import MAX_BODY_CHARS, count_segments, is_gsm7, plain, split_for_sms


def test_gsm7_segments_are_160_alone_and_153_when_joined():
    assert count_segments("a" * 160).count == 1
    assert count_segments("a" * 161).count == 2
    assert count_segments("a" * 306).count == 2
    assert count_segments("a" * 307).count == 3
    assert count_segments("a" * 160).encoding == "GSM-7"


def test_extension_characters_take_two_septets_and_never_straddle_segments():
    assert count_segments("€" * 80).count == 1
    assert count_segments("€" * 81).count == 2
    # 152 plain characters then a two-septet one: it does not fit in the first 153.
    assert count_segments("a" * 152 + "{" + "a" * 10).count == 2
    assert count_segments("a" * 152 + "{" + "a" * 152).count == 3


def test_one_emoji_switches_the_whole_message_to_ucs2():
    assert not is_gsm7("Good luck 🎉")
    assert count_segments("a" * 70).count == 1
    assert count_segments("a" * 69 + "é").count == 1  # é is in GSM-7
    assert count_segments("a" * 70 + "🎉").encoding == "UCS-2"
    assert count_segments("a" * 69 + "🎉").count == 2  # the emoji is two UCS-2 units
    assert count_segments("a" * 134 + "🎉").count == 3  # 67 + 67 units, then the pair


def test_curly_quotes_become_plain_so_the_message_stays_gsm7():
    text = "You\u2019re \u201cready\u201d \u2014 let\u2019s go\u2026"
    assert not is_gsm7(text)
    assert plain(text) == "You're \"ready\" - let's go..."
    assert is_gsm7(plain(text))
    assert split_for_sms([text]) == [plain(text)]


def test_a_turn_is_joined_into_one_text_when_it_fits():
    assert split_for_sms(["Hi!", "", "What would you like to do?"]) == [
        "Hi!\n\nWhat would you like to do?"
    ]
    assert split_for_sms(["  ", ""]) == []


def test_long_replies_split_on_paragraphs_then_sentences_never_over_the_limit():
    paragraph = " ".join(f"Sentence number {i} is here." for i in range(40))  # ~1,100 chars
    bodies = split_for_sms([paragraph, paragraph, "Short last part."])
    assert all(len(b) <= MAX_BODY_CHARS for b in bodies)
    assert len(bodies) == 2
    # Paragraph boundary first: the first paragraph stays whole.
    assert bodies[0] == paragraph
    assert bodies[1] == paragraph + "\n\nShort last part."

    one_huge_paragraph = " ".join(f"Fact {i} about nursing school." for i in range(200))
    bodies = split_for_sms([one_huge_paragraph], limit=500)
    assert all(len(b) <= 500 for b in bodies)
    assert all(b.endswith(".") for b in bodies)  # cut between sentences
    assert " ".join(bodies) == one_huge_paragraph


def test_text_without_boundaries_is_still_cut_under_the_limit():
    bodies = split_for_sms(["x" * 3500])
    assert [len(b) for b in bodies] == [1600, 1600, 300]
    words = split_for_sms(["word " * 500], limit=100)
    assert all(len(b) <= 100 and not b.startswith(" ") for b in words)
    assert " ".join(words) == ("word " * 500).strip()

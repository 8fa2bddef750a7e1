"""Sentence spans, including text no sentencizer was meant for: megabyte paragraphs."""

from __future__ import annotations

from newsprobe.detect.segment import (
    MAX_SENTENCE_CHARS,
    PIECE_CHARS,
    sentence_groups,
    split_sentences,
)

NEWS = "The council met on Monday. It voted 7-2 to close the pool.\nResidents were angry."


def test_ordinary_text_is_split_at_sentence_ends_and_paragraph_breaks():
    spans = split_sentences(NEWS)
    assert [NEWS[a:b] for a, b in spans] == [
        "The council met on Monday.",
        "It voted 7-2 to close the pool.",
        "Residents were angry.",
    ]
    assert split_sentences(NEWS, limit=2) == spans[:2]


def test_a_paragraph_past_spacys_million_characters_is_read_in_pieces():
    # spaCy refuses a text over 1,000,000 characters (E088); a scraped page can be one line.
    para = "The council met again on Monday and argued. " * 30_000
    assert len(para) > 1_000_000 > PIECE_CHARS
    spans = split_sentences("Headline\n" + para)
    assert len(spans) == 1 + 30_000
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    text = "Headline\n" + para
    assert {text[a:b] for a, b in spans[1:]} == {"The council met again on Monday and argued."}


def test_a_run_without_sentence_ends_is_cut_at_spaces():
    text = "word " * 3_000 + "end."
    spans = split_sentences(text)
    assert len(spans) == -(-len(text) // MAX_SENTENCE_CHARS)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans) == text.strip()


def test_sentence_groups_cover_the_text_in_runs_of_whole_sentences():
    text = "One short sentence here. " * 100
    groups = sentence_groups(text, 200)
    assert all(b - a <= 200 for a, b in groups)
    sentences = split_sentences(text)
    assert groups[0][0] == sentences[0][0] and groups[-1][1] == sentences[-1][1]
    starts = {a for a, _ in sentences}
    assert all(a in starts for a, _ in groups)

"""Prose typed in capitals or Title Case is read in sentence case, names kept where known."""

from __future__ import annotations

import textwrap

import pytest

from newsprobe.normalize import normalize_text
from newsprobe.normalize.case import restore_case
from sample_texts import ARTICLE


def title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))


@pytest.mark.parametrize("typed", [ARTICLE.upper(), title_case(ARTICLE)])
def test_a_story_typed_in_capitals_or_title_case_gets_sentence_case_back(typed: str) -> None:
    restored, changed = restore_case(typed)
    assert changed > 20
    assert len(restored) == len(typed)  # letter for letter: offsets do not move
    assert restored.lower() == typed.lower()
    # "NATO" typed "Nato" is a name still: an acronym is only known by its capitals
    assert restored.startswith(
        (
            "Poland invoked article 4 of the NATO treaty on Wednesday",
            "Poland invoked article 4 of the Nato treaty on Wednesday",
        )
    )
    assert ". The government said the consultations were needed" in restored
    assert "Allies met in brussels, and officials confirmed that 12 people" in restored


def test_capitals_keep_acronyms_and_country_initials() -> None:
    typed = (
        "THE FBI AND THE BBC SAID ON MONDAY THAT THE US AND THE UK WOULD SEND ARMY TEAMS "
        "TO HELP AMC STAFF, AND I WAS TOLD THAT THE WAR WAS OVER BY THE TIME THEY ARRIVED."
    )
    assert restore_case(typed)[0] == (
        "The FBI and the BBC said on Monday that the US and the UK would send army teams "
        "to help AMC staff, and I was told that the war was over by the time they arrived."
    )


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        # a headline, however long, in Title Case above a story as written
        "Poland Invokes Article 4 After Drones Cross Its Eastern Border Overnight\n\n" + ARTICLE,
        # a shouted quote inside a story
        ARTICLE + ' A protester shouted "WE WANT ANSWERS NOW" outside the building.',
        # names, many of them, are not Title Case
        "Jan Kowalski, Anna Nowak, Piotr Wisniewski, Maria Wojcik, Tomasz Kaminski, Ewa "
        "Lewandowska and Marek Zielinski of the Warsaw City Council met the mayor on Monday "
        "in the old town hall.",
    ],
)
def test_prose_as_reporters_write_it_is_left_alone(text: str) -> None:
    assert restore_case(text) == (text, 0)


def test_recased_words_are_counted_among_the_evasion_findings() -> None:
    findings: dict[str, int] = {}
    out = normalize_text(ARTICLE.upper(), findings)
    assert findings["recased_words"] > 20 and out.startswith("Poland invoked article 4")
    clean: dict[str, int] = {}
    assert normalize_text(ARTICLE, clean) == ARTICLE and clean["recased_words"] == 0


MACHINE = (
    "In a stunning turn of events, the cinema chain has backtracked on its widely criticized "
    "decision to allow patrons to use their phones during screenings. The reversal comes in "
    "response to public backlash, and it was announced by the company on Monday. They said "
    "that the policy had been a mistake and that it would not return."
)
SMALL = {"a", "an", "the", "and", "but", "or", "for", "on", "at", "to", "from", "by", "of", "in"}


def chicago(text: str) -> str:
    return " ".join(w if w.lower() in SMALL else w[:1].upper() + w[1:] for w in text.split(" "))


def alternating(text: str) -> str:
    return "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(text))


@pytest.mark.parametrize(
    "typed",
    [
        # capitals hard-wrapped: every line under 20 words, the paragraph over
        textwrap.fill(MACHINE.upper(), 60),
        chicago(MACHINE),  # Chicago's Title Case leaves "a", "of", "the" in lower case
        alternating(MACHINE),
    ],
)
def test_wrapped_capitals_chicago_title_case_and_alternating_case_are_recased(typed):
    """Each had kept a red-team's machine story at 0.17-0.62 after the first rule."""
    restored, changed = restore_case(typed)
    assert changed > 20
    assert restored.replace("\n", " ").lower() == typed.replace("\n", " ").lower()
    # "Backtracked", rarer than a common word, may be a name: it keeps its capital.
    assert "the cinema chain has backtracked on its widely criticized decision" in (
        restored.replace("\n", " ").replace("Backtracked", "backtracked")
    )


def test_a_sentence_in_capitals_is_recased_inside_a_paragraph_of_prose() -> None:
    """Two sentences of three in capitals stayed under the paragraph's share."""
    sentences = MACHINE.split(". ")
    typed = ". ".join(s.upper() if i < 2 else s for i, s in enumerate(sentences))
    restored, changed = restore_case(typed)
    assert changed > 20 and restored.startswith("In a stunning turn of events, the cinema")
    # A shouted quote under eight words stays as written.
    quote = 'Outside, a protester shouted "WE WANT ANSWERS NOW" at the gates of the building.'
    assert restore_case(quote) == (quote, 0)


def test_a_list_of_names_and_titles_in_one_paragraph_is_not_title_case() -> None:
    """An awards page, nominees in a run, had its names lower-cased: "bet awards",
    "microsoft theater", "jamie Foxx"."""
    page = (
        "The BET Awards were held at the Microsoft Theater on Sunday and hosted by Jamie Foxx. "
        "Best Female Artist: Beyonce, Rihanna, SZA, Cardi B, Ella Mai. Best Group: Migos, "
        "Chloe X Halle, Rae Sremmurd. Best New Artist: Daniel Caesar, Kodak Black, Lil Pump. "
        "Album Of The Year: Black Panther The Album, Damn, Everyday Life, Invasion Of Privacy."
    )
    assert restore_case(page) == (page, 0)


def test_a_word_split_by_a_hyphen_in_title_case_is_recased_and_joined() -> None:
    """ "Stun-Ning": Title Case gave the split word's rest a capital, which kept it from
    being joined."""
    typed = title_case(MACHINE.replace("stunning", "stun-ning").replace("widely", "well-known"))
    typed = typed.replace("Stun-ning", "Stun-Ning").replace("Well-known", "Well-Known")
    findings: dict[str, int] = {}
    assert normalize_text(typed, findings).startswith(
        "In a stunning turn of events, the cinema chain has Backtracked on its well-known"
    )
    assert findings["split_words"] == 1  # "well-known" is a compound: kept

"""Which opening pronouns of a source sentence take the previous sentence's subject."""

from __future__ import annotations

import pytest

from newsprobe.verify.antecedents import resolve_opening_pronoun


def resolved(nlp, text: str) -> str | None:
    first, second = list(nlp(text).sents)
    got = resolve_opening_pronoun(second, first)
    return None if got is None else got.shown


@pytest.mark.parametrize(
    "text, shown",
    [
        (
            "Article 4 of the North Atlantic Treaty says that the parties will consult. "
            "It does not oblige allies to take military action.",
            "[Article 4 of the North Atlantic Treaty] does not oblige allies to take "
            "military action.",
        ),
        (
            "Angela Merkel met the president on Monday. She said the talks went well.",
            "[Angela Merkel] said the talks went well.",
        ),
        (
            "The ministers met in Brussels on Friday. They agreed to raise spending.",
            "[The ministers] agreed to raise spending.",
        ),
        (
            "Mr Gill spoke to the BBC on Tuesday. He said the party would stand.",
            "[Mr Gill] said the party would stand.",
        ),
        # a possessive that opens the subject: the owner by name, without its apposition
        (
            "The 23-year-old Markovic, seeded 14th, saved 11 of 14 break points. "
            "Her fastest serve was clocked at 189 kph.",
            "[Markovic's] fastest serve was clocked at 189 kph.",
        ),
        (
            "The council met on Monday. Its members approved the budget.",
            "[The council's] members approved the budget.",
        ),
        (
            "The ministers met in Brussels. Their statement called for a ceasefire.",
            "[The ministers'] statement called for a ceasefire.",
        ),
    ],
)
def test_an_agreeing_subject_is_taken(nlp, text, shown):
    assert resolved(nlp, text) == shown


@pytest.mark.parametrize(
    "text",
    [
        # no agreement: a person is not "it", one thing is not "they"
        "Angela Merkel met the president on Monday. It was a long meeting.",
        "The treaty was signed in Washington in 1949. They met again in 1950.",
        # expletive and weather "it", a pronoun antecedent, a pronoun that is no subject
        "The treaty was signed in Washington. It is not clear why the date was chosen.",
        "The ministers met in Paris. It rained all day.",
        "The match ended in a draw. It was a costly miss for the hosts.",
        "The new body was announced today. It is not yet known what it will be called.",
        # a title of the other sex
        "Mrs Bisson called the company in September. He said nothing.",
        "It was signed in 1949. It has been amended since.",
        # a possessive of the other sex, or of no subject ("her" as the object)
        "Mrs Bisson called the company in September. His aides said little.",
        "Angela Merkel met the president on Monday. Reporters asked her about it.",
    ],
)
def test_anything_else_is_left_alone(nlp, text):
    assert resolved(nlp, text) is None


def test_the_first_sentence_of_a_passage_has_no_antecedent(nlp):
    (only,) = list(nlp("It has been invoked once.").sents)
    assert resolve_opening_pronoun(only, None) is None

"""Chatbot scaffolding: what counts as a tell, what does not, and what it does to a verdict."""

from __future__ import annotations

import numpy as np
import pytest

from newsprobe.detect.detector import Detector
from newsprobe.detect.tells import TELL_KINDS, TELL_PROBABILITY, find_tells


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Here is a 5 sentence news article based on the summary: It met.", "reply framing"),
        ("Sure, here's the article you asked for.\nThe council met on Monday.", "reply framing"),
        ("The council met. Here is a polished version of the text: it met.", "reply framing"),
        ("A four-sentence news article about the vote follows.", "reply framing"),
        ("[assistant]: The council met on Monday to vote.", "role tag"),
        ("As an AI language model, I cannot browse the news.", "self-reference"),
        ("I'm only a language model, so I can't do that.", "self-reference"),
        ("I cannot fulfill this request because it asks for false claims.", "refusal"),
        ("This content may violate our usage guidelines.", "refusal"),
        ("**Council approves harbour wall**\nThe council met on Monday.", "markdown heading"),
        ("The council met.\n  **What happens next**  \nWork starts in May.", "markdown heading"),
        ("Work starts in May. As of my last knowledge update, it had not.", "self-reference"),
        ("Work starts in May.\n\nI hope this article meets your needs.", "reply framing"),
        ("Work starts in May. Let me know if you would like any changes!", "reply framing"),
        ("Title: Council approves harbour wall\n\nThe council met on Monday.", "title label"),
        ("**Headline:** Wall approved\n\nThe council met on Monday.", "title label"),
        ("Title: Council Approves Harbour WallThe council met on Monday.", "title label"),
    ],
)
def test_scaffolding_is_found_with_its_kind(text: str, kind: str) -> None:
    tells = find_tells(text)
    assert kind in {t.kind for t in tells}
    assert all(0 <= t.start < t.end <= len(text) for t in tells)


@pytest.mark.parametrize(
    "text",
    [
        # Reporters quote chatbots; a quotation is not the article's own voice.
        'The bot replied: "As an AI language model, I cannot give opinions."',
        "The reply began “I'm only a language model” and went on.",
        # British house style quotes in single marks; "don’t" is no closing mark.
        "The chatbot replied: ‘As an AI language model, I don’t give opinions.’",
        "As of my last update to this post, the road was still closed.",
        "Let me know if you would like to come to the meeting.",
        # Phrases people also write, in the forms people write them.
        "Here is a summary of the events so far: the inquiry opened in May.",
        "Here's Where Flu Activity is the Highest Right Now",
        "Here are my thoughts over all three of my visits.",
        "Of course, I'm no expert on Chinese food.",
        "I can't help but feel the venue was too loud.",
        "Describe their defeat in two sentences, the prompt said.",
        "He wrote a news article about the vote for the local paper.",
        "I am an AI researcher at the university.",
        # Inline bold is emphasis, not a chat reply's headline.
        "Accuser **ADMITS** she tampered with the yearbook, the site claimed.",
        "**Part I** First the Bees teamed with the Fleas, and marketed their honey.",
        '"**Breaking news**"\nwas all the banner said.',
        # A CMS export's header is fields, not a reply's labelled headline.
        "Title: Council approves wall\nAuthor: Jane Hollis\nDate: 2024-05-01\n\nIt met.",
        "The title: a film about the harbour wall, reviewed.",
    ],
)
def test_human_phrasings_are_not_tells(text: str) -> None:
    assert find_tells(text) == []


def _rows(values: list[tuple[float, float]]) -> list[dict[str, float]]:
    return [{"loglik@m": a, "n_tokens@m": 100.0, "tells": t} for a, t in values]


def _fitted(tells: bool = True) -> Detector:
    rng = np.random.default_rng(0)
    humans = [(float(v), 0.0) for v in rng.normal(-4.0, 0.5, 60)]
    machines = [(float(v), 0.0) for v in rng.normal(-2.5, 0.5, 60)]
    det = Detector(models=("m",), features=("loglik",), tells=tells)
    return det.fit(_rows(humans + machines), [0] * 60 + [1] * 60)


def test_a_tell_sets_the_probability_and_survives_saving(tmp_path) -> None:
    det = _fitted()
    p = det.predict_proba_rows(_rows([(-4.5, 0.0), (-4.5, 2.0)]))
    assert p[0] < det.threshold_
    assert p[1] == pytest.approx(TELL_PROBABILITY)
    loaded = Detector.load(det.save(tmp_path / "d.json"))
    assert loaded.tells is True
    assert loaded.predict_proba_rows(_rows([(-4.5, 2.0)]))[0] == pytest.approx(TELL_PROBABILITY)


def test_a_tell_judges_a_text_too_short_for_statistics() -> None:
    det = _fitted()
    rows = [{"loglik@m": -4.5, "n_tokens@m": 5.0, "tells": 1.0}]
    assert det.predict_proba_rows(rows)[0] == pytest.approx(TELL_PROBABILITY)
    rows[0]["tells"] = 0.0
    assert np.isnan(det.predict_proba_rows(rows)[0])


def test_the_rule_can_be_switched_off() -> None:
    det = _fitted(tells=False)
    assert det.predict_proba_rows(_rows([(-4.5, 2.0)]))[0] < det.threshold_


def test_overlapping_patterns_make_one_tell() -> None:
    text = "Sure, here is a 5-sentence news article based on the summary: it met."
    (tell,) = find_tells(text)
    assert text[tell.start : tell.end].startswith("Sure, here is a 5-sentence news article")


def test_tells_are_a_rule_never_a_fitted_feature() -> None:
    assert "tells" not in Detector(models=("m",)).candidate_features()


def test_a_page_keeps_pasted_markdown_but_not_its_own_bold_headline() -> None:
    from newsprobe.ingest.html import article_from_html

    body = "<p>The council met on Monday and approved the new harbour wall after a long debate.</p>"
    rendered = f"<html><body><article><p><strong>Harbour wall approved</strong></p>{body}"
    pasted = f"<html><body><article><p>**Harbour wall approved**</p>{body}"
    assert find_tells(article_from_html(rendered + "</article></body></html>").text) == []
    (tell,) = find_tells(article_from_html(pasted + "</article></body></html>").text)
    assert tell.kind == "markdown heading"


def test_the_search_can_leave_a_kind_out() -> None:
    text = "**Council approves harbour wall**\nAs an AI language model, I cannot report."
    assert [t.kind for t in find_tells(text)] == ["markdown heading", "self-reference"]
    others = [k for k in TELL_KINDS if k != "markdown heading"]
    assert [t.kind for t in find_tells(text, others)] == ["self-reference"]
    assert find_tells(text, ()) == []

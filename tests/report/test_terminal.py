"""The terminal verdict line says what the number says."""

from __future__ import annotations

import pytest
from rich.console import Console

from newsprobe.article import Article, Verdict
from newsprobe.report.terminal import render_article


def _headline(label: str, p: float, fpr: float = 0.01) -> str:
    article = Article(text="Drones crossed the border overnight.")
    article.verdict = Verdict(label=label, machine_probability=p, threshold=0.922, fpr_target=fpr)
    console = Console(record=True, width=200, color_system=None)
    render_article(article, "smollm2-135m", console)
    return console.export_text().splitlines()[1]


@pytest.mark.parametrize(
    ("label", "p", "word"),
    [
        ("machine", 0.95, "likely MACHINE-WRITTEN"),
        ("human", 0.06, "likely HUMAN-WRITTEN"),
        # Below a threshold set strict on human news, 66% is not "likely human".
        ("human", 0.66, "NOT FLAGGED, leaning machine"),
        # Above a threshold set low on a user's own human news, 24% is not "likely machine".
        ("machine", 0.24, "FLAGGED, leaning human"),
    ],
)
def test_the_verdict_word_agrees_with_the_probability(label: str, p: float, word: str) -> None:
    line = _headline(label, p)
    assert word in line and f"machine probability {p:.1%}" in line
    assert "at most 1% of human news is flagged" in line


def test_the_line_says_how_many_human_texts_the_threshold_was_read_on() -> None:
    article = Article(text="Drones crossed the border overnight.")
    article.verdict = Verdict(
        label="human", machine_probability=0.1, threshold=0.2, fpr_target=0.05, threshold_texts=40
    )
    console = Console(record=True, width=200, color_system=None)
    render_article(article, "smollm2-135m", console)
    assert "at most 5% of human news is flagged, measured on 40 texts)" in console.export_text()


def test_a_small_false_positive_rate_is_not_shown_as_zero() -> None:
    assert "at most 0.01% of human news" in _headline("human", 0.1, fpr=0.0001)
    assert "at most 0.5% of human news" in _headline("human", 0.1, fpr=0.005)


def test_removed_debris_is_cut_at_a_word_with_an_ellipsis() -> None:
    from newsprobe.article import Removal

    article = Article(text="Drones crossed the border overnight.")
    article.verdict = Verdict(
        label="human", machine_probability=0.1, threshold=0.9, fpr_target=0.01
    )
    article.removed = [
        Removal("We use cookies to improve your experience on our site.", "cookie_notice"),
        Removal("970x125", "ad_slot"),
    ]
    console = Console(record=True, width=300, color_system=None)
    render_article(article, "smollm2-135m", console)
    text = " ".join(console.export_text().replace("\u2502", " ").split())
    assert "cookie_notice 'We use cookies to improve your…', ad_slot '970x125'" in text


def test_a_text_in_another_language_shows_no_empty_score_table() -> None:
    article = Article(text="Drones cruzaron la frontera durante la noche.", language="es")
    article.verdict = Verdict(
        label="unsupported_language",
        machine_probability=None,
        threshold=0.9,
        fpr_target=0.01,
        reason="text is in 'es'; the detector covers English",
    )
    console = Console(record=True, width=200, color_system=None)
    render_article(article, "smollm2-135m", console)
    text = console.export_text()
    assert "UNSUPPORTED LANGUAGE" in text and "covers English" in text
    assert "in verdict" not in text and "tokens scored" not in text


def test_sentence_shades_become_marks_where_there_is_no_colour() -> None:
    """``check a.txt | less`` or a saved log: the shades are gone, the marks say them."""
    from newsprobe.article import SentenceScore

    text = "Drones crossed the border overnight. Officials met at dawn. Talks went on."
    article = Article(text=text)
    article.verdict = Verdict(
        label="human",
        machine_probability=0.2,
        threshold=0.9,
        fpr_target=0.01,
        sentence_threshold=0.6,
        sentence_shade=0.3,
    )
    article.sentences = [
        SentenceScore(0, 36, 0.87),
        SentenceScore(37, 59, 0.4),
        SentenceScore(60, 73, 0.1),
    ]
    plain = Console(record=True, width=300, color_system=None)
    render_article(article, "smollm2-135m", plain)
    out = " ".join(plain.export_text().replace("\u2502", " ").split())
    assert "overnight. [machine-like 87%] Officials met at dawn. [leaning machine 40%] Talks" in out
    assert "sentences: [machine-like] above 60%" in out
    coloured = Console(record=True, width=300, color_system="truecolor", force_terminal=True)
    render_article(article, "smollm2-135m", coloured)
    assert "[machine-like" not in coloured.export_text()


def test_a_long_text_past_its_scored_sentences_is_not_printed_whole() -> None:
    from newsprobe.article import SentenceScore

    sentences = [f"Sentence number {i} of the story." for i in range(40)]
    article = Article(text=" ".join(sentences))
    article.verdict = Verdict(
        label="human", machine_probability=0.2, threshold=0.9, fpr_target=0.01
    )
    pos, article.sentences = 0, []
    for i, s in enumerate(sentences):
        article.sentences.append(SentenceScore(pos, pos + len(s), 0.1 if i < 5 else None))
        pos += len(s) + 1
    plain = Console(record=True, width=300, color_system=None)
    render_article(article, "smollm2-135m", plain)
    out = " ".join(plain.export_text().replace("\u2502", " ").split())
    # The five scored, three more, then how many are left out and where they are.
    assert "Sentence number 7 of the story." in out and "number 8 " not in out
    assert "… and 32 more sentences, not scored (--max-tokens 512 colours more" in out


def test_eval_says_why_a_domain_of_one_label_has_no_auroc() -> None:
    """DetectRL's machine rows carry no domain: "news" holds its humans, "unknown" its
    machines, and the table's dashes need a reason."""
    from newsprobe.report.tables import print_eval

    result = {"auroc": 0.9, "n_human": 8, "n_machine": 24}
    one = {"news": {"n_human": 8, "n_machine": 24}, "web": {"n_human": 3, "n_machine": 2}}
    split = {"news": {"n_human": 8, "n_machine": 0}, "unknown": {"n_human": 0, "n_machine": 24}}
    for domains, said in ((one, False), (split, True)):
        console = Console(record=True, width=300, color_system=None)
        print_eval({**result, "by_domain": domains}, console)
        text = console.export_text()
        assert ("domain rows with texts of one label only have no AUROC" in text) is said


@pytest.mark.parametrize(
    ("record_id", "title"),
    [
        (None, "crawl.jsonl"),
        ("crawl.jsonl#2", "crawl.jsonl#2"),
        ("a[1]", "crawl.jsonl · a[1]"),  # markup-like ids are shown as written
    ],
)
def test_a_records_panel_is_titled_with_its_id(record_id: str | None, title: str) -> None:
    article = Article(text="Drones crossed the border overnight.", source_path="crawl.jsonl")
    if record_id:
        article.meta["record_id"] = record_id
    article.verdict = Verdict(
        label="human", machine_probability=0.1, threshold=0.9, fpr_target=0.01
    )
    console = Console(record=True, width=200, color_system=None)
    render_article(article, "smollm2-135m", console)
    assert f" {title} " in console.export_text().splitlines()[0]


def test_a_long_text_says_the_verdict_read_its_start_and_a_short_one_is_weak() -> None:
    """A human lead hid a machine body: the verdict reads the first ~128 tokens, and the
    terminal did not say that most of the text went unread."""
    long = Article(text=" ".join(["Drones crossed the border overnight."] * 60))
    long.meta["tokens"] = 127
    long.verdict = Verdict(label="human", machine_probability=0.1, threshold=0.9, fpr_target=0.01)
    long.scores = {"compression": 0.5}
    console = Console(record=True, width=300, color_system=None)
    render_article(long, "smollm2-135m", console)
    out = console.export_text()
    assert "127 tokens scored of a 300-word text" in out and "--max-tokens 512" in out
    short = Article(text="Drones crossed the border overnight, officials said on Tuesday.")
    short.meta["tokens"] = 30
    short.verdict = long.verdict
    short.scores = long.scores
    console = Console(record=True, width=300, color_system=None)
    render_article(short, "smollm2-135m", console)
    out = console.export_text()
    assert "short text (9 words): under ~100 words a verdict is weak evidence" in out
    assert "of a 9-word text" not in out


def test_a_page_of_several_stories_is_said_to_be_read_as_one() -> None:
    article = Article(text="The council voted on Tuesday. " * 10, meta={"stories": 3})
    article.verdict = Verdict(
        label="human", machine_probability=0.2, threshold=0.9, fpr_target=0.01
    )
    plain = Console(record=True, width=300, color_system=None)
    render_article(article, "smollm2-135m", plain)
    out = " ".join(plain.export_text().replace("\u2502", " ").split())
    assert "the page holds 3 stories, read as one text: the verdict is on the first" in out


def test_a_human_verdict_leaning_machine_says_how_to_read_its_number() -> None:
    """86.8% on a human article, "NOT FLAGGED", read as a verdict to a publisher: the
    caveat says the number is at even odds and only the threshold flags."""
    text = "Drones crossed the border overnight, officials said on Tuesday. " * 12
    article = Article(text=text)
    article.verdict = Verdict(
        label="human", machine_probability=0.868, threshold=0.922, fpr_target=0.01
    )
    plain = Console(record=True, width=300, color_system=None)
    render_article(article, "smollm2-135m", plain)
    out = " ".join(plain.export_text().replace("\u2502", " ").split())
    assert (
        "not flagged at 86.8%: the probability is for a text drawn from a pile half human, "
        "half machine-written; only above 92.2%, where little human news lies, is an "
        "article flagged"
    ) in out
    article.verdict = Verdict(
        label="human", machine_probability=0.3, threshold=0.922, fpr_target=0.01
    )
    plain = Console(record=True, width=300, color_system=None)
    render_article(article, "smollm2-135m", plain)
    assert "not flagged at" not in plain.export_text()

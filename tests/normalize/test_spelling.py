"""Repairing injected misspellings: attacked text is repaired, ordinary text is not touched."""

from __future__ import annotations

from newsprobe.normalize import normalize_text
from newsprobe.normalize.spelling import best_repair, repair_misspellings

CLEAN = (
    "The council met on Monday to discuss the new bus lanes planned for the city centre. "
    "Residents raised concerns about congestion and parking, while business owners said "
    "trade had already fallen. The council leader promised a full consultation before any "
    "work begins next spring, and a final decision is expected in the summer."
)
TYPOED = (
    "The council met on Monday to dicsuss the new bus lanes planned for the city centre. "
    "Residents raised concrens about congestion and parkng, while business owners said "
    "trade had already fallen. The council leader promised a full consultaion before any "
    "work begins next sprnig, and a final decision is expected in the summer."
)


def test_single_edits_go_back_to_the_common_word() -> None:
    assert best_repair("artcile") == "article"
    assert best_repair("leavng") == "leaving"
    assert best_repair("qzxvbw") is None


def test_a_typod_text_is_repaired_and_counted() -> None:
    fixed, n = repair_misspellings(TYPOED)
    assert fixed == CLEAN and n == 5
    findings: dict[str, int] = {}
    assert normalize_text(TYPOED, findings) == CLEAN
    assert findings["misspellings"] == 5


def test_odd_capitals_inside_a_word_are_repaired_names_are_not() -> None:
    text = TYPOED.replace("council leader", "counciUl leader").replace("Monday", "Mondya")
    fixed, n = repair_misspellings(text)
    assert "council leader" in fixed and "Mondya" in fixed and n == 6


def test_clean_text_one_typo_and_foreign_text_are_left_alone() -> None:
    assert repair_misspellings(CLEAN) == (CLEAN, 0)
    one = (CLEAN + " " + CLEAN).replace("congestion", "congestoin", 1)  # 1 in 90 words
    assert repair_misspellings(one) == (one, 0)
    german = (
        "Der Gemeinderat traf sich am Montag, um die neuen Busspuren für die Innenstadt zu "
        "besprechen. Anwohner äußerten Bedenken wegen Staus und Parkplätzen, während "
        "Geschäftsleute sagten, der Umsatz sei bereits gesunken. Eine endgültige "
        "Entscheidung wird im Sommer erwartet, nach einer öffentlichen Versammlung."
    )
    assert repair_misspellings(german) == (german, 0)
    assert repair_misspellings("teh artcile") == ("teh artcile", 0)  # too few words

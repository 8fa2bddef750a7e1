from newsprobe.normalize import normalize_text
from newsprobe.normalize.homoglyphs import fold_homoglyphs, fold_table


def test_table_comes_from_unicode_confusables():
    table = fold_table()
    assert table["о"] == "o"  # CYRILLIC SMALL LETTER O
    assert table["ѕ"] == "s"  # CYRILLIC SMALL LETTER DZE
    assert table["ο"] == "o"  # GREEK SMALL LETTER OMICRON
    assert len(table) > 100


def test_latin_words_with_look_alikes_are_folded_and_counted():
    text, n = fold_homoglyphs("The Moѕt memorable secоnd series")
    assert text == "The Most memorable second series"
    assert n == 2


def test_other_scripts_are_left_alone():
    text, n = fold_homoglyphs("Москва стоит. Αθήνα.")
    assert text == "Москва стоит. Αθήνα." and n == 0


def test_normalize_reports_findings():
    findings: dict[str, int] = {}
    out = normalize_text("Dro\u200bnes сrossed", findings)
    assert out == "Drones crossed"
    assert findings == {
        "invisible_characters": 1,
        "homoglyphs": 1,
        "misspellings": 0,
        "recased_words": 0,
        "split_words": 0,
        "spaced_hyphens": 0,
    }


def test_words_made_only_of_look_alikes_fold_inside_latin_text():
    # Swapping half the letters leaves short words ("аѕ", "а") with no Latin letter at all.
    text, n = fold_homoglyphs("It іѕ а plan, аѕ the town'ѕ mayor said.")
    assert text == "It is a plan, as the town's mayor said." and n == 6


def test_a_russian_word_quoted_in_english_is_kept():
    text, n = fold_homoglyphs("The Kremlin (Кремль) and Президент Путин said so.")
    assert text == "The Kremlin (Кремль) and Президент Путин said so." and n == 0


def test_capital_look_alikes_of_i_fold_to_capital_i():
    # Unicode's prototype for I/l/1 is "l"; a capital Iota at a word start is an "I".
    assert fold_homoglyphs("Ιt was ΙSIS, the heΙΙo said.")[0] == "It was ISIS, the hello said."
    assert fold_homoglyphs("Іt іs")[0] == "It is"  # Cyrillic І, і


def test_look_alikes_a_red_team_found_are_folded_and_counted():
    """Greek epsilon for "e", a lunate sigma for "c" (NFKC makes it a final sigma) and
    small capitals: each had turned a machine story human, uncounted."""
    findings: dict[str, int] = {}
    out = normalize_text("Thε ϲouncil mεt. ꜱᴍᴀʟʟ ᴄᴀᴘɪᴛᴀʟꜱ here", findings)
    assert out == "The council met. small capitals here"
    assert findings["homoglyphs"] == 16


def test_letters_of_names_and_science_are_not_counted_as_tricks():
    # Turkish "ı" spells a name; a Greek letter before a hyphen is a scientist's.
    text, n = fold_homoglyphs("Kılıçdaroğlu said α-synuclein and γ-rays were studied.")
    assert n == 0 and "α-synuclein and γ-rays" in text
    # An IPA vowel in a pronunciation guide is no "e".
    assert fold_homoglyphs("the Hellenes (/ˈhɛliːnz/)") == ("the Hellenes (/ˈhɛliːnz/)", 0)

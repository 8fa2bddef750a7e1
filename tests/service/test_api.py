"""The HTTP API as a client sees it: real requests to a server on loopback."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import pytest

from newsprobe.service import ServiceSettings
from newsprobe.service.inputs import available_inputs
from sample_pdf import make_pdf
from sample_texts import ARTICLE, MACHINE_LIKE

API_KEY = "s3cret-key"

KEYS = {"machine_probability", "label", "threshold", "fpr_target", "model", "tokens", "scores"}


def assert_one_line_error(response: httpx.Response, status: int, fragment: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert fragment in body["error"]
    assert "\n" not in body["error"] and "Traceback" not in body["error"]


def assert_still_serving(client: httpx.Client) -> None:
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    r = client.post("/v1/check", json={"text": ARTICLE})
    assert r.status_code == 200 and r.json()["label"] in {"machine", "human"}


def test_healthz_reports_queue(server):
    with server.client() as c:
        body = c.get("/healthz").json()
        head = c.head("/healthz")  # a load balancer's probe
        batch = c.post("/v1/check/batch", json=[])
    assert head.status_code == 200 and head.content == b""
    assert batch.json()["error"] == 'send a JSON object (such as {"items": [...]}), not an array'
    assert body["status"] == "ok"
    assert body["capacity"] == 5 and body["in_flight"] == 0
    assert body["timed_out"] == 0
    assert body["uptime_s"] > 0


def test_models_describes_the_detector(server, tiny_detector):
    with server.client() as c:
        body = c.get("/v1/models").json()
    assert body["models"] == list(tiny_detector.models)
    assert body["features"] == list(tiny_detector.feature_names_)
    assert all(body["meanings"].get(f.split("@")[0]) for f in body["features"])
    assert body["fpr_target"] == tiny_detector.fpr
    assert body["threshold_texts"] == len(tiny_detector.calibration_scores_)
    assert body["inputs"]["text"] is True
    assert body["limits"]["max_text_chars"] == 20_000


def test_check_text_matches_the_cli_json(server, tiny_detector):
    with server.client() as c:
        r = c.post("/v1/check", json={"text": ARTICLE})
    assert r.status_code == 200
    out = r.json()
    assert out.keys() >= KEYS
    assert "path" not in out
    assert 0.0 <= out["machine_probability"] <= 1.0
    assert out["label"] in {"machine", "human"}
    assert out["fpr_target"] == 0.01 and out["tokens"] > 10
    assert out["threshold_texts"] == len(tiny_detector.calibration_scores_)
    assert out["model"] == "+".join(tiny_detector.models)
    assert out["evasion"] == {
        "invisible_characters": 0,
        "homoglyphs": 0,
        "misspellings": 0,
        "recased_words": 0,
        "split_words": 0,
        "spaced_hyphens": 0,
    }
    assert out["scores"] and all(isinstance(v, float | None) for v in out["scores"].values())


def test_same_text_gets_the_same_answer_as_the_library(server, tiny_detector):
    from newsprobe import Article
    from newsprobe.pipeline import check_articles

    (art,) = check_articles([Article(text=ARTICLE)], tiny_detector)
    with server.client() as c:
        out = c.post("/v1/check", json={"text": ARTICLE}).json()
    assert out["machine_probability"] == pytest.approx(art.verdict.machine_probability, abs=1e-5)


def test_fpr_moves_the_threshold(server):
    with server.client() as c:
        a = c.post("/v1/check", json={"text": ARTICLE}).json()
        b = c.post("/v1/check", json={"text": ARTICLE, "fpr": 0.5}).json()
    assert b["fpr_target"] == 0.5 and b["threshold"] <= a["threshold"]


def test_a_non_finite_fpr_is_named_as_such(server):
    body = '{"text": "Poland invoked Article 4 of the NATO treaty.", "fpr": NaN}'
    with server.client() as c:
        r = c.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "finite number" in r.text


def test_an_fpr_below_what_the_calibration_measures_is_refused(server, tiny_detector):
    n = len(tiny_detector.calibration_scores_)
    with server.client() as c:
        r = c.post("/v1/check", json={"text": ARTICLE, "fpr": 1e-300})
    assert r.status_code == 422
    assert f"below what the detector's {n} human calibration texts can measure" in r.text


def test_short_text_is_too_short_not_an_error(server):
    with server.client() as c:
        out = c.post("/v1/check", json={"text": "Drones crossed."}).json()
    assert out["label"] == "too_short" and out["machine_probability"] is None
    assert "tokens" in out["reason"]


def test_evasion_tricks_are_counted(server):
    with server.client() as c:
        out = c.post("/v1/check", json={"text": ARTICLE.replace("Poland", "Po\u200bland")}).json()
    assert out["evasion"]["invisible_characters"] == 1


def test_batch_keeps_order_and_reports_bad_items_in_place(server):
    items = [
        {"text": ARTICLE},
        {"text": "   "},
        {"text": MACHINE_LIKE, "fpr": 0.5},
        {"text": ARTICLE, "fpr": 1e-300},  # below what the calibration can show
    ]
    # Items the schema refuses are refused in their place too, not the whole batch.
    invalid = [{"text": ARTICLE, "date": "10/09/2025"}, {}, "just a string", {"text": ARTICLE}]
    with server.client() as c:
        r = c.post("/v1/check/batch", json={"items": items})
        mixed = c.post("/v1/check/batch", json={"items": invalid})
        # A url that cannot be fetched is named by its url in its place.
        private = "http://127.0.0.1:9/story"
        fetched = c.post("/v1/check/batch", json={"items": [{"url": private}]}).json()
    assert fetched["results"][0]["url"] == private and fetched["results"][0]["status"] == 422
    assert mixed.status_code == 200, mixed.text
    refused = mixed.json()["results"]
    assert [x.get("status") for x in refused] == [422, 422, 422, None]
    assert refused[0]["error"].startswith("items.0.date: a date is YYYY-MM-DD")
    assert (
        refused[1]["error"] == "items.1: give exactly one of text, markdown, html, url, pdf or file"
    )
    assert refused[2]["error"].startswith("items.2: ")
    assert refused[3]["label"] in {"machine", "human"}
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert len(results) == 4
    assert results[0]["label"] in {"machine", "human"} and results[0]["fpr_target"] == 0.01
    # Each error named by its place, as the schema's are.
    assert results[1]["status"] == 422 and results[1]["error"] == "items.1: text: empty input"
    assert results[2]["fpr_target"] == 0.5
    assert results[3]["status"] == 422 and results[3]["error"].startswith("items.3: an fpr of")
    assert "calibration texts" in results[3]["error"]
    with server.client() as c:
        single = c.post("/v1/check", json={"text": MACHINE_LIKE, "fpr": 0.5}).json()
    assert results[2]["machine_probability"] == pytest.approx(single["machine_probability"])


@pytest.mark.parametrize(
    ("kwargs", "status", "fragment"),
    [
        ({"content": b'{"text": "' + b"x" * 60_000 + b'"}'}, 413, "50000-byte limit"),
        ({"content": b"{not json"}, 422, "not valid JSON"),
        (
            {"content": b'{"text": "unterminated'},
            422,
            "not valid JSON: Unterminated string starting at character 9",
        ),
        ({"content": b""}, 422, "body is missing"),
        ({"content": b"N\xffoI\x17\xb0"}, 422, "cannot be read as JSON (not UTF-8"),
        ({"json": {}}, 422, "exactly one of text, markdown, html, url, pdf or file"),
        ({"json": {"text": ARTICLE, "url": "https://example.com"}}, 422, "exactly one"),
        ({"json": {"text": ARTICLE, "fpr": 2}}, 422, "fpr"),
        ({"json": {"text": ARTICLE, "fpr": "0.05"}}, 422, "fpr: Input should be a valid number"),
        ({"json": {"text": ARTICLE, "date": "10/09/2025"}}, 422, "a date is YYYY-MM-DD"),
        ({"json": {"text": 5}}, 422, "text"),
        ({"json": {"txt": ARTICLE}}, 422, "txt"),
        ({"json": ["text"]}, 422, 'send a JSON object (such as {"text": "..."}), not an array'),
        (
            {"content": b"\x1f\x8b\x08\x00", "headers": {"Content-Encoding": "gzip"}},
            422,
            "compressed request bodies are not read (Content-Encoding)",
        ),
        ({"json": {"text": "x " * 12_000}}, 413, "at most 20000"),
        ({"json": {"text": " \u200b\n "}}, 422, "no text after normalization"),
        ({"json": {"text": "\x00\x01\x02" * 50}}, 422, "binary"),
        ({"json": {"url": "ftp://example.com/a"}}, 422, "http://"),
        ({"content": b"[" * 40_000}, 422, "JSON"),
        (
            {"content": b"text=hello", "headers": {"Content-Type": "text/plain"}},
            422,
            "with Content-Type: application/json; got text/plain",
        ),
    ],
    ids=[
        "oversized-body",
        "malformed-json",
        "unterminated-json",
        "empty-body",
        "not-utf8",
        "no-input",
        "two-inputs",
        "bad-fpr",
        "fpr-as-string",
        "bad-date",
        "text-not-string",
        "unknown-field",
        "not-an-object",
        "compressed",
        "too-long-text",
        "invisible-only",
        "binary-text",
        "bad-url-scheme",
        "nested-too-deep",
        "text-plain",
    ],
)
def test_bad_requests_get_one_line_4xx_and_the_service_keeps_serving(
    server, kwargs, status, fragment
):
    with server.client() as c:
        kwargs = dict(kwargs)  # the parameters are shared between runs: not mutated
        headers = {"Content-Type": "application/json", **kwargs.pop("headers", {})}
        r = c.post("/v1/check", headers=headers, **kwargs)
        assert_one_line_error(r, status, fragment)
        assert_still_serving(c)


def test_oversized_chunked_body_without_length_is_refused(server):
    def chunks():
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 4096
        yield b'"}'

    with server.client() as c:
        r = c.post("/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
        assert "content-length" not in {k.lower() for k in r.request.headers}
        assert_one_line_error(r, 413, "limit")
        assert_still_serving(c)


def test_too_large_batch_is_refused(server):
    with server.client() as c:
        r = c.post("/v1/check/batch", json={"items": [{"text": ARTICLE}] * 5})
        assert_one_line_error(r, 413, "at most 4")
        r = c.post("/v1/check/batch", json={"items": []})
        assert_one_line_error(r, 422, "items")
        assert_still_serving(c)


def test_unknown_route_and_method_are_json_errors(server):
    with server.client() as c:
        assert_one_line_error(c.get("/v1/nothing"), 404, "Not Found")
        assert_one_line_error(c.get("/v1/check"), 405, "Method Not Allowed")


def test_html_input_is_extracted_or_clearly_unavailable(server):
    page = (Path(__file__).resolve().parents[2] / "examples" / "article.html").read_text()
    with server.client() as c:
        r = c.post("/v1/check", json={"html": page})
    if not available_inputs()["html"]:
        assert_one_line_error(r, 501, "html input is not available")
        return
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["tokens"] > 10 and "path" not in out
    assert out["title"].startswith("Poland invokes NATO")
    assert out["author"] == "Anna Nowak" and out["site"] == "The Eastern Ledger"
    removed = " ".join(x["text"] for x in out["removed"])
    assert "cookies" in removed and all(x["reason"] for x in out["removed"])
    # A page's source pasted into the text box is read as the page, as `check -` reads it.
    with server.client() as c:
        pasted = c.post("/v1/check", json={"text": page}).json()
    assert pasted["title"] == out["title"] and pasted["removed"] == out["removed"]
    assert pasted["machine_probability"] == out["machine_probability"]


def test_markdown_is_read_without_its_markup(server):
    """A .md file's bold headline is its author's: as markdown it raises no chat-reply
    tell, where the same characters sent as text do."""
    doc = f"**Allies consult after drones cross the border**\n\n{ARTICLE}"
    with server.client() as c:
        md = c.post("/v1/check", json={"markdown": doc}).json()
        text = c.post("/v1/check", json={"text": doc}).json()
        models = c.get("/v1/models").json()
    assert md["tells"] == []
    assert md["sentences"][0]["text"].startswith("Allies consult after drones")
    assert [t["kind"] for t in text["tells"]] == ["markdown heading"]
    assert models["inputs"]["markdown"] is True


def test_a_pdf_is_read_through_its_text_layer(server):
    lines = [ARTICLE[i : i + 70] for i in range(0, len(ARTICLE), 70)]
    pdf = make_pdf([lines], title="Council statement")
    with server.client() as c:
        r = c.post("/v1/check", json={"pdf": base64.b64encode(pdf).decode()})
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["title"] == "Council statement" and out["tokens"] > 24
        # The same text as plain text gets the same verdict.
        text = c.post("/v1/check", json={"text": ARTICLE}).json()
        assert out["machine_probability"] == pytest.approx(text["machine_probability"], abs=0.05)
        assert c.get("/v1/models").json()["inputs"]["pdf"] is True
        assert_one_line_error(c.post("/v1/check", json={"pdf": "not base64!"}), 422, "base64")
        not_pdf = base64.b64encode(b"just text").decode()
        assert_one_line_error(c.post("/v1/check", json={"pdf": not_pdf}), 422, "no %PDF- header")
        scan = base64.b64encode(make_pdf([[]])).decode()
        assert_one_line_error(c.post("/v1/check", json={"pdf": scan}), 422, "without a text layer")


def test_html_without_article_text_is_a_422(server):
    with server.client() as c:
        r = c.post("/v1/check", json={"html": "<html><body><script>x()</script></body></html>"})
        if available_inputs()["html"]:
            assert_one_line_error(r, 422, "no article text")
        else:
            assert_one_line_error(r, 501, "html input is not available")


def test_a_site_that_fails_is_a_502_and_a_refused_url_a_422(serve):
    """A client retries a 502 later; a 422 will never work (issue: both were 422)."""
    import socket

    with socket.socket() as sock:  # a port nobody listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/story"
    allowed = serve(ServiceSettings(allow_private_urls=True))
    with allowed.client() as c:
        one = c.post("/v1/check", json={"url": dead})
        batch = c.post("/v1/check/batch", json={"items": [{"url": dead}, {"url": "x"}]})
    if not available_inputs()["url"]:
        assert_one_line_error(one, 501, "url input is not available")
        return
    assert_one_line_error(one, 502, "cannot connect")
    got = batch.json()["results"]
    assert [x["status"] for x in got] == [502, 422] and got[0]["url"] == dead


def test_url_to_a_private_address_is_refused(server):
    with server.client() as c:
        r = c.post("/v1/check", json={"url": f"{server.url}/healthz"})
        if available_inputs()["url"]:
            assert_one_line_error(r, 422, "127.0.0.1")
        else:
            assert_one_line_error(r, 501, "url input is not available")
        assert_still_serving(c)


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"X-API-Key": "wrong"}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": f"Basic {API_KEY}"}, 401),
        ({"X-API-Key": API_KEY}, 200),
        ({"Authorization": f"Bearer {API_KEY}"}, 200),
    ],
    ids=["none", "wrong-header", "wrong-bearer", "not-bearer", "x-api-key", "bearer"],
)
def test_api_key_is_required_when_set(serve, headers, status):
    keyed = serve(ServiceSettings(api_key=API_KEY))
    with keyed.client() as c:
        r = c.post("/v1/check", json={"text": ARTICLE}, headers=headers)
        assert r.status_code == status, r.text
        if status == 401:
            assert_one_line_error(r, 401, "API key")
            assert r.headers["www-authenticate"] == "Bearer"
        assert c.get("/healthz").status_code == 200  # health and page need no key
        assert c.get("/").status_code == 200
        models = c.get("/v1/models", headers=headers)
        assert models.status_code == status
        # The key is asked for before the body is read: a request that may not ask learns
        # nothing of its JSON, and one that may gets the 422.
        bad = {"Content-Type": "application/json", **headers}
        for body in (b"{bad", b"[" * 40_000):
            r = c.post("/v1/check", content=body, headers=bad)
            assert r.status_code == (401 if status == 401 else 422), r.text
        # An oversized body too: declared, or sent without a length.
        huge = b'{"text": "' + b"x" * 3_000_000 + b'"}'
        for body in (huge, iter([huge[:1_000_000], huge[1_000_000:]])):
            r = c.post("/v1/check", content=body, headers=bad)
            assert r.status_code == (401 if status == 401 else 413), r.text


def test_results_come_back_as_a_report_page_to_download(server, tiny_detector):
    from newsprobe.report.html import report_page

    with server.client() as c:
        batch = c.post("/v1/check/batch", json={"items": [{"text": ARTICLE}, {"url": "x"}]})
        results = batch.json()["results"]
        assert "error" in results[1]
        r = c.post("/v1/report", json={"results": results})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("text/html")
        assert r.headers["content-disposition"] == 'attachment; filename="newsprobe-report.html"'
        # The page check --html writes, over the same results and the detector's features.
        saved = r.text.split("Saved from the newsprobe web page on ")[1].split(".</p>")[0]
        expected = report_page(
            results, tiny_detector.feature_names_, f"from the newsprobe web page on {saved}"
        )
        assert r.text == expected
        assert_one_line_error(c.post("/v1/report", json={"results": []}), 422, "results")
        bad = {**results[1], "status": "422"}  # a string where the API gives a number
        r = c.post("/v1/report", json={"results": [results[0], bad]})
        assert_one_line_error(r, 422, "results[1] is not a result as /v1/check gives it")
        # A mixed article's boundary comes back as JSON gives it (its range a list), and
        # the sentences are checked as strictly as the rest.
        sentences = results[0]["sentences"]
        assert sentences and set(sentences[0]) == {"start", "end", "text", "machine_probability"}
        boundary = {
            "sentence": 1,
            "start": sentences[1]["start"],
            "text": sentences[1]["text"],
            "statistic": 3.2,
            "cutoff": 2.1,
            "fpr_target": 0.01,
            "likely_range": [1, 2],
            "likely_level": 0.9,
            "test": "sentences",
        }
        mixed = {**results[0], "boundary": boundary}
        assert c.post("/v1/report", json={"results": [mixed]}).status_code == 200
        for wrong in ("abc", [1, 2, None]):
            r = c.post("/v1/report", json={"results": [{**results[0], "sentences": wrong}]})
            assert_one_line_error(r, 422, "results[0] is not a result as /v1/check gives it")


def test_page_and_docs_are_served(server):
    with server.client() as c:
        page = c.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert '<label for="input">' in page.text and 'aria-live="polite"' in page.text
        for asset in ("/static/app.js", "/static/style.css"):
            assert c.get(asset).status_code == 200
        assert c.get("/docs").status_code == 200
        spec = c.get("/openapi.json").json()
    assert {"/v1/check", "/v1/check/batch", "/v1/report", "/v1/models", "/healthz"} <= set(
        spec["paths"]
    )
    responses = spec["paths"]["/v1/check"]["post"]["responses"]
    assert {"200", "401", "413", "422", "503", "504"} <= set(responses)
    # What every answer carries is in the schema a client is generated from.
    described = spec["components"]["schemas"]["ArticleResult"]["properties"]
    assert {"sentences", "language", "title", "date", "url"} <= set(described)
    # The key's two headers are security schemes (the docs' Authorize button), on /v1 only.
    schemes = spec["components"]["securitySchemes"]
    assert schemes["APIKeyHeader"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "The API key, if the service has one",
    }
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
    assert spec["paths"]["/v1/check"]["post"]["security"] == [
        {"APIKeyHeader": []},
        {"HTTPBearer": []},
    ]
    assert "security" not in spec["paths"]["/healthz"]["get"]
    assert json.dumps(spec)  # the spec is plain JSON


def test_without_sources_there_are_no_claims_and_models_says_so(server):
    with server.client() as c:
        out = c.post("/v1/check", json={"text": ARTICLE}).json()
        models = c.get("/v1/models").json()
    assert "claims" not in out and "claims_summary" not in out
    assert models["sources"]["configured"] is False


def contradicted(result: dict, year: str) -> dict:
    (claim,) = [c for c in result["claims"] if year in c["text"]]
    return claim


def test_with_sources_a_moved_year_comes_back_contradicted_with_its_source(
    claims_server, claims_case
):
    with claims_server.client() as c:
        r = c.post("/v1/check", json={"text": claims_case.article})
        models = c.get("/v1/models").json()
        # An answer with claims is saved as a report as it came (the strict schema holds).
        saved = c.post("/v1/report", json={"results": [r.json()]})
    assert saved.status_code == 200 and "Poland joined NATO in 2009" in saved.text
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["label"] in {"machine", "human"}
    claim = contradicted(out, "2009")
    assert claim["verdict"] == "contradicted"
    assert claim["text"].startswith("Poland joined NATO in 2009")
    (conflict,) = claim["conflicts"]
    assert (conflict["kind"], conflict["claim"]) == ("date", "2009")
    assert conflict["source_says"] == "1999"
    assert conflict["source_text"] == claims_case.trusted
    # "source" is the document as the store names it (its path); "title" is what is shown.
    assert conflict["source"].endswith("nato.txt") and conflict["title"] == "nato"
    best = next(e for e in claim["evidence"] if e["relevant"])
    assert (best["title"], best["sentence"]) == ("nato", claims_case.trusted)
    assert best["source"] == conflict["source"]
    assert out["claims_summary"]["contradicted"] >= 1
    assert out["claims_summary"]["claims"] == len(out["claims"])
    assert models["sources"] == {
        "configured": True,
        "documents": 1,
        "passages": 2,
        "max_claims": 20,
        "judge": False,
    }


def test_a_relative_date_counts_back_from_the_items_date(claims_server):
    said = "Poland joined NATO a decade ago, the foreign minister told reporters."
    with claims_server.client() as c:
        undated = c.post("/v1/check", json={"text": said}).json()
        dated = c.post("/v1/check", json={"text": said, "date": "2025-09-10"}).json()
    assert [c["conflicts"] for c in undated["claims"]] == [[]]
    assert "which it does not give" in undated["claims_note"] and "claims_note" not in dated
    assert dated["date"] == "2025-09-10"
    (claim,) = dated["claims"]
    assert claim["verdict"] == "contradicted"
    assert [(c["claim"], c["source_says"]) for c in claim["conflicts"]] == [
        ("a decade ago (2015)", "1999")
    ]


def test_claims_are_what_check_json_sources_prints(
    claims_server, claims_case, tiny_detector, sources_store, tmp_path
):
    """One report function: the service's claims equal ``check --json --sources`` line."""
    from typer.testing import CliRunner

    from newsprobe.cli import app

    story = tmp_path / "story.txt"
    story.write_text(claims_case.article, encoding="utf-8")
    det = tiny_detector.save(tmp_path / "tiny.json")
    args = ["check", str(story), "--json", "--detector", str(det), "--sources"]
    res = CliRunner().invoke(app, [*args, "--store", str(sources_store)])
    assert res.exit_code == 0, res.output
    cli = json.loads(res.stdout)
    with claims_server.client() as c:
        served = c.post("/v1/check", json={"text": claims_case.article}).json()
    assert served["claims"] == cli["claims"]
    assert served["claims_summary"] == cli["claims_summary"]
    cli.pop("path")
    assert served.keys() == cli.keys()


def test_batch_items_carry_their_claims_and_bad_items_stay_in_place(claims_server, claims_case):
    items = [{"text": claims_case.article}, {"text": "   "}, {"text": ARTICLE}]
    with claims_server.client() as c:
        r = c.post("/v1/check/batch", json={"items": items})
    assert r.status_code == 200, r.text
    first, bad, third = r.json()["results"]
    assert contradicted(first, "2009")["verdict"] == "contradicted"
    assert bad["status"] == 422
    assert isinstance(third["claims"], list)
    assert not any(c["verdict"] == "contradicted" for c in third["claims"])


def test_a_narrower_window_than_the_verdicts_is_refused_when_the_app_is_made(tiny_detector):
    from newsprobe.errors import NewsprobeError
    from newsprobe.service import create_app

    short = ServiceSettings(max_tokens=tiny_detector.max_tokens // 2)
    with pytest.raises(NewsprobeError, match="--max-tokens must be at least the detector's"):
        create_app(detector=tiny_detector, settings=short)
    create_app(detector=tiny_detector, settings=ServiceSettings(max_tokens=None))


def test_a_wider_window_colours_more_sentences_with_the_same_verdict(server, serve):
    long_text = " ".join([ARTICLE] * 4)
    wide = serve(ServiceSettings(max_text_chars=20_000, timeout_s=30, max_tokens=1024))
    with server.client() as c:
        narrow_body = c.post("/v1/check", json={"text": long_text}).json()
        narrow_models = c.get("/v1/models").json()
    with wide.client() as c:
        wide_body = c.post("/v1/check", json={"text": long_text}).json()
        wide_models = c.get("/v1/models").json()

    def scored(body: dict) -> int:
        return sum(s["machine_probability"] is not None for s in body["sentences"])

    assert wide_body["machine_probability"] == narrow_body["machine_probability"]
    assert wide_body["tokens"] == narrow_body["tokens"]
    assert scored(wide_body) > scored(narrow_body)
    assert (narrow_models["max_tokens"], wide_models["max_tokens"]) == (128, 1024)


def test_a_file_is_read_from_its_bytes_as_check_reads_it(server):
    """A page saved in Windows-1252 and a UTF-16 text, dropped on the web page, were read
    as UTF-8 by the browser (garbled, or refused as binary); as bytes the server reads
    them as `check` does."""
    page = (
        "<html><head><meta charset='windows-1252'><title>Caf\xe9 owners protest \u2013 again"
        "</title></head><body><h1>Caf\xe9 owners protest \u2013 again</h1>"
        f"<p>{ARTICLE}</p></body></html>"
    ).encode("cp1252")
    utf16 = ARTICLE.encode("utf-16")
    with server.client() as c:
        as_page = c.post(
            "/v1/check", json={"file": base64.b64encode(page).decode(), "filename": "a.html"}
        )
        as_text = c.post(
            "/v1/check", json={"file": base64.b64encode(utf16).decode(), "filename": "b.txt"}
        ).json()
        plain = c.post("/v1/check", json={"text": ARTICLE}).json()
        md = c.post(
            "/v1/check",
            json={
                "file": base64.b64encode(b"# Harbour\n\n" + ARTICLE.encode()).decode(),
                "filename": "c.md",
            },
        ).json()
        assert_one_line_error(c.post("/v1/check", json={"file": "%%"}), 422, "base64")
        empty = c.post("/v1/check", json={"file": "", "filename": "C:\\tips\\story.txt"})
        assert_one_line_error(empty, 422, "story.txt: empty input")  # the sender's name
        assert_one_line_error(
            c.post("/v1/check", json={"text": ARTICLE, "filename": "a.txt"}), 422, "with file"
        )
        # Many articles in one file are the batch route's, not scored as one text of JSON.
        rows = json.dumps({"text": ARTICLE}).encode() * 2
        for name in ("crawl.jsonl", "crawl.CSV", "crawl.jsonl.gz"):
            r = c.post(
                "/v1/check", json={"file": base64.b64encode(rows).decode(), "filename": name}
            )
            assert_one_line_error(r, 422, "file: a record file (JSONL, CSV, Parquet, WARC)")
    if available_inputs()["html"]:
        assert as_page.status_code == 200, as_page.text
        assert as_page.json()["title"] == "Café owners protest – again"
    assert as_text["machine_probability"] == plain["machine_probability"]
    assert md["title"] == "Harbour"

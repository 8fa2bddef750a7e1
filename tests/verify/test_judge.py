"""The optional LLM judge, against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprobe import Article
from newsprobe.pipeline import verify_articles
from newsprobe.sources import Passage, SQLiteStore
from newsprobe.verify import JudgeError, VerifyOptions, parse_verdict
from newsprobe.verify.judge import check_judge_url


class FakeChat(BaseHTTPRequestHandler):
    """Answers every chat completion with ``reply``; records what it was asked."""

    reply = '{"verdict": "contradicted", "reason": "the source says otherwise"}'
    requests: list[dict] = []  # noqa: RUF012 - shared by the handler instances on purpose

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeChat.requests.append({"path": self.path, "body": body})
        if self.reply is None:
            self.send_response(500)
            self.end_headers()
            return
        data = json.dumps({"choices": [{"message": {"content": self.reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    FakeChat.requests = []
    FakeChat.reply = '{"verdict": "contradicted", "reason": "the source says otherwise"}'
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("judge") / "s.sqlite")
    s.add([Passage("Poland joined NATO in 1999.", "nato")])
    return s


def _verify(store, text, url):
    opts = VerifyOptions(judge_url=url, judge_model="fake-model", judge_timeout=10)
    (article,) = verify_articles([Article(text=text)], store, opts)
    return article.claims


def test_the_judge_decides_relevant_claims(server, store):
    (claim,) = _verify(store, "Poland joined NATO in 1999.", server)
    assert claim.verdict == "contradicted"
    assert claim.judge == {
        "verdict": "contradicted",
        "reason": "the source says otherwise",
        "model": "fake-model",
    }
    (req,) = FakeChat.requests
    assert req["path"] == "/v1/chat/completions"
    assert req["body"]["model"] == "fake-model"
    assert "Poland joined NATO in 1999." in req["body"]["messages"][0]["content"]


def test_the_judge_is_not_asked_about_off_topic_claims(server, store):
    FakeChat.reply = '{"verdict": "supported"}'
    (claim,) = _verify(store, "Brazil won the 1970 World Cup in Mexico City.", server)
    assert claim.verdict == "not_enough_evidence" and claim.judge is None
    assert FakeChat.requests == []


def test_a_failing_judge_is_a_clear_error(server, store):
    FakeChat.reply = None
    with pytest.raises(JudgeError, match=r"judge http://127\.0\.0\.1"):
        _verify(store, "Poland joined NATO in 1999.", server)


@pytest.mark.parametrize(
    ("content", "verdict"),
    [
        ('Sure! {"verdict": "supported", "reason": "x"}', "supported"),
        ("The claim is contradicted by source 1.", "contradicted"),
        ("not_enough_evidence", "not_enough_evidence"),
    ],
)
def test_parse_verdict(content, verdict):
    assert parse_verdict(content)["verdict"] == verdict


def test_parse_verdict_without_a_label_fails():
    with pytest.raises(JudgeError, match="no verdict"):
        parse_verdict("I cannot tell.")


@pytest.mark.parametrize("url", ["notaurl", "http://[::1/v1"])
def test_a_judge_url_urllib_cannot_parse_is_a_judge_error(url, store):
    # No up-front check on this path: judge() itself turns urllib's ValueError into a JudgeError.
    with pytest.raises(JudgeError, match="not a valid URL"):
        _verify(store, "Poland joined NATO in 1999.", url)


@pytest.mark.parametrize(
    ("url", "match"),
    [
        ("notaurl", "must be http:// or https:// with a host"),
        ("ftp://example.org/v1", "must be http:// or https:// with a host"),
        ("file:///etc/passwd", "must be http:// or https:// with a host"),
        ("http:///v1", "must be http:// or https:// with a host"),
        ("http://example.org:port/v1", "not a valid URL"),
        ("http://[::1/v1", "not a valid URL"),
    ],
)
def test_check_judge_url_refuses_what_is_not_an_http_endpoint(url, match):
    with pytest.raises(JudgeError, match=match):
        check_judge_url(url)


def test_check_judge_url_accepts_http_endpoints(server):
    check_judge_url(server)
    check_judge_url("https://api.example.org/v1/chat/completions")

"""The guarded fetcher against a real HTTP server on loopback."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprobe.errors import FetchError, InputError
from newsprobe.ingest import FetchPolicy, fetch_url, read_article
from sample_pdf import make_pdf

REPORT = make_pdf(
    [["The council said on Tuesday that repairs to the harbour wall would begin in May."]],
    title="Harbour report",
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PAGE = (EXAMPLES / "article.html").read_bytes()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        routes = {
            "/article.html": lambda: self._send(PAGE),
            "/plain.txt": lambda: self._send(
                b"A plain story about the council. " * 5, "text/plain"
            ),
            "/moved": lambda: self._redirect("/article.html"),
            "/loop": lambda: self._redirect("/loop"),
            "/to-other-host": lambda: self._redirect(f"http://127.0.0.2:{port}/article.html"),
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/to-metadata": lambda: self._redirect("http://169.254.169.254/latest/meta-data/"),
            "/to-ipv6-loopback": lambda: self._redirect(f"http://[::1]:{port}/article.html"),
            "/big": lambda: self._send(b"<html><body><p>" + b"x" * 50_000 + b"</p></body></html>"),
            "/report.pdf": lambda: self._send(REPORT, "application/pdf"),
            "/image.png": lambda: self._send(b"\x89PNG\r\n\x1a\n", "image/png"),
            "/missing": lambda: self._send(b"not here", "text/plain", 404),
        }
        if self.path == "/slow":
            time.sleep(2)
            with contextlib.suppress(OSError):  # the client has given up by now
                self._send(PAGE)
        elif self.path in routes:
            routes[self.path]()
        else:
            self._send(b"no", "text/plain", 404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = FetchPolicy(allow_hosts={"127.0.0.1"}, timeout=5)


def test_loopback_is_refused_unless_allowed(server: str) -> None:
    with pytest.raises(InputError, match=r"non-public address 127\.0\.0\.1"):
        fetch_url(f"{server}/article.html")
    article = fetch_url(f"{server}/article.html", allow_private=True)
    assert article.text == read_article(EXAMPLES / "article.txt").text
    assert article.url == f"{server}/article.html"
    assert any(r.reason == "ad_slot" for r in article.removed)


def test_redirects_are_followed_and_each_hop_is_checked(server: str) -> None:
    assert fetch_url(f"{server}/moved", policy=LOCAL).url == f"{server}/article.html"
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch_url(f"{server}/loop", policy=LOCAL)
    # An allowed host may not bounce the fetch to another internal address.
    with pytest.raises(InputError, match=r"non-public address 127\.0\.0\.2"):
        fetch_url(f"{server}/to-other-host", policy=LOCAL)
    with pytest.raises(InputError, match="only http and https"):
        fetch_url(f"{server}/to-file", policy=LOCAL)
    with pytest.raises(InputError, match=r"non-public address 169\.254\.169\.254"):
        fetch_url(f"{server}/to-metadata", policy=LOCAL)
    with pytest.raises(InputError, match=r"non-public address ::1"):
        fetch_url(f"{server}/to-ipv6-loopback", policy=LOCAL)


def test_size_time_and_type_are_capped(server: str) -> None:
    small = FetchPolicy(allow_hosts={"127.0.0.1"}, max_bytes=10_000)
    with pytest.raises(InputError, match="larger than 10000 bytes"):
        fetch_url(f"{server}/big", policy=small)
    quick = FetchPolicy(allow_hosts={"127.0.0.1"}, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out") as slow:
        fetch_url(f"{server}/slow", policy=quick)
    assert slow.value.status == 504
    assert time.monotonic() - started < 1.9
    with pytest.raises(InputError, match="content type image/png is not a web page, text or PDF"):
        fetch_url(f"{server}/image.png", policy=LOCAL)
    report = fetch_url(f"{server}/report.pdf", policy=LOCAL)  # a PDF: its text layer
    assert report.title == "Harbour report" and "the harbour wall" in report.text
    assert report.url == f"{server}/report.pdf"
    with pytest.raises(FetchError, match="HTTP 404") as missing:
        fetch_url(f"{server}/missing", policy=LOCAL)
    assert missing.value.status == 502  # the site failed, not the request
    plain = fetch_url(f"{server}/plain.txt", policy=LOCAL)
    assert "council" in plain.text
    assert plain.site == "127.0.0.1"  # named by its host, as a page without a site name is


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/admin",
        "http://0.0.0.0:8080/",
        "http://[::ffff:127.0.0.1]/",
        "http://100.64.0.1/",
        "http://[fe80::1]/",
        "http://172.16.5.4/",
        "http://[fd00::1]/",
    ],
)
def test_internal_addresses_are_refused_before_connecting(url: str) -> None:
    with pytest.raises(InputError, match="non-public address") as refused:
        fetch_url(url)
    assert not isinstance(refused.value, FetchError)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"])
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="only http and https"):
        fetch_url(url)


def test_a_name_with_any_private_answer_is_refused() -> None:
    """DNS rebinding: one public and one private answer is still refused."""

    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "127.0.0.1"]

    with pytest.raises(InputError, match=r"non-public address 127\.0\.0\.1"):
        fetch_url("http://news.example/story", resolve=resolver)


def test_a_public_looking_name_that_resolves_to_loopback_is_refused() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    with pytest.raises(InputError, match=r"'news\.example'.*non-public address 127\.0\.0\.1"):
        fetch_url("http://news.example/story", resolve=resolver)


def test_a_refused_connection_and_a_malformed_url_say_so() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect") as info:
        fetch_url(f"http://127.0.0.1:{port}/", policy=LOCAL)
    assert "timed out" not in str(info.value) and info.value.status == 502
    with pytest.raises(InputError, match="malformed URL") as malformed:
        fetch_url("http://[::1")
    assert not isinstance(malformed.value, FetchError)  # the request's fault: a 422

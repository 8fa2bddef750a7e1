"""Fetching a URL without becoming a proxy into the network we run in.

A service that fetches user-given URLs can be pointed at ``http://169.254.169.254/`` (cloud
credentials), ``localhost`` admin ports or the office LAN (server-side request forgery).
So every hop (the URL and each redirect) is resolved first, every address it resolves to
must be public unless the caller allows otherwise, and the connection goes to the address
that was checked, not to a second DNS answer (DNS rebinding). Time, bytes and redirects
are capped; content is parsed, never executed.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsprobe.article import Article
from newsprobe.errors import FetchError, InputError

USER_AGENT = "newsprobe/0.1 (+https://github.com/newsprobe/newsprobe)"
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class FetchPolicy:
    """Limits on what a fetch may reach and consume.

    ``allow_private`` lets every non-public address through (a user on their own
    machine); ``allow_hosts`` lets named hosts or addresses through one by one.
    """

    allow_private: bool = False
    allow_hosts: Collection[str] = field(default_factory=frozenset)
    timeout: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5


def _default_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def check_address(host: str, port: int, policy: FetchPolicy, resolve: Resolver) -> str:
    """The address to connect to for ``host``, or :class:`InputError` if it is off limits."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}") from exc
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    for addr in addresses:
        ip = ipaddress.ip_address(addr.split("%", 1)[0])
        allowed = policy.allow_private or host in policy.allow_hosts or addr in policy.allow_hosts
        if not _is_public(ip) and not allowed:
            raise InputError(
                f"refusing to fetch {host!r}: it resolves to the non-public address {addr} "
                "(use --allow-private to allow it)"
            )
    return addresses[0]


def _reason(exc: Exception) -> str:
    """The OS's words for a failed connection ("Connection refused"), on one line."""
    cause = exc.__context__ or exc.__cause__
    text = (getattr(cause, "strerror", None) or str(exc)).splitlines()
    return text[0] if text else type(exc).__name__


def _timed_out(url: str, policy: FetchPolicy) -> FetchError:
    return FetchError(f"{url}: timed out after {policy.timeout:g} s", status=504)


def fetch_bytes(
    url: str, policy: FetchPolicy | None = None, resolve: Resolver = _default_resolver
) -> tuple[bytes, str, str]:
    """``(body, content type, final URL)`` of ``url`` under ``policy``."""
    import urllib3

    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.timeout
    for _hop in range(policy.max_redirects + 1):
        try:
            parts = urlsplit(url)
            hostname = parts.hostname
        except ValueError as exc:  # "http://[::1" and the like
            raise InputError(f"{url}: malformed URL ({exc})") from exc
        if parts.scheme not in ("http", "https"):
            raise InputError(f"{url}: only http and https URLs can be fetched")
        if not hostname:
            raise InputError(f"{url}: URL has no host")
        https = parts.scheme == "https"
        try:
            port = parts.port or (443 if https else 80)
        except ValueError as exc:
            raise InputError(f"{url}: bad port") from exc
        address = check_address(hostname, port, policy, resolve)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _timed_out(url, policy)
        timeout = urllib3.Timeout(connect=remaining, read=remaining)
        pool_cls = urllib3.HTTPSConnectionPool if https else urllib3.HTTPConnectionPool
        kwargs = {"server_hostname": hostname, "assert_hostname": hostname} if https else {}
        # Connect to the checked address; the Host header (and SNI) carry the name.
        pool = pool_cls(address, port, timeout=timeout, retries=False, maxsize=1, **kwargs)
        host_header = hostname if parts.port is None else f"{hostname}:{parts.port}"
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            resp = pool.urlopen(
                "GET",
                path,
                headers={
                    "Host": host_header,
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1",
                },
                redirect=False,
                preload_content=False,
            )
        except urllib3.exceptions.NewConnectionError as exc:
            # A subclass of ConnectTimeoutError in urllib3 2.x: "refused" must not read as
            # "timed out".
            raise FetchError(f"{url}: cannot connect ({_reason(exc)})") from exc
        except urllib3.exceptions.TimeoutError as exc:
            raise _timed_out(url, policy) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"{url}: fetch failed ({type(exc).__name__})") from exc
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise FetchError(f"{url}: redirect without a Location header")
                url = urljoin(url, location)
                continue
            if resp.status >= 400:
                raise FetchError(f"{url}: server answered HTTP {resp.status}")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > policy.max_bytes:
                raise InputError(f"{url}: larger than {policy.max_bytes} bytes")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.stream(65536):
                size += len(chunk)
                if size > policy.max_bytes:
                    raise InputError(f"{url}: larger than {policy.max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise _timed_out(url, policy)
                chunks.append(chunk)
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            return b"".join(chunks), ctype, url
        except urllib3.exceptions.TimeoutError as exc:
            raise _timed_out(url, policy) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"{url}: fetch failed ({type(exc).__name__})") from exc
        finally:
            resp.release_conn()
            pool.close()
    raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    policy: FetchPolicy | None = None,
    resolve: Resolver = _default_resolver,
) -> Article:
    """The article at ``url``: fetched under the limits above, then extracted."""
    from newsprobe.ingest.html import article_from_html, looks_like_html
    from newsprobe.ingest.pdf import article_from_pdf, is_pdf
    from newsprobe.ingest.records import site_of
    from newsprobe.ingest.text import article_from_bytes

    policy = policy or FetchPolicy(
        allow_private=allow_private, timeout=timeout, max_bytes=max_bytes
    )
    body, ctype, final_url = fetch_bytes(url, policy, resolve)
    if ctype in ("text/html", "application/xhtml+xml") or (not ctype and looks_like_html(body)):
        article = article_from_html(body, url=final_url, name=url)
    elif ctype == "application/pdf" or (ctype in ("", "application/octet-stream") and is_pdf(body)):
        article = article_from_pdf(body, url)
        article.url = final_url
    elif ctype.startswith("text/"):
        article = article_from_bytes(body, url)
        article.url = final_url
    else:
        raise InputError(f"{url}: content type {ctype or 'unknown'} is not a web page, text or PDF")
    article.meta["fetched_url"] = final_url
    article.site = article.site or site_of(final_url)  # a text or PDF has no site name
    return article

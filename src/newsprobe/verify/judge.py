"""An optional LLM judge over any OpenAI-compatible chat endpoint (llama.cpp, vLLM, Ollama,
a hosted API). Never required: offline checks give a verdict without it, and the relevance
gate runs first, so the judge cannot call an off-topic claim supported.
"""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from newsprobe.claims.model import VERDICTS, Claim, Evidence
from newsprobe.errors import NewsprobeError

PROMPT = (
    "You check news claims against trusted sources. Answer with one JSON object "
    '{{"verdict": "supported" | "contradicted" | "not_enough_evidence", "reason": "..."}}. '
    "Say supported or contradicted only if a source states it directly.\n\n"
    "Claim: {claim}\n\nSources:\n{sources}"
)


class JudgeError(NewsprobeError):
    """The judge endpoint failed or answered in an unusable shape."""


def check_judge_url(url: str) -> None:
    """Refuse a judge URL that is not http(s) with a host, before any work is done."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise JudgeError(f"judge URL {url!r} is not a valid URL ({exc})") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise JudgeError(f"judge URL {url!r} must be http:// or https:// with a host")


class LLMJudge:
    """A chat-completions client. url: the server's base (``.../v1``) or full endpoint."""

    def __init__(
        self, url: str, model: str, api_key: str | None = None, timeout: float = 60.0
    ) -> None:
        self.url = url
        self.model = model
        self.api_key = api_key
        self.timeout = timeout

    @property
    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else base + "/chat/completions"

    def judge(self, claim: Claim, evidence: list[Evidence]) -> dict[str, Any]:
        """``{"verdict", "reason", "model"}`` for one claim and its relevant passages."""
        sources = "\n".join(f"[{i + 1}] ({e.name}) {e.text}" for i, e in enumerate(evidence))
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "user", "content": PROMPT.format(claim=claim.text, sources=sources)}
            ],
        }
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        try:
            req = urllib.request.Request(self.endpoint, json.dumps(body).encode(), headers)
        except ValueError as exc:  # no scheme, a broken IPv6 host, ...
            raise JudgeError(f"judge {self.endpoint}: not a valid URL ({exc})") from exc
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                reply = json.loads(resp.read().decode("utf-8"))
            content = reply["choices"][0]["message"]["content"]
        except http.client.InvalidURL as exc:  # e.g. a port that is not a number
            raise JudgeError(f"judge {self.endpoint}: not a valid URL ({exc})") from exc
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError) as exc:
            raise JudgeError(f"judge {self.endpoint}: {getattr(exc, 'reason', exc)}") from exc
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise JudgeError(f"judge {self.endpoint}: not a chat-completions reply") from exc
        return {**parse_verdict(content), "model": self.model}


def parse_verdict(content: str) -> dict[str, str]:
    """The verdict in a model's reply: a JSON object if there is one, else the first label."""
    match = re.search(r"\{.*\}", content, re.S)
    if match:
        try:
            data = json.loads(match.group(0))
            verdict = str(data.get("verdict", "")).strip().lower()
            if verdict in VERDICTS:
                return {"verdict": verdict, "reason": str(data.get("reason", ""))}
        except (ValueError, AttributeError):
            pass
    low = content.lower()
    found = [(low.find(v), v) for v in VERDICTS if v in low]
    if not found:
        raise JudgeError(f"judge gave no verdict: {content[:80]!r}")
    return {"verdict": min(found)[1], "reason": content.strip()[:500]}

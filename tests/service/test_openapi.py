"""Schemathesis against the live OpenAPI spec: generated requests (valid and invalid) never
get a 5xx, and every answer matches its documented status code, content type and schema.
Also: the docs page that shows the spec needs nothing from outside the app."""

from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from newsprobe.service.inputs import available_inputs

UNAVAILABLE = [kind for kind, ok in available_inputs().items() if not ok]


@schemathesis.check
def no_server_error(ctx, response, case) -> None:
    """Any 5xx fails, except the documented 501 for an input kind this build lacks."""
    if response.status_code == 501 and any(
        f"{kind} input is not available" in response.text for kind in UNAVAILABLE
    ):
        return
    assert response.status_code < 500, f"{response.status_code}: {response.text[:300]}"


@schemathesis.check
def invalid_body_rejected(ctx, response, case) -> None:
    """Schemathesis' negative-data check, counting 413 as a rejection: an over-long invalid
    body is refused by the size limit before validation, which is still a refusal; and a
    batch's invalid item refused in its place."""
    if response.status_code == 413:
        return None
    if case.path == "/v1/check/batch" and response.status_code == 200:
        # A batch refuses an item the schema does not allow in that item's place (422
        # there), and checks the others: that is its rejection.
        results = response.json()["results"]
        if any(r.get("status") == 422 for r in results):
            return None
    return negative_data_rejection(ctx, response, case)


@pytest.fixture(scope="module")
def api_schema(server):
    return schemathesis.openapi.from_url(f"{server.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_spec(case):
    case.call_and_validate(
        checks=[
            no_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
            invalid_body_rejected,
        ]
    )


def test_docs_page_loads_nothing_from_other_hosts(server):
    """Swagger UI comes from the app itself, so /docs works offline; /redoc is not served
    (its bundle loads a logo from a CDN)."""
    with server.client() as c:
        assert c.get("/redoc").status_code == 404
        page = c.get("/docs")
        assert page.status_code == 200
        refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert refs, page.text
        assert not re.search(r"https?://", page.text), "the docs page names an external host"
        for ref in refs:
            assert ref.startswith("/") and not ref.startswith("//"), ref
            asset = c.get(ref)
            assert asset.status_code == 200, ref
            assert len(asset.content) > 100, ref
        kinds = {c.get(ref).headers["content-type"].split(";")[0] for ref in refs}
    assert {"text/javascript", "text/css"} <= kinds

"""Schemathesis against the live OpenAPI spec: generated requests (valid and invalid) never
get a 5xx, and every answer matches its documented status code, content type and schema."""

from __future__ import annotations

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
    body is refused by the size limit before validation, which is still a refusal."""
    if response.status_code == 413:
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

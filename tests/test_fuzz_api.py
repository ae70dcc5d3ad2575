"""The HTTP API fuzzed from its own OpenAPI schema (schemathesis) on a real server: whatever a
client sends, with the token or without, the answer is never a 5xx.

Schemathesis's pytest plugin does not run under pytest 9, so each operation's strategy is
driven by Hypothesis directly; the cases and the check are schemathesis's own."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from server import start, stop

TOKEN = "fuzz-token"


@pytest.fixture(scope="module")
def api(sample_index):
    proc, base = start(sample_index, WENJIN_API_TOKEN=TOKEN, WENJIN_MAX_QUESTION_CHARS="200")
    yield base
    stop(proc)


def operations(api: str) -> list:
    schema = schemathesis.openapi.from_url(f"{api}/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


def test_every_route_is_fuzzed(api):
    labels = {op.label for op in operations(api)}
    assert {"POST /api/ask", "POST /v1/chat/completions", "POST /api/feedback", "GET /v1/models"} <= labels


def test_no_input_gets_a_server_error(api):
    """At least a thousand generated requests over every operation, with the token and without."""
    calls = []
    for headers in ({"Authorization": f"Bearer {TOKEN}"}, {}):
        for op in operations(api):
            @given(case=op.as_strategy())
            @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
            def call(case):
                calls.append(op.label)
                case.call_and_validate(base_url=api, headers=headers, checks=[not_a_server_error], timeout=60)

            call()
    assert len(calls) >= 1000, len(calls)

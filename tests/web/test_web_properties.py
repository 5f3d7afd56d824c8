"""Property-based run over the OpenAPI schema: no API route answers 5xx, whatever the input.

Schemathesis generates valid and invalid values for every parameter and body of every
operation in /openapi.json. The run is bounded (examples per operation, derandomized) so that
it takes well under a minute.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from pactscope.web import create_app  # noqa: E402

EXAMPLES = 40  # per operation

# The Host guard has its own tests; the generated requests use the test client's "testserver".
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(allowed_hosts=("*",)))


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_api_route_answers_5xx(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
    assert "Traceback" not in response.text

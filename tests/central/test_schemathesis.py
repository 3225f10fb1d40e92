"""Property-based fuzzing of the live server from its own OpenAPI document (schemathesis 4): whatever a
client sends — valid or not — the answer is never a 5xx. Bounded: at most 30 examples per operation and
generation mode, positive and negative data, with a valid bearer token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok

from .conftest import Desk, Server, results

MAX_EXAMPLES = 30


def _fuzz(strategy: Any, base_url: str, session: requests.Session, headers: dict[str, str]) -> Any:
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        case.call_and_validate(base_url=base_url, session=session, headers=headers, checks=[not_a_server_error])

    return run


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_no_input_makes_a_server_error(desks: Any, server: Server, tmp_path: Path) -> None:
    # hypothesis keeps caches in ./.hypothesis even without an example database: not in the tree
    set_hypothesis_home_dir(tmp_path / "hypothesis")
    try:
        _fuzz_everything(desks, server)
    finally:
        set_hypothesis_home_dir(None)


def _fuzz_everything(desks: Any, server: Server) -> None:
    desk: Desk = desks("TR01", "W01")
    # some state to push against: a request the fuzzer's status ops may find
    assert results(desk.push([desk.intake()[0]])) == ["applied"]
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    headers = {"Authorization": f"Bearer {desk.token}"}
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result.err()
        operations.append(result.ok())
    assert {op.label for op in operations} >= {"GET /health", "POST /v1/enrol", "POST /v1/push", "GET /v1/changes"}
    with requests.Session() as session:
        for op in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                try:
                    _fuzz(op.as_strategy(generation_mode=mode), server.url, session, headers)()
                except Unsatisfiable:
                    # no invalid input exists for an operation without parameters (GET /health)
                    assert mode is GenerationMode.NEGATIVE and op.label == "GET /health"
    # the server survived it all and still answers the real client
    assert desk.pull_page().epoch == server.health()["epoch"]

"""HTTP transport to the central system: one keep-alive ``requests.Session``, connect/read timeouts,
TLS verification always on (a custom CA bundle may be given for a municipal PKI), gzip both ways, the
bearer token, and the protocol's error bodies turned into typed exceptions. Counts round trips and bytes."""

from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass, field
from typing import Any

import requests

from .protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    ChangesResponse,
    EnrolRequest,
    EnrolResponse,
    PushRequest,
    PushResponse,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0


class CentralUnreachable(Exception):
    """No answer: connection refused or cut, timeout, DNS, TLS handshake."""


class CentralError(Exception):
    """The central system answered with an error body."""

    def __init__(self, status: int, code: str, message: str, detail: dict[str, Any] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.status, self.code, self.message, self.detail = status, code, message, detail or {}


@dataclass
class WireStats:
    round_trips: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    per_path: dict[str, int] = field(default_factory=dict)


class CentralClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.stats = WireStats()
        self.session = requests.Session()
        self.session.verify = ca_bundle if ca_bundle else True
        self.session.headers.update({
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            "Accept-Encoding": "gzip",
            "User-Agent": "frontdesk-sync/1",
        })  # fmt: skip
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None,
              params: dict[str, Any] | None = None) -> Any:  # fmt: skip
        headers = {}
        data: bytes | None = None
        if body is not None:
            raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
            data = gzip.compress(raw, compresslevel=6)
            headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        try:
            resp = self.session.request(method, self.base_url + path, data=data, params=params, headers=headers,
                                        timeout=self.timeout)  # fmt: skip
            content = resp.content  # read fully: a cut mid-body raises here
        except requests.exceptions.SSLError as exc:
            raise CentralUnreachable(f"TLS verification failed: {exc}") from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError) as exc:  # fmt: skip
            raise CentralUnreachable(str(exc)) from exc
        self.stats.round_trips += 1
        self.stats.per_path[path] = self.stats.per_path.get(path, 0) + 1
        self.stats.bytes_sent += len(data or b"")
        wire = resp.raw.tell() if resp.raw is not None and hasattr(resp.raw, "tell") else len(content)
        self.stats.bytes_received += wire or len(content)
        try:
            payload = json.loads(content) if content else None
        except ValueError as exc:
            if resp.status_code >= 500:
                raise CentralUnreachable(f"server error {resp.status_code}") from exc
            raise CentralError(resp.status_code, "bad_response", "the answer was not JSON") from exc
        if resp.status_code >= 400:
            err = payload if isinstance(payload, dict) else {}
            if resp.status_code >= 500 and err.get("error") in (None, "server_error"):
                raise CentralUnreachable(f"server error {resp.status_code}")
            raise CentralError(resp.status_code, str(err.get("error", resp.status_code)),
                               str(err.get("message", resp.reason)), err.get("detail"))  # fmt: skip
        return payload

    def enrol(self, req: EnrolRequest) -> EnrolResponse:
        return EnrolResponse.model_validate(self._call("POST", "/v1/enrol", req.model_dump(mode="json")))

    def push(self, req: PushRequest) -> PushResponse:
        body = req.model_dump(mode="json", exclude_none=True)
        return PushResponse.model_validate(self._call("POST", "/v1/push", body))

    def changes(self, after: int, limit: int) -> ChangesResponse:
        return ChangesResponse.model_validate(self._call("GET", "/v1/changes", params={"after": after, "limit": limit}))

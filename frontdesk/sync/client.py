"""HTTP transport to the central system, hardened as a boundary (docs/security.md):

* the token never travels over plain ``http://`` — only to this machine (loopback) — and TLS verification
  is always on; a configured CA bundle (a municipal PKI) is pinned: ``REQUESTS_CA_BUNDLE``, ``.netrc`` and
  the rest of the environment cannot override it (``trust_env`` off; proxies are taken from the
  environment explicitly);
* every answer is read with a byte cap (after decompression, which is done here so a gzip bomb cannot
  grow past it) and a total deadline (a server that trickles a byte at a time is cut off — in its body,
  its headers or its TLS handshake alike: when the deadline passes, the call's socket is shut down);
* one keep-alive ``requests.Session``, connect/read timeouts, gzip both ways, the bearer token, the
  protocol's error bodies turned into typed exceptions; round trips and bytes counted.
"""

from __future__ import annotations

import contextlib
import gzip
import ipaddress
import json
import logging
import os
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3Error

from frontdesk import limits as L
from frontdesk.wire import (
    OUTBOX_WAITING_HEADER,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    AnchorState,
    ChangesEnvelope,
    EnrolRequest,
    EnrolResponse,
    KeyEscrow,
    KeyEscrowAnswer,
    PasswordChange,
    PushRequest,
    PushResponse,
    RestoreAnswer,
    RestoreNotice,
    UserPayload,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
_CHUNK = 64 * 1024


class CentralUnreachable(Exception):
    """No answer: connection refused or cut, timeout, DNS, TLS handshake, an answer too slow or too big."""


class CentralError(Exception):
    """The central system answered with an error body (or an answer that is not the protocol's)."""

    def __init__(self, status: int, code: str, message: str, detail: dict[str, Any] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.status, self.code, self.message, self.detail = status, code, message, detail or {}


class InsecureAddress(ValueError):
    """A central address the token must not be sent to."""


def check_address(url: str) -> str:
    """The central system's address, or :class:`InsecureAddress`: ``https://`` anywhere, ``http://`` only
    to this machine (127.0.0.0/8, ::1, localhost), no user name or password inside it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InsecureAddress(f"{url!r} is not a web address (https://…)")
    if parts.username or parts.password:
        raise InsecureAddress("the central system's address must not contain a user name or password")
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise InsecureAddress(
            f"refusing to send this desk's token over plain http:// to {parts.hostname}: use https:// "
            "(plain http is allowed only to this machine)"
        )
    return url.strip().rstrip("/")


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------- the deadline

_current = threading.local()  # the deadline of the call this thread is making, if any


class _Deadline:
    """One call's total deadline. Every socket the call uses (a new connection, from before its TLS
    handshake, or a kept-alive one) is watched through a duplicate of its descriptor; when the deadline
    passes they are shut down, so a read blocked on a server that trickles its headers, its handshake or
    its body returns at once (read timeouts alone restart with every byte)."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._done = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket | None) -> None:
        try:
            dup = socket.fromfd(sock.fileno(), sock.family, sock.type) if sock is not None else None
        except OSError:  # closed meanwhile, or no descriptor left: the read timeouts still apply
            return
        if dup is None:
            return
        with self._lock:
            if self._done:
                dup.close()
                return
            self._socks.append(dup)
            if self.fired:
                _shut(dup)

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            for s in self._socks:
                _shut(s)

    def __enter__(self) -> _Deadline:
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _current.deadline = None
        with self._lock:
            self._done = True
            socks, self._socks = self._socks, []
        for s in socks:
            s.close()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _watch(sock: socket.socket | None) -> None:
    deadline: _Deadline | None = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.watch(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is not None:  # a kept-alive connection, used again
            _watch(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is not None:
            _watch(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _WatchedAdapter(HTTPAdapter):
    """requests' adapter, its connections watched by the call's deadline (through a proxy too)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = _POOLS
        return manager


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
        max_bytes: int = L.MAX_ANSWER_BYTES,
        deadline: float = L.ANSWER_DEADLINE,
    ) -> None:
        self.base_url = check_address(base_url)
        if ca_bundle is not None and not os.path.isfile(ca_bundle):
            raise InsecureAddress(f"the CA bundle {ca_bundle} cannot be read")
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.stats = WireStats()
        self.session = requests.Session()
        for prefix in ("https://", "http://"):
            self.session.mount(prefix, _WatchedAdapter())
        self.session.trust_env = False  # REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, .netrc: not here
        self.session.proxies = get_environ_proxies(self.base_url)  # an office's proxy still works
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

    # -- one call -------------------------------------------------------------------------------

    def _read(self, resp: requests.Response, until: float) -> tuple[bytes, int]:
        """The body, decompressed here under the cap, before ``until``; and the bytes on the wire."""
        encoding = resp.headers.get("Content-Encoding", "identity").strip().lower()
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in ("gzip", "x-gzip") else None
        if encoding not in ("identity", "", "gzip", "x-gzip"):
            raise CentralError(resp.status_code, "bad_response", f"unknown content encoding {encoding!r}")
        out: list[bytes] = []
        size = wire = 0
        raw = resp.raw
        too_large = f"the answer is larger than {self.max_bytes // (1024 * 1024)} MB"
        while True:
            if time.monotonic() > until:
                raise CentralUnreachable(f"the answer took longer than {self.deadline:g} s")
            data = raw.read1(_CHUNK, decode_content=False) if raw is not None else b""
            if not data:
                break
            wire += len(data)
            if wire > self.max_bytes:
                raise CentralUnreachable(too_large)
            if inflate is None:
                size += len(data)
                out.append(data)
                continue
            pending = data
            while pending:
                try:
                    piece = inflate.decompress(pending, self.max_bytes - size + 1)
                except zlib.error:
                    raise CentralError(resp.status_code, "bad_response", "the answer is not valid gzip") from None
                size += len(piece)
                if size > self.max_bytes:
                    raise CentralUnreachable(too_large)
                out.append(piece)
                pending = inflate.unconsumed_tail
        return b"".join(out), wire

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None,
              params: dict[str, Any] | None = None, extra: dict[str, str] | None = None) -> Any:  # fmt: skip
        headers = dict(extra or {})
        data: bytes | None = None
        if body is not None:
            raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
            data = gzip.compress(raw, compresslevel=6)
            headers.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
        until = time.monotonic() + self.deadline
        too_slow = f"the answer took longer than {self.deadline:g} s"
        deadline = _Deadline(self.deadline)
        try:
            with deadline:
                resp = self.session.request(method, self.base_url + path, data=data, params=params,
                                            headers=headers, timeout=self.timeout, stream=True,
                                            allow_redirects=False)  # fmt: skip
                try:
                    content, wire = self._read(resp, until)
                finally:
                    resp.close()
        except requests.exceptions.SSLError as exc:
            if deadline.fired:
                raise CentralUnreachable(too_slow) from exc
            raise CentralUnreachable(f"TLS verification failed: {exc}") from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:  # fmt: skip
            raise CentralUnreachable(too_slow if deadline.fired else str(exc)) from exc
        except (OSError, ValueError, Urllib3Error) as exc:  # a cut or malformed stream below requests
            if deadline.fired:
                raise CentralUnreachable(too_slow) from exc
            raise CentralUnreachable(f"the answer was cut or malformed ({exc.__class__.__name__})") from exc
        if deadline.fired:  # the socket was shut down mid-body: what was read is not the answer
            raise CentralUnreachable(too_slow)
        self.stats.round_trips += 1
        self.stats.per_path[path] = self.stats.per_path.get(path, 0) + 1
        self.stats.bytes_sent += len(data or b"")
        self.stats.bytes_received += wire
        if 300 <= resp.status_code < 400:
            raise CentralError(resp.status_code, "bad_response", "the central system answered with a redirect")
        try:
            payload = json.loads(content) if content else None
        except (ValueError, RecursionError) as exc:
            if resp.status_code >= 500:
                raise CentralUnreachable(f"server error {resp.status_code}") from exc
            raise CentralError(resp.status_code, "bad_response", "the answer was not JSON") from exc
        if resp.status_code >= 400:
            err = payload if isinstance(payload, dict) else {}
            if resp.status_code >= 500 and err.get("error") in (None, "server_error"):
                raise CentralUnreachable(f"server error {resp.status_code}")
            detail = err.get("detail") if isinstance(err.get("detail"), dict) else {}
            raise CentralError(resp.status_code, str(err.get("error", resp.status_code))[:64],
                               str(err.get("message", resp.reason))[:500], detail)  # fmt: skip
        return payload

    def _typed(self, model: type[BaseModel], payload: Any) -> Any:
        try:
            return model.model_validate(payload)
        except (ValidationError, RecursionError) as exc:
            problem = f"the answer does not follow the protocol ({model.__name__})"
            raise CentralError(200, "bad_response", problem) from exc

    # -- the protocol ---------------------------------------------------------------------------

    def enrol(self, req: EnrolRequest) -> EnrolResponse:
        return self._typed(EnrolResponse, self._call("POST", "/v1/enrol", req.model_dump(mode="json")))

    def push(self, req: PushRequest, *, waiting: int | None = None) -> PushResponse:
        """``waiting``: how many changes stay in the outbox after this batch (told in a header, see wire)."""
        body = req.model_dump(mode="json", exclude_none=True)
        extra = None if waiting is None else {OUTBOX_WAITING_HEADER: str(max(0, waiting))}
        return self._typed(PushResponse, self._call("POST", "/v1/push", body, extra=extra))

    def changes(self, after: int, limit: int, *, own: bool = False) -> ChangesEnvelope:
        params: dict[str, Any] = {"after": after, "limit": limit}
        if own:  # after a restore: this desk's own changes too (docs/operations.md)
            params["own"] = "true"
        payload = self._call("GET", "/v1/changes", params=params)
        return self._typed(ChangesEnvelope, payload)

    def change_password(self, req: PasswordChange) -> UserPayload:
        return self._typed(UserPayload, self._call("POST", "/v1/password", req.model_dump(mode="json")))

    def audit_anchor(self) -> AnchorState | None:
        payload = self._call("GET", "/v1/audit-anchor")
        return None if payload is None else self._typed(AnchorState, payload)

    def key_escrow(self, req: KeyEscrow) -> KeyEscrowAnswer:
        return self._typed(KeyEscrowAnswer, self._call("POST", "/v1/key-escrow", req.model_dump(mode="json")))

    def restored(self, req: RestoreNotice) -> RestoreAnswer:
        return self._typed(RestoreAnswer, self._call("POST", "/v1/restored", req.model_dump(mode="json")))

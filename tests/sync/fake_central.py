"""A fake central server on loopback for the hostile-server suite (tests/sync/test_hostile_server.py).

It speaks just enough of the sync protocol to be honest — ``/v1/enrol`` hands out a token, ``/v1/push``
answers ``applied`` to every op, ``/v1/changes`` pages through :attr:`FakeCentral.feed` — and every answer
can be scripted instead, byte for byte:

* :class:`Answer`: status, headers and a body that is bytes, a JSON value, or an iterable of byte chunks
  generated on the fly (hundreds of MB cost nothing until they are sent), framed with a true, false or no
  ``Content-Length`` (then chunked); trickled a byte at a time (headers, body or both) with a pause; cut
  after N body bytes; or raw bytes that are not HTTP at all;
* :meth:`FakeCentral.script` queues one-shot answers for a path (an :class:`Answer`, or a function of the
  request that returns one); :meth:`FakeCentral.handle` sets a path's answer until :meth:`FakeCentral.honest`.

It counts what reached it: TCP connections, TLS handshakes that failed, requests per path, the bearer
tokens seen, scripted (hostile) answers served (a TLS handshake the client refused counts as one: its
certificate was the answer). With ``tls=`` it serves HTTPS with a certificate made in
the test (:func:`make_pki`). Any absolute-form request or ``CONNECT`` (the fake used as an HTTP proxy, to
catch a token that leaves for another host) is recorded and refused.

The server is stdlib only: ``socketserver.ThreadingTCPServer`` with ``http.server``'s request parsing, one
thread per connection; every connection closes after its answer.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import gzip
import http.server
import json
import socket
import socketserver
import ssl
import struct
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

MB = 1024 * 1024


def iso(t: dt.datetime | None = None) -> str:
    return (t or dt.datetime.now(dt.UTC).replace(tzinfo=None)).isoformat(timespec="seconds")


# ------------------------------------------------------------------------------------------ answers


@dataclass
class Answer:
    """One HTTP answer, as hostile as needed.

    ``body``: bytes, a JSON-able value (dumped), or an iterable of byte chunks (streamed). ``length``:
    the ``Content-Length`` to declare — ``"auto"`` (the true length of a bytes body; a streamed body goes
    chunked), an int (true or a lie), or None (no length, no chunking: the body ends when the connection
    closes). ``trickle``: "head", "body" or "all" sent one byte at a time with ``pace`` seconds between
    bytes. ``cut_after``: close the connection after this many body bytes. ``raw``: send these bytes
    instead of an HTTP answer. ``hostile``: counted in :attr:`FakeCentral.hostile_served`."""

    status: int = 200
    body: Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    length: int | str | None = "auto"
    trickle: str | None = None
    pace: float = 0.0
    cut_after: int | None = None
    raw: bytes | None = None
    hostile: bool = True
    reason: str = "OK"


def json_answer(value: Any, status: int = 200, *, hostile: bool = True, **kw: Any) -> Answer:
    return Answer(
        status=status,
        body=json.dumps(value).encode(),
        headers={"Content-Type": "application/json"},
        hostile=hostile,
        **kw,
    )


def chunks_of(total: int, fill: bytes = b" ", *, prefix: bytes = b"", chunk: int = 256 * 1024) -> Iterator[bytes]:
    """``total`` bytes generated on the fly: ``prefix`` then ``fill`` repeated."""
    if prefix:
        yield prefix
        total -= len(prefix)
    block = (fill * (chunk // len(fill) + 1))[:chunk]
    while total > 0:
        piece = block[: min(chunk, total)]
        total -= len(piece)
        yield piece


def gzip_bomb(expanded: int, fill: bytes = b" ") -> Iterator[bytes]:
    """A single-member gzip stream that inflates to ``expanded`` bytes of ``fill`` (about 1/1000 of it on
    the wire): one compressed MB, fully flushed so that it can be repeated, then the gzip trailer."""
    unit = (fill * (MB // len(fill) + 1))[:MB]
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
    yield b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip header: deflate, no name, max compression
    n = expanded // MB
    for _ in range(n):
        yield block
    crc = 0
    for _ in range(n):  # reached only by a reader that inflates everything
        crc = zlib.crc32(unit, crc)
    yield c.flush(zlib.Z_FINISH) + struct.pack("<II", crc, (n * MB) & 0xFFFFFFFF)


# ------------------------------------------------------------------------------------------ what arrived


@dataclass
class Seen:
    method: str
    path: str  # without the query
    query: dict[str, str]
    headers: dict[str, str]
    body: Any  # the JSON body (decompressed), or None
    target: str  # the request target as sent (absolute-form when the fake is used as a proxy)

    @property
    def token(self) -> str | None:
        auth = self.headers.get("authorization", "")
        return auth.removeprefix("Bearer ") if auth else None


Handler = Callable[["Seen"], Answer]


# ------------------------------------------------------------------------------------------ TLS


@dataclass(frozen=True)
class Pki:
    """A certificate authority (``ca``: its certificate, PEM) and a server certificate it signed for
    127.0.0.1 and localhost (``cert`` and ``key``, PEM files)."""

    ca: Path
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.cert, self.key)
        return ctx


def make_pki(directory: Path, name: str) -> Pki:
    """A CA named ``name`` and a server certificate for 127.0.0.1 signed by it, made with ``cryptography``."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} test CA (TEST)")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(directory / f"{name}-ca.pem", directory / f"{name}-server.pem", directory / f"{name}-server.key")
    pki.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return pki


# ------------------------------------------------------------------------------------------ the server


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeCentral

    def handle_error(self, request: Any, client_address: Any) -> None:  # a client that went away: expected
        self.fake.errors += 1


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        fake = self.server.fake
        with fake.lock:
            fake.connections += 1
            fake.live.add(self.request)
        self.request.settimeout(fake.socket_timeout)
        if fake.tls is not None:
            raw = self.request
            try:
                self.request = fake.tls.wrap_socket(raw, server_side=True)
            except (ssl.SSLError, OSError):
                with fake.lock:
                    fake.tls_failures += 1
                    fake.hostile_served += 1  # the certificate was the answer, and it was refused
                    fake.live.discard(raw)
                raise
            with fake.lock:
                fake.live.discard(raw)
                fake.live.add(self.request)
        super().setup()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.fake.lock:
                self.server.fake.live.discard(self.request)
            if isinstance(self.request, ssl.SSLSocket):  # the wrapped socket is ours to close
                self.request.close()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _body(self) -> Any:
        n = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(n) if n else b""
        if self.headers.get("Content-Encoding", "").lower() == "gzip" and data:
            data = gzip.decompress(data)
        try:
            return json.loads(data) if data else None
        except ValueError:
            return None

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        seen = Seen(
            self.command,
            parts.path,
            {k: v[-1] for k, v in parse_qs(parts.query).items()},
            {k.lower(): v for k, v in self.headers.items()},
            self._body(),
            self.path,
        )
        self.close_connection = True
        self.server.fake._serve(self, seen)

    do_GET = do_POST = do_PUT = do_DELETE = do_CONNECT = _dispatch


class FakeCentral:
    """A scriptable fake central server on 127.0.0.1 (HTTP, or HTTPS with ``tls``)."""

    def __init__(self, *, tls: Pki | None = None, unit: str = "TR01", socket_timeout: float = 20.0) -> None:
        self.tls = tls.server_context() if tls is not None else None
        self.unit = unit
        self.socket_timeout = socket_timeout
        self.epoch = str(uuid.uuid4())
        self.token = "tok-" + uuid.uuid4().hex  # what /v1/enrol hands out
        self.feed: list[dict[str, Any]] = []  # the honest feed: changes with their seq
        self.pushed: list[dict[str, Any]] = []  # ops the honest push applied
        self.lock = threading.Lock()
        self.live: set[Any] = set()
        self._scripts: dict[str, collections.deque[Answer | Handler]] = collections.defaultdict(collections.deque)
        self._handlers: dict[str, Handler] = {}
        self._closing = threading.Event()
        self.reset_counters()
        self.errors = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # -------------------------------------------------------------------------------- life cycle

    def start(self) -> FakeCentral:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"fake-central-{self.port}", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing.set()
        if self._server is None:
            return
        self._server.shutdown()
        with self.lock:
            live = list(self.live)
        for sock in live:  # unblock handlers still writing to a client that stopped reading
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._server.server_close()  # joins the handler threads
        self._server = None

    def __enter__(self) -> FakeCentral:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    # -------------------------------------------------------------------------------- scripting

    def script(self, path: str, *answers: Answer | Handler) -> None:
        """One-shot answers for ``path``, served in order before anything else."""
        self._scripts[path].extend(answers)

    def handle(self, path: str, handler: Handler | Answer) -> None:
        """Answer ``path`` with ``handler`` (a function of the request, or always the same answer) until
        :meth:`honest`."""
        self._handlers[path] = handler if callable(handler) else (lambda _seen, a=handler: a)

    def honest(self) -> None:
        """Forget every script and handler: from now on the fake is an honest central system."""
        with self.lock:
            self._scripts.clear()
            self._handlers.clear()

    def publish(self, *changes: dict[str, Any]) -> list[int]:
        """Add changes to the honest feed (each gets the next seq unless it has one)."""
        seqs = []
        for ch in changes:
            seq = ch.get("seq") or (self.feed[-1]["seq"] + 1 if self.feed else 1)
            self.feed.append({**ch, "seq": seq})
            seqs.append(seq)
        return seqs

    def reset_counters(self) -> None:
        self.connections = 0
        self.tls_failures = 0
        self.hostile_served = 0
        self.seen: list[Seen] = []

    def count(self, path: str) -> int:
        return sum(1 for s in self.seen if s.path == path)

    @property
    def tokens(self) -> set[str]:
        return {t for s in self.seen if (t := s.token)}

    # -------------------------------------------------------------------------------- honest answers

    def page(self, after: int, limit: int) -> dict[str, Any]:
        changes = [c for c in self.feed if c["seq"] > after][:limit]
        nxt = changes[-1]["seq"] if changes else after
        return {
            "epoch": self.epoch,
            "server_time": iso(),
            "changes": changes,
            "next": nxt,
            "more": any(c["seq"] > nxt for c in self.feed),
        }

    def push_answer(self, body: Any) -> dict[str, Any]:
        ops = body.get("ops", []) if isinstance(body, dict) else []
        self.pushed.extend(ops)
        return {
            "epoch": self.epoch,
            "server_time": iso(),
            "results": [{"op_id": o["op_id"], "result": "applied"} for o in ops],
        }

    def _honest(self, seen: Seen) -> Answer:
        if seen.method == "CONNECT" or not seen.target.startswith("/"):  # used as a proxy: refuse
            return Answer(status=403, body=b"", hostile=False, reason="Forbidden")
        if seen.path == "/v1/changes":
            value = self.page(int(seen.query.get("after", 0)), int(seen.query.get("limit", 500)))
        elif seen.path == "/v1/push":
            value = self.push_answer(seen.body)
        elif seen.path == "/v1/enrol":
            body = seen.body if isinstance(seen.body, dict) else {}
            value = {
                "workstation_id": str(uuid.uuid4()),
                "token": self.token,
                "epoch": self.epoch,
                "unit_code": body.get("unit_code", self.unit),
                "unit_name": "Njësia e Rreme (TEST)",
                "users_offered": len(body.get("users", [])),
            }
        elif seen.path == "/v1/audit-anchor":
            return Answer(status=200, body=b"null", headers={"Content-Type": "application/json"}, hostile=False)
        else:
            return json_answer({"error": "not_found", "message": "no such route"}, 404, hostile=False)
        return json_answer(value, hostile=False)

    # -------------------------------------------------------------------------------- serving

    def _choose(self, seen: Seen) -> Answer:
        with self.lock:
            self.seen.append(seen)
            queue = self._scripts.get(seen.path)
            item: Answer | Handler | None = queue.popleft() if queue else self._handlers.get(seen.path)
        if item is None:
            return self._honest(seen)
        return item if isinstance(item, Answer) else item(seen)

    def _serve(self, h: _Handler, seen: Seen) -> None:
        answer = self._choose(seen)
        if answer.hostile:
            with self.lock:
                self.hostile_served += 1
        with contextlib.suppress(OSError, ValueError):  # the desk hung up (it stopped reading): the point
            self._send(h.wfile, answer)

    def _send(self, out: Any, a: Answer) -> None:
        if a.raw is not None:
            self._write(out, a.raw, a.pace if a.trickle else 0.0)
            return
        body = a.body
        stream: Iterable[bytes]
        if isinstance(body, bytes | bytearray):
            stream, size = [bytes(body)], len(body)
        elif isinstance(body, str) or not isinstance(body, Iterable) or isinstance(body, dict | list):
            data = json.dumps(body).encode()
            stream, size = [data], len(data)
        else:
            stream, size = body, -1
        headers = {"Connection": "close", **a.headers}
        chunked = False
        if a.length == "auto":
            if size >= 0:
                headers["Content-Length"] = str(size)
            else:
                headers["Transfer-Encoding"] = "chunked"
                chunked = True
        elif isinstance(a.length, int):
            headers["Content-Length"] = str(a.length)
        head = f"HTTP/1.1 {a.status} {a.reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        self._write(out, head.encode("latin-1"), a.pace if a.trickle in ("head", "all") else 0.0)
        pace = a.pace if a.trickle in ("body", "all") else 0.0
        left = a.cut_after
        for piece in stream:
            if self._closing.is_set():
                return
            if left is not None:
                piece = piece[:left]
                left -= len(piece)
            if chunked and piece:
                piece = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
            self._write(out, piece, pace)
            if left is not None and left <= 0:
                return  # cut: the connection closes mid-answer
        if chunked:
            self._write(out, b"0\r\n\r\n", 0.0)

    def _write(self, out: Any, data: bytes, pace: float) -> None:
        if not pace:
            out.write(data)
            out.flush()
            return
        for i in range(len(data)):
            if self._closing.wait(pace):
                return
            out.write(data[i : i + 1])
            out.flush()


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()

"""A loopback TCP proxy that makes a fast local link look like a bad rural one, for the sync fault tests
and bench/sync.py.

It listens on ``127.0.0.1`` (a free port by default) and forwards every connection to ``target``. Knobs,
adjustable at any time from any thread (they apply to the bytes that pass after the change):

* ``delay_up`` / ``delay_down``: one-way delay in seconds, client→server and server→client (the round
  trip time is their sum);
* ``rate_up`` / ``rate_down``: bandwidth in bytes per second, per direction, shared by all connections
  (a token bucket of ``burst`` bytes; with the default burst of one segment it behaves like a serial
  link: a chunk leaves when the link has finished sending the previous ones);
* ``cut_down_after(n)`` / ``cut_up_after(n)``: forward at most ``n`` more bytes in that direction, then
  cut the connection carrying them (both sides closed) — once; ``cut_down_after`` loses an answer the
  server has already committed, ``cut_up_after`` a request the server never fully received;
* ``refuse``: new connections are accepted and closed at once (reset); existing ones are left alone;
* ``target``: where new connections go (a restarted server may listen on another port);
* ``drop_all()``: cut every open connection now.

Counters: ``connections``, ``bytes_up``, ``bytes_down`` (bytes delivered, after any cut), ``cuts``,
``refused``. ``reset_counters()`` zeroes them.

The proxy runs an asyncio loop on its own thread; use it as a context manager or call ``start``/``close``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

CHUNK = 16 * 1024
KEEP = -1.0  # set_link(rate=KEEP): leave the bandwidth cap as it is
SEGMENT = 1460  # paced in pieces of one TCP segment so a bandwidth cap spreads a big body out in time


@dataclass
class _Link:
    """One direction of the emulated link: propagation delay and a token-bucket bandwidth cap."""

    delay: float = 0.0
    rate: float | None = None  # bytes per second; None: unlimited
    burst: int = SEGMENT
    _tokens: float = 0.0
    _stamp: float = field(default_factory=time.monotonic)
    _free_at: float = 0.0
    cut_after: int | None = None  # bytes left before the one-shot cut

    def schedule(self, n: int, now: float) -> float:
        """When ``n`` bytes handed to the link at ``now`` arrive at the other end."""
        if self.rate is None or self.rate <= 0:
            return now + self.delay
        # Refill the bucket, then the chunk leaves when enough tokens have accumulated (after the
        # chunks already waiting: the link is shared and FIFO).
        start = max(now, self._free_at)
        self._tokens = min(float(self.burst), self._tokens + (start - self._stamp) * self.rate)
        self._stamp = start
        need = n - self._tokens
        if need <= 0:
            self._tokens -= n
            leave = start
        else:
            self._tokens = 0.0
            leave = start + need / self.rate
            self._stamp = leave
        self._free_at = leave
        return leave + self.delay


class Proxy:
    def __init__(
        self,
        target: tuple[str, int],
        *,
        listen_port: int = 0,
        delay: float = 0.0,
        rate: float | None = None,
        burst: int = SEGMENT,
    ) -> None:
        self.target = target
        self._listen_port = listen_port
        self.up = _Link(delay=delay, rate=rate, burst=burst)
        self.down = _Link(delay=delay, rate=rate, burst=burst)
        self.refuse = False
        self.connections = 0
        self.refused = 0
        self.cuts = 0
        self.bytes_up = 0
        self.bytes_down = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._open: set[_Conn] = set()
        self.port = 0

    # ------------------------------------------------------------------------------------ knobs

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_link(self, *, delay: float | None = None, rate: float | None = KEEP) -> None:
        """Set the one-way delay (both directions) and/or the bandwidth cap (``None`` lifts it)."""
        for link in (self.up, self.down):
            if delay is not None:
                link.delay = delay
            if rate != KEEP:
                link.rate = rate

    @property
    def delay_up(self) -> float:
        return self.up.delay

    @delay_up.setter
    def delay_up(self, v: float) -> None:
        self.up.delay = v

    @property
    def delay_down(self) -> float:
        return self.down.delay

    @delay_down.setter
    def delay_down(self, v: float) -> None:
        self.down.delay = v

    @property
    def rate_up(self) -> float | None:
        return self.up.rate

    @rate_up.setter
    def rate_up(self, v: float | None) -> None:
        self.up.rate = v

    @property
    def rate_down(self) -> float | None:
        return self.down.rate

    @rate_down.setter
    def rate_down(self, v: float | None) -> None:
        self.down.rate = v

    def cut_down_after(self, n: int | None) -> None:
        """Forward at most ``n`` more server→client bytes, then cut that connection (once)."""
        self.down.cut_after = n

    def cut_up_after(self, n: int | None) -> None:
        """Forward at most ``n`` more client→server bytes, then cut that connection (once)."""
        self.up.cut_after = n

    @property
    def cut_pending(self) -> bool:
        return self.up.cut_after is not None or self.down.cut_after is not None

    def reset_counters(self) -> None:
        self.connections = self.refused = self.cuts = self.bytes_up = self.bytes_down = 0

    def drop_all(self) -> None:
        loop = self._loop
        if loop is None:
            return
        done = threading.Event()

        def _drop() -> None:
            for c in list(self._open):
                c.abort()
            done.set()

        loop.call_soon_threadsafe(_drop)
        done.wait(5)

    def counters(self) -> dict[str, int]:
        return {
            "connections": self.connections,
            "refused": self.refused,
            "cuts": self.cuts,
            "bytes_up": self.bytes_up,
            "bytes_down": self.bytes_down,
        }

    # ------------------------------------------------------------------------------------ life

    def start(self) -> Proxy:
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                self._server = loop.run_until_complete(
                    asyncio.start_server(self._handle, "127.0.0.1", self._listen_port, backlog=128)
                )
                self.port = int(self._server.sockets[0].getsockname()[1])
            except BaseException as exc:  # reported to the starting thread
                errors.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._thread = threading.Thread(target=run, name="fault-proxy", daemon=True)
        self._thread.start()
        ready.wait(10)
        if errors:
            raise errors[0]
        return self

    def close(self) -> None:
        loop = self._loop
        if loop is None or self._thread is None:
            return

        async def _stop() -> None:
            if self._server is not None:
                self._server.close()
            for c in list(self._open):
                c.abort()
            await asyncio.sleep(0)
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        with contextlib.suppress(RuntimeError):
            asyncio.run_coroutine_threadsafe(_stop(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
        self._thread.join(10)
        self._loop = None

    def __enter__(self) -> Proxy:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------------------------------ connections

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.refuse:
            self.refused += 1
            _reset(writer)
            return
        self.connections += 1
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            _reset(writer)
            return
        conn = _Conn(self, reader, writer, up_reader, up_writer)
        self._open.add(conn)
        try:
            await conn.run()
        except asyncio.CancelledError:
            conn.abort()  # the proxy is closing
        finally:
            self._open.discard(conn)


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0), the way a dead or refusing peer looks to the client."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    if sock is not None:
        writer.transport.abort()
    else:
        writer.close()


class _Conn:
    def __init__(
        self,
        proxy: Proxy,
        client_r: asyncio.StreamReader,
        client_w: asyncio.StreamWriter,
        server_r: asyncio.StreamReader,
        server_w: asyncio.StreamWriter,
    ) -> None:
        self.proxy = proxy
        self.client_r, self.client_w = client_r, client_w
        self.server_r, self.server_w = server_r, server_w
        self.aborted = False
        self._tasks: list[asyncio.Task[None]] = []

    def abort(self) -> None:
        if self.aborted:
            return
        self.aborted = True
        _reset(self.client_w)
        _reset(self.server_w)
        for t in self._tasks:
            t.cancel()

    async def run(self) -> None:
        up = asyncio.ensure_future(self._pump(self.client_r, self.server_w, self.proxy.up, "up"))
        down = asyncio.ensure_future(self._pump(self.server_r, self.client_w, self.proxy.down, "down"))
        self._tasks = [up, down]
        await asyncio.gather(up, down, return_exceptions=True)
        for w in (self.client_w, self.server_w):
            with contextlib.suppress(Exception):
                w.close()

    async def _pump(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter, link: _Link, name: str) -> None:
        """Read from ``src``, deliver to ``dst`` at the time the emulated link would, in order."""
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
        loop = asyncio.get_running_loop()

        async def deliver() -> None:
            while True:
                item = await queue.get()
                if item is None:
                    with contextlib.suppress(OSError, RuntimeError):
                        if dst.can_write_eof():
                            dst.write_eof()
                    return
                when, data = item
                wait = when - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if self.aborted:
                    return
                cut = link.cut_after
                if cut is not None and len(data) >= cut:
                    if cut:
                        self._count(name, cut)  # counted first: the peer may act on the bytes at once
                        dst.write(data[:cut])
                        with contextlib.suppress(OSError, ConnectionError):
                            await dst.drain()
                    link.cut_after = None
                    self.proxy.cuts += 1
                    self.abort()
                    return
                if cut is not None:
                    link.cut_after = cut - len(data)
                self._count(name, len(data))
                dst.write(data)
                try:
                    await dst.drain()
                except (OSError, ConnectionError):
                    self.abort()
                    return

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                try:
                    data = await src.read(CHUNK)
                except (OSError, ConnectionError):
                    self.abort()
                    break
                if not data:
                    break
                for i in range(0, len(data), SEGMENT):
                    piece = data[i : i + SEGMENT]
                    queue.put_nowait((_to_loop(loop, link.schedule(len(piece), time.monotonic())), piece))
            queue.put_nowait(None)
            await sender
        finally:
            sender.cancel()

    def _count(self, name: str, n: int) -> None:
        if name == "up":
            self.proxy.bytes_up += n
        else:
            self.proxy.bytes_down += n


def _to_loop(loop: asyncio.AbstractEventLoop, mono: float) -> float:
    # asyncio's loop.time() is time.monotonic() on every platform CPython supports; keep one clock.
    return mono + (loop.time() - time.monotonic())


@contextlib.contextmanager
def proxy_to(host: str, port: int, **kwargs: Any) -> Iterator[Proxy]:
    with Proxy((host, port), **kwargs) as p:
        yield p

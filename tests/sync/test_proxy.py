"""The fault proxy itself, against a tiny loopback echo server: bytes pass unchanged and are counted, the
delay and the bandwidth cap slow them as configured, cuts lose exactly what they should, refusal refuses."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from .proxy import Proxy


class EchoServer:
    """Echoes every byte back; remembers how many bytes each connection delivered."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = int(self.sock.getsockname()[1])
        self.received: list[int] = []
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._echo, args=(conn,), daemon=True).start()

    def _echo(self, conn: socket.socket) -> None:
        total = 0
        with conn:
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                total += len(data)
                with contextlib.suppress(OSError):
                    conn.sendall(data)
        self.received.append(total)

    def close(self) -> None:
        self._stop = True
        self.sock.close()


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    srv = EchoServer()
    yield srv
    srv.close()


@pytest.fixture
def proxy(echo: EchoServer) -> Iterator[Proxy]:
    with Proxy(("127.0.0.1", echo.port)) as p:
        yield p


def connect(p: Proxy) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", p.port), timeout=10)
    with contextlib.suppress(OSError):  # a refused connection may already be reset
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def recv_exactly(s: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def recv_all(s: socket.socket) -> bytes:
    buf = b""
    with contextlib.suppress(OSError):
        while chunk := s.recv(65536):
            buf += chunk
    return buf


def wait_for(cond: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.01)


def test_forwards_and_counts(proxy: Proxy, echo: EchoServer) -> None:
    payload = bytes(range(256)) * 200  # 51,200 bytes
    with connect(proxy) as s:
        s.sendall(payload)
        assert recv_exactly(s, len(payload)) == payload
    wait_for(lambda: echo.received)
    assert echo.received == [len(payload)]
    assert proxy.connections == 1
    assert proxy.bytes_up == proxy.bytes_down == len(payload)


def test_delay_is_one_way_per_direction(proxy: Proxy) -> None:
    proxy.set_link(delay=0.05)
    with connect(proxy) as s:
        s.sendall(b"x")
        recv_exactly(s, 1)  # connection warm
        t0 = time.monotonic()
        s.sendall(b"ping")
        assert recv_exactly(s, 4) == b"ping"
        rtt = time.monotonic() - t0
    assert 0.095 <= rtt < 0.4, rtt
    proxy.delay_down = 0.0
    with connect(proxy) as s:
        t0 = time.monotonic()
        s.sendall(b"ping")
        recv_exactly(s, 4)
        rtt = time.monotonic() - t0
    assert 0.045 <= rtt < 0.3, rtt


def test_bandwidth_cap(proxy: Proxy) -> None:
    proxy.set_link(rate=100_000)
    payload = b"z" * 50_000
    with connect(proxy) as s:
        t0 = time.monotonic()
        s.sendall(payload)
        assert recv_exactly(s, len(payload)) == payload
        took = time.monotonic() - t0
    # 50 kB up and 50 kB down at 100 kB/s each, pipelined: about half a second, not less.
    assert 0.45 <= took < 2.5, took
    proxy.set_link(rate=None)
    with connect(proxy) as s:
        t0 = time.monotonic()
        s.sendall(payload)
        recv_exactly(s, len(payload))
        assert time.monotonic() - t0 < 0.3


def test_cut_down_after_n_bytes_once(proxy: Proxy, echo: EchoServer) -> None:
    proxy.cut_down_after(1000)
    with connect(proxy) as s:
        s.sendall(b"a" * 3000)
        got = recv_all(s)
    assert got == b"a" * 1000
    assert proxy.cuts == 1
    wait_for(lambda: echo.received)
    assert echo.received == [3000]  # the server got (and answered) everything
    with connect(proxy) as s:  # one-shot: the next exchange is whole
        s.sendall(b"b" * 3000)
        assert recv_exactly(s, 3000) == b"b" * 3000


def test_cut_up_after_n_bytes(proxy: Proxy, echo: EchoServer) -> None:
    proxy.cut_up_after(700)
    with connect(proxy) as s:
        s.sendall(b"c" * 2000)
        got = recv_all(s)
    assert len(got) <= 700
    wait_for(lambda: echo.received)
    assert echo.received == [700]
    assert proxy.cuts == 1


def test_cut_at_zero_loses_the_whole_answer(proxy: Proxy) -> None:
    proxy.cut_down_after(0)
    with connect(proxy) as s:
        s.sendall(b"d" * 10)
        assert recv_all(s) == b""


def test_refuse_and_allow_again(proxy: Proxy) -> None:
    proxy.refuse = True
    got = b""
    # reset during connect, send or receive: all a refusal
    with contextlib.suppress(ConnectionResetError), connect(proxy) as s:
        s.sendall(b"hello")
        got = recv_all(s)
    assert got == b""
    wait_for(lambda: proxy.refused == 1)
    assert proxy.refused == 1 and proxy.connections == 0
    proxy.refuse = False
    with connect(proxy) as s:
        s.sendall(b"hello")
        assert recv_exactly(s, 5) == b"hello"


def test_retarget_and_drop_all(proxy: Proxy) -> None:
    other = EchoServer()
    try:
        with connect(proxy) as s:
            s.sendall(b"1")
            assert recv_exactly(s, 1) == b"1"
            proxy.target = ("127.0.0.1", other.port)
            proxy.drop_all()
            assert recv_all(s) == b""
        with connect(proxy) as s:
            s.sendall(b"2")
            assert recv_exactly(s, 1) == b"2"
        wait_for(lambda: other.received)
        assert other.received == [1]
    finally:
        other.close()

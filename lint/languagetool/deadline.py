"""A total deadline for an HTTP request: from connecting to the last byte of the answer.

urllib's timeout applies to each socket operation, so a server (or a proxy in front of it) that
sends one byte a second is never cut off. A `Deadline` closes the request's socket when its time
is up, whatever the request is doing then — connecting through a proxy, reading the status line,
the headers or the body — and `read_body` reads the answer in chunks, checking the clock between
them. `opener()` builds a urllib opener whose connections a request's deadline watches: give the
request a `deadline` attribute.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.request

_CHUNK = 65536


class DeadlineExpired(TimeoutError):
    """The request's time was up before its answer was complete."""


class Deadline:
    """A point in time after which a request's sockets are shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._timers: list[threading.Timer] = []

    def left(self) -> float:
        return self.end - time.monotonic()

    def watching(self, create_connection):
        """`create_connection` (socket.create_connection's signature), with each socket it makes watched."""

        def create(*args, **kwargs):
            connection = create_connection(*args, **kwargs)
            timer = threading.Timer(max(self.left(), 0.0), self._expire, (connection,))
            timer.daemon = True
            self._timers.append(timer)
            timer.start()
            return connection

        return create

    def _expire(self, connection: socket.socket) -> None:
        self.expired = True
        try:
            connection.shutdown(socket.SHUT_RDWR)  # a blocked read returns at once
        except OSError:  # closed already
            pass

    def cancel(self) -> None:
        """The request is over: stop watching its sockets."""
        for timer in self._timers:
            timer.cancel()

    def check(self) -> None:
        if self.expired or self.left() <= 0:
            self.expired = True
            raise DeadlineExpired(f"no complete answer within {self.seconds:g} s")


def read_body(response, deadline: Deadline) -> bytes:
    """The body of a response, read in chunks until the end or the deadline."""
    chunks = []
    while True:
        deadline.check()
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
    deadline.check()  # a socket shut down under the read ends it early: the answer is incomplete
    return b"".join(chunks)


class _Watched:
    """A connection whose sockets its request's deadline watches."""

    def __init__(self, *args, deadline: Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = deadline.watching(self._create_connection)


class _WatchedHTTP(_Watched, http.client.HTTPConnection):
    pass


class _WatchedHTTPS(_Watched, http.client.HTTPSConnection):
    pass


def _connection(kind, request):
    """The connection class for `do_open`, with the request's deadline."""
    return lambda *args, **kwargs: kind(*args, deadline=request.deadline, **kwargs)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, request):
        return self.do_open(_connection(_WatchedHTTP, request), request)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        import ssl

        self.ssl_context = ssl.create_default_context()
        super().__init__(context=self.ssl_context)

    def https_open(self, request):
        return self.do_open(_connection(_WatchedHTTPS, request), request, context=self.ssl_context)


def opener(direct: bool) -> urllib.request.OpenerDirector:
    """An opener whose requests keep their `deadline`; `direct`: no proxy (for a server on this machine)."""
    handlers = [_HTTPHandler(), _HTTPSHandler()]
    if direct:
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)

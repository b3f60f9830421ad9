"""uvicorn's HTTP/1.1 protocol (h11), with the answers kg serve owes a client at the edges of HTTP.

- A request h11 cannot read gets a status that says why, in plain text: a request line
  longer than :data:`kg.serve.MAX_REQUEST_LINE` bytes ``414``, headers past
  :data:`kg.serve.MAX_HEAD` ``431``, a ``Content-Length`` that is no non-negative
  integer (or two that differ) ``400`` with that said, anything else ``400``.
- Closing a connection is a *lingering close*: the answer is sent, the sending side
  shut (a client reading to the end stops there), and what the client still sends is
  read and dropped for at most :data:`kg.serve.DRAIN_SECONDS` before the socket
  closes. A socket closed with unread data is reset, and the client could lose the
  answer: a ``413`` to a large body, or a ``414`` to a long request line, must reach
  the client that is still sending.
"""
from __future__ import annotations

import asyncio
import sys

import h11
from uvicorn.protocols.http.h11_impl import STATUS_PHRASES, H11Protocol

from ..serve import DRAIN_SECONDS, MAX_HEAD, MAX_REQUEST_LINE


class LingeringTransport:
    """A transport whose ``close()`` first shuts the sending side, drops what comes in, then closes."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self.draining = False
        self._timer: asyncio.TimerHandle | None = None

    def __getattr__(self, name):
        return getattr(self._transport, name)

    def is_closing(self) -> bool:
        return self.draining or self._transport.is_closing()

    def close(self) -> None:
        if self.draining or self._transport.is_closing():
            return
        self.draining = True
        try:
            self._transport.write_eof()  # after what is buffered is sent
            self._transport.resume_reading()
        except (OSError, RuntimeError, NotImplementedError, AttributeError):
            self._transport.close()
            return
        self._timer = self._loop.call_later(DRAIN_SECONDS, self.abort_drain)

    def abort_drain(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._transport.close()


class KgH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(LingeringTransport(transport, self.loop))  # type: ignore[arg-type]

    def data_received(self, data: bytes) -> None:
        if self.transport.draining:  # type: ignore[attr-defined]
            return  # dropped: the answer is sent and the connection is closing
        super().data_received(data)

    def eof_received(self) -> bool | None:
        if self.transport.draining:  # type: ignore[attr-defined]
            self.transport.abort_drain()  # type: ignore[attr-defined]
        return None

    def connection_lost(self, exc: Exception | None) -> None:
        if isinstance(self.transport, LingeringTransport) and self.transport._timer is not None:
            self.transport._timer.cancel()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        """Called by uvicorn inside its ``except h11.RemoteProtocolError``: the error says what was wrong."""
        exc = sys.exc_info()[1]
        detail = str(exc) if exc is not None else ""
        status = 400
        if "Content-Length" in detail:
            text = "Content-Length must be a non-negative integer (one value)"
        elif detail == "Receive buffer too long":
            if self._request_line_done():
                status, text = 431, f"the request line and headers are longer than {MAX_HEAD:,} bytes"
            else:
                status = 414
                text = f"the request line is longer than {MAX_REQUEST_LINE:,} bytes; send a long query in a POST body"
        else:
            text = f"not an HTTP request kg serve can read ({detail or msg})"
        self.logger.debug("refused a request: %s", detail)
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]
        try:
            self.transport.write(self.conn.send(h11.Response(status_code=status, headers=headers, reason=STATUS_PHRASES[status])))
            self.transport.write(self.conn.send(h11.Data(data=f"{status} {text}\n".encode("utf-8"))))
            self.transport.write(self.conn.send(h11.EndOfMessage()))
        except h11.LocalProtocolError:
            pass
        self.transport.close()

    def _request_line_done(self) -> bool:
        """Whether the unread request holds a whole request line (so the headers made it too long)."""
        buffer = getattr(self.conn, "_receive_buffer", None)
        data = getattr(buffer, "_data", None)
        if data is None:
            return False
        return b"\n" in bytes(data[: MAX_REQUEST_LINE + 2])

"""``nato-reader serve``: the same reader in a browser page, through textual-serve.

Each browser tab gets its own ``nato-reader read`` process on the server, on the same store; the
store's lock makes every tab after the first read-only (and says so). Loopback only by default:
any other address needs ``--allow-remote``, and then every request must carry a random token,
first in the link printed at start, then in a cookie; without it the answer is 403 before any
app process starts.

In every mode:
- a request whose ``Host`` is not this server (DNS rebinding: ``evil.example`` pointed at
  127.0.0.1) or whose ``Origin`` is another site (cross-site WebSocket hijacking: any page the
  user opens could otherwise drive the reader) gets 403;
- at most ``--max-sessions`` readers run at once; one more tab gets 503 saying so;
- the token never reaches the log (the access log shows ``token=***``), and the page opened
  with ``?token=`` is redirected to the same address without it once the cookie is set;
- a plain ``GET /ws`` (not a websocket) gets 400, not a traceback.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import logging
import re
import secrets
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # aiohttp and textual-serve come with the optional web extra
    from collections.abc import Awaitable, Callable

    from aiohttp import web
    from textual_serve.server import Server

    Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
COOKIE = "nato_reader_token"
# Each tab is a reader process (about 50 MB): 30 tabs made 1.4 GB in 1.6 s before this cap.
DEFAULT_MAX_SESSIONS = 8
_TOKEN_IN_LOG = re.compile(r"(token=)[^&\s\"']*")


def url_for(host: str, port: int) -> str:
    """``http://host:port``, an IPv6 address in brackets as URLs need."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _split_host(value: str) -> tuple[str, int | None]:
    """A ``Host`` header's name and port (``[::1]:8000`` -> ``("::1", 8000)``)."""
    parts = urlsplit(f"//{value}")
    try:
        port = parts.port
    except ValueError:
        return "", None
    return (parts.hostname or "").lower(), port


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class _RedactToken(logging.Filter):
    """Replace the token in log lines (the access log prints request lines with their query)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _TOKEN_IN_LOG.sub(r"\1***", str(record.msg))
        if record.args:
            record.args = tuple(
                _TOKEN_IN_LOG.sub(r"\1***", a) if isinstance(a, str) else a for a in record.args
            )
        return True


def is_loopback(host: str) -> bool:
    """True for the addresses that only this machine can reach."""
    return host in LOOPBACK


def reader_command(paths: list[Path], store: Path | None) -> str:
    """The shell command textual-serve runs for each browser tab."""
    words = [sys.executable, "-m", "tui", "read", *(str(p.resolve()) for p in paths)]
    if store is not None:
        words += ["--store", str(store.resolve())]
    return shlex.join(words)


class Guard:
    """Which ``Host`` and ``Origin`` headers are this server's own.

    A host is accepted when it names this machine the way a browser reaching this server would:
    an IP address (DNS rebinding needs a name), ``localhost``, the address served on, this
    machine's name, or the ``--public-url``'s host. The port must be the served one (any port
    behind a ``--public-url`` proxy). An ``Origin``, when a browser sends one, must be the
    request's own scheme and host: a page from anywhere else is refused.
    """

    def __init__(self, host: str, port: int, public_url: str | None) -> None:
        self.port = port
        names = {"localhost", host.lower(), socket.gethostname().lower()}
        with contextlib.suppress(OSError):
            names.add(socket.getfqdn().lower())
        self.proxied = public_url is not None
        if public_url:
            names.add((urlsplit(public_url).hostname or "").lower())
        self.names = frozenset(n for n in names if n)

    def host_ok(self, value: str | None) -> bool:
        """Whether a ``Host`` header names this server."""
        if not value:
            return False
        name, port = _split_host(value)
        if not name or not (_is_ip(name) or name in self.names):
            return False
        return self.proxied or port in (self.port, None if self.port == 80 else self.port)

    def origin_ok(self, origin: str | None, host: str | None) -> bool:
        """Whether an ``Origin`` header (absent for non-browser clients) is the page's own."""
        if origin is None:
            return True
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        return parts.netloc.lower() == (host or "").lower() or (self.proxied and self.host_ok(parts.netloc))


def make_server(
    command: str,
    host: str,
    port: int,
    public_url: str,
    token: str | None,
    *,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    proxied: bool = False,
) -> Server:
    """A textual-serve Server that checks Host, Origin and the token (when one is set), and caps
    concurrent sessions at ``max_sessions``."""
    from aiohttp import web
    from textual_serve.server import Server

    guard = Guard(host, port, public_url if proxied else None)

    @web.middleware
    async def check_request(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not guard.host_ok(request.headers.get("Host")):
            return web.Response(status=403, text="403 Forbidden: unknown Host (not this server).\n")
        if not guard.origin_ok(request.headers.get("Origin"), request.headers.get("Host")):
            return web.Response(status=403, text="403 Forbidden: request from another site.\n")
        if token is None:
            return await handler(request)
        supplied = request.query.get("token") or request.cookies.get(COOKIE) or ""
        if not hmac.compare_digest(supplied.encode(), token.encode()):
            return web.Response(
                status=403, text="403 Forbidden: open the link with the token nato-reader printed.\n"
            )
        if request.query.get("token") and request.path != "/ws":
            # The cookie carries the token from now on; the address bar (and history) drop it.
            query = {k: v for k, v in request.query.items() if k != "token"}
            redirect = web.HTTPSeeOther(request.rel_url.with_query(query).path_qs)
            redirect.set_cookie(COOKIE, token, httponly=True, samesite="Strict")
            return redirect
        return await handler(request)

    class GuardedServer(Server):
        sessions = 0

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(check_request)
            return app

        def initialize_logging(self) -> None:
            super().initialize_logging()
            for name in ("aiohttp.access", "aiohttp.server", "aiohttp.web", ""):
                logging.getLogger(name).addFilter(_RedactToken())
            for handler in logging.getLogger().handlers:
                handler.addFilter(_RedactToken())

        async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]  # a refusal is a plain response
            if request.headers.get("Upgrade", "").lower() != "websocket":
                return web.Response(status=400, text="400 Bad Request: /ws is the page's websocket.\n")
            if self.sessions >= max_sessions:
                return web.Response(
                    status=503,
                    text=f"503: {max_sessions} reader session(s) already open (--max-sessions); "
                    "close a tab and reload.\n",
                )
            self.sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions -= 1

    return GuardedServer(command, host=host, port=port, title="nato-reader", public_url=public_url)


def run(
    paths: list[Path],
    *,
    host: str,
    port: int,
    store: Path | None,
    allow_remote: bool,
    public_url: str | None,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
) -> int:
    """Serve until interrupted; returns an exit code (problems raise ``CliError``)."""
    from tui.cli.errors import CliError, UsageError, warn

    try:
        import textual_serve  # noqa: F401
    except ImportError:
        raise CliError(
            "serve needs the web extra: pip install '.[web]' (in the nato-reader checkout)"
        ) from None
    token = None
    if not is_loopback(host):
        if not allow_remote:
            raise UsageError(f"{host} is reachable from other machines; add --allow-remote to serve there")
        token = secrets.token_urlsafe(24)
        warn(
            f"serving on {host}: anyone with the link below can read and annotate; "
            "the store stays on this machine"
        )
    if max_sessions < 1:
        raise UsageError("--max-sessions must be at least 1")
    shown_host = socket.gethostname() if host in ("0.0.0.0", "::") else host
    url = (public_url or url_for(shown_host, port)).rstrip("/")
    server = make_server(
        reader_command(paths, store),
        host,
        port,
        url,
        token,
        max_sessions=max_sessions,
        proxied=public_url is not None,
    )
    link = f"{url}/?token={token}" if token else f"{url}/"
    print(f"nato-reader: open {link}", flush=True)
    try:
        server.serve()
    except OSError as error:
        raise CliError(f"cannot serve on {host}:{port} ({error.strerror or error})") from None
    return 0

"""``nato-reader serve``: the same reader in a browser page, through textual-serve.

Each browser tab gets its own ``nato-reader read`` process on the server, on the same store; the
store's lock makes every tab after the first read-only (and says so). Loopback only by default:
any other address needs ``--allow-remote``, and then every request must carry a random token,
first in the link printed at start, then in a cookie; without it the answer is 403 before any
app process starts.
"""

from __future__ import annotations

import hmac
import secrets
import shlex
import socket
import sys
from pathlib import Path

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
COOKIE = "nato_reader_token"


def is_loopback(host: str) -> bool:
    """True for the addresses that only this machine can reach."""
    return host in LOOPBACK


def reader_command(paths: list[Path], store: Path | None) -> str:
    """The shell command textual-serve runs for each browser tab."""
    words = [sys.executable, "-m", "tui", "read", *(str(p.resolve()) for p in paths)]
    if store is not None:
        words += ["--store", str(store.resolve())]
    return shlex.join(words)


def make_server(command: str, host: str, port: int, public_url: str, token: str | None):
    """A textual-serve Server that refuses requests without ``token`` (when one is set)."""
    from aiohttp import web
    from textual_serve.server import Server

    @web.middleware
    async def require_token(request: web.Request, handler):
        if token is None:
            return await handler(request)
        supplied = request.query.get("token") or request.cookies.get(COOKIE) or ""
        if not hmac.compare_digest(supplied.encode(), token.encode()):
            return web.Response(
                status=403, text="403 Forbidden: open the link with the token nato-reader printed.\n"
            )
        response = await handler(request)
        if request.query.get("token") and isinstance(response, web.Response):
            # The page's websocket and assets then carry the token as a cookie.
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict")
        return response

    class TokenServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(require_token)
            return app

    return TokenServer(command, host=host, port=port, title="nato-reader", public_url=public_url)


def run(
    paths: list[Path],
    *,
    host: str,
    port: int,
    store: Path | None,
    allow_remote: bool,
    public_url: str | None,
    fail,
    warn,
) -> int:
    """Serve until interrupted; returns an exit code."""
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return fail("serve needs the web extra: pip install '.[web]' (in the nato-reader checkout)")
    token = None
    if not is_loopback(host):
        if not allow_remote:
            return fail(f"{host} is reachable from other machines; add --allow-remote to serve there")
        token = secrets.token_urlsafe(24)
        warn(
            f"serving on {host}: anyone with the link below can read and annotate; "
            "the store stays on this machine"
        )
    shown_host = socket.gethostname() if host in ("0.0.0.0", "::") else host
    url = public_url or f"http://{shown_host}:{port}"
    server = make_server(reader_command(paths, store), host, port, url, token)
    link = f"{url}/?token={token}" if token else f"{url}/"
    print(f"nato-reader: open {link}", flush=True)
    try:
        server.serve()
    except OSError as error:
        return fail(f"cannot serve on {host}:{port} ({error.strerror or error})")
    return 0

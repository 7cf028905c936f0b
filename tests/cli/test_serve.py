"""``nato-reader serve`` on loopback: the page, the websocket app, the token in remote mode."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

WAIT = 30.0  # seconds: every wait in this module is bounded by this


def free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class Served:
    """A ``nato-reader serve`` process; stopped in ``close`` whatever happened."""

    def __init__(
        self, tmp_path: Path, host: str = "127.0.0.1", remote: bool = False, extra: list[str] | None = None
    ) -> None:
        self.host = host
        self.port = free_port(host)
        args = [sys.executable, "-m", "tui", "serve", "--host", host, "--port", str(self.port)]
        if remote:
            args.append("--allow-remote")
        args += extra or []
        env = dict(os.environ, NATO_READER_STORE=str(tmp_path / "store.json"), TEXTUAL_ANIMATIONS="none")
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path
        )
        line = self.process.stdout.readline()  # printed before the server starts listening
        assert line.startswith("nato-reader: open "), line + self.process.stderr.read()
        self.link = line.split("open ", 1)[1].strip()
        self.base = f"http://{host}:{self.port}"

    async def ready(self) -> None:
        """Wait (bounded) until the server accepts connections."""
        deadline = asyncio.get_running_loop().time() + WAIT
        while True:
            try:
                _, writer = await asyncio.open_connection(self.host, self.port)
                writer.close()
                return
            except OSError:
                if asyncio.get_running_loop().time() > deadline:
                    raise
                await asyncio.sleep(0.05)

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


async def read_screen_until(ws, text: str) -> str:
    """Collect the app's terminal output from the websocket until ``text`` appears."""
    seen = ""
    async with asyncio.timeout(WAIT):
        while text not in seen:
            message = await ws.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data.decode("utf-8", errors="ignore")
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                raise AssertionError(f"websocket closed before {text!r} appeared")
    return seen


async def test_loopback_page_and_app_over_websocket(tmp_path):
    served = Served(tmp_path)
    try:
        await served.ready()
        async with aiohttp.ClientSession() as session:
            async with session.get(served.base + "/") as page:
                assert page.status == 200
                assert "nato-reader" in await page.text()
            async with session.ws_connect(served.base + "/ws?width=140&height=40") as ws:
                await read_screen_until(ws, "shared claims")
                await ws.send_str(json.dumps(["stdin", "j"]))
                await read_screen_until(ws, "row 12/")  # the cursor moved down a row
                await ws.send_str(json.dumps(["stdin", "q"]))
                async with asyncio.timeout(WAIT):
                    while not ws.closed:
                        message = await ws.receive()
                        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                            break
    finally:
        served.close()


async def test_a_second_tab_on_the_same_store_is_told_it_is_read_only(tmp_path):
    served = Served(tmp_path)
    try:
        await served.ready()
        async with aiohttp.ClientSession() as session:
            url = served.base + "/ws?width=140&height=40"
            async with session.ws_connect(url) as first:
                await read_screen_until(first, "shared claims")  # this tab holds the store's lock
                async with session.ws_connect(url) as second:
                    await read_screen_until(second, "read-only")
                    await second.send_str(json.dumps(["stdin", "q"]))
                await first.send_str(json.dumps(["stdin", "q"]))
    finally:
        served.close()


async def test_remote_mode_needs_the_token(tmp_path):
    served = Served(tmp_path, host="127.0.0.2", remote=True)
    try:
        await served.ready()
        token = served.link.split("token=", 1)[1]
        assert len(token) >= 20
        async with aiohttp.ClientSession() as session:
            async with session.get(served.base + "/") as page:
                assert page.status == 403
            async with session.get(served.base + "/?token=wrong") as page:
                assert page.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(served.base + "/ws")
            assert refused.value.status == 403
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.get(served.link) as page:
                assert page.status == 200
            # The page's websocket carries the token as the cookie the page set.
            async with session.ws_connect(served.base + "/ws?width=140&height=40") as ws:
                await read_screen_until(ws, "shared claims")
                await ws.send_str(json.dumps(["stdin", "q"]))
    finally:
        served.close()


def test_serving_on_another_address_needs_allow_remote():
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--host", "0.0.0.0", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert result.returncode != 0
    assert "--allow-remote" in result.stderr
    assert "Traceback" not in result.stderr


async def _browser_screenshot(url: str, profile: Path) -> bytes:
    """Load ``url`` in headless Chromium (driven over the DevTools protocol) until the reader is
    on the page and still, then return a PNG screenshot."""
    import base64

    browser = await asyncio.create_subprocess_exec(
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1400,900",
        "--remote-debugging-port=0",
        "about:blank",
        stderr=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.DEVNULL,
    )
    try:
        async with asyncio.timeout(WAIT):
            while True:
                line = (await browser.stderr.readline()).decode()
                assert line, "chromium exited before it listened"
                if "DevTools listening on" in line:
                    endpoint = line.split(" on ", 1)[1].strip()
                    break
        port = endpoint.split(":")[2].split("/")[0]
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/json/list") as listing:
                page = next(t for t in await listing.json() if t["type"] == "page")
            async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as cdp:
                counter = 0

                async def call(method: str, **params):
                    nonlocal counter
                    counter += 1
                    await cdp.send_json({"id": counter, "method": method, "params": params})
                    while True:
                        reply = await cdp.receive_json()
                        if reply.get("id") == counter:
                            return reply.get("result", {})

                await call("Page.enable")
                await call("Page.navigate", url=url)
                check = "document.body.classList.contains('-first-byte')"
                shots: list[bytes] = []
                async with asyncio.timeout(WAIT):
                    # The terminal draws on a canvas, so the page has no text to wait for: wait
                    # until the app's first bytes arrived, then until two pictures agree.
                    while not (await call("Runtime.evaluate", expression=check))["result"].get("value"):
                        await asyncio.sleep(0.25)
                    while len(shots) < 2 or shots[-1] != shots[-2]:
                        await asyncio.sleep(0.5)
                        shot = await call("Page.captureScreenshot", format="png")
                        shots.append(base64.b64decode(shot["data"]))
                return shots[-1]
    finally:
        browser.kill()
        await browser.wait()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed here")
async def test_a_real_browser_shows_the_panes(tmp_path):
    served = Served(tmp_path)
    try:
        await served.ready()
        png = await _browser_screenshot(served.base + "/", tmp_path / "profile")
        assert png.startswith(b"\x89PNG")
        # The intro card alone compresses to ~15 kB; the reader's panes full of text are far more.
        assert len(png) > 60_000
        saved = os.environ.get("NATO_READER_BROWSER_SHOT")
        if saved:
            Path(saved).write_bytes(png)
    finally:
        served.close()

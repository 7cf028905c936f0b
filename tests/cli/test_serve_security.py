"""Issue 12: ``nato-reader serve`` refuses foreign origins and hosts, caps sessions, hides the
token. Real clients on loopback against a real server process.

Each test here failed on the code before its fix.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from test_serve import WAIT, Served, read_screen_until

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")


async def test_a_websocket_from_a_foreign_origin_is_refused(tmp_path):
    served = Served(tmp_path)
    try:
        await served.ready()
        async with aiohttp.ClientSession() as session:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(served.base + "/ws", headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403
            # The page's own origin still works.
            async with session.ws_connect(
                served.base + "/ws?width=140&height=40", headers={"Origin": served.base}
            ) as ws:
                await read_screen_until(ws, "shared claims")
                await ws.send_str(json.dumps(["stdin", "q"]))
    finally:
        served.close()


async def test_a_foreign_host_header_is_refused_dns_rebinding(tmp_path):
    served = Served(tmp_path)
    try:
        await served.ready()
        async with aiohttp.ClientSession() as session:
            async with session.get(
                served.base + "/", headers={"Host": f"evil.example:{served.port}"}
            ) as page:
                assert page.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(served.base + "/ws", headers={"Host": "evil.example"})
            assert refused.value.status == 403
            async with session.get(served.base + "/", headers={"Host": f"localhost:{served.port}"}) as page:
                assert page.status == 200
    finally:
        served.close()


async def test_remote_mode_refuses_a_foreign_origin_even_with_the_cookie(tmp_path):
    served = Served(tmp_path, host="127.0.0.2", remote=True)
    try:
        await served.ready()
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.get(served.link) as page:
                assert page.status == 200
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(served.base + "/ws", headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403
    finally:
        served.close()


async def test_sessions_are_capped_with_a_clear_refusal(tmp_path):
    served = Served(tmp_path, extra=["--max-sessions", "1"])
    try:
        await served.ready()
        async with aiohttp.ClientSession() as session:
            url = served.base + "/ws?width=140&height=40"
            async with session.ws_connect(url) as first:
                await read_screen_until(first, "shared claims")
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await session.ws_connect(url)
                assert refused.value.status == 503
                await first.send_str(json.dumps(["stdin", "q"]))
                async with asyncio.timeout(WAIT):
                    while not first.closed:
                        message = await first.receive()
                        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                            break
            # The slot is free again once the first tab is gone.
            async with asyncio.timeout(WAIT):
                while True:
                    try:
                        second = await session.ws_connect(url)
                        break
                    except aiohttp.WSServerHandshakeError:
                        await asyncio.sleep(0.1)
            async with second:
                await read_screen_until(second, "shared claims")
                await second.send_str(json.dumps(["stdin", "q"]))
    finally:
        served.close()


async def test_the_token_leaves_the_address_bar_and_never_the_log(tmp_path):
    served = Served(tmp_path, host="127.0.0.2", remote=True)
    token = served.link.split("token=", 1)[1]
    try:
        await served.ready()
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.get(served.link, allow_redirects=False) as first:
                assert first.status in (302, 303)
                assert "token" not in first.headers["Location"]
            async with session.get(served.base + first.headers["Location"]) as page:
                assert page.status == 200  # the cookie the redirect set
    finally:
        served.close()
    output = served.process.stdout.read() + served.process.stderr.read()
    assert "GET /" in output  # the access log is on
    assert token not in output


async def test_a_plain_get_of_the_websocket_path_gives_no_traceback(tmp_path):
    served = Served(tmp_path)
    try:
        await served.ready()
        async with aiohttp.ClientSession() as session, session.get(served.base + "/ws") as page:
            assert page.status == 400
    finally:
        served.close()
    output = served.process.stdout.read() + served.process.stderr.read()
    assert "Traceback" not in output


def test_ipv6_hosts_are_bracketed_in_printed_urls():
    from tui.cli.serve import url_for

    assert url_for("::1", 8000) == "http://[::1]:8000"
    assert url_for("127.0.0.1", 8000) == "http://127.0.0.1:8000"

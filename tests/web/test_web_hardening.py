"""The server under attack and under load: Host names, body limits, 500s, HEAD, bidi text, concurrency."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from pactscope.web import create_app
from pactscope.web.guards import MAX_BODY_BYTES, host_name


def _raw(base: str, request: bytes, timeout: float = 10) -> bytes:
    """Send raw bytes to the live server and read the answer until it closes or stalls."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
    return b"".join(chunks)


# -- 1. concurrency ------------------------------------------------------------------------------------

TEXTS = [
    "On {d} September 2022 Azerbaijani forces shelled towns inside Armenia; Yerevan asked the CSTO for help.",
    "В январе 2022 года Казахстан обратился к ОДКБ, и миротворцы прибыли в Алматы ({d}).",
    "طلبت أرمينيا من منظمة معاهدة الأمن الجماعي المساعدة في سبتمبر 2022 ({d}).",
    "Kyrgyzstan and Tajikistan clashed on the border in April 2021; the CSTO did not intervene ({d}).",
]


@pytest.fixture
def cold_server(tmp_path):
    """A new server process whose reader has built nothing yet (its gazetteer and stemmers are cold)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "pactscope.web.app:create_app", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/static/css/site.css", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("the server did not start")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize("server", ["cold_server", "live_server"])
def test_32_concurrent_distinct_reader_texts_all_succeed(request, server):
    live_server = request.getfixturevalue(server)
    texts = [TEXTS[i % len(TEXTS)].format(d=i + 1) for i in range(32)]

    def read(text: str) -> tuple[int, str]:
        r = httpx.post(f"{live_server}/api/read", json={"text": text}, timeout=120)
        return r.status_code, r.json().get("text", "") if r.status_code == 200 else r.text

    with ThreadPoolExecutor(32) as pool:
        results = list(pool.map(read, texts))
    assert [status for status, _ in results] == [200] * 32
    assert [text for _, text in results] == texts  # each answer belongs to its own request


def test_a_cached_page_answers_while_an_assessment_is_built(live_server):
    httpx.get(f"{live_server}/api/alliances", timeout=60).raise_for_status()  # now cached
    done = threading.Event()

    def assess() -> int:
        try:
            return httpx.get(f"{live_server}/api/assess", params={"alliance": "CSTO", "members": "ARM,BLR"},
                             timeout=300).status_code
        finally:
            done.set()

    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(assess)
        time.sleep(0.3)
        waits = []
        while not done.is_set() and len(waits) < 20:
            t0 = time.perf_counter()
            httpx.get(f"{live_server}/api/alliances", timeout=30).raise_for_status()
            waits.append(time.perf_counter() - t0)
        assert future.result() == 200
    assert waits, "the assessment finished before a cached request was made"
    # Seconds-long stalls were the failure (the build held the event loop); the load benchmark
    # measures the real latency (p95 of a few milliseconds).
    assert max(waits) < 2.0, waits


# -- 2. bounded parameters -----------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/api/assess?alliance=CSTO&members=" + "x" * 50_000,
    "/api/assess?alliance=CSTO&members=" + ",".join(["KAZ"] * 61),
    "/api/assess?alliance=CSTO" + "&members=KAZ" * 31,
    "/api/dyad?a=" + "x" * 101 + "&b=RUS",
    "/api/states/" + "x" * 101,
    "/api/alliances/CSTO/cases?member=" + "x" * 101,
    "/alliances/CSTO/assess?members=" + "x" * 50_000,
])
def test_over_long_parameters_are_refused_at_once(client, url):
    t0 = time.perf_counter()
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert time.perf_counter() - t0 < 2.0  # no fuzzy look-up of a 50 kB "name"


# -- 3. body limit -------------------------------------------------------------------------------------

def test_a_declared_oversize_body_gets_413_before_it_is_sent(live_server):
    head = (b"POST /api/read HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 300000000\r\n\r\n")
    answer = _raw(live_server, head)  # no body follows: the answer cannot wait for it
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"connection: close" in answer.lower()
    assert f"{MAX_BODY_BYTES:,}".encode() in answer


def test_a_streamed_oversize_body_gets_413(client):
    def chunks():
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"t" * 65536

    r = client.post("/reader", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and "larger than the limit" in r.text


def test_a_body_under_the_limit_is_read(client):
    r = client.post("/api/read", json={"text": "Armenia asked the CSTO for help."})
    assert r.status_code == 200 and "ARM" in r.json()["states"]


# -- 4. former 500s ------------------------------------------------------------------------------------

def test_reliability_csv_joins_the_case_ids(client):
    r = client.get("/api/alliances/CSTO/reliability.csv")
    assert r.status_code == 200
    header, *rows = r.text.splitlines()
    assert header.split(",")[-1] == "case_ids"
    by_trigger = {row.split(",")[2]: row.split(",")[-1].split(";") for row in rows}
    # January 2022: Kazakhstan's request and the CSTO deployment, the one case with a triggered obligation
    assert by_trigger["yes"] == ["kaz-2022-01-unrest"]
    assert "arm-aze-2022-09" in by_trigger["disputed"]


@pytest.mark.parametrize("member", [",", " ", ", ,"])
def test_a_blank_member_filter_means_no_filter(client, member):
    r = client.get("/api/alliances/CSTO/cases", params={"member": member})
    assert r.status_code == 200
    assert r.json() == client.get("/api/alliances/CSTO/cases").json()


def test_two_states_in_the_member_filter_are_refused(client):
    r = client.get("/api/alliances/CSTO/cases", params={"member": "ARM,KAZ"})
    assert r.status_code == 422 and r.json()["suggestions"] == ["ARM", "KAZ"]


# -- 5. internal errors --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def failing_client():
    app = create_app()

    def boom() -> None:
        raise RuntimeError("secret detail /home/user/file.py")

    app.add_api_route("/api/boom", boom)
    app.add_api_route("/boom", boom)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path", ["/api/boom", "/boom"])
def test_a_500_closes_the_connection_and_carries_the_security_headers(failing_client, path):
    r = failing_client.get(path)
    assert r.status_code == 500
    assert r.headers["connection"] == "close"
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "secret detail" not in r.text and "Traceback" not in r.text
    assert ("json" in r.headers["content-type"]) == path.startswith("/api")


# -- 6. Host names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:8000", 200), ("localhost", 200), ("LOCALHOST:80", 200), ("[::1]:8000", 200),
    ("evil.example", 400), ("127.0.0.1.evil.example", 400), ("localhost:80x", 400), ("", 400),
])
def test_only_loopback_host_names_are_served(client, host, status):
    r = client.get("/api/alliances", headers={"Host": host})
    assert r.status_code == status, r.text
    if status == 400:
        assert "content-security-policy" in r.headers and "error" in r.json()


def test_more_host_names_can_be_allowed(monkeypatch):
    monkeypatch.setenv("PACTSCOPE_ALLOWED_HOSTS", "pactscope.lan, other.lan")
    with TestClient(create_app(), base_url="http://pactscope.lan") as c:
        assert c.get("/api/alliances").status_code == 200
        assert c.get("/api/alliances", headers={"Host": "other.lan:8080"}).status_code == 200
        assert c.get("/api/alliances", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("header, name", [
    ("127.0.0.1:8000", "127.0.0.1"), ("[::1]:80", "::1"), ("[::1]", "::1"), ("Example.ORG", "example.org"),
    ("a:b", None), ("[::1]x", None), (None, None),
])
def test_host_name_parsing(header, name):
    assert host_name(header) == name


# -- 7. smaller --------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/api/alliances", "/alliances/CSTO", "/static/css/site.css"])
def test_head_answers_like_get_without_a_body(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == got.headers["content-length"]


def test_the_form_media_type_is_case_insensitive(client):
    r = client.post("/reader", content="text=Armenia+and+the+CSTO",
                    headers={"Content-Type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8"})
    assert r.status_code == 200 and 'data-target="ARM"' in r.text


@pytest.mark.parametrize("alias", ["odkb", "ОДКБ", "csto"])
def test_alliance_aliases_redirect_to_the_canonical_page(client, alias):
    r = client.get(f"/alliances/{alias}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/alliances/CSTO"


def test_bidi_overrides_are_dropped_and_marks_isolated(client):
    text = ("On 13 September 2022 Azerbaijani forces shelled towns inside Armenia. The same day Yerevan "
            "\u202easked the CSTO for help\u202c under Article 4; \u0623\u0631\u0645\u064a\u0646\u064a\u0627.")
    r = client.post("/reader", data={"text": text})
    assert r.status_code == 200
    output = r.text.split('class="reader-output"', 1)[1]
    assert "\u202e" not in output and "\u202c" not in output
    assert '"><bdi>Armenia</bdi></mark>' in output
    assert "<small><bdi>" in output  # each reason of a linked record is isolated

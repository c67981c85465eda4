"""The review page: escaping, and an end-to-end run in real headless Chromium (open, decide, save via
--serve and via download, export honours the decisions)."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.export import load_inputs
from qatool.review import diff_segments, make_server, serve_in_thread
from qatool.review.decisions import Decisions

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "export" / "basic"  # export/ also holds the export's markup fixtures
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def run_cli(*args: str):
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture()
def out(tmp_path) -> Path:
    out = tmp_path / "out"
    code, _, err = run_cli("run", str(FIXTURE), "-o", str(out), "--no-progress", "--jobs", "1")
    assert code == 0, err
    return out


def test_diff_segments_mark_only_the_differences():
    left, right = diff_segments("学习率过大时会震荡", "学习率过小时会很慢")
    assert "".join(t for t, _ in left) == "学习率过大时会震荡"
    assert [t for t, c in left if c] == ["大", "震荡"] and [t for t, c in right if c] == ["小", "很慢"]
    # a single matching character between two changes is shown as part of one change
    left, right = diff_segments("学习率过大会震荡", "学习率过小会很慢")
    assert [t for t, c in left if c] == ["大会震荡"] and [t for t, c in right if c] == ["小会很慢"]


def test_corpus_text_cannot_break_out_of_the_data_block(out):
    page = (out / "review.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "\\u003cscript\\u003ealert" in page  # the text is there, escaped inside JSON
    assert page.count("<script") == 2  # the data block and the page's own script
    assert "Content-Security-Policy" in page and "http://" not in page.replace("http://www.w3.org", "")


def test_review_command_reports_missing_inputs(tmp_path):
    code, _, err = run_cli("review", "-o", str(tmp_path))
    assert code == 2 and "records.parquet: not found" in err


def test_serve_rejects_invalid_decisions(out):
    import urllib.error
    import urllib.request

    server = make_server(out, port=0)
    serve_in_thread(server)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/decisions"
        req = urllib.request.Request(url, data=b'{"qatool_decisions": 2, "decisions": []}', method="POST",
                                     headers={"Content-Type": "application/json", "X-Qatool-Token": server.token})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req)
        assert err.value.code == 400
        assert not (out / "decisions.json").exists()
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------------------------------ browser

def _driver(download_dir: Path | None = None):
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("QATOOL_REQUIRE_BROWSER"):
            pytest.fail("chromium and chromedriver are required (QATOOL_REQUIRE_BROWSER is set): apt-get install chromium chromium-driver")
        pytest.skip("chromium/chromedriver not installed (make test installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        opts.add_argument(arg)
    if download_dir is not None:
        opts.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                               "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def _wait(cond, timeout: float = 20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = cond()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the page")


def _cards(driver):
    from selenium.webdriver.common.by import By

    cluster = driver.find_element(By.CSS_SELECTOR, "section.group[data-group=cluster]")
    conflict = driver.find_element(By.CSS_SELECTOR, "section.group[data-group=conflict]")
    return cluster, conflict


def _reload(driver, url: str) -> None:
    """Open `url` again and wait until the new page has restored its decisions. The page before is marked first, so the
    wait cannot take it for the new one: with unsaved decisions the page asks before it is left (Chrome may show that
    question, which is answered here), and the reload starts only then."""
    from selenium.webdriver.common.by import By

    driver.execute_script("document.body.setAttribute('data-before-reload', '1')")
    driver.get(url)

    def reloaded():
        try:
            driver.switch_to.alert.accept()
        except Exception:  # noqa: BLE001 - no question was asked
            pass
        return driver.find_elements(By.CSS_SELECTOR, "body[data-restored]:not([data-before-reload])")

    _wait(reloaded)


def test_browser_decide_save_export(out):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    inp = load_inputs(out)
    cluster = inp.clusters[0]
    other = next(m for m in cluster["members"] if m != cluster["canonical"])
    a, b = inp.conflicts[0]

    server = make_server(out, port=0)
    serve_in_thread(server)
    driver = _driver()
    try:
        driver.get(server.url)
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "section.group"))
        # hostile HTML from the corpus is shown as text and does nothing
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text
        assert driver.title.startswith("qatool review")
        assert not driver.find_elements(By.CSS_SELECTOR, "main script, main img")
        body = driver.find_element(By.TAG_NAME, "main").text
        assert '<script>alert("xss")</script>' in body and "<img src=x onerror=" in body
        # side by side, the differing span highlighted
        card, conflict_card = _cards(driver)
        assert [e.text for e in card.find_elements(By.CSS_SELECTOR, ".side.right .chg")] == [""] or \
            card.find_elements(By.CSS_SELECTOR, ".side.left .chg")
        assert len(card.find_elements(By.CSS_SELECTOR, ".side")) == 2
        assert f"{cluster['canonical']}" in card.text and other in card.text
        # decide: keep the non-canonical member; drop both sides of the conflict
        card.find_element(By.CSS_SELECTOR, f"input[data-member-id='{other}']").click()
        conflict_card.find_element(By.CSS_SELECTOR, "input[value='drop-all']").click()
        assert "2 of 2 decided" in driver.find_element(By.ID, "progress").text
        driver.find_element(By.ID, "save").click()
        _wait(lambda: "ok" in driver.find_element(By.ID, "status").get_attribute("class"))
        assert "saved 2 decisions" in driver.find_element(By.ID, "status").text
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()

    saved = Decisions.load(out / "decisions.json")
    assert sorted(d["action"] for d in saved.items.values()) == ["drop-all", "keep-member"]
    code, stdout, err = run_cli("export", "-o", str(out), "--decisions", str(out / "decisions.json"))
    assert code == 0, err
    assert "2 review decisions applied, 0 stale" in stdout
    q = {json.loads(line)["id"]: json.loads(line)["reasons"] for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()}
    assert q[cluster["canonical"]] == [f"duplicate_of:{other}"] and other not in q
    assert q[a] == ["review:drop-all"] and q[b] == ["review:drop-all"]

    # the page, written again, shows the saved decisions
    assert run_cli("review", "-o", str(out))[0] == 0
    driver = _driver()
    try:
        driver.get((out / "review.html").as_uri())
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "section.group"))
        card, conflict_card = _cards(driver)
        assert card.find_element(By.CSS_SELECTOR, f"input[data-member-id='{other}']").is_selected()
        assert conflict_card.find_element(By.CSS_SELECTOR, "input[value='drop-all']").is_selected()
    finally:
        driver.quit()


def test_browser_download_without_server(out, tmp_path):
    from selenium.webdriver.common.by import By

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = _driver(downloads)
    try:
        driver.get((out / "review.html").as_uri())
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "section.group"))
        card, _ = _cards(driver)
        card.find_element(By.CSS_SELECTOR, "input[value='keep-all']").click()
        driver.find_element(By.ID, "save").click()  # no server: Save downloads
        path = _wait(lambda: next((p for p in downloads.glob("decisions*.json")), None))
        _wait(lambda: path.stat().st_size > 0)
    finally:
        driver.quit()
    saved = Decisions.load(path)
    assert [d["action"] for d in saved.items.values()] == ["keep-all"]
    code, stdout, err = run_cli("export", "-o", str(out), "--decisions", str(path))
    assert code == 0, err
    q = [json.loads(line) for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not [x for x in q if x["reasons"][0].startswith("duplicate_of:")]  # keep all: not duplicates


# ------------------------------------------------------------------------------ server security (issue 19)

def _request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    """(status, JSON body) of one request to the review server, without urllib's own header choices."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        data = res.read()
        return res.status, (json.loads(data) if data.startswith(b"{") else data)
    finally:
        conn.close()


def _decision(out, action: str = "keep-all", group: str = "cluster") -> dict:
    inp = load_inputs(out)
    chash = {r["id"]: r["content_hash"] for r in inp.records}
    members = inp.clusters[0]["members"] if group == "cluster" else list(inp.conflicts[0])
    return {"group": group, "members": sorted(chash[m] for m in members), "action": action}


@pytest.fixture()
def served(out):
    server = make_server(out, port=0)
    serve_in_thread(server)
    yield server
    server.shutdown()
    server.server_close()


def test_every_request_needs_the_session_token(out, served):
    body = json.dumps({"qatool_decisions": 1, "decisions": [_decision(out)]}).encode()
    host = f"127.0.0.1:{served.server_address[1]}"
    good = {"Host": host, "Content-Type": "application/json", "X-Qatool-Token": served.token}
    assert _request(served, "GET", "/")[0] == 403  # the page itself: only with the token in its URL
    assert _request(served, "GET", "/?token=" + served.token)[0] == 200
    assert served.url.endswith("/?token=" + served.token) and served.url.startswith("http://127.0.0.1:")
    for headers, code in (
        ({k: v for k, v in good.items() if k != "X-Qatool-Token"}, 403),  # no token
        ({**good, "X-Qatool-Token": "x" * 32}, 403),  # a wrong one
        ({**good, "Origin": "http://evil.example"}, 403),  # another origin, even with the token
        ({**good, "Origin": "null"}, 403),  # a sandboxed frame or a file:// page
        ({**good, "Host": "evil.example:80"}, 403),  # DNS rebinding: the attacker's host name
        ({**good, "Content-Type": "text/plain"}, 415),  # what a cross-origin form can send
        ({**good, "Content-Type": "application/x-www-form-urlencoded"}, 415),
    ):
        status, reply = _request(served, "POST", "/decisions", body, headers)
        assert status == code, (headers, reply)
        assert reply["ok"] is False and reply["error"]
    assert not (out / "decisions.json").exists()
    status, reply = _request(served, "POST", "/decisions", body, {**good, "Origin": f"http://{host}"})
    assert status == 200 and reply["ok"] and reply["decisions"] == 1
    assert Decisions.load(out / "decisions.json").items


def test_saves_merge_instead_of_replacing(out, served):
    a, b = _decision(out, "keep-all"), _decision(out, "drop-all", "conflict")
    headers = {"Content-Type": "application/json", "X-Qatool-Token": served.token}

    def post(decisions, undecided=None):
        payload = {"qatool_decisions": 1, "decisions": decisions}
        if undecided is not None:
            payload["undecided"] = undecided
        status, reply = _request(served, "POST", "/decisions", json.dumps(payload).encode(), headers)
        assert status == 200, reply
        return sorted(d["action"] for d in json.loads((out / "decisions.json").read_text(encoding="utf-8"))["decisions"])

    assert post([a]) == ["keep-all"]
    assert post([b]) == ["drop-all", "keep-all"]  # a page reloaded from an older review.html keeps the first
    assert post([{**a, "action": "keep-canonical"}]) == ["drop-all", "keep-canonical"]  # the same group: replaced
    assert post([], undecided=[{"group": "conflict", "members": b["members"]}]) == ["keep-canonical"]  # made undecided
    status, saved = _request(served, "GET", "/decisions?token=" + served.token)
    assert status == 200 and [d["action"] for d in saved["decisions"]] == ["keep-canonical"]


def test_a_stalled_upload_does_not_hold_the_server(out, monkeypatch):
    import socket

    import qatool.review.server as srv

    monkeypatch.setattr(srv, "REQUEST_TIMEOUT", 1.0)
    server = make_server(out, port=0)
    serve_in_thread(server)
    try:
        port = server.server_address[1]
        stalled = socket.create_connection(("127.0.0.1", port), timeout=10)
        stalled.sendall(b"POST /decisions HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                        b"X-Qatool-Token: %s\r\nContent-Length: 1000\r\n\r\n{\"qatool" % (port, server.token.encode()))
        t0 = time.monotonic()
        reply = stalled.recv(4096)  # the server gives up on the body after its time limit
        assert time.monotonic() - t0 < 8
        assert reply.startswith(b"HTTP/1.0 408") or reply == b""
        stalled.close()
        assert _request(server, "GET", "/?token=" + server.token)[0] == 200
    finally:
        server.shutdown()
        server.server_close()


def test_review_serve_warns_when_bound_beyond_this_machine(out, monkeypatch):
    import qatool.cli as cli

    class Fake:
        url = "http://0.0.0.0:1/?token=t"

        def serve_forever(self):
            raise KeyboardInterrupt

        def server_close(self):
            pass

    seen = {}
    monkeypatch.setattr(cli, "make_server", lambda out_dir, host, port, target: seen.setdefault("host", host) and Fake())
    code, stdout, err = run_cli("review", "-o", str(out), "--serve", "--host", "0.0.0.0")
    assert code == 0 and seen["host"] == "0.0.0.0" and "warning: --host 0.0.0.0 serves the review page beyond this machine" in err
    seen.clear()
    code, stdout, err = run_cli("review", "-o", str(out), "--serve")
    assert code == 0 and seen["host"] == "127.0.0.1" and "warning" not in err and "token=t" in stdout


def test_page_csp_allows_only_its_own_script_by_hash(out):
    import base64
    import hashlib
    import re

    page = (out / "review.html").read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src")).split()[1:]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    bodies = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(bodies) == 1
    digest = base64.b64encode(hashlib.sha256(bodies[0].encode("utf-8")).digest()).decode()
    assert script_src == [f"'sha256-{digest}'"]


def test_browser_cross_origin_post_is_rejected_and_decisions_survive_reloads(out, tmp_path):
    """An attacker's page in the same browser cannot write decisions; the reviewer's decisions
    survive save, reload, a second save, and an unsaved reload."""
    import http.server
    import threading

    from selenium.webdriver.common.by import By

    server = make_server(out, port=0)
    serve_in_thread(server)
    target = f"http://127.0.0.1:{server.server_address[1]}/decisions"
    body = json.dumps({"qatool_decisions": 1, "decisions": [_decision(out, "drop-all")]})
    evil = tmp_path / "evil"
    evil.mkdir()
    (evil / "index.html").write_text(f"""<!DOCTYPE html><html><body>
<form id="f" method="POST" action="{target}" enctype="text/plain"><input name='{body[:-1]}' value='}}'></form>
<script>
fetch("{target}", {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}}, body: {json.dumps(body)}}})
  .finally(() => {{ document.title = "fetched"; document.getElementById("f").submit(); }});
</script></body></html>""", encoding="utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(evil), **k)  # noqa: E731
    attacker = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    driver = _driver()
    try:
        driver.get(f"http://localhost:{attacker.server_address[1]}/index.html")
        _wait(lambda: server.refused >= 2)  # the fetch and the form post both arrived, and were refused
        assert not (out / "decisions.json").exists() and server.saved == 0

        driver.get(server.url)
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "body[data-restored]"))
        card, conflict_card = _cards(driver)
        card.find_element(By.CSS_SELECTOR, "input[value='keep-all']").click()
        assert driver.find_element(By.ID, "unsaved").text == "1 unsaved"
        assert driver.execute_script(
            "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")
        driver.find_element(By.ID, "save").click()
        _wait(lambda: "ok" in driver.find_element(By.ID, "status").get_attribute("class"))
        assert driver.find_element(By.ID, "unsaved").text == ""
        assert not driver.execute_script(
            "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")

        _reload(driver, server.url)  # review.html was written before the save, the server knows better
        card, conflict_card = _cards(driver)
        assert card.find_element(By.CSS_SELECTOR, "input[value='keep-all']").is_selected()
        conflict_card.find_element(By.CSS_SELECTOR, "input[value='drop-all']").click()
        driver.find_element(By.ID, "save").click()
        _wait(lambda: "ok" in driver.find_element(By.ID, "status").get_attribute("class"))
        saved = json.loads((out / "decisions.json").read_text(encoding="utf-8"))["decisions"]
        assert sorted((d["group"], d["action"]) for d in saved) == [("cluster", "keep-all"), ("conflict", "drop-all")]

        # decided but not saved: the browser keeps it through a reload
        card, conflict_card = _cards(driver)
        conflict_card.find_element(By.CSS_SELECTOR, "input[value='keep-all']").click()
        _reload(driver, server.url)
        card, conflict_card = _cards(driver)
        assert conflict_card.find_element(By.CSS_SELECTOR, "input[value='keep-all']").is_selected()
        assert "restored" in driver.find_element(By.ID, "status").text
        driver.find_element(By.ID, "save").click()
        _wait(lambda: "ok" in driver.find_element(By.ID, "status").get_attribute("class"))
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
        attacker.shutdown()
        attacker.server_close()
    saved = json.loads((out / "decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert sorted((d["group"], d["action"]) for d in saved) == [("cluster", "keep-all"), ("conflict", "keep-all")]
    assert server.refused >= 2


def test_browser_file_page_keeps_undownloaded_decisions(out):
    from selenium.webdriver.common.by import By

    driver = _driver()
    try:
        driver.get((out / "review.html").as_uri())
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "body[data-restored]"))
        card, _ = _cards(driver)
        card.find_element(By.CSS_SELECTOR, "input[value='drop-all']").click()
        assert driver.execute_script(
            "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")
        _reload(driver, (out / "review.html").as_uri())  # closed and opened again, nothing downloaded
        card, _ = _cards(driver)
        assert card.find_element(By.CSS_SELECTOR, "input[value='drop-all']").is_selected()
        assert driver.execute_script("return window.qatoolReview.collect().decisions.map(d => d.action)") == ["drop-all"]
    finally:
        driver.quit()

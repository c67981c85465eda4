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
from qatool.review.decisions import Decisions
from qatool.export import load_inputs
from qatool.review import diff_segments, make_server, serve_in_thread

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
        req = urllib.request.Request(url, data=b'{"qatool_decisions": 2, "decisions": []}', method="POST")
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
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/")
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

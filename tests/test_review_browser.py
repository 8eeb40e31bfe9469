"""The reviewer page end to end in headless Chromium, against the live server and a real worker.

Outside CI the test skips when Chromium, its driver or Selenium is missing; with CI=true it fails instead.
Debian: `apt-get install -y chromium chromium-driver`. The screenshot goes to test-output/review/.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from support import KEY_ALPHA, ROOT, auth, wait_until

pytestmark = pytest.mark.usefixtures("worker")

DEV_ARTICLE = ROOT.parent / "shared" / "dev" / "articles" / "002_1d2b973d36e25e80.txt"
DEV_PUBLISHED = "2025-08-08"
SAMPLE_ARTICLE = (
    "The U.S. State Department designated Tren de Aragua a foreign terrorist organization in February 2025. "
    "Washington now offers a reward of up to $50 million for information leading to the arrest of Nicolás Maduro."
)
SAMPLE_PUBLISHED = "2025-09-10"
OUTPUT = ROOT / "test-output" / "review"
LABEL_NAMES = {
    "supported": "Supported",
    "refuted": "Refuted",
    "partially_supported": "Partially supported",
    "outdated": "Outdated",
    "unverifiable": "Unverifiable",
}
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1500",
)
MARKS_JS = """return [...document.querySelectorAll('#article-text mark.claim')].map(m => ({
    id: m.dataset.claimId, text: m.textContent, label: m.dataset.label,
    shown: getComputedStyle(m, '::after').content}))"""
SUMMARY_JS = """return Object.fromEntries([...document.querySelectorAll('#summary li')].map(
    li => [li.dataset.label, Number(li.querySelector('strong').textContent)]))"""
GROUPS_JS = """return [...document.querySelectorAll('#claim-list h3')].map(h => [h.dataset.label,
    [...h.nextElementSibling.querySelectorAll('.claim-item')].map(b => b.dataset.claimId)])"""


def _binaries() -> tuple[str, str]:
    """Chromium and its driver, or fail (CI) or skip (elsewhere) naming what is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    missing = [
        name
        for name, found in (
            ("chromium", chromium),
            ("chromium-driver", driver),
            ("selenium", importlib.util.find_spec("selenium")),
        )
        if not found
    ]
    if missing:
        install = "apt-get install -y chromium chromium-driver; pip install -e .[dev]"
        reason = f"the browser test needs {', '.join(missing)}: {install}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return chromium, driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium through Debian's chromedriver (no driver download), with a fresh profile."""
    chromium, driver_path = _binaries()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    downloads = tmp_path_factory.mktemp("downloads")
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def _article() -> tuple[str, str]:
    """The dev article with its publication date, or the built-in sample when ../shared is missing."""
    if DEV_ARTICLE.is_file():
        return DEV_ARTICLE.read_text(encoding="utf-8"), DEV_PUBLISHED
    return SAMPLE_ARTICLE, SAMPLE_PUBLISHED


def _wait_for_results(driver: Any, timeout: float = 90) -> None:
    """Wait until the page shows a finished check; fail at once with the page's message if it shows one."""
    from selenium.webdriver.common.by import By

    def shown() -> bool:
        message = driver.find_element(By.ID, "message")
        assert not message.is_displayed(), message.text
        return driver.find_element(By.ID, "results").is_displayed()

    wait_until(shown, timeout, 0.2, "the page to show the check")


def _downloaded(folder: Path, suffix: str) -> Path:
    """The finished download ending in `suffix`."""
    return wait_until(lambda: next(iter(sorted(folder.glob(f"*{suffix}"))), None), 10, 0.1, f"a {suffix} download")


def _assert_page_matches(driver: Any, result: dict[str, Any]) -> None:
    """Highlights, their labels, the summary and the grouped list are the API's result for the job."""
    from selenium.webdriver.common.by import By

    text = result["article"]["text"]
    claims = sorted(result["claims"], key=lambda c: (c["span"][0], -c["span"][1]))
    assert claims, "the article should yield claims"
    assert driver.find_element(By.ID, "article-text").get_attribute("textContent") == text
    expected = [
        {
            "id": c["id"],
            "text": text[c["span"][0] : c["span"][1]],
            "label": c["verdict"]["label"],
            "shown": json.dumps(LABEL_NAMES[c["verdict"]["label"]]),
        }
        for c in claims
    ]
    assert driver.execute_script(MARKS_JS) == expected
    assert driver.execute_script(SUMMARY_JS) == result["summary"]
    groups = driver.execute_script(GROUPS_JS)  # most urgent verdict first
    order = ["refuted", "outdated", "partially_supported", "unverifiable", "supported"]
    assert groups == [
        [label, [c["id"] for c in claims if c["verdict"]["label"] == label]]
        for label in order
        if any(c["verdict"]["label"] == label for c in claims)
    ]


def test_reviewer_page_shows_the_apis_verdicts(browser: Any, live_server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    text, published = _article()
    browser.get(f"{live_server}/")
    browser.find_element(By.ID, "api-key").clear()
    browser.find_element(By.ID, "api-key").send_keys(KEY_ALPHA)
    browser.execute_script(
        "document.getElementById('article').value = arguments[0];"
        "document.getElementById('published-at').value = arguments[1];",
        text,
        published,
    )
    browser.find_element(By.ID, "submit").click()
    _wait_for_results(browser)
    path = browser.execute_script("return location.pathname")
    assert path.startswith("/review/")
    job_id = path.removeprefix("/review/")
    assert KEY_ALPHA not in browser.current_url

    response = requests.get(f"{live_server}/v1/checks/{job_id}", headers=auth(), timeout=10)
    job = response.json()
    assert job["status"] == "succeeded", job
    result = job["result"]
    assert result["article"]["published_at"] == published
    _assert_page_matches(browser, result)

    # click a claim with a source: the panel shows its explanation, sources and the table version
    claims = sorted(result["claims"], key=lambda c: (c["span"][0], -c["span"][1]))
    index, claim = next((i, c) for i, c in enumerate(claims) if any(e["sources"] for e in c["verdict"]["evidence"]))
    source = next(url for e in claim["verdict"]["evidence"] for url in e["sources"])
    mark = browser.find_element(By.CSS_SELECTOR, f'#article-text mark[data-claim-id="{claim["id"]}"]')
    mark.click()
    detail = browser.find_element(By.ID, "detail-body")
    links = [(a.get_attribute("href"), a.text) for a in detail.find_elements(By.CSS_SELECTOR, ".sources a")]
    assert (source, source) in links
    assert detail.find_element(By.CLASS_NAME, "explanation").text == claim["verdict"]["explanation"]
    assert result["reference_version"] in detail.find_element(By.CLASS_NAME, "version").text
    assert mark.get_attribute("aria-pressed") == "true"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(OUTPUT / "review.png"))

    # keyboard: the focus is on the claim; n and the arrow keys move to the next and previous claims
    active = "return document.activeElement.dataset.claimId || null"
    assert browser.execute_script(active) == claim["id"]
    browser.switch_to.active_element.send_keys("n")
    assert browser.execute_script(active) == claims[(index + 1) % len(claims)]["id"]
    explanation = detail.find_element(By.CLASS_NAME, "explanation").text
    assert explanation == claims[(index + 1) % len(claims)]["verdict"]["explanation"]
    browser.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    assert browser.execute_script(active) == claim["id"]

    # downloads: the job as JSON, and its ClaimReview JSON-LD as the API gives it
    browser.find_element(By.ID, "download-json").click()
    assert json.loads(_downloaded(browser.downloads, ".json").read_text())["result"] == result
    claimreview = requests.get(
        f"{live_server}/v1/checks/{job_id}?format=claimreview",
        headers=auth(Accept="application/ld+json"),
        timeout=10,
    )
    browser.find_element(By.ID, "download-claimreview").click()
    status = browser.find_element(By.ID, "action-status")
    wait_until(lambda: "Fetching" not in status.text, 10, 0.1, "the ClaimReview request")
    assert claimreview.headers["Content-Type"].startswith("application/ld+json")
    assert status.text == "ClaimReview JSON-LD downloaded."
    assert json.loads(_downloaded(browser.downloads, ".jsonld").read_text()) == claimreview.json()

    # the permalink opens the same check in a fresh page load (the key stays in session storage, not the URL)
    permalink = browser.find_element(By.ID, "permalink").get_attribute("href")
    assert permalink == f"{live_server}/review/{job_id}"
    browser.get(permalink)
    _wait_for_results(browser)
    _assert_page_matches(browser, result)

    severe = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe  # no CSP violation, no failed request, no script error


def test_markup_in_the_article_is_shown_as_text(browser: Any, live_server: str) -> None:
    from selenium.webdriver.common.by import By

    text = SAMPLE_ARTICLE + ' <img src=x onerror="document.title=\'owned\'"> <b>bold</b> & <script>alert(1)</script>'
    created = requests.post(
        f"{live_server}/v1/checks",
        json={"text": text, "published_at": SAMPLE_PUBLISHED},
        headers=auth(Prefer="wait=20"),
        timeout=30,
    ).json()
    assert created["status"] == "succeeded", created
    browser.get(f"{live_server}/")
    key = browser.find_element(By.ID, "api-key")
    key.clear()
    key.send_keys(KEY_ALPHA, "\n")  # "Use key": kept for this tab
    browser.get(f"{live_server}/review/{created['id']}")
    _wait_for_results(browser)
    article = browser.find_element(By.ID, "article-text")
    assert article.get_attribute("textContent") == created["result"]["article"]["text"] == text
    assert not article.find_elements(By.CSS_SELECTOR, "img, b, script")
    assert browser.title == "claimcheck reviewer"
    _assert_page_matches(browser, created["result"])

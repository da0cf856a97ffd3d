"""The HTML report and the `eislint serve` page in a real browser: Debian's headless Chromium,
driven by Playwright (its own browser downloads are never used). Checks what a person sees,
that nothing is fetched from elsewhere, and WCAG 2.1 A/AA with axe-core (vendored under
tests/data/axe-core). Skips when Chromium or Playwright is missing; .ci/run installs both.

EISLINT_SCREENSHOTS=1 writes the screenshots to docs/img/ (committed, shown in README);
otherwise they go to the test's temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = os.environ.get("EISLINT_CHROMIUM", "/usr/bin/chromium")
SAMPLE = ROOT / "corpora" / "lms-gemeente-zeedorp-office" / "concept-pve.docx"
AXE = ROOT / "tests" / "data" / "axe-core" / "axe.min.js"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=nl-NL",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is niet geïnstalleerd")
if not Path(CHROMIUM).exists():
    pytest.skip(f"geen Chromium op {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


def _shots(tmp_path: Path) -> Path:
    if os.environ.get("EISLINT_SCREENSHOTS"):
        folder = ROOT / "docs" / "img"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        # Playwright starts Chromium headless with a fresh temporary profile of its own
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    # bypass_csp: axe-core is injected as a script, which the report's own policy forbids
    context = browser.new_context(
        viewport={"width": 1200, "height": 900}, accept_downloads=True, locale="nl-NL", bypass_csp=True
    )
    page = context.new_page()
    page.outside = []  # requests to anything but the page itself

    def guard(route):
        url = route.request.url
        if url.startswith(("file://", "data:", "http://127.0.0.1:")):
            route.continue_()
        else:
            page.outside.append(url)
            route.abort()

    context.route("**/*", guard)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def test_axe_finds_a_real_violation(page):
    """The accessibility check can fail: an image without text and an unlabeled field are caught."""
    page.set_content(
        '<html lang="nl"><head><title>t</title></head><body><main><img src="data:,">'
        '<input type="text"></main></body></html>'
    )
    ids = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label"} <= ids


# ---------------------------------------------------------------- the report file


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from eislint.cli import main

    out = tmp_path_factory.mktemp("rapport") / "rapport.html"
    try:
        # from the repository root, so the report (and its screenshot) names the sample as a user would
        with contextlib.chdir(ROOT):
            CliRunner().invoke(
                main,
                ["check", str(SAMPLE.relative_to(ROOT)), "--format", "html", "-o", str(out)],
                catch_exceptions=False,
            )
    except SystemExit:
        pass
    assert out.is_file()
    return out


def test_report_opens_offline_with_readiness_highlights_and_filters(page, report_file, tmp_path):
    page.goto(report_file.as_uri())
    assert page.outside == []
    readiness = page.get_by_role("table", name="Per onderdeel")
    assert readiness.is_visible()
    rows = readiness.locator("tbody tr")
    assert rows.count() == 8
    assert "Aanleiding" in rows.nth(0).inner_text() and "aanwezig" in rows.nth(0).inner_text()
    assert (
        "onvolledig" in readiness.locator("tbody tr").filter(has=page.locator("th", has_text="Contract")).inner_text()
    )
    mark = page.locator("blockquote mark", has_text="gebruiksvriendelijk").first
    assert mark.is_visible()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.get_by_role("heading", name="Eerst oplossen").is_visible()

    status = page.locator("#filter-status")
    warnings = page.locator('.finding[data-severity="warning"]')
    total, n_warn = page.locator(".finding").count(), warnings.count()
    n_vague = page.locator('.finding[data-category="vaagheid"]').count()
    assert total > n_warn > 0 and n_vague > 0
    assert f"Alle {total} meldingen" in status.inner_text()
    assert warnings.first.is_visible()
    page.get_by_label(f"waarschuwingen ({n_warn})").uncheck()
    assert f"{total - n_warn} van de {total} meldingen" in status.inner_text()
    assert not warnings.first.is_visible()
    assert page.locator('.finding[data-severity="error"]').first.is_visible()
    page.get_by_label(f"waarschuwingen ({n_warn})").check()
    page.get_by_label(f"vaagheid ({n_vague})").uncheck()
    assert not page.locator('.finding[data-category="vaagheid"]').first.is_visible()
    page.get_by_label(f"vaagheid ({n_vague})").check()

    page.screenshot(path=str(_shots(tmp_path) / "rapport.png"))
    assert axe_violations(page) == []
    assert page.outside == []


def test_report_policy_blocks_any_other_script(browser, report_file):
    """The report's Content Security Policy allows its own script only: nothing added runs."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(report_file.as_uri())
    assert page.evaluate("document.documentElement.classList.contains('js')")  # its own script ran
    with pytest.raises(playwright_api.Error, match="Content Security Policy"):
        page.add_script_tag(content="window.extra = 1")
    context.close()


def test_report_filters_without_javascript(browser, report_file):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report_file.as_uri())
    infos = page.locator('.finding[data-severity="info"]')
    assert infos.first.is_visible()
    page.get_by_label(f"adviezen ({infos.count()})").uncheck()
    assert not page.locator('.finding[data-severity="info"]').first.is_visible()
    assert page.locator('.finding[data-severity="error"]').first.is_visible()
    context.close()


def test_report_prints_to_pdf(page, report_file):
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    assert not page.locator("#filter").is_visible()  # controls are not printed
    assert page.locator("blockquote mark").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


# ---------------------------------------------------------------- eislint serve


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    import uvicorn

    from eislint.web import create_app

    workdir = tmp_path / "werk"
    workdir.mkdir()
    port = _free_port()
    config = uvicorn.Config(
        create_app(max_mb=25, workdir=str(workdir)), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "eislint serve startte niet"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", workdir
    srv.should_exit = True
    thread.join(timeout=10)


def test_serve_upload_gives_report_and_annotated_copy(page, server, tmp_path):
    url, workdir = server
    page.goto(url)
    assert page.get_by_role("heading", name="Controleer uw aanbesteding").is_visible()
    page.screenshot(path=str(_shots(tmp_path) / "serve.png"), full_page=True)
    assert axe_violations(page) == []

    page.get_by_label("Document of zip-bestand met de hele aanbesteding").set_input_files(str(SAMPLE))
    page.get_by_label("Geraamde waarde van de opdracht, in euro exclusief btw").fill("360.000")
    with page.expect_navigation(timeout=180_000):
        page.get_by_role("button", name="Controleren").click()

    assert page.get_by_role("heading", name="Gereedheid per onderdeel").is_visible()
    assert page.get_by_role("table", name="Per onderdeel").locator("tbody tr").count() == 8
    assert page.locator("blockquote mark", has_text="gebruiksvriendelijk").first.is_visible()
    assert "concept-pve.docx" in page.title()
    assert "opgegeven" in page.locator("table.context").inner_text()  # the value from the form

    link = page.get_by_role("link", name="Word-bestand met opmerkingen: concept-pve.docx")
    assert link.is_visible()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "concept-pve-eislint.docx"
    copy = tmp_path / download.suggested_filename
    download.save_as(copy)
    with zipfile.ZipFile(copy) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    shown = page.locator(".finding").count()
    ours = re.findall(r"<w:t[^>]*>eislint ([a-z-]+\.[a-z0-9-]+) \(", comments)  # the copy keeps earlier comments
    assert len(ours) == shown and "eisen.vage-term" in ours

    with page.expect_download() as info:
        page.get_by_role("link", name="Rapport (HTML, ook te printen als PDF)").click()
    assert info.value.suggested_filename == "eislint-rapport-concept-pve.html"

    page.screenshot(path=str(_shots(tmp_path) / "serve-rapport.png"))
    assert axe_violations(page) == []
    assert page.outside == []
    assert list(workdir.iterdir()) == []  # nothing kept after the request


def test_serve_shows_a_dutch_error_for_an_unreadable_file(page, server, tmp_path):
    url, workdir = server
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"%PDF-1.4 dit is geen Word-bestand")
    page.goto(url)
    page.get_by_label("Document of zip-bestand met de hele aanbesteding").set_input_files(str(bad))
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Controleren").click()
    text = page.locator("main").inner_text()
    assert "kapot.docx" in text and "is een PDF, geen" in text
    assert list(workdir.iterdir()) == []

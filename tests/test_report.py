"""The HTML reading report: structure, escaping, determinism, and a headless-Chromium run."""

from __future__ import annotations

import json
import os
import re
import shutil
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths
from analysis.report import (
    CONTRAST_PAIRS,
    FRAME_STYLE,
    build_report,
    contrast_ratio,
    main,
    overview,
    write_report,
)

EVIL = '</script><script>window.__pwned=1;alert(1)</script><!-- <img src=x onerror="alert(2)">'
EVIL_ATTR = '" onmouseover="window.__pwned=3" x="'

# ---------------------------------------------------------------- synthetic tables (docs/tables.md)


def _article(aid: str, outlet: str, status: str = "ok", **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "article_id": aid, "path": f"seeds/{aid}.txt", "status": status, "problem": "",
        "encoding": "utf-8", "n_parts": 1, "outlet": outlet, "outlet_source": "signature",
        "outlet_evidence": "fr.example.com", "host": "", "agency": "", "url": "",
        "title": f"Titre {aid}", "published": "2017-11-11", "n_sentences": 0, "n_body": 0,
        "n_coop": 0, "n_conf": 0, "net_index": float("nan"), "rususa_n": 0,
        "rususa_net": float("nan"), "mode": "full", "lexicon_version": "test",
    }
    row.update(extra)
    return row


def _sent(aid: str, sid: int, pid: int, text: str, kind: str = "body", frame: str = "neutral",
          **extra: object) -> dict[str, object]:
    start = 1000 * pid + 100 * sid
    row: dict[str, object] = {
        "article_id": aid, "sentence_id": sid, "paragraph_id": pid, "start": start,
        "end": start + len(text), "text": text, "kind": kind, "boilerplate_kind": "", "lang": "fr",
        "voice": "narrator", "speaker": "", "coop": int(frame in ("cooperation", "mixed")),
        "conf": int(frame in ("conflict", "mixed")), "coop_score": 0.0, "conf_score": 0.0,
        "goldstein": float("nan"), "frame": frame, "modality": "asserted", "actors": "",
        "evidence": "", "tone_vader": 0.1, "tone_textblob": 0.0,
    }
    if kind == "boilerplate" or extra.get("lang", "fr") != "fr":
        for col in ("voice", "coop", "conf", "coop_score", "conf_score", "frame", "modality",
                    "evidence", "tone_vader", "tone_textblob"):
            row[col] = None
    row.update(extra)
    return row


def _dyad(aid: str, sid: int, a: str, b: str, relation: str, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "article_id": aid, "sentence_id": sid, "actor_a": a, "actor_b": b, "source": a,
        "target": b, "relation": relation, "category": "AGREE", "quad_class": "verbal coop",
        "weight": 4.0, "negated": False, "modality": "asserted", "evidence": "convenu",
    }
    row.update(extra)
    return row


@pytest.fixture()
def tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    a, b, e = "000_aaaa", "001_bbbb", "002_evil"
    articles = pd.DataFrame([
        _article(a, "Sputnik France", n_sentences=6, n_body=5, n_coop=2, n_conf=2,
                 net_index=0.0, rususa_n=2, rususa_net=1.0),
        _article(b, "SANA", n_sentences=1, n_body=1, n_coop=0, n_conf=1, net_index=-1.0,
                 published="2016-12-23"),
        _article(e, EVIL, title=EVIL, problem=EVIL_ATTR, url="https://evil.example/x.js",
                 published=EVIL_ATTR, n_sentences=2),
        _article("003_gone", "", status="unreadable", problem="binary content, not text",
                 title="", published=""),
    ])
    sentences = pd.DataFrame([
        _sent(a, 0, 0, "Date 2017-11 mise à jour", kind="boilerplate", boilerplate_kind="stamp"),
        _sent(a, 1, 1, "Poutine et Trump s'accordent", kind="headline", frame="cooperation"),
        _sent(a, 2, 2, "La Russie et les États-Unis ont convenu d'agir.", frame="cooperation",
              evidence="convenu (AGREE)", actors="RUS;USA", coop_score=4.0),
        _sent(a, 3, 2, "Les frappes ont continué.", frame="conflict", evidence="frappes"),
        _sent(a, 4, 3, "«Nous luttons ensemble contre Daech», a dit Vladimir Poutine.",
              frame="mixed", voice="quoted", speaker="Vladimir Poutine", modality="future",
              evidence="luttons ensemble; contre Daech", actors="RUS;USA;ISIS"),
        _sent(a, 5, 4, "Le sommet a eu lieu au Vietnam.", frame="neutral"),
        _sent(a, 6, 5, "Thank you for watching this great summit", lang="en"),
        _sent(b, 0, 0, "Les terroristes ont attaqué Alep.", frame="conflict", evidence="attaqué"),
        _sent(e, 0, 0, EVIL, frame="conflict", evidence=EVIL, voice="quoted", speaker=EVIL_ATTR),
        _sent(e, 1, 1, "<b>gras</b> & <i>italique</i> " + EVIL_ATTR, frame="cooperation"),
    ])
    dyads = pd.DataFrame([
        _dyad(a, 2, "RUS", "USA", "coop"),
        _dyad(a, 4, "RUS", "USA", "coop", source="", target="", modality="future"),
        _dyad(a, 4, "ISIS", "RUS", "conf", category="FIGHT", quad_class="material conf",
              weight=-10.0, evidence="contre Daech"),
        _dyad(e, 0, "RUS", "USA", "conf", evidence=EVIL, category=EVIL_ATTR),
    ])
    return articles, sentences, dyads


# ---------------------------------------------------------------- a small HTML model


class _Doc(HTMLParser):
    """Collect sentence spans (with their text), elements by id and every attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.sentences: list[dict[str, str]] = []
        self.ids: dict[str, str] = {}
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.scripts: list[dict[str, str]] = []
        self._script_text: list[str] | None = None
        self._text_target: dict[str, str] | None = None
        self._depth_t = -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        for k, v in a.items():
            self.attrs.append((tag, k, v))
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids[a["id"]] = tag
        if tag == "script":
            self.scripts.append(a)
            self._script_text = []
        classes = a.get("class", "").split()
        if tag == "span" and "s" in classes:
            self.sentences.append({**a, "text": ""})
        if tag == "span" and "t" in classes and self.sentences:
            self._text_target = self.sentences[-1]
            self._depth_t = len(self.stack)
        if tag not in ("meta", "br", "img", "input", "link"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script_text is not None:
            self.scripts[-1]["text"] = "".join(self._script_text)
            self._script_text = None
        if self.stack:
            self.stack.pop()
        if self._text_target is not None and len(self.stack) == self._depth_t:
            self._text_target = None

    def handle_data(self, data: str) -> None:
        if self._script_text is not None:
            self._script_text.append(data)
        if self._text_target is not None:
            self._text_target["text"] += data


def _parse(text: str) -> _Doc:
    doc = _Doc()
    doc.feed(text)
    doc.close()
    return doc


# ---------------------------------------------------------------- unit tests


def test_structure(tables) -> None:
    out = build_report(*tables, title="Rapport")
    assert out.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    doc = _parse(out)
    for element_id in ("overview", "f-outlet", "f-frame", "f-pair", "f-reset", "tip",
                       "report-data", "articles"):
        assert element_id in doc.ids
    assert "<title>Rapport</title>" in out
    # one overview row and one article section per document, linked together
    for i in range(4):
        assert f'id="art-{i}"' in out and f'href="#art-{i}"' in out and f'id="row-art-{i}"' in out
    # sort buttons inside the column headers
    assert out.count('<th scope="col"') == 9
    assert re.search(r'<th scope="col" data-key="outlet" data-type="str"><button type="button">', out)
    # the unscored article shows its status and problem
    assert "unreadable" in out and "binary content, not text" in out
    # headline, boilerplate, quote and non-French markers
    assert '<span class="tag">headline</span>' in out
    assert "boilerplate: stamp" in out and 'class="s bp"' in out
    assert "quote: Vladimir Poutine" in out
    assert '<p lang="en">' in out and "not scored: en" in out
    # legend: every frame with an icon and a text label
    for st in FRAME_STYLE.values():
        assert st["label"] in out
    # sentences are focusable and described
    for s in doc.sentences:
        assert s["tabindex"] == "0"
        assert s["aria-describedby"] in doc.ids
    # filter options: outlets, frames, pairs
    assert "Sputnik France (1)" in out and "(unknown outlet) (1)" in out
    assert "RUS\u2013USA (3 sentences)" in out and "ISIS\u2013RUS (1 sentences)" in out


def test_every_sentence_present_with_frame(tables) -> None:
    _, sentences, _ = tables
    doc = _parse(build_report(*tables))
    assert len(doc.sentences) == len(sentences)
    expected = []
    for row in sentences.sort_values(["article_id", "sentence_id"]).to_dict("records"):
        frame = row["frame"] if row["kind"] != "boilerplate" and isinstance(row["frame"], str) \
            else "none"
        expected.append((row["text"], frame))
    got = [(s["text"], s["data-frame"]) for s in doc.sentences]
    assert got == expected
    for s in doc.sentences:
        if s["data-frame"] != "none":
            assert f"f-{s['data-frame']}" in s["class"].split()


def test_evidence_and_dyads_in_description(tables) -> None:
    out = build_report(*tables)
    doc = _parse(out)
    s = next(s for s in doc.sentences if s["text"].startswith("La Russie"))
    assert s["data-pairs"] == "RUS-USA"
    desc_id = s["aria-describedby"]
    start = out.index(f'<span id="{desc_id}">')
    desc = out[start:out.index("</ul>", start)]
    assert "convenu (AGREE)" in desc and "RUS\u2192USA coop" in desc and "weight +4.0" in desc
    assert "Voice:</span> narrator" in desc and "Modality:</span> asserted" in desc
    quoted = next(s for s in doc.sentences if s["text"].startswith("«Nous"))
    assert quoted["data-pairs"] == "ISIS-RUS RUS-USA"
    start = out.index(f'<span id="{quoted["aria-describedby"]}">')
    desc = out[start:out.index("</ul>", start)]
    assert "RUS\u2013USA coop" in desc and "ISIS\u2192RUS conf" in desc
    assert "speaker Vladimir Poutine" in desc and "future" in desc


def test_escaping_malicious_article(tables) -> None:
    out = build_report(*tables)
    doc = _parse(out)
    # our own two script elements only: the JSON block and the report's script
    assert len(doc.scripts) == 2
    assert doc.scripts[0].get("type") == "application/json"
    assert "<img" not in out and "<b>" not in out and "<i>" not in out
    assert not any(k.startswith("on") for _, k, _ in doc.attrs)
    assert "window.__pwned" not in doc.scripts[1]["text"]
    # the text is shown as text
    assert html_text(EVIL) in out
    evil_sentence = next(s for s in doc.sentences if s["text"] == EVIL)
    assert evil_sentence["data-frame"] == "conflict"
    assert any(s["text"].startswith("<b>gras</b> & <i>") for s in doc.sentences)
    # the JSON block cannot be closed early and reads back to the original strings
    raw = doc.scripts[0]["text"]
    assert "</" not in raw and "<!--" not in raw and "<" not in raw
    data = json.loads(raw)
    assert any(a["title"] == EVIL and a["outlet"] == EVIL for a in data["articles"])
    assert any(a["published"] == EVIL_ATTR for a in data["articles"])


def html_text(value: str) -> str:
    import html

    return html.escape(value, quote=True)


def test_no_external_resources(tables) -> None:
    out = build_report(*tables)
    doc = _parse(out)
    for tag, key, value in doc.attrs:
        if key in ("src", "href", "action", "srcset", "data", "poster", "xlink:href"):
            assert value.startswith("#"), (tag, key, value)
    assert not {"link", "img", "iframe", "object", "embed", "base"} & set(doc.tags)
    assert all("src" not in s for s in doc.scripts)
    css = out[out.index("<style>"):out.index("</style>")]
    assert "url(" not in css and "@import" not in css
    assert "default-src &#x27;none&#x27;" in out


def test_deterministic_bytes(tables, tmp_path: Path) -> None:
    class Scored:  # the interface of analysis.pipeline.Scored
        def __init__(self, a, s, d) -> None:
            self.articles, self.sentences, self.dyads = a, s, d

    one = write_report(Scored(*tables), tmp_path / "one.html")
    a, s, d = tables
    shuffled = Scored(a.iloc[::-1], s.sample(frac=1, random_state=1), d.iloc[::-1])
    two = write_report(shuffled, tmp_path / "sub" / "two.html")
    assert one.read_bytes() == two.read_bytes()
    assert build_report(*tables) == build_report(*tables)


def test_contrast_aa() -> None:
    for fg, bg in CONTRAST_PAIRS:
        assert contrast_ratio(fg, bg) >= 4.5, (fg, bg)
    tints = [st["tint"] for f, st in FRAME_STYLE.items() if f != "neutral"]
    assert len(set(tints)) == 3


def test_empty_tables() -> None:
    out = build_report(pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    assert "0 documents, 0 scored" in out


def test_main_reads_a_folder_of_tables(tables, tmp_path: Path) -> None:
    folder = tmp_path / "scored"
    folder.mkdir()
    for name, df in zip(("articles", "sentences", "dyads"), tables, strict=True):
        df.to_csv(folder / f"{name}.csv", index=False, float_format="%.4f", lineterminator="\n")
    out = tmp_path / "report.html"
    assert main([folder], out=out, mode="fast") == 0
    assert "La Russie et les États-Unis ont convenu" in out.read_text(encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        main([tmp_path / "missing"], out=out, mode="fast")


# ---------------------------------------------------------------- headless Chromium

EVIL_ARTICLE = (
    "Moscou et Washington s'accordent sur la Syrie <script>window.__pwned = 1; alert(1)</script>\n\n"
    "La Russie et les États-Unis ont convenu de poursuivre le dialogue sur la Syrie, a déclaré "
    "le ministre <img src=x onerror=\"window.__pwned = 2\"> à la presse.\n\n"
    "Les deux pays ont aussi signé un accord <b onmouseover=\"window.__pwned = 3\">commun</b> "
    "pour la paix et la reconstruction du pays.\n"
)


@pytest.fixture(scope="session")
def chromium() -> tuple[Path, Path]:
    """The installed Chromium and chromedriver; the test never installs them.

    ``scripts/install-browser`` (run by the README's first command) installs Debian's
    packages where it can; elsewhere the browser test is skipped with its reason.
    """
    found = [shutil.which(name) for name in ("chromium", "chromedriver")]
    missing = [name for name, path in zip(("chromium", "chromedriver"), found, strict=True) if not path]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed (scripts/install-browser installs them, "
                    "as root with apt-get)")
    pytest.importorskip("selenium")
    return Path(found[0]), Path(found[1])


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, pd.DataFrame]:
    """The seeds' report, and the same with a malicious article added (scored together)."""
    from analysis.pipeline import score

    folder = tmp_path_factory.mktemp("reports")
    evil_dir = folder / "evil"
    evil_dir.mkdir()
    (evil_dir / "999_evil.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    # score the seeds by their path in the checkout ("seeds/..."), as the quick start
    # does, so the screenshot shows the same paths wherever the checkout lives
    cwd = os.getcwd()
    os.chdir(paths.ROOT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scored = score([paths.SEEDS.relative_to(paths.ROOT), evil_dir], mode="full")
    finally:
        os.chdir(cwd)
    arts, sents, dyads = scored
    assert "999_evil" in set(arts["article_id"])
    keep = arts["article_id"] != "999_evil"
    seeds_only = build_report(arts[keep], sents[sents["article_id"] != "999_evil"],
                              dyads[dyads["article_id"] != "999_evil"],
                              title="Cooperation and conflict framing: the five seeds")
    seeds_path = folder / "seeds.html"
    seeds_path.write_text(seeds_only, encoding="utf-8")
    evil_path = folder / "with_evil.html"
    evil_path.write_text(build_report(arts, sents, dyads), encoding="utf-8")
    return seeds_path, evil_path, overview(arts[keep])


@pytest.mark.browser
def test_report_in_headless_chromium(chromium, seed_reports, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver import ActionChains
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download
    browser, driver_path = chromium
    seeds_html, evil_html, numbers = seed_reports
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(browser)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                f"--user-data-dir={tmp_path / 'profile'}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(driver_path)), options=opts)
    try:
        driver.get(seeds_html.as_uri())
        wait = WebDriverWait(driver, 10)
        articles = driver.find_elements(By.CSS_SELECTOR, "article.art")
        assert len(articles) == 5
        tip = driver.find_element(By.ID, "tip")
        assert not tip.is_displayed()

        # body sentences are tinted by frame
        tinted = driver.find_elements(By.CSS_SELECTOR, ".s.f-cooperation, .s.f-conflict, .s.f-mixed")
        assert tinted, "no cooperation/conflict/mixed sentence in the seeds"
        for el in tinted[:10]:
            frame = el.get_attribute("data-frame")
            rgb = tuple(int(FRAME_STYLE[frame]["tint"][i:i + 2], 16) for i in (1, 3, 5))
            assert el.value_of_css_property("background-color") == "rgba({}, {}, {}, 1)".format(*rgb)
        neutral = driver.find_elements(By.CSS_SELECTOR, ".s.f-neutral")
        if neutral:
            assert neutral[0].value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"

        # hovering a sentence shows its evidence
        first = tinted[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
        ActionChains(driver).move_to_element(first).perform()
        wait.until(lambda d: tip.is_displayed())
        assert "Evidence:" in tip.text and "Frame:" in tip.text
        evidence = driver.execute_script(
            "return document.getElementById(arguments[0].getAttribute('aria-describedby'))"
            ".textContent", first)
        assert evidence.split("Evidence:")[1].split(".")[0].strip() in tip.text

        # screen readers get the same text as the sentence's accessible description
        root = driver.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
        node = driver.execute_cdp_cmd("DOM.querySelector", {
            "nodeId": root, "selector": "#" + first.get_attribute("id")})["nodeId"]
        ax = driver.execute_cdp_cmd("Accessibility.getPartialAXTree",
                                    {"nodeId": node, "fetchRelatives": False})["nodes"]
        description = ax[0].get("description", {}).get("value", "")
        assert description.startswith("Frame: ") and "Evidence: " in description

        # focusing by keyboard: Escape closes, arrows move to the next sentence and show it
        driver.execute_script("arguments[0].focus()", first)
        wait.until(lambda d: tip.is_displayed())
        first.send_keys(Keys.ESCAPE)
        wait.until(lambda d: not tip.is_displayed())
        first.send_keys(Keys.ARROW_DOWN)
        focused = driver.switch_to.active_element
        assert focused.get_attribute("class").split()[0] == "s"
        assert focused.get_attribute("id") != first.get_attribute("id")
        wait.until(lambda d: tip.is_displayed())
        assert "Frame:" in tip.text or "Boilerplate:" in tip.text or "Not scored:" in tip.text

        # sorting the overview by clicking (or pressing Enter on) a header button
        net = driver.execute_script("return JSON.parse(document.getElementById('report-data')"
                                    ".textContent).articles.map(a => a.net_index)")

        def column() -> list[float | None]:
            return [net[int(r.get_attribute("data-i"))]
                    for r in driver.find_elements(By.CSS_SELECTOR, "#overview tbody tr")]

        header = driver.find_element(By.CSS_SELECTOR, "th[data-key=net_index]")
        header.find_element(By.TAG_NAME, "button").click()
        assert header.get_attribute("aria-sort") == "ascending"
        values = column()
        known = [v for v in values if v is not None]
        assert known == sorted(known) and values[:len(known)] == known  # missing last
        header.find_element(By.TAG_NAME, "button").send_keys(Keys.ENTER)
        assert header.get_attribute("aria-sort") == "descending"
        assert [v for v in column() if v is not None] == sorted(known, reverse=True)

        # a filter on one outlet hides the other outlets' articles
        outlet = Select(driver.find_element(By.ID, "f-outlet"))
        sputnik = next(o for o in outlet.options if o.text.startswith("Sputnik"))
        outlet.select_by_value(sputnik.get_attribute("value"))
        shown = [a for a in articles if a.is_displayed()]
        assert len(shown) == 1 and "Sputnik" in shown[0].text
        assert all(a.get_attribute("data-outlet") != sputnik.get_attribute("value")
                   for a in articles if not a.is_displayed())
        assert len([r for r in driver.find_elements(By.CSS_SELECTOR, "#overview tbody tr")
                    if r.is_displayed()]) == 1
        assert "Showing 1 of 5 articles" in driver.find_element(By.ID, "filter-status").text
        # a frame filter hides the other frames' sentences
        Select(driver.find_element(By.ID, "f-frame")).select_by_value("conflict")
        visible = [s for s in driver.find_elements(By.CSS_SELECTOR, ".s") if s.is_displayed()]
        assert all(s.get_attribute("data-frame") == "conflict" for s in visible)
        driver.find_element(By.ID, "f-reset").click()
        assert all(a.is_displayed() for a in articles)

        # the screenshot for the README: overview, then a sentence with its tooltip
        driver.set_window_size(1280, 2000)
        driver.refresh()
        tip = driver.find_element(By.ID, "tip")
        tinted = driver.find_elements(By.CSS_SELECTOR, ".s.f-cooperation, .s.f-conflict, .s.f-mixed")
        target = next((s for s in tinted if s.location["y"] < 1500), None)
        if target is not None:
            ActionChains(driver).move_to_element(target).perform()
            wait.until(lambda d: tip.is_displayed())
        # into the tree only when asked (FRAMING_UPDATE_SCREENSHOT=1), so that a test run
        # never changes committed files; the numbers go beside it like every figure's
        update = os.environ.get("FRAMING_UPDATE_SCREENSHOT") == "1"
        shot = paths.REPORT_SCREENSHOT if update else tmp_path / "report.png"
        shown = paths.REPORT_NUMBERS if update else tmp_path / "report.csv"
        assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 0
        numbers.to_csv(shown, index=False, float_format="%.4f", lineterminator="\n")

        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors

        # the malicious article is shown as text and runs nothing
        driver.get(evil_html.as_uri())
        assert len(driver.find_elements(By.CSS_SELECTOR, "article.art")) == 6
        try:
            alert = driver.switch_to.alert
            pytest.fail(f"an alert opened: {alert.text}")
        except NoAlertPresentException:
            pass
        assert driver.execute_script("return window.__pwned") is None
        assert driver.execute_script("return document.scripts.length") == 2
        assert not driver.find_elements(By.CSS_SELECTOR, "article img, article b, article script")
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "<script>window.__pwned = 1; alert(1)</script>" in body
        for s in driver.find_elements(By.CSS_SELECTOR, ".s")[:3]:
            ActionChains(driver).move_to_element(s).perform()
        assert driver.execute_script("return window.__pwned") is None
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
    finally:
        driver.quit()


def test_report_reads_titles_and_outlets_like_score(tmp_path: Path) -> None:
    """`framing report --title first-line --outlet folder` reads articles as `framing score` does."""
    folder = tmp_path / "corpus" / "lemonde"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Moscou et Washington reprennent le dialogue\n\nLa Russie et les "
                                  "États-Unis ont convenu de poursuivre le dialogue sur la Syrie.\n",
                                  encoding="utf-8")
    out = tmp_path / "report.html"
    assert main([tmp_path / "corpus"], out=out, mode="fast", title="first-line", outlet="folder") == 0
    html = out.read_text(encoding="utf-8")
    assert "lemonde" in html and "Moscou et Washington reprennent le dialogue" in html

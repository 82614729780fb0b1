#!/usr/bin/python3
"""The report's HTML as a reader sees it: rendered by Debian's headless Chromium.

Writes the report of the bundled corpus, loads it in Chromium, and checks the rendered DOM
(--dump-dom): every event is a section, the call's event holds its Arabic, English and Russian
coverage, a conflict row is there, Arabic claims are right to left. Then takes a screenshot and
checks that it is not blank (PIL, Debian's python3-pil). Exits 77 (CTest: skipped) when Chromium
is not installed; parallax.sh installs it.

Usage: render_in_chromium.py PARALLAX_CLI CORPUS [SCREENSHOT_OUT]
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

SKIPPED = 77


class Dom(html.parser.HTMLParser):
    """Event sections by id, with the languages of their coverage rows, their topic sections, and the
    classes and dirs seen."""

    def __init__(self):
        super().__init__()
        self.sections, self.section = {}, None
        self.cell, self.row = None, []
        self.rtl_claims, self.conflict_rows = 0, 0
        self.topics = {}  # event section id -> number of topic sections in it

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("class") == "event":
            self.section = a.get("id")
            self.sections[self.section] = set()
            self.topics[self.section] = 0
        if tag == "section" and a.get("class") == "topic" and self.section:
            self.topics[self.section] += 1
        if tag == "tr":
            self.row = []
            if a.get("class") == "conflict":
                self.conflict_rows += 1
        if tag == "td":
            self.cell = ""
            if a.get("class") == "claim" and a.get("dir") == "rtl":
                self.rtl_claims += 1

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        if tag == "tr" and self.section and len(self.row) == 5:  # coverage: date, source, lang, title, note
            self.sections[self.section].add(self.row[2])


def chromium():
    for name in ("chromium", "chromium-headless-shell", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def main():
    cli, corpus = sys.argv[1], sys.argv[2]
    browser = chromium()
    if not browser:
        print("render_in_chromium: Chromium is not installed (apt-get install chromium); skipped")
        return SKIPPED
    with tempfile.TemporaryDirectory(prefix="parallax-report-") as tmp:
        page = os.path.join(tmp, "report.html")
        subprocess.run([cli, "report", "--quiet", corpus, "-o", page], check=True)
        flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 f"--user-data-dir={tmp}/profile"]
        dom_text = subprocess.run(flags + ["--dump-dom", "file://" + page], check=True, capture_output=True,
                                  text=True, timeout=120).stdout
        dom = Dom()
        dom.feed(dom_text)
        failures = []
        if len(dom.sections) != 4:
            failures.append(f"expected 4 event sections, found {len(dom.sections)}")
        call = [event for event, langs in dom.sections.items() if langs >= {"ar", "en", "ru"}]
        if not call:
            failures.append("no event shows Arabic, English and Russian coverage")
        elif dom.topics[call[0]] < 2:
            failures.append(f"the call's event shows {dom.topics[call[0]]} topic sections, expected the claims grouped in topics")
        if dom.conflict_rows < 1:
            failures.append("no conflict row")
        if dom.rtl_claims < 1:
            failures.append('no claim cell with dir="rtl"')
        shot = sys.argv[3] if len(sys.argv) > 3 else os.path.join(tmp, "report.png")
        subprocess.run(flags + ["--window-size=1200,1600", f"--screenshot={shot}", "file://" + page], check=True,
                       capture_output=True, timeout=120)
        from PIL import Image  # Debian: python3-pil
        image = Image.open(shot).convert("L")
        dark = sum(1 for p in image.getdata() if p < 128)
        share = dark / (image.width * image.height)
        if share < 0.01:
            failures.append(f"the screenshot is blank ({share:.4f} of its pixels are dark)")
    for f in failures:
        print("render_in_chromium:", f)
    print(f"render_in_chromium: {len(dom.sections)} sections, {sum(dom.topics.values())} topics, {dom.conflict_rows} conflict rows, "
          f"{dom.rtl_claims} right-to-left claims, {share:.3f} of the screenshot dark")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

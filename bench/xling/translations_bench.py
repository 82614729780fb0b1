"""Cross-language copies (`translations` in `parallax cluster --format json`): is a document and
its translation reported as one, and are different articles on one event left alone?

Positives: NTREX-128, 123 English news documents with their Arabic and Russian translations
(369 documents, every pair of languages of one document a translation: 369 pairs), clustered as
one undated corpus. Negatives: xling-events, 228 articles on 17 events in ar/en/ru written apart
(its SOURCE.md: "a translation of a wire story by a different outlet is not marked", so a pair
reported there is listed for a reader to judge, not counted wrong). A sweep over
--translation-threshold shows where the default (0.4) sits. Prints Markdown tables; never fails
on scores.

Usage: translations_bench.py PARALLAX_BINARY DATA_DIR
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import tables  # noqa: E402  (bench/tables.py)

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5)
DEFAULT_THRESHOLD = 0.4
LANGUAGE_PAIRS = (("ar", "en"), ("en", "ru"), ("ar", "ru"))
NTREX_FILES = {"en": "newstest2019-src.eng.txt", "ar": "newstest2019-ref.arb.txt", "ru": "newstest2019-ref.rus.txt"}


def write_ntrex_corpus(ntrex, path):
    """One JSONL record per (language, document): its sentences joined by newlines, in order."""
    document_ids = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    with open(path, "w", encoding="utf-8") as out:
        for lang, name in NTREX_FILES.items():
            sentences = (ntrex / name).read_text(encoding="utf-8").splitlines()
            documents = {}
            for doc, sentence in zip(document_ids, sentences):
                documents.setdefault(doc, []).append(sentence)
            for doc, lines in documents.items():
                out.write(json.dumps({"id": f"{lang}:{doc}", "lang": lang, "text": "\n".join(lines)},
                                     ensure_ascii=False) + "\n")
    return sorted({d for d in document_ids})


def write_unlabelled_events(source, path):
    with open(source, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for line in src:
            if line.strip():
                record = json.loads(line)
                record.pop("event"), record.pop("near_dup_of")
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def reported_translations(binary, corpus, threshold):
    argv = [str(binary), "cluster", "--format", "json", "--quiet", "--translation-threshold", str(threshold), str(corpus)]
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"translations_bench: {' '.join(argv)} exited with {done.returncode}:\n{done.stderr}")
    return json.loads(done.stdout)["translations"]


def ntrex_row(threshold, pairs, documents):
    """Recall per pair of languages (123 pairs each), then overall precision and recall."""
    halves = (set(documents[0::2]), set(documents[1::2]))
    found = {}
    wrong = 0
    for p in pairs:
        (a, b), langs = p["documents"], tuple(sorted(p["languages"]))
        if a.split(":", 1)[1] != b.split(":", 1)[1]:
            wrong += 1
            continue
        found.setdefault(langs, set()).add(a.split(":", 1)[1])
    total = len(documents) * len(LANGUAGE_PAIRS)
    right = sum(len(v) for v in found.values())
    row = [f"{threshold}{' (default)' if threshold == DEFAULT_THRESHOLD else ''}"]
    row += [f"{len(found.get(lp, ())) / len(documents):.3f}" for lp in LANGUAGE_PAIRS]
    row += [f"{sum(len(found.get(lp, set()) & h) for lp in LANGUAGE_PAIRS) / (len(h) * 3):.3f}" for h in halves]
    row += [f"{right / max(1, right + wrong):.3f}", f"{right / total:.3f}"]
    return row


def main():
    binary, data = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="parallax-translations-") as tmp:
        ntrex_corpus, events_corpus = Path(tmp) / "ntrex.jsonl", Path(tmp) / "events.jsonl"
        documents = write_ntrex_corpus(data / "xling" / "ntrex", ntrex_corpus)
        write_unlabelled_events(data / "xling-events" / "events.jsonl", events_corpus)
        ntrex_rows, event_rows, listed = [], [], []
        for threshold in THRESHOLDS:
            ntrex_rows.append(ntrex_row(threshold, reported_translations(binary, ntrex_corpus, threshold), documents))
            pairs = reported_translations(binary, events_corpus, threshold)
            event_rows.append([str(threshold), str(len(pairs))])
            if threshold == DEFAULT_THRESHOLD:
                listed = [[" / ".join(p["documents"]), "-".join(p["languages"]), f"{p['score']:.2f}"] for p in pairs]
    print("## Cross-language copies: NTREX translations found (369 pairs)\n")
    print(tables.markdown_table(["threshold", "recall ar-en", "recall en-ru", "recall ar-ru", "recall half 1",
                                 "recall half 2", "precision", "recall"], ntrex_rows) + "\n")
    print("## Cross-language copies reported among xling-events articles (written apart; 1006 pairs in "
          "different languages of one event)\n")
    print(tables.markdown_table(["threshold", "pairs reported"], event_rows) + "\n")
    if listed:
        print(f"At {DEFAULT_THRESHOLD}, for a reader to judge:\n")
        print(tables.markdown_table(["documents", "languages", "score"], listed) + "\n")


if __name__ == "__main__":
    main()

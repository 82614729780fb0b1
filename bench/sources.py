"""Readers for the raw shared datasets. Each returns plain records; no labels are invented here."""
import csv
import json
from dataclasses import dataclass, field

import paths


@dataclass
class SourceDocument:
    id: str
    text: str
    lang: str
    source: str
    gold: str = ""          # event / story label where the dataset has one
    headline: str = ""      # a headline that belongs to the text, when known
    extra: dict = field(default_factory=dict)


class _UnionFind:
    def __init__(self, items):
        self.parent = {x: x for x in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


FNC_SPLITS = {
    "train": ("train_bodies.csv", "train_stances.csv"),
    "test": ("competition_test_bodies.csv", "competition_test_stances.csv"),
}


def fnc1_bodies(split: str) -> list:
    """FNC-1 article bodies with same-story labels.

    Bodies that share a related (agree / disagree / discuss) headline are joined; connected
    components are the stories (191 on train, 110 on test, as fnc-1/SOURCE.md states).
    The headline kept per body is its first related headline in file order (used only by the
    near-duplicate generator, never shown to the clustering corpus).
    """
    bodies_file, stances_file = FNC_SPLITS[split]
    folder = paths.data_dir() / "fnc-1"
    with open(folder / bodies_file, encoding="utf-8", newline="") as f:
        bodies = [(r["Body ID"], r["articleBody"]) for r in csv.DictReader(f)]
    with open(folder / stances_file, encoding="utf-8", newline="") as f:
        stances = [r for r in csv.DictReader(f) if r["Stance"] != "unrelated"]
    components = _UnionFind(int(b) for b, _ in bodies)
    first_body_of_headline, headline_of_body = {}, {}
    for row in stances:
        body = int(row["Body ID"])
        headline_of_body.setdefault(body, row["Headline"])
        anchor = first_body_of_headline.setdefault(row["Headline"], body)
        components.union(anchor, body)
    return [
        SourceDocument(
            id=f"fnc-{split}-{body}",
            text=text,
            lang="en",
            source="fnc-1",
            gold=f"fnc-{split}-story-{components.find(int(body))}",
            headline=headline_of_body.get(int(body), ""),
        )
        for body, text in bodies
    ]


def ecbplus_docs(splits) -> list:
    """ECB+ documents; gold = subtopic (the seminal event: `<topic>ecb` or `<topic>ecbplus`)."""
    out = []
    with open(paths.data_dir() / "ecbplus" / "ecbplus_docs.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["split"] not in splits:
                continue
            lines = [s for s in rec["text"].split("\n") if s.strip()]
            headline = next((s for s in lines if "http" not in s and "www" not in s), "")
            out.append(SourceDocument(
                id=f"ecb-{rec['doc']}", text=rec["text"], lang="en", source="ecbplus",
                gold=f"ecb-{rec['subtopic']}", headline=headline,
                extra={"topic": rec["topic"], "split": rec["split"]}))
    return out


SEMEVAL_FILES = {"train": "training_set.csv", "test": "testing_set.csv"}


def _semeval_rows(split):
    folder = paths.data_dir() / "semeval2022-task8-sample"
    with open(folder / SEMEVAL_FILES[split], encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def semeval_texts(split: str, lang: str) -> list:
    """Unique article texts of the `lang-lang` pairs of one SemEval-2022 task 8 sample file.

    Pairs whose pair_id also occurs in the test file are dropped from the train side, so the
    two splits share no pair (SOURCE.md asks for this). Texts are deduplicated by article id.
    """
    test_ids = {r["pair_id"] for r in _semeval_rows("test")}
    seen, out = set(), []
    for row in _semeval_rows(split):
        if row["lang1"] != lang or row["lang2"] != lang:
            continue
        if split == "train" and row["pair_id"] in test_ids:
            continue
        for article_id, text in zip(row["pair_id"].split("_"), (row["text1"], row["text2"])):
            text = text.strip()
            if article_id in seen or not text:
                continue
            seen.add(article_id)
            first_line = text.split("\n", 1)[0]
            out.append(SourceDocument(
                id=f"semeval-{lang}-{article_id}", text=text, lang=lang, source="semeval2022",
                headline=first_line if len(first_line) < 200 else ""))
    return out


def seed_texts() -> list:
    """The two Arabic seed articles (same event, different outlets)."""
    out = []
    for path in sorted(paths.seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        lines = [s.strip() for s in text.split("\n") if s.strip()]
        headline = next((s for s in lines if len(s.split()) >= 3), "")
        out.append(SourceDocument(id=f"seed-{path.stem}", text=text, lang="ar", source="seeds",
                                  headline=headline))
    return out

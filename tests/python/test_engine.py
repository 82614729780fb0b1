"""The Python package over libparallax: every call, its errors as exceptions, and results equal to
the CLI's JSON on the example corpus. Run by CTest (python.engine) with PARALLAX_LIBRARY,
PARALLAX_CLI and PARALLAX_SOURCE_DIR set."""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

import numpy as np

import parallax

SOURCE_DIR = pathlib.Path(os.environ.get("PARALLAX_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CORPUS = SOURCE_DIR / "examples" / "corpus.jsonl"
CLI = os.environ.get("PARALLAX_CLI")

STORY = ("The central bank raised its main interest rate by half a percentage point on Thursday, the largest "
         "increase in two decades, saying inflation had spread across the economy.")
OTHER = ("Heavy rain flooded the coastal villages overnight and rescue teams evacuated hundreds of families, "
         "the regional governor said.")


def corpus_records():
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_cli(*args):
    if not CLI:
        raise unittest.SkipTest("PARALLAX_CLI is not set")
    done = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


class LibraryTest(unittest.TestCase):
    def test_version_and_options(self):
        self.assertRegex(parallax.version(), r"^\d+\.\d+\.\d+")
        names = {o["name"]: o for o in parallax.options()}
        for name in ("threads", "shingle_size", "hashes", "bands", "dup_threshold", "event_threshold", "keep_text"):
            self.assertIn(name, names)
        self.assertEqual(names["hashes"]["default"], "128")
        self.assertEqual(names["keep_text"]["type"], "bool")

    def test_missing_library_says_what_to_do(self):
        code = "import parallax\ntry:\n    parallax.Engine()\nexcept parallax.LibraryNotFoundError as e:\n    print(e)\n"
        env = dict(os.environ, PARALLAX_LIBRARY="/nonexistent/libparallax.so")
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
        self.assertIn("PARALLAX_LIBRARY", out)
        self.assertIn("libparallax.so", out)

    def test_abi_version_is_checked(self):
        code = ("import parallax, parallax._library as l\nl.ABI_VERSION = 999\n"
                "try:\n    parallax.Engine()\nexcept parallax.LibraryNotFoundError as e:\n    print(e)\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        self.assertIn("ABI version 999", out)


class EngineErrorsTest(unittest.TestCase):
    def test_options(self):
        with parallax.Engine(threads=2, dup_threshold=0.6, keep_text=False) as engine:
            self.assertEqual(engine.option("dup_threshold"), "0.6")
            self.assertEqual(engine.option("keep-text"), "false")
            with self.assertRaises(parallax.InvalidInputError):
                engine.option("nope")
        with self.assertRaisesRegex(parallax.InvalidInputError, "unknown option 'colour'") as caught:
            parallax.Engine(colour="blue")
        self.assertEqual(caught.exception.status_name, "PARALLAX_ERROR_UNKNOWN_OPTION")
        with self.assertRaisesRegex(parallax.InvalidInputError, "bands"):
            parallax.Engine(hashes=100, bands=32)
        with self.assertRaisesRegex(parallax.InvalidInputError, "not a valid integer"):
            parallax.Engine(threads="many")

    def test_add_errors(self):
        with parallax.Engine(threads=1) as engine:
            with self.assertRaises(parallax.EmptyCorpusError):
                engine.build()
            with self.assertRaisesRegex(parallax.InvalidInputError, "text is not valid UTF-8") as caught:
                engine.add("bad", b"caf\xc3")
            self.assertEqual(caught.exception.status, 3)
            with self.assertRaisesRegex(parallax.InvalidInputError, "blank"):
                engine.add("blank", "  \u200f ")
            with self.assertRaisesRegex(parallax.InvalidInputError, "ISO 8601"):
                engine.add("dated", STORY, date="2023-02-29")
            engine.add("a", STORY)
            with self.assertRaises(parallax.InvalidInputError) as caught:
                engine.add("a", OTHER)
            self.assertEqual(caught.exception.status_name, "PARALLAX_ERROR_DUPLICATE_ID")
            with self.assertRaisesRegex(parallax.InvalidInputError, "document 1"):
                engine.add_many([{"id": "b", "text": OTHER}, {"id": "c", "text": b"\xff"}])
            self.assertEqual(len(engine), 1)  # the failed batch added nothing
            with self.assertRaises(parallax.NotBuiltError):
                engine.event_clusters()
            with self.assertRaises(parallax.CorpusReadError):
                engine.read_corpus("/no/such/file.jsonl")

    def test_results_need_the_right_build(self):
        with parallax.Engine(threads=1) as engine:
            engine.add_many([{"id": "a", "text": STORY}, {"id": "b", "text": OTHER}])
            engine.build(events=False)
            self.assertEqual(len(engine.near_duplicate_groups()), 0)
            with self.assertRaisesRegex(parallax.NotBuiltError, "near-duplicates only"):
                engine.vectors()
            with self.assertRaises(parallax.NotFoundError):
                engine.document(5)
            with self.assertRaises(parallax.NotFoundError):
                engine.find("zzz")

    def test_remove(self):
        records = corpus_records()
        with parallax.Engine(threads=1) as engine, parallax.Engine(threads=1) as without:
            engine.add_many(records)
            without.add_many(records[1:])
            engine.build()
            engine.remove(records[0]["id"])
            with self.assertRaises(parallax.NotBuiltError):
                engine.event_clusters()
            with self.assertRaises(parallax.NotFoundError):
                engine.remove(records[0]["id"])
            self.assertEqual(engine.find(records[1]["id"]), 0)
            self.assertEqual(len(engine), len(records) - 1)
            engine.build()
            without.build()
            for groups in (parallax.Engine.event_clusters, parallax.Engine.near_duplicate_groups):
                got, expected = groups(engine), groups(without)
                self.assertEqual(got.offsets.tolist(), expected.offsets.tolist())
                self.assertEqual(got.members.tolist(), expected.members.tolist())

    def test_unwritable_temporary_folder_is_named(self):
        saved = os.environ.get("TMPDIR")
        os.environ["TMPDIR"] = "/nonexistent/parallax-tmp"
        try:
            with self.assertRaisesRegex(parallax.CorpusReadError, "/nonexistent/parallax-tmp"):
                parallax.Engine(threads=1)
            parallax.Engine(threads=1, translations=False).close()
        finally:
            if saved is None:
                del os.environ["TMPDIR"]
            else:
                os.environ["TMPDIR"] = saved

    def test_closed_engine(self):
        engine = parallax.Engine()
        engine.close()
        engine.close()
        with self.assertRaisesRegex(ValueError, "closed"):
            len(engine)


class EngineResultsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = parallax.Engine(threads=2)
        added, rejected, problems = cls.engine.read_corpus(CORPUS)
        assert (added, rejected, problems) == (13, 0, []), (added, rejected, problems)
        cls.engine.build()

    @classmethod
    def tearDownClass(cls):
        cls.engine.close()

    def test_documents(self):
        docs = self.engine.documents()
        self.assertEqual([d["id"] for d in docs], [r["id"] for r in corpus_records()])
        self.assertEqual(self.engine.document("seed-003")["index"], self.engine.find("seed-003"))
        self.assertEqual(docs[0]["lang"], "ar")

    def test_signatures_and_vectors(self):
        signature = self.engine.signature("seed-000")
        self.assertEqual(signature.dtype, np.uint32)
        self.assertEqual(signature.shape, (128,))
        vectors = self.engine.vectors()
        self.assertEqual(vectors.dtype, np.float32)
        self.assertEqual(vectors.shape, self.engine.vector_shape())
        self.assertEqual(vectors.shape[0], 13)
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=5e-4)  # 11 significant bits
        np.testing.assert_array_equal(self.engine.vector(3), vectors[3])
        similarity = self.engine.similarity_matrix()
        np.testing.assert_allclose(np.diag(similarity), 1.0, atol=1e-3)  # kept at half precision

    def test_near_duplicates_share_most_of_their_signature(self):
        for group in self.engine.near_duplicate_groups():
            first, *rest = (self.engine.signature(int(m)) for m in group.members)
            for other, score in zip(rest, group.scores[1:]):
                self.assertAlmostEqual(float(np.mean(first == other)), score)

    def test_event_clusters_partition_the_corpus(self):
        clusters = self.engine.event_clusters()
        labels = clusters.labels(len(self.engine))
        self.assertTrue((labels >= 0).all())
        self.assertEqual(int(clusters.offsets[-1]), 13)
        for cluster in clusters:
            self.assertIn(cluster.representative, cluster.members.tolist())

    def test_compare(self):
        by_speaker = self.engine.compare(["seed-000", "seed-003"], by="speaker")
        self.assertEqual(by_speaker["by"], "speaker")
        self.assertGreater(len(by_speaker["claims"]), 0)
        with self.assertRaises(parallax.NotFoundError):
            self.engine.compare(["seed-000", "missing"])
        with self.assertRaises(ValueError):
            self.engine.compare(["seed-000", "seed-003"], by="mood")


class SameAsCliTest(unittest.TestCase):
    """Results through the ABI equal `parallax cluster|dedup|compare --format json` on the same input."""

    def assert_events_equal(self, engine, cli):
        ids = engine.ids()
        clusters = engine.event_clusters()
        self.assertEqual(len(clusters), len(cli["events"]))
        for cluster, event in zip(clusters, cli["events"]):
            self.assertEqual([ids[m] for m in cluster.members], [m["id"] for m in event["members"]])
            self.assertEqual(ids[cluster.representative], event["representative"])

    def assert_groups_equal(self, engine, cli):
        ids = engine.ids()
        groups = engine.near_duplicate_groups()
        self.assertEqual(len(groups), len(cli["near_duplicate_groups"]))
        for group, expected in zip(groups, cli["near_duplicate_groups"]):
            self.assertEqual([ids[m] for m in group.members], [m["id"] for m in expected["members"]])
            self.assertEqual(ids[group.representative], expected["representative"])
            np.testing.assert_allclose(group.scores, [m["jaccard"] for m in expected["members"]], rtol=1e-12)

    def test_cluster(self):
        cli = run_cli("cluster", "--format", "json", "--quiet", "--threads", "2", CORPUS)
        with parallax.Engine(threads=2) as from_file, parallax.Engine(threads=3) as from_records:
            from_file.read_corpus(CORPUS)
            from_records.add_many(corpus_records())
            for engine in (from_file.build(), from_records.build()):
                self.assert_events_equal(engine, cli)
                self.assert_groups_equal(engine, cli)
        self.assertGreater(len(cli["near_duplicate_groups"]), 0)

    def test_events_with_labels_languages_and_a_user_lexicon(self):
        with tempfile.TemporaryDirectory() as folder:
            lexicon = pathlib.Path(folder) / "extra.tsv"
            lexicon.write_text("вулкан\tru\tvolcano\nизвержение\tru\teruption\n", encoding="utf-8")
            cli = run_cli("cluster", "--format", "json", "--quiet", "--threads", "2", "--lexicon", lexicon, CORPUS)
            with parallax.Engine(threads=2, lexicon=[lexicon]) as engine:
                self.assertEqual(engine.option("lexicon"), str(lexicon))
                engine.read_corpus(CORPUS)
                engine.build()
                self.assert_events_equal(engine, cli)
                self.assertEqual(engine.events(), cli["events"])
                self.assertEqual(engine.translations(), cli["translations"])
        self.assertEqual(len(cli["translations"]), 2)  # the two volcano reports and their Russian translations
        call = next(e for e in cli["events"] if "call-ru" in [m["id"] for m in e["members"]])
        self.assertEqual(call["languages"], ["ar", "en", "ru"])

    def test_bad_lexicon_names_file_and_line(self):
        with tempfile.TemporaryDirectory() as folder:
            lexicon = pathlib.Path(folder) / "bad.tsv"
            lexicon.write_text("книга\tru\tbook\nno tabs here\n", encoding="utf-8")
            with self.assertRaises(parallax.InvalidInputError) as caught:
                parallax.Engine(lexicon=str(lexicon))
            self.assertIn(f"{lexicon}:2:", str(caught.exception))

    def test_dedup_with_options(self):
        cli = run_cli("dedup", "--format", "json", "--quiet", "--dup-threshold", "0.3", "--shingle-size", "2", CORPUS)
        with parallax.Engine(dup_threshold=0.3, shingle_size=2) as engine:
            engine.read_corpus(CORPUS)
            engine.build(events=False)
            self.assert_groups_equal(engine, cli)

    def test_partial_copies_as_the_cli_reports_them(self):
        records = corpus_records()
        article = next(r for r in records if r["id"] == "seed-003")["text"]
        excerpt = {"id": "seed-003-excerpt", "text": article[:article.find(" ", len(article) * 2 // 5)]}
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "corpus.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records + [excerpt]),
                            encoding="utf-8")
            cli = run_cli("dedup", "--format", "json", "--quiet", "--containment", "0.8", path)
            with parallax.Engine(near_duplicates_only=True, containment=0.8) as engine:
                engine.read_corpus(path)
                engine.build(events=False)
                self.assertEqual(engine.partial_copies(), cli["partial_copies"])
        self.assertEqual({c["container"] for c in cli["partial_copies"]}, {"seed-003", "seed-003-copy"})
        with parallax.Engine(near_duplicates_only=True) as engine:  # not looked for by default
            engine.read_corpus(CORPUS)
            engine.build(events=False)
            self.assertEqual(engine.partial_copies(), [])

    def test_near_duplicates_only(self):
        cli = run_cli("dedup", "--format", "json", "--quiet", CORPUS)
        with parallax.Engine(near_duplicates_only=True) as engine:
            engine.read_corpus(CORPUS)
            engine.build(events=False)
            self.assert_groups_equal(engine, cli)
            with self.assertRaises(parallax.InvalidInputError):
                engine.build(events=True)

    def test_compare(self):
        seeds = [r for r in corpus_records() if r["id"] in ("seed-000", "seed-003")]
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "seeds.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in seeds), encoding="utf-8")
            for by in ("document", "source", "speaker"):
                cli = run_cli("compare", "--by", by, "--format", "json", path)
                with parallax.Engine(threads=1) as engine:
                    engine.read_corpus(path)
                    ours = engine.compare([r["id"] for r in seeds], by=by)
                self.assertEqual(ours, cli, by)

    def test_compare_settings_are_options(self):
        seeds = [r for r in corpus_records() if r["id"] in ("seed-000", "seed-003")]
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "seeds.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in seeds), encoding="utf-8")
            cli = run_cli("compare", "--by", "speaker", "--agree-threshold", "0.99", "--keep-weak-related",
                          "--format", "json", path)
            with parallax.Engine(threads=1, agree_threshold=0.99, keep_weak_related=True) as engine:
                engine.read_corpus(path)
                ours = engine.compare([r["id"] for r in seeds], by="speaker")
            self.assertEqual(ours, cli)
            self.assertNotIn("agree", [a["label"] for a in ours["alignments"]])
            with self.assertRaisesRegex(parallax.InvalidInputError, "nonexistent/aliases.txt"):
                parallax.Engine(aliases=[pathlib.Path(tmp) / "nonexistent" / "aliases.txt"])
            with self.assertRaisesRegex(parallax.InvalidInputError, "agree_threshold"):
                parallax.Engine(agree_threshold=0.01)

    def test_report(self):
        cli = run_cli("report", "--quiet", "--format", "json", CORPUS)
        with parallax.Engine(threads=2) as engine, tempfile.TemporaryDirectory() as tmp:
            engine.read_corpus(CORPUS)
            engine.build()
            self.assertEqual(engine.report(), cli)
            page = pathlib.Path(tmp) / "report.html"
            html = engine.report(format="html", path=page)
            self.assertTrue(html.startswith("<!DOCTYPE html>"))
            self.assertEqual(page.read_text(encoding="utf-8"), html)
            with self.assertRaises(ValueError):
                engine.report(by="document")
        self.assertEqual(cli["events"][0]["conflicts"], max(e["conflicts"] for e in cli["events"]))


if __name__ == "__main__":
    unittest.main()

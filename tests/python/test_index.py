"""parallax.Index: the document index from Python. Its report equals the CLI's cluster report of
the same documents; queries store nothing; deletes, stats and the errors of a wrong store. Run by
CTest (python.engine) with PARALLAX_LIBRARY, PARALLAX_CLI and PARALLAX_SOURCE_DIR set."""
import json
import os
import pathlib
import subprocess
import tempfile
import unittest

import parallax

SOURCE_DIR = pathlib.Path(os.environ.get("PARALLAX_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CORPUS = SOURCE_DIR / "examples" / "corpus.jsonl"
CLI = os.environ.get("PARALLAX_CLI")
RESULTS = ("events", "near_duplicate_groups", "translations", "partial_copies", "parameters")


def corpus_records():
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class IndexTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = pathlib.Path(self.tmp.name) / "news.db"

    def tearDown(self):
        self.tmp.cleanup()

    def test_records_in_two_adds_equal_the_cli_cluster_report(self):
        if not CLI:
            self.skipTest("PARALLAX_CLI is not set")
        records = corpus_records()
        with parallax.Index(self.path, threads=2) as index:
            self.assertEqual(index.add(records[:6]), 6)
            self.assertEqual(index.add(records), len(records) - 6)  # stored ids are skipped
            report = index.events()
            self.assertEqual(len(index), len(records))
        cli = json.loads(subprocess.run([CLI, "cluster", "--format", "json", "--quiet", CORPUS], capture_output=True,
                                        text=True, check=True).stdout)
        for key in RESULTS:
            self.assertEqual(report[key], cli[key], key)

    def test_small_adds_are_placed_until_recompute_share(self):
        records = corpus_records()
        for share, placed in ((1.0, 1), (0, 0)):
            path = os.path.join(self.tmp.name, f"share-{share}.db")
            with parallax.Index(path, recompute_share=share, threads=2) as index:
                index.add(records[:-1])
                self.assertEqual(index.stats()["incremental_documents"], 0)  # a new store: recomputed
                index.add(records[-1:])
                stats = index.stats()
                self.assertEqual(stats["incremental_documents"], placed)
                self.assertTrue(stats["assignments_current"])
        with self.assertRaises(parallax.InvalidInputError):
            parallax.Index(os.path.join(self.tmp.name, "bad.db"), recompute_share="-1")

    def test_query_delete_stats(self):
        records = corpus_records()
        with parallax.Index(self.path, threads=2) as index:
            self.assertEqual(index.add_corpus(CORPUS), (len(records), 0, 0))
            probe = dict(records[0], id="probe")
            found = index.query([probe])
            self.assertEqual(found[0]["id"], "probe")
            self.assertEqual(found[0]["near_duplicates"][0]["id"], records[0]["id"])
            self.assertAlmostEqual(found[0]["near_duplicates"][0]["jaccard"], 1.0)
            self.assertIn(records[0]["id"], found[0]["event"]["members"])
            rebuilt = index.query([probe], rebuild=True)
            self.assertEqual(rebuilt[0]["near_duplicates"], found[0]["near_duplicates"])
            self.assertIn(records[0]["id"], rebuilt[0]["event"]["members"])
            self.assertEqual(index.stats()["documents"], len(records))
            self.assertEqual(index.delete([records[0]["id"], "nope"]), 1)
            stats = index.stats()
            self.assertEqual(stats["documents"], len(records) - 1)
            self.assertTrue(stats["assignments_current"])
            self.assertEqual(stats["options"]["dup_threshold"], "0.45")
        with parallax.Index(self.path, read_only=True) as reader:
            self.assertEqual(len(reader), len(records) - 1)
            with self.assertRaises(parallax.CorpusReadError) as caught:
                reader.add([{"id": "x", "text": "some text"}])
            self.assertIn("read-only", str(caught.exception))

    def test_wrong_store(self):
        with parallax.Index(self.path, hashes=64):
            pass
        with self.assertRaises(parallax.IncompatibleIndexError) as caught:
            parallax.Index(self.path, hashes=128)
        self.assertIn(str(self.path), str(caught.exception))
        self.assertIn("hashes=64, not 128", str(caught.exception))
        with self.assertRaises(parallax.CorpusReadError) as caught:
            parallax.Index(pathlib.Path(self.tmp.name) / "missing.db", read_only=True)
        self.assertIn("no such index", str(caught.exception))


if __name__ == "__main__":
    unittest.main()

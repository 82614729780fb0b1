"""The feature-level stages from Python (parallax.features): shards' features, grouped elsewhere, give
what one Engine gives on the example corpus. Run by CTest (python.engine)."""
import json
import os
import pathlib
import pickle
import unittest

import numpy as np

import parallax
from parallax import features

SOURCE_DIR = pathlib.Path(os.environ.get("PARALLAX_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CORPUS = SOURCE_DIR / "examples" / "corpus.jsonl"
OPTIONS = {"threads": 2, "translations": False}


def records():
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def shard(documents, scope_everything=False):
    engine = parallax.Engine(**OPTIONS)
    engine.add_many(documents)
    return engine.build() if scope_everything else features.analyze(engine)


def flat_counts(engine, count):
    counted = [features.term_counts(engine, i) for i in range(count)]
    offsets = np.concatenate([[0], np.cumsum([t.size for t, _ in counted])])
    return offsets, np.concatenate([t for t, _ in counted]), np.concatenate([c for _, c in counted])


def as_lists(groups):
    return [(g.members.tolist(), g.representative) for g in groups]


class FeatureStagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.documents = records()
        cls.whole = shard(cls.documents, scope_everything=True)
        half = len(cls.documents) // 2
        cls.first, cls.second = shard(cls.documents[:half]), shard(cls.documents[half:])
        cls.half = half

    @classmethod
    def tearDownClass(cls):
        for engine in (cls.whole, cls.first, cls.second):
            engine.close()

    def test_text_signature_is_the_engines(self):
        for i, d in enumerate(self.documents):
            np.testing.assert_array_equal(features.text_signature(self.whole, d["text"], title=d.get("title")),
                                          self.whole.signature(i))
        self.assertEqual(features.text_signature(self.whole, " ... ").size, 0)

    def test_groups_from_signatures_are_the_engines(self):
        signatures = np.stack([self.whole.signature(i) for i in range(len(self.documents))])
        expected = self.whole.near_duplicate_groups()
        self.assertGreater(len(expected), 0)
        self.assertEqual(as_lists(features.groups_from_signatures(self.whole, signatures)), as_lists(expected))
        named = features.groups_from_signatures(self.whole, signatures, ids=np.arange(len(self.documents)) + 100)
        self.assertEqual([g.members.tolist() for g in named], [(g.members + 100).tolist() for g in expected])

    def test_band_keys(self):
        bands, rows = features.lsh_banding(self.whole)
        self.assertEqual((bands, rows), (32, 4))  # the default threshold and hashes (docs/cli.md)
        group = self.whole.near_duplicate_groups()[0]
        keys = features.band_keys(self.whole, np.stack([self.whole.signature(int(m)) for m in group.members]))
        self.assertEqual(keys.shape, (group.members.size, bands))
        self.assertTrue(((keys[0] >> np.uint64(32)) == (keys[1] >> np.uint64(32))).any())
        with self.assertRaises(parallax.InvalidInputError):
            features.band_keys(self.whole, np.zeros(7, np.uint32))

    def test_merged_frequencies_are_the_corpus(self):
        merged = features.DocumentFrequencies.of(self.first).merge(features.DocumentFrequencies.of(self.second))
        whole = features.DocumentFrequencies.of(self.whole)
        self.assertEqual(merged.documents, len(self.documents))
        self.assertEqual(merged, whole)
        self.assertEqual(pickle.loads(pickle.dumps(merged)), whole)
        self.assertNotEqual(features.DocumentFrequencies.of(self.second), whole)
        with self.assertRaises(parallax.InvalidInputError):
            features.DocumentFrequencies.from_bytes(b"PXDF" + bytes(3))

    def test_shard_vectors_with_merged_frequencies_are_the_engines(self):
        merged = features.DocumentFrequencies.of(self.first).merge(features.DocumentFrequencies.of(self.second))
        vectors = features.tfidf_vectors(self.second, merged, *flat_counts(self.second, len(self.documents) - self.half))
        np.testing.assert_array_equal(vectors, self.whole.vectors()[self.half:])
        local = features.tfidf_vectors(self.second, features.DocumentFrequencies.of(self.second),
                                       *flat_counts(self.second, len(self.documents) - self.half))
        self.assertFalse(np.array_equal(local, self.whole.vectors()[self.half:]))

    def test_events_from_vectors_are_the_engines(self):
        described = self.whole.documents()
        events = features.events_from_vectors(self.whole, self.whole.vectors(), [d["date"] for d in described],
                                              [d["lang"] for d in described])
        self.assertEqual(as_lists(events), as_lists(self.whole.event_clusters()))
        self.assertEqual(sum(g.members.size for g in events), len(self.documents))

    def test_features_only_build_has_no_groups(self):
        with self.assertRaises(parallax.NotBuiltError):
            self.first.near_duplicate_groups()


if __name__ == "__main__":
    unittest.main()

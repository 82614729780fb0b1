"""Engine.read_corpus on the input formats of docs/input.md through libparallax: CSV with named
columns, gzip-compressed JSONL, RSS dates. Run by CTest (python.engine) with PARALLAX_LIBRARY set."""
import gzip
import pathlib
import tempfile
import unittest

import parallax

ARTICLES = (
    "guid,Body,date\n"
    "ar-1,\"التقى الرئيسان في جنيف يوم الأربعاء،\nوقال بايدن إن المحادثات كانت جيدة.\",\"Wed, 16 Jun 2021 18:04:00 +0300\"\n"
    "ru-1,\"Президенты встретились в Женеве в среду, сообщил \"\"ТАСС\"\".\",20210616\n"
    "broken,\"a quote \"here\" breaks the row\",\n"
)


class InputTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.path = pathlib.Path(self.folder.name)

    def tearDown(self):
        self.folder.cleanup()

    def test_csv_with_named_columns(self):
        csv = self.path / "articles.csv"
        csv.write_text(ARTICLES, encoding="utf-8")
        engine = parallax.Engine()
        added, rejected, problems = engine.read_corpus(csv, id_column="GUID", text_column="body")
        self.assertEqual((added, rejected), (2, 1))
        self.assertEqual(len(problems), 1)
        self.assertTrue(problems[0].startswith(f"{csv}:5: text after the closing quote"), problems)
        engine.build(events=False)
        self.assertEqual(engine.document(engine.find("ar-1"))["date"], "2021-06-16T18:04:00+03:00")
        self.assertEqual(engine.document(engine.find("ru-1"))["date"], "2021-06-16")

    def test_csv_without_the_default_columns_is_named(self):
        csv = self.path / "articles.csv"
        csv.write_text(ARTICLES, encoding="utf-8")
        added, rejected, problems = parallax.Engine().read_corpus(csv)
        self.assertEqual((added, rejected), (0, 0))
        self.assertIn('no "id" column in the header', problems[0])

    def test_gzip_jsonl(self):
        path = self.path / "news.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write('{"id": "a", "text": "Lava flowed near Reykjavik.", "date": "Fri, 19 Mar 2021 21:40:00 GMT"}\n')
        engine = parallax.Engine()
        self.assertEqual(engine.read_corpus(path), (1, 0, []))
        engine.build(events=False)
        self.assertEqual(engine.document(0)["date"], "2021-03-19T21:40:00+00:00")


if __name__ == "__main__":
    unittest.main()

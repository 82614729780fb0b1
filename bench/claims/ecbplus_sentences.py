#!/usr/bin/env python3
"""The validated sentences of ECB+ with the cross-document event chains their mentions take part in,
for bench/claims/ecb_calibration.cpp.

Usage: ecbplus_sentences.py ECBPLUS_DIR > sentences.tsv

ECBPLUS_DIR holds ECB+.tar.xz and ECBplus_coreference_sentences.csv (shared/data/ecbplus). Writes one
line per validated sentence: topic, subtopic, split (the Cybulska-Vossen split: dev 2 5 12 18 21 23
34 35, test 36-45, train the rest), document, sentence number, the cross-document chains of the
ACTION_OCCURRENCE mentions in it (comma-separated; reporting verbs such as "said" are left out: they
corefer across documents only as reports, not as what is reported), and the sentence's tokens joined
by spaces. Python 3 standard library only.
"""
import collections
import csv
import sys
import tarfile
import xml.etree.ElementTree as ET

DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}


def split_of(topic):
    if topic in DEV_TOPICS:
        return "dev"
    return "test" if topic >= 36 else "train"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: ecbplus_sentences.py ECBPLUS_DIR > sentences.tsv")
    data = sys.argv[1]
    validated = collections.defaultdict(set)
    with open(data + "/ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            validated[row["Topic"] + "_" + row["File"]].add(int(row["Sentence Number"]))
    out = sys.stdout
    with tarfile.open(data + "/ECB+.tar.xz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.name.endswith(".xml"):
                continue
            doc = member.name.rsplit("/", 1)[1][:-4]
            if doc not in validated:
                continue
            root = ET.parse(tar.extractfile(member)).getroot()
            sentence_of = {}
            words = collections.defaultdict(list)
            for t in root.iter("token"):
                s = int(t.get("sentence"))
                sentence_of[t.get("t_id")] = s
                words[s].append((t.text or "").replace("\t", " "))
            action_sentence = {}
            for markable in root.find("Markables"):
                anchors = [a.get("t_id") for a in markable.findall("token_anchor")]
                if markable.tag == "ACTION_OCCURRENCE" and anchors:
                    action_sentence[markable.get("m_id")] = sentence_of[anchors[0]]
            chains = collections.defaultdict(set)
            for relation in root.find("Relations").findall("CROSS_DOC_COREF"):
                for source in relation.findall("source"):
                    if source.get("m_id") in action_sentence:
                        chains[action_sentence[source.get("m_id")]].add(relation.get("note"))
            topic = int(doc.split("_")[0])
            subtopic = "%d%s" % (topic, "ecbplus" if doc.endswith("plus") else "ecb")
            for s in sorted(validated[doc]):
                if s in words:
                    out.write("\t".join([str(topic), subtopic, split_of(topic), doc, str(s), ",".join(sorted(chains[s])),
                                         " ".join(words[s])]) + "\n")


if __name__ == "__main__":
    main()

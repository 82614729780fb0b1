#!/usr/bin/env python3
"""Trains parallax's FNC-1 stance judge: the project's pair features and the words of headline and body.

Usage: train_bow.py DATA_DIR FEATURE_DIR MODEL_FILE

DATA_DIR holds fnc-1/ (../shared/data); FEATURE_DIR holds fnc1_train.tsv and fnc1_test.tsv, the
pair features `parallax_stance_bench` wrote (engine/diff/stance_features.cpp); MODEL_FILE is the
model written (a parallax-stance-model file of version 2, docs/claims.md section 6), read back
by the engine's StanceModel, which reads the words itself (engine/diff/bag_of_words.cpp).

The model: the standardized features, then the L2-normalized counts of the headline's and of the
body's words over the 5,000 most frequent words of the training headlines and bodies (English stop
words left out), into 24 ReLU units and a softmax (scikit-learn's MLPClassifier: Adam, step 2e-4,
L2 0.1, batches of 200, seed 0). The number of epochs is the one that scores best on a held-out
fifth of the training *topics* (headlines and bodies joined by a related pair; a pair across the
split is left out), after which the model is trained again on all training pairs for that many
epochs. The competition test set is scored once, at the end, and chooses nothing.

Needs Debian's python3-sklearn (run with /usr/bin/python3). OMP_NUM_THREADS=1 and
OPENBLAS_NUM_THREADS=1 make a rerun write the same file.
"""
import csv
import json
import sys
import time
import warnings

try:
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler, normalize
except ImportError as e:  # pragma: no cover - environment check
    sys.exit(f"train_bow.py: {e}; install Debian's python3-sklearn and run /usr/bin/python3")

CLASSES = ["unrelated", "discuss", "agree", "disagree"]
VOCABULARY_SIZE = 5000
HIDDEN_UNITS = 24
L2 = 0.1
STEP = 2e-4
BATCH = 200
SEED = 0
MAX_EPOCHS = 25
HELD_OUT_TOPICS = 0.2
SIGNIFICANT_DIGITS = 6  # float32 keeps about 7; the file stays near 2.5 MB


def read_split(data_dir, split):
    """Headlines, body ids, gold class indices and the bodies of one FNC-1 split."""
    with open(f"{data_dir}/fnc-1/{split}_bodies.csv", encoding="utf-8", newline="") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    with open(f"{data_dir}/fnc-1/{split}_stances.csv", encoding="utf-8", newline="") as f:
        stances = list(csv.DictReader(f))
    return ([r["Headline"] for r in stances], [r["Body ID"] for r in stances],
            np.array([CLASSES.index(r["Stance"]) for r in stances]), bodies)


def read_features(path, labels, body_ids):
    """The features parallax_stance_bench wrote, checked against the CSV's pairs."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f]
    if len(rows) != len(labels):
        sys.exit(f"train_bow.py: {path} has {len(rows)} pairs, the CSV {len(labels)}")
    for i, row in enumerate(rows):
        if row[1] != body_ids[i] or CLASSES.index(row[2]) != labels[i]:
            sys.exit(f"train_bow.py: {path}: pair {i} is not the CSV's pair {i}")
    return header[3:], np.array([[float(v) for v in row[3:]] for row in rows])


def topic_split(headlines, body_ids, labels):
    """Training pairs and held-out pairs: headlines and bodies joined by related pairs are one topic."""
    heads, bods = sorted(set(headlines)), sorted(set(body_ids))
    node = {("h", h): i for i, h in enumerate(heads)}
    node.update({("b", b): len(heads) + i for i, b in enumerate(bods)})
    related = [(node[("h", h)], node[("b", b)]) for h, b, y in zip(headlines, body_ids, labels) if y != 0]
    rows, cols = zip(*related)
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(node), len(node)))
    _, topic = connected_components(graph, directed=False)
    topics = sorted(set(topic.tolist()))
    np.random.RandomState(1234).shuffle(topics)
    held = set(topics[: int(len(topics) * HELD_OUT_TOPICS)])
    h_held = np.array([topic[node[("h", h)]] in held for h in headlines])
    b_held = np.array([topic[node[("b", b)]] in held for b in body_ids])
    return ~h_held & ~b_held, h_held & b_held


def fnc_score(gold, pred):
    """The official weighted score as a percentage of the best possible."""
    related_gold, related_pred = gold != 0, pred != 0
    score = 0.25 * np.sum(related_gold == related_pred) + 0.75 * np.sum((gold == pred) & related_gold)
    return 100 * score / (0.25 * len(gold) + 0.75 * related_gold.sum())


def macro_f1(gold, pred):
    f1 = []
    for c in range(len(CLASSES)):
        tp, fp, fn = np.sum((gold == c) & (pred == c)), np.sum((gold != c) & (pred == c)), np.sum((gold == c) & (pred != c))
        f1.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return 100 * np.mean(f1)


def new_model():
    return MLPClassifier(hidden_layer_sizes=(HIDDEN_UNITS,), activation="relu", alpha=L2, batch_size=BATCH,
                         learning_rate_init=STEP, random_state=SEED)


def train(x, y, epochs, x_check=None, y_check=None):
    """The model after `epochs` epochs, and the held-out score after each."""
    model, curve = new_model(), []
    for _ in range(epochs):
        model.partial_fit(x, y, classes=np.arange(len(CLASSES)))
        if x_check is not None:
            curve.append(fnc_score(y_check, model.predict(x_check)))
    return model, curve


def rounded(values):
    return [float(f"{v:.{SIGNIFICANT_DIGITS}g}") for v in values]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    data_dir, feature_dir, model_file = sys.argv[1:]
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    start = time.time()
    headlines, body_ids, labels, bodies = read_split(data_dir, "train")
    test_headlines, test_body_ids, test_labels, test_bodies = read_split(data_dir, "competition_test")
    names, features = read_features(f"{feature_dir}/fnc1_train.tsv", labels, body_ids)
    test_names, test_features = read_features(f"{feature_dir}/fnc1_test.tsv", test_labels, test_body_ids)
    assert names == test_names

    words = CountVectorizer(max_features=VOCABULARY_SIZE, stop_words="english")
    words.fit(sorted(set(headlines)) + [bodies[b] for b in sorted(bodies)])
    vocabulary = words.get_feature_names_out().tolist()
    scaler = StandardScaler().fit(features)

    def inputs(feature_rows, pair_headlines, pair_bodies, texts):
        order = sorted(set(pair_bodies))
        at = {b: i for i, b in enumerate(order)}
        body_words = normalize(words.transform([texts[b] for b in order]))[[at[b] for b in pair_bodies]]
        return sp.hstack([sp.csr_matrix(scaler.transform(feature_rows)), normalize(words.transform(pair_headlines)),
                          body_words]).tocsr()

    x = inputs(features, headlines, body_ids, bodies)
    x_test = inputs(test_features, test_headlines, test_body_ids, test_bodies)
    fit_part, held_part = topic_split(headlines, body_ids, labels)
    _, curve = train(x[fit_part], labels[fit_part], MAX_EPOCHS, x[held_part], labels[held_part])
    epochs = int(np.argmax(curve)) + 1
    print(f"held-out topics: {fit_part.sum()} training pairs, {held_part.sum()} held out; score by epoch "
          + " ".join(f"{s:.2f}" for s in curve) + f"; {epochs} epochs chosen")
    model, _ = train(x, labels, epochs)
    predicted = model.predict(x_test)
    print(f"scikit-learn's own prediction on the competition test set: weighted score {fnc_score(test_labels, predicted):.2f}, "
          f"macro-F1 {macro_f1(test_labels, predicted):.2f} (the engine's, from the rounded file, follows)")

    hidden = model.coefs_[0].T  # units x inputs
    out = {
        "format": "parallax-stance-model",
        "version": 2,
        "trained_on": (f"FNC-1 train_stances.csv + train_bodies.csv (49,972 pairs); the {len(names)} pair features "
                       f"and the L2-normalized counts of the headline's and the body's words over the "
                       f"{len(vocabulary)} most frequent training words (English stop words left out); "
                       f"{HIDDEN_UNITS} ReLU units, softmax; scikit-learn MLPClassifier, Adam step {STEP}, L2 {L2}, "
                       f"batches of {BATCH}, seed {SEED}, {epochs} epochs (chosen on held-out training topics); "
                       f"bench/stance/train_bow.py"),
        "classes": CLASSES,
        "features": names,
        "mean": rounded(scaler.mean_),
        "scale": rounded(scaler.scale_),
        "weights": [rounded(row) for row in model.coefs_[1].T],
        "bias": rounded(model.intercepts_[1]),
        "hidden": {"weights": [rounded(row) for row in hidden], "bias": rounded(model.intercepts_[0])},
        "activation": "relu",
        "bag_of_words": {"vocabulary": vocabulary},
    }
    with open(model_file, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"model written to {model_file} in {time.time() - start:.1f} s")


if __name__ == "__main__":
    main()

"""Near-duplicates and events over a Dask bag or dataframe of documents (docs/dask.md).

    import dask.bag as db, json
    from distributed import Client
    import parallax.dask

    client = Client("scheduler:8786")                      # or a LocalCluster
    documents = db.read_text("crawl/*.jsonl").map(json.loads)
    result = parallax.dask.run(documents, events=True, dup_threshold=0.5)
    result.near_duplicate_groups                            # [[id, id, ...], ...]
    result.events                                           # [[id, ...], ...]

The stages run where the documents are, each through the C ABI (python/parallax/features.py, the
feature-level calls of include/parallax/parallax.h), and give the answer of one Engine over the
whole corpus:

1. features: each partition's documents are analyzed by an Engine of the given options on a worker
   (signatures; with events also term counts, languages, dates and the partition's document
   frequencies). Documents are numbered in partition order, as one Engine fed the partitions in
   order numbers them.
2. near-duplicates: each signature's LSH band keys (parallax_engine_band_keys) are shuffled by
   bucket (band, high 32 bits of the key: the engine's buckets) into `shuffle_partitions` shards;
   each shard proposes the engine's candidate pairs per bucket (every pair up to 64 members, past
   it each member with the first and its predecessor); the pairs are routed to the partition of
   their first document, deduplicated, sent on with its signature to the partition of the second,
   and verified there (estimated Jaccard, the fraction of equal signature positions, at least
   dup_threshold). The driver joins verified pairs by union-find.
3. events: the partitions' document frequencies are merged in a tree (parallax_document_frequencies_merge)
   and every partition weighs and projects its vectors with the merged frequencies
   (parallax_engine_tfidf_vectors), so vectors equal the single engine's. Dated documents are cut
   into windows of `window_days` days; each window's documents, with `overlap_days` on both sides,
   are clustered on a worker (parallax_engine_events_from_vectors). A document's event is its
   cluster in the window that owns its date; clusters of neighbouring windows that each hold a
   dated document the other window owns are joined. Undated documents join the windows of their nearest dated
   documents (docs/dask.md).
"""
import datetime
import threading
from dataclasses import dataclass, field

import numpy as np

from . import features
from .engine import Engine
from .engine import options as option_table

# Large buckets (boilerplate shared by thousands of pages) are verified against their first member
# and neighbours only: NearDuplicateParams::max_bucket_pairs_size of the engine.
MAX_BUCKET_PAIRS_SIZE = 64
_DOCUMENT_FIELDS = ("id", "text", "title", "source", "lang", "date", "url")
_EPOCH = datetime.date(1970, 1, 1)
_UNDATED = np.iinfo(np.int64).min
# KnnParams::min_similarity: kNN edges below this cosine are dropped by the engine.
_MIN_SIMILARITY = 0.05


@dataclass
class Result:
    """What run() found. Document ids are those of the input; lists are sorted as the engine sorts
    them (groups by their first member's position, events largest first)."""
    ids: list                                   # position (partition order) -> id
    near_duplicate_groups: list                 # lists of ids, 2+ each
    events: list = None                         # lists of ids covering every document, or None
    stats: dict = field(default_factory=dict)   # counts per stage (candidate pairs, windows...)


def _dask():
    try:
        import dask
        return dask
    except ImportError as error:  # pragma: no cover - depends on the machine
        raise ImportError("parallax.dask needs Dask: apt-get install python3-dask python3-distributed") from error


# --- stage 1: features per partition -------------------------------------------------------------

def _records(partition):
    """A partition's documents as dicts: a list of dicts (bag) or a pandas DataFrame (dataframe)."""
    if hasattr(partition, "to_dict"):
        partition = partition.to_dict("records")
    out = []
    for record in partition:
        document = {}
        for name in _DOCUMENT_FIELDS:
            value = record.get(name)
            if value is None or (isinstance(value, float) and value != value):  # NaN of a missing cell
                continue
            document[name] = value if isinstance(value, str) else str(value)
        out.append(document)
    return out


def _worker_options(options, events):
    out = dict(options)
    out.setdefault("threads", 1)
    out["keep_text"] = False
    out["translations"] = False  # cross-language copies are not computed by the driver
    if not events:
        out["near_duplicates_only"] = True
    return out


_settings_engines = {}
_settings_lock = threading.Lock()


def _settings_engine(options, events):
    """An engine holding no document, for the calls that only read its settings (band keys, vectors,
    events): one per worker process and options, shared by its threads (read-only calls may overlap)."""
    key = (tuple(sorted(_worker_options(options, events).items())), events)
    with _settings_lock:
        if key not in _settings_engines:
            _settings_engines[key] = Engine(**_worker_options(options, events))
        return _settings_engines[key]


def _analyze_partition(partition, options, events):
    documents = _records(partition)
    with Engine(**_worker_options(options, events)) as engine:
        length = features._signature_length(engine)
        out = {"ids": [d["id"] for d in documents], "signatures": np.zeros((len(documents), length), np.uint32),
               "has_signature": np.zeros(len(documents), bool)}
        if not documents:
            out.update(dates=[], langs=[], offsets=np.zeros(1, np.uint64), terms=np.zeros(0, np.uint64),
                       counts=np.zeros(0, np.uint32), frequencies=features.DocumentFrequencies().to_bytes())
            return out
        engine.add_many(documents)
        features.analyze(engine)
        for i in range(len(documents)):
            signature = engine.signature(i)
            if signature.size:
                out["signatures"][i] = signature
                out["has_signature"][i] = True
        if events:
            described = engine.documents()
            out["dates"] = [d.get("date") or None for d in described]
            out["langs"] = [d.get("lang") or "" for d in described]
            counted = [features.term_counts(engine, i) for i in range(len(documents))]
            out["offsets"] = np.concatenate([[0], np.cumsum([t.size for t, _ in counted])]).astype(np.uint64)
            out["terms"] = np.concatenate([t for t, _ in counted]).astype(np.uint64)
            out["counts"] = np.concatenate([c for _, c in counted]).astype(np.uint32)
            out["frequencies"] = features.DocumentFrequencies.of(engine).to_bytes()
    return out


def _size(part):
    return len(part["ids"])


# --- stage 2: near-duplicates --------------------------------------------------------------------

def _band_entries(part, start, options, shards):
    """(bucket, document) per band of each signature, split into `shards` by bucket."""
    rows = np.flatnonzero(part["has_signature"])
    engine = _settings_engine(options, False)
    keys = features.band_keys(engine, part["signatures"][rows]) if rows.size else np.zeros((0, 1), np.uint64)
    bands = keys.shape[1]
    # A bucket is (band, the key's high 32 bits), as the engine buckets.
    buckets = (np.arange(bands, dtype=np.uint64)[None, :] << np.uint64(32)) | (keys >> np.uint64(32))
    documents = np.repeat(rows.astype(np.uint64) + np.uint64(start), bands)
    buckets = buckets.reshape(-1)
    shard = (buckets * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(40)  # spread band-major keys evenly
    shard %= np.uint64(shards)
    return [(buckets[shard == s], documents[shard == s]) for s in range(shards)]


def _pairs_of_sorted_buckets(buckets, documents):
    """Candidate pairs (a < b) of buckets given sorted by (bucket, document)."""
    if buckets.size == 0:
        return np.zeros(0, np.uint64), np.zeros(0, np.uint64)
    starts = np.flatnonzero(np.concatenate([[True], buckets[1:] != buckets[:-1]]))
    sizes = np.diff(np.concatenate([starts, [buckets.size]]))
    firsts, seconds = [], []
    for size in np.unique(sizes[sizes >= 2]):
        at = starts[sizes == size]
        if size <= MAX_BUCKET_PAIRS_SIZE:
            x, y = np.triu_indices(int(size), 1)
        else:  # each member with the first and with its predecessor, as the engine pairs large buckets
            k = np.arange(1, int(size))
            x, y = np.concatenate([np.zeros_like(k), k - 1]), np.concatenate([k, k])
        firsts.append(documents[(at[:, None] + x[None, :]).reshape(-1)])
        seconds.append(documents[(at[:, None] + y[None, :]).reshape(-1)])
    if not firsts:
        return np.zeros(0, np.uint64), np.zeros(0, np.uint64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _shard_candidates(pieces, bounds):
    """One shard's candidate pairs, split by the partition holding their first document."""
    buckets = np.concatenate([p[0] for p in pieces])
    documents = np.concatenate([p[1] for p in pieces])
    order = np.lexsort((documents, buckets))
    a, b = _pairs_of_sorted_buckets(buckets[order], documents[order])
    owner = np.searchsorted(bounds, a, side="right") - 1
    return [(a[owner == p], b[owner == p]) for p in range(len(bounds) - 1)]


def _attach_first_signatures(part, start, pieces, bounds):
    """Pairs whose first document is in this partition, each once, with its signature, split by the
    partition of the second document."""
    a = np.concatenate([p[0] for p in pieces])
    b = np.concatenate([p[1] for p in pieces])
    packed = np.unique((a << np.uint64(32)) | b)  # one verification per pair, not one per band
    a, b = packed >> np.uint64(32), packed & np.uint64(0xFFFFFFFF)
    signatures = part["signatures"][(a - np.uint64(start)).astype(np.int64)]
    owner = np.searchsorted(bounds, b, side="right") - 1
    return [(a[owner == q], b[owner == q], signatures[owner == q]) for q in range(len(bounds) - 1)]


def _verify(part, start, pieces, threshold):
    """The pairs whose estimated Jaccard reaches the threshold."""
    a = np.concatenate([p[0] for p in pieces])
    b = np.concatenate([p[1] for p in pieces])
    if a.size == 0:
        return a, b
    first = np.concatenate([p[2] for p in pieces])
    second = part["signatures"][(b - np.uint64(start)).astype(np.int64)]
    jaccard = np.count_nonzero(first == second, axis=1) / first.shape[1]
    keep = jaccard >= threshold
    return a[keep], b[keep]


def _union_find_groups(a, b):
    """Connected components of the pairs (only documents in a pair can be in a group), members
    ascending, ordered by their first member."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(a.tolist(), b.tolist()):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    members = {}
    for x in sorted(parent):
        members.setdefault(find(x), []).append(x)
    return sorted(members.values(), key=lambda m: m[0])


# --- stage 3: events -----------------------------------------------------------------------------

def _merge_frequencies(*serialized):
    merged = features.DocumentFrequencies()
    for data in serialized:
        merged.merge(features.DocumentFrequencies.from_bytes(data))
    return merged.to_bytes()


def _vectors(part, frequencies, options):
    df = features.DocumentFrequencies.from_bytes(frequencies)
    return features.tfidf_vectors(_settings_engine(options, True), df, part["offsets"], part["terms"], part["counts"])


def _days(date):
    return _UNDATED if not date else (datetime.date.fromisoformat(date[:10]) - _EPOCH).days


def _window_pieces(part, vectors, start, windows):
    """For each window, this partition's documents inside it (`windows`: their positions, already cut
    to this partition): (positions, vectors, dates, langs)."""
    out = []
    for members in windows:
        rows = members - start
        out.append((members, vectors[rows], [part["dates"][r] for r in rows], [part["langs"][r] for r in rows]))
    return out


def _cluster_window(pieces, options):
    positions = np.concatenate([p[0] for p in pieces]).astype(np.uint64)
    if positions.size == 0:
        return []
    vectors = np.concatenate([p[1] for p in pieces])
    dates = [d for p in pieces for d in p[2]]
    langs = [lang for p in pieces for lang in p[3]]
    order = np.argsort(positions, kind="stable")  # rows in the engine's document order
    groups = features.events_from_vectors(_settings_engine(options, True), vectors[order], [dates[i] for i in order],
                                          [langs[i] for i in order], ids=positions[order])
    return [g.members.astype(np.int64) for g in groups]


def _date_windows(days, window_days, overlap_days):
    """Windows over the dated documents: (owned positions, all positions clustered) per window."""
    dated = np.flatnonzero(days != _UNDATED)
    if dated.size == 0:
        return []
    first, last = int(days[dated].min()), int(days[dated].max())
    windows = []
    for begin in range(first, last + 1, window_days):
        end = begin + window_days
        owned = dated[(days[dated] >= begin) & (days[dated] < end)]
        if owned.size:
            seen = dated[(days[dated] >= begin - overlap_days) & (days[dated] < end + overlap_days)]
            windows.append((owned, seen))
    return windows


def _undated_vectors(vectors, start, undated):
    return vectors[undated - start]


def _nearest_dated(part, vectors, start, undated_vectors, k):
    """For each undated vector, its k most similar dated documents of this partition: (positions,
    cosines), each (undated, k) (fewer columns when the partition has fewer dated documents)."""
    rows = np.array([r for r, d in enumerate(part["dates"]) if d], dtype=np.int64)
    if rows.size == 0 or undated_vectors.shape[0] == 0:
        return np.zeros((undated_vectors.shape[0], 0), np.int64), np.zeros((undated_vectors.shape[0], 0), np.float32)
    similarity = undated_vectors @ vectors[rows].T
    k = min(k, rows.size)
    top = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    return rows[top] + start, np.take_along_axis(similarity, top, axis=1)


def _place_undated(windows, undated, nearest, owner, k, min_similarity):
    """Undated documents are compatible with every date; the engine's kNN search finds their
    neighbours in the whole corpus. Each joins the windows owning its k nearest dated documents (at
    least min_similarity), with those neighbours, and belongs to the one where their similarity sums
    highest (until _stitch sees where it joined most); those with no dated neighbour form a last
    window of their own."""
    positions = np.concatenate([n[0] for n in nearest], axis=1)
    similarity = np.concatenate([n[1] for n in nearest], axis=1)
    seen = [list(w[1]) for w in windows]
    owned = [list(w[0]) for w in windows]
    alone = []
    for u in range(undated.size):
        best = np.argsort(-similarity[u], kind="stable")[:k]
        weight, neighbours = {}, []
        for column in best:
            if similarity[u, column] >= min_similarity:
                w = int(owner[positions[u, column]])
                weight[w] = weight.get(w, 0.0) + float(similarity[u, column])
                neighbours.append(int(positions[u, column]))
        if not weight:
            alone.append(int(undated[u]))
            continue
        # The window also sees the document's neighbours from other months: then it joins the event
        # it joins in one process, not an event of the window that is only its second choice.
        for w in weight:
            seen[w] += [int(undated[u])] + neighbours
        owned[max(weight, key=lambda w: (weight[w], -w))].append(int(undated[u]))
    out = [(np.sort(np.array(o, np.int64)), np.unique(np.array(s, np.int64))) for o, s in zip(owned, seen)]
    if alone:
        out.append((np.array(alone, np.int64), np.array(alone, np.int64)))
    return out


def _stitch(count, windows, clusters, days):
    """One event per document: its cluster in the window owning it; clusters of two windows joined
    when each holds, clustered with its own documents, a dated document the other owns. (Undated
    documents join no two clusters: they are compatible with every date, so they would chain events
    of different months that the engine's date rule keeps apart.)"""
    owner = np.full(count, -1)
    for w, (owned, _) in enumerate(windows):
        owner[owned] = w
    # An undated document seen by several windows belongs to the one where it joined the most
    # documents that window owns (else to the window _place_undated chose).
    joined_most = {}
    for w, found in enumerate(clusters):
        for members in found:
            undated = days[members] == _UNDATED
            joined = int(np.count_nonzero((owner[members] == w) & ~undated))
            for u in members[undated].tolist() if joined else ():
                if joined > joined_most.get(u, (0, 0))[0]:
                    joined_most[u] = (joined, w)
    for u, (_, w) in joined_most.items():
        owner[u] = w
    parent = []

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    node_of, label = {}, np.full(count, -1)
    for w, found in enumerate(clusters):
        for k, members in enumerate(found):
            node_of[(w, k)] = len(parent)
            parent.append(len(parent))
            for m in members[owner[members] == w].tolist():
                label[m] = node_of[(w, k)]
    links = set()
    for w, found in enumerate(clusters):
        for k, members in enumerate(found):
            if not (owner[members] == w).any():
                continue
            for m in members[(owner[members] != w) & (days[members] != _UNDATED)].tolist():
                links.add((node_of[(w, k)], int(label[m])))
    # Joined only when each window's cluster holds a document the other's owns: a document of the
    # overlap sees a truncated neighbourhood in the window that does not own it, and one-sided
    # links joined distinct events (20k scale documents: B-cubed 0.982 one-sided).
    for a, b in links:
        if (b, a) in links:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    events = {}
    for m in range(count):
        events.setdefault(find(label[m]), []).append(m)
    return sorted(events.values(), key=lambda e: (-len(e), e[0]))


# --- driver --------------------------------------------------------------------------------------

def _partitions(documents):
    """The delayed partitions of a Dask bag or dataframe."""
    if hasattr(documents, "to_delayed"):
        return documents.to_delayed()
    raise TypeError("parallax.dask.run takes a Dask bag of document dicts or a Dask dataframe "
                    "with columns id and text (and optionally title, source, lang, date, url)")


def run(documents, events=True, *, window_days=90, overlap_days=None, shuffle_partitions=None, **options):
    """Near-duplicate groups (and with events=True event clusters) of a Dask bag of dicts or a Dask
    dataframe of documents (fields id, text, title, source, lang, date, url), computed on the current
    Dask scheduler (a distributed Client when one is active). Keyword options are Engine options
    (dup_threshold, event_threshold, date_window, ...), the same for every worker; `threads` is the
    threads of each worker's engines (default 1: Dask runs partitions in parallel).
    window_days: days of dated documents each event task owns; overlap_days: days seen on both sides
    of it (default: the larger of window_days / 2 and 6 x date_window; see _default_overlap)."""
    dask = _dask()
    delayed = dask.delayed
    if overlap_days is None:
        overlap_days = _default_overlap(window_days, int(options.get("date_window", _default_option("date_window"))))

    parts = [delayed(_analyze_partition)(p, options, events) for p in _partitions(documents)]
    parts = dask.persist(*parts)
    sizes = dask.compute(*[delayed(_size)(p) for p in parts])
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.uint64)
    count = int(starts[-1])
    ids = [i for chunk in dask.compute(*[delayed(lambda p: p["ids"])(p) for p in parts]) for i in chunk]
    if len(set(ids)) != len(ids):
        seen = set()
        twice = next(i for i in ids if i in seen or seen.add(i))
        raise ValueError(f"document id {twice!r} is in the input twice: ids must be unique")
    stats = {"documents": count, "partitions": len(parts)}

    shards = shuffle_partitions or max(1, len(parts))
    entries = [delayed(_band_entries, nout=shards)(p, int(starts[i]), options, shards) for i, p in enumerate(parts)]
    candidates = [delayed(_shard_candidates, nout=len(parts))([e[s] for e in entries], starts)
                  for s in range(shards)]
    with_first = [delayed(_attach_first_signatures, nout=len(parts))(p, int(starts[i]), [c[i] for c in candidates],
                                                                     starts)
                  for i, p in enumerate(parts)]
    threshold = float(options.get("dup_threshold", _default_option("dup_threshold")))
    verified = [delayed(_verify)(p, int(starts[q]), [w[q] for w in with_first], threshold) for q, p in enumerate(parts)]
    verified = dask.compute(*verified)
    a = np.concatenate([v[0] for v in verified]).astype(np.int64) if verified else np.zeros(0, np.int64)
    b = np.concatenate([v[1] for v in verified]).astype(np.int64) if verified else np.zeros(0, np.int64)
    stats["verified_pairs"] = int(a.size)
    groups = [[ids[m] for m in g] for g in _union_find_groups(a, b)]
    result = Result(ids=ids, near_duplicate_groups=groups, stats=stats)
    if not events:
        return result

    frequencies = [delayed(lambda p: p["frequencies"])(p) for p in parts]
    while len(frequencies) > 1:  # a tree: no task merges more than 8 shards
        frequencies = [delayed(_merge_frequencies)(*frequencies[i:i + 8]) for i in range(0, len(frequencies), 8)]
    merged = frequencies[0] if frequencies else _merge_frequencies()
    vectors = [delayed(_vectors)(p, merged, options) for p in parts]

    dates = [d for chunk in dask.compute(*[delayed(lambda p: p["dates"])(p) for p in parts]) for d in chunk]
    days = np.array([_days(d) for d in dates], dtype=np.int64)
    if int(options.get("date_window", _default_option("date_window"))) <= 0:
        days[:] = _UNDATED  # the engine ignores dates: one window holds everything
    windows = _date_windows(days, window_days, overlap_days)
    stats.update(window_days=int(window_days), overlap_days=int(overlap_days))
    undated = np.flatnonzero(days == _UNDATED)
    if undated.size:
        owner = np.full(count, -1)
        for w, (owned, _) in enumerate(windows):
            owner[owned] = w
        # Twice the engine's k: on xling-events (117 of 228 undated) k gave B-cubed 0.984-0.987
        # against one process, 2k identical events.
        k = 2 * int(options.get("neighbors", _default_option("neighbors")))
        cuts = [undated[(undated >= starts[i]) & (undated < starts[i + 1])] for i in range(len(parts))]
        undated_vectors = delayed(np.concatenate)(
            [delayed(_undated_vectors)(vectors[i], int(starts[i]), cuts[i]) for i in range(len(parts))])
        nearest = dask.compute(*[delayed(_nearest_dated)(p, vectors[i], int(starts[i]), undated_vectors, k)
                                 for i, p in enumerate(parts)])
        windows = _place_undated(windows, undated, nearest, owner, k, _MIN_SIMILARITY)
    stats["windows"] = len(windows)
    seen = [w[1] for w in windows]

    def cut(i):  # the positions of each window inside partition i
        return [s[(s >= int(starts[i])) & (s < int(starts[i + 1]))] for s in seen]

    pieces = [delayed(_window_pieces, nout=len(windows))(p, vectors[i], int(starts[i]), cut(i))
              for i, p in enumerate(parts)]
    clusters = dask.compute(*[delayed(_cluster_window)([piece[w] for piece in pieces], options)
                              for w in range(len(windows))])
    result.events = [[ids[m] for m in e] for e in _stitch(count, windows, clusters, days)]
    return result


def _default_overlap(window_days, date_window):
    """Days each event window sees on both sides of the days it owns, unless run() is given them.

    The engine's events are not bounded by date_window: its date rule refuses a merge only when the
    two clusters' date ranges lie more than date_window apart, so an event grows by steps of up to
    date_window days, and at a few hundred documents a day events of the scale corpus run for weeks
    or months (first 100k documents of the 1M scale corpus, 107 a day: 90th percentile 9 days,
    longest 315). A window that sees only part of such an event links its owned documents on a
    truncated cluster, and the average linkage goes another way there, mid-window as well as at its
    edges. Measured on those 100k documents (B-cubed against one process): overlap 14 days (the
    former default, 2 x date_window) 0.986, 30 days 0.9975, 45 days 0.9992; on 20,000 generated
    documents over 60 days (333 a day, events chained over the whole span) 14 days 0.759, 42 days
    0.995. Each document is clustered in (window_days + 2 x overlap) / window_days windows: about 2
    with the default 90-day windows, as 30-day windows with 14 days of overlap cost before."""
    return max(window_days // 2, 6 * date_window)


def _default_option(name):
    """The engine's default value of an option, as a float."""
    return next(float(row["default"]) for row in option_table() if row["name"] == name)

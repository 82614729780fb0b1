#include "group/event_clustering.hpp"

#include <algorithm>
#include <boost/container/small_vector.hpp>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>

namespace parallax {
namespace {

// The members of a cluster in one language: how many, and, when the evidence rule is on, the sums
// of their backgrounds across languages (per member: the median cosine of its candidates in other
// languages, and how far chance lifts the best of them above it; see pair_bars).
struct LanguagePart {
  std::uint16_t language = 0;
  std::uint32_t count = 1;
  double background_sum = 0;
  double chance_sum = 0;
};

// A kNN neighbour of a cluster, with an upper bound on the sum of the cosines between the two:
// `cosine_sum` over the `pairs` of members the two clusters had then, which bounds the sum between
// any later clusters holding them, each pair added counting at most the largest cosine. `other`
// may be a cluster since merged into another (root() gives the one holding it now). 12 bytes: at
// 1M documents the links number about 40M.
struct Link {
  std::uint32_t other;
  float pairs;        // rounded down, so that the pairs added since are never undercounted
  float cosine_sum;   // rounded up
};

// Per cluster: its size, the vector sum of its members, date range, members per language and kNN
// neighbours (other clusters). A small cluster's sum is added up from its members' rows when
// needed (see kMembersWithoutSum); a larger one keeps it in a slot of `sums_`.
struct ClusterState {
  std::uint32_t size = 1;
  std::uint32_t version = 0;
  bool alive = true;
  std::uint32_t document = 0;  // its first member, while it has no slot (the others follow in next_member_)
  std::uint32_t sum_slot = kNoSlot;
  float sum_norm2 = 1;  // |vector sum|^2: how redundant the members are (independent_members)
  static constexpr std::uint32_t kNoSlot = 0xffffffffu;
  std::optional<int> first_date;
  std::optional<int> last_date;
  // One per language; nearly always one, so it is held inline: no heap block per document.
  boost::container::small_vector<LanguagePart, 1> parts;
  std::vector<Link> neighbours;
};

struct MergeCandidate {
  float margin;  // how far the merged cluster's averages stay above their thresholds (>= 0)
  std::uint32_t a, b;
  std::uint32_t version_a, version_b;
};

// Merges by margin, the highest first; equal margins (copies of one text) by cluster numbers, so
// that the order never depends on how the heap was laid out (it is rebuilt, see compact_queue).
bool merges_later(const MergeCandidate& x, const MergeCandidate& y) {
  if (x.margin != y.margin) return x.margin < y.margin;
  if (x.a != y.a) return x.a > y.a;
  return x.b > y.b;
}

class AverageLinkage {
 public:
  AverageLinkage(const HalfMatrix& vectors, const std::vector<std::optional<int>>& dates,
                 const std::vector<std::uint16_t>& languages, const CrossLanguageBackground& cross_background,
                 const EventClusteringParams& params)
      : params_(params), vectors_(vectors), clusters_(static_cast<std::size_t>(vectors.rows())),
        absorbed_into_(clusters_.size()), next_member_(clusters_.size(), kNoMember),
        slot_of_root_(clusters_.size(), kNoPending), sum_x_(vectors.cols()), sum_y_(vectors.cols()),
        row_(vectors.cols()) {
    // No cosine exceeds the largest squared norm (Cauchy-Schwarz): about 1 for the engine's unit vectors.
    largest_cosine_ = 0;
    for (std::size_t i = 0; i < clusters_.size(); ++i) {
      clusters_[i].first_date = clusters_[i].last_date = dates[i];
      vectors.widen_row(static_cast<Eigen::Index>(i), sum_x_.data());
      clusters_[i].sum_norm2 = sum_x_.squaredNorm();
      largest_cosine_ = std::max(largest_cosine_, static_cast<double>(clusters_[i].sum_norm2));
      LanguagePart part;
      part.language = languages.empty() ? 0 : languages[i];
      if (i < cross_background.candidates.size() && cross_background.candidates[i] > 0) {
        // The best of n draws of a normal variable lies about sqrt(2 ln n) deviations above its median.
        part.background_sum = cross_background.median[i];
        part.chance_sum = static_cast<double>(cross_background.deviation[i]) *
                          std::sqrt(2 * std::log(static_cast<double>(cross_background.candidates[i])));
      }
      clusters_[i].parts.push_back(part);
      clusters_[i].document = static_cast<std::uint32_t>(i);
      absorbed_into_[i] = static_cast<std::uint32_t>(i);
    }
  }

  void add_edges(const std::vector<SimilarityEdge>& edges) {
    // Lists sized exactly first: grown by doubling, they would hold up to as much slack as links.
    std::vector<std::uint32_t> degree(clusters_.size(), 0);
    for (const auto& e : edges)
      if (!too_far_apart(clusters_[e.a], clusters_[e.b])) ++degree[e.a], ++degree[e.b];
    for (std::size_t i = 0; i < clusters_.size(); ++i) clusters_[i].neighbours.reserve(degree[i]);
    std::vector<std::uint32_t>().swap(degree);
    std::vector<MergeCandidate> initial;
    initial.reserve(edges.size());  // pages never written are never backed by memory
    for (const auto& e : edges) {
      if (too_far_apart(clusters_[e.a], clusters_[e.b])) continue;
      const auto a = static_cast<std::uint32_t>(e.a), b = static_cast<std::uint32_t>(e.b);
      clusters_[a].neighbours.push_back({b, 1.0f, e.similarity});
      clusters_[b].neighbours.push_back({a, 1.0f, e.similarity});
      // A candidate under the threshold would never be merged (run() stops at the first one), so
      // it is not queued; the neighbour link stays, as a later merge can raise the average.
      const float margin = static_cast<float>(e.similarity - pair_bars(a, b));
      if (margin >= 0) initial.push_back({margin, a, b, 0, 0});
    }
    queue_ = std::move(initial);
    std::make_heap(queue_.begin(), queue_.end(), merges_later);
  }

  void run() {
    while (!queue_.empty()) {
      std::pop_heap(queue_.begin(), queue_.end(), merges_later);
      const MergeCandidate c = queue_.back();
      queue_.pop_back();
      if (c.margin < 0) break;
      if (is_stale(c) || too_far_apart(clusters_[c.a], clusters_[c.b])) continue;
      merge(c.a, c.b);
    }
  }

  std::vector<std::vector<std::size_t>> members(std::size_t n) const {
    std::vector<std::size_t> root(n);
    for (std::size_t i = 0; i < n; ++i) root[i] = find(i);
    std::vector<std::vector<std::size_t>> out;
    std::vector<long> slot(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
      if (slot[root[i]] < 0) {
        slot[root[i]] = static_cast<long>(out.size());
        out.emplace_back();
      }
      out[slot[root[i]]].push_back(i);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
    return out;
  }

 private:
  using ConstVector = Eigen::Map<const Eigen::VectorXf>;

  bool is_stale(const MergeCandidate& c) const {
    const auto& a = clusters_[c.a];
    const auto& b = clusters_[c.b];
    return !a.alive || !b.alive || a.version != c.version_a || b.version != c.version_b;
  }

  bool too_far_apart(const ClusterState& x, const ClusterState& y) const {
    if (params_.date_window_days <= 0 || !x.first_date || !y.first_date) return false;
    const int gap = std::max(*x.first_date, *y.first_date) - std::min(*x.last_date, *y.last_date);
    return gap > params_.date_window_days;
  }

  // The vector sum of c's members: its slot, or its members' rows added up in `scratch`.
  ConstVector sum_of(const ClusterState& c, Eigen::VectorXf& scratch) {
    if (c.sum_slot != ClusterState::kNoSlot) return ConstVector(sums_[c.sum_slot].data(), vectors_.cols());
    vectors_.widen_row(c.document, scratch.data());
    for (std::uint32_t m = next_member_[c.document]; m != kNoMember; m = next_member_[m]) {
      vectors_.widen_row(m, row_.data());
      scratch += row_;
    }
    return ConstVector(scratch.data(), vectors_.cols());
  }

  // How far the pairs a merge of x and y would add stand, on average, above their bars (pair_bars).
  // Pooled, so that strong agreement across languages can carry a same-language pair a little
  // under its bar (and the reverse); on a corpus in one language it is the plain average linkage.
  // Pooling makes it one dot product whatever the languages: the added pairs' cosines sum to the
  // dot of the two clusters' sums, and their bars depend on sums kept per language part only.
  float merge_margin(std::uint32_t x, std::uint32_t y, float cosines) const {
    const double pairs = static_cast<double>(clusters_[x].size) * clusters_[y].size;
    return static_cast<float>((cosines - pair_bars(x, y)) / pairs);
  }

  // How many independent documents a cluster's members count for: size^2 / |sum|^2, 1 for copies
  // of one text, its size for texts that share nothing. A story and its near-copies meet an
  // unrelated document by chance once, not once per copy.
  static double independent_members(const ClusterState& c) {
    const double n = c.size;
    if (c.sum_norm2 <= 0) return n;
    return std::clamp(n * n / c.sum_norm2, 1.0, n);
  }

  // The sum of the bars of the pairs a merge of x and y adds: event_threshold for each pair in one
  // language; across languages, cross_language_threshold each, or, with the evidence rule
  // (cross_language_evidence > 0), more where chance would pass that: the pairs' excess over
  // their documents' background (median cosine across languages), summed over the independent
  // members of both sides, must reach `evidence` times the margin by which chance lifts a
  // document's best unrelated candidate above that median. So a lone pair must beat what the best
  // of its candidates reaches by chance (more candidates, a higher bar), while clusters of
  // several independent documents that agree across languages merge on a smaller average excess.
  // The background is linear in the members, so it is kept as sums per language part.
  double pair_bars(std::uint32_t x, std::uint32_t y) const {
    double same_pairs = 0, cross_pairs = 0, background = 0, chance = 0;
    for (const LanguagePart& p : clusters_[x].parts)
      for (const LanguagePart& q : clusters_[y].parts) {
        const double pq = static_cast<double>(p.count) * q.count;
        if (p.language == q.language) {
          same_pairs += pq;
          continue;
        }
        cross_pairs += pq;
        background += 0.5 * (p.background_sum * q.count + q.background_sum * p.count);
        chance += 0.5 * (p.chance_sum * q.count + q.chance_sum * p.count);
      }
    double cross = params_.cross_language_threshold * cross_pairs;
    if (cross_pairs > 0 && params_.cross_language_evidence > 0) {
      const double draws = independent_members(clusters_[x]) * independent_members(clusters_[y]);
      cross = std::max(cross, background + params_.cross_language_evidence * chance / draws);
    }
    return params_.threshold * same_pairs + cross;
  }

  // What pair_bars cannot go under: each pair at its threshold, the evidence rule left out (it
  // only raises the bar of pairs across languages).
  double lowest_bars(std::uint32_t x, std::uint32_t y) const {
    double same_pairs = 0, cross_pairs = 0;
    for (const LanguagePart& p : clusters_[x].parts)
      for (const LanguagePart& q : clusters_[y].parts)
        (p.language == q.language ? same_pairs : cross_pairs) += static_cast<double>(p.count) * q.count;
    return params_.threshold * same_pairs + params_.cross_language_threshold * cross_pairs;
  }

  static void widen_dates(ClusterState& into, const ClusterState& from) {
    if (!from.first_date) return;
    if (!into.first_date) {
      into.first_date = from.first_date;
      into.last_date = from.last_date;
      return;
    }
    into.first_date = std::min(*into.first_date, *from.first_date);
    into.last_date = std::max(*into.last_date, *from.last_date);
  }

  std::uint32_t take_slot(const Eigen::VectorXf& initial) {
    if (free_slots_.empty()) {
      sums_.push_back(initial);
      return static_cast<std::uint32_t>(sums_.size() - 1);
    }
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    sums_[slot] = initial;
    return slot;
  }

  // Adds `from`'s members of one language to `into`'s count of that language.
  static void add_part(ClusterState& into, const LanguagePart& from) {
    auto same = std::find_if(into.parts.begin(), into.parts.end(),
                             [&](const LanguagePart& p) { return p.language == from.language; });
    if (same == into.parts.end()) {
      into.parts.push_back(from);
    } else {
      same->count += from.count;
      same->background_sum += from.background_sum;
      same->chance_sum += from.chance_sum;
    }
  }

  // Adds `from`'s members to `into`'s sum (into is the larger): to its member list while the two
  // stay small, else to its slot, which it takes when it outgrows the list.
  void add_sum(ClusterState& into, const ClusterState& from) {
    if (into.sum_slot == ClusterState::kNoSlot && into.size + from.size <= kMembersWithoutSum) {
      std::uint32_t last = into.document;
      while (next_member_[last] != kNoMember) last = next_member_[last];
      next_member_[last] = from.document;
      return;
    }
    if (into.sum_slot == ClusterState::kNoSlot) into.sum_slot = take_slot(sum_of(into, sum_x_));
    sums_[into.sum_slot] += sum_of(from, sum_y_);
    if (from.sum_slot != ClusterState::kNoSlot) free_slots_.push_back(from.sum_slot);
  }

  void merge(std::uint32_t a, std::uint32_t b) {
    if (clusters_[a].size < clusters_[b].size) std::swap(a, b);
    ClusterState& into = clusters_[a];
    ClusterState& from = clusters_[b];
    const std::uint32_t size_a = into.size, size_b = from.size;
    add_sum(into, from);
    into.size += from.size;
    const ConstVector sum = sum_of(into, sum_x_);  // sum_x_ holds it through relink()
    into.sum_norm2 = sum.squaredNorm();
    for (const LanguagePart& part : from.parts) add_part(into, part);
    from.parts.clear();
    from.parts.shrink_to_fit();
    widen_dates(into, from);
    ++into.version;
    from.alive = false;
    absorbed_into_[b] = a;
    relink(a, b, size_a, size_b, sum);
  }

  // A neighbour of a merged cluster, gathered from the links of both parts: the tightest bound on
  // its cosine sum with each part (infinite: no link on that side).
  struct PendingNeighbour {
    std::uint32_t root;
    double with_a, with_b;
  };
  static constexpr std::uint32_t kNoPending = 0xffffffffu;
  // Bounds within this of the margin 0 are computed exactly: float rounding cannot hide a merge.
  static constexpr double kBoundSlack = 1e-3;

  // After a (of size_a) absorbed b (of size_b): a's neighbours become the current clusters of both
  // parts' neighbours, each once. The margin of a pair can only be positive where the bound on its
  // cosine sum allows it: only those pairs get a dot product of their sums (the exact margin, queued
  // when >= 0, by neighbour number as before). A large cluster that grows by small steps so
  // recomputes a far neighbour once per growth by a constant factor instead of at every step
  // (at 33,000 documents a day, per-step recomputation made the linkage quadratic in a story's size).
  void relink(std::uint32_t a, std::uint32_t b, std::uint32_t size_a, std::uint32_t size_b, const ConstVector& sum_a) {
    pending_.clear();
    gather_bounds(clusters_[a].neighbours, a, size_a, true);
    gather_bounds(clusters_[b].neighbours, a, size_b, false);
    std::vector<Link>().swap(clusters_[b].neighbours);
    ClusterState& into = clusters_[a];
    into.neighbours.clear();
    queued_.clear();
    for (const PendingNeighbour& p : pending_) {
      slot_of_root_[p.root] = kNoPending;
      const double other = clusters_[p.root].size;
      const double with_a = std::isinf(p.with_a) ? largest_cosine_ * size_a * other : p.with_a;
      const double with_b = std::isinf(p.with_b) ? largest_cosine_ * size_b * other : p.with_b;
      float cosines = rounded_up(with_a + with_b);
      const double pairs = static_cast<double>(into.size) * other;
      if ((cosines - lowest_bars(a, p.root)) / pairs >= -kBoundSlack) {
        cosines = sum_a.dot(sum_of(clusters_[p.root], sum_y_));
        const float margin = merge_margin(a, p.root, cosines);
        if (margin >= 0) queued_.push_back({margin, p.root});
      }
      into.neighbours.push_back({p.root, rounded_down(static_cast<double>(into.size) * other), cosines});
    }
    std::sort(queued_.begin(), queued_.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    make_room(queued_.size());
    for (const auto& [margin, c] : queued_) {
      queue_.push_back({margin, a, c, into.version, clusters_[c].version});
      std::push_heap(queue_.begin(), queue_.end(), merges_later);
    }
  }

  // Every merge queues its cluster's candidates anew and leaves the old ones stale: where stories
  // run to thousands of documents (a month of news at 33,000 a day) the stale ones filled
  // gigabytes. They are dropped whenever the queue is full, before it grows (a vector that grows
  // holds its old and new blocks at once: 1 GB at 1M documents); it then keeps room for as many
  // pushes as it has live entries, so the cost stays linear in what is pushed.
  void make_room(std::size_t more) {
    if (queue_.size() + more <= queue_.capacity()) return;
    queue_.erase(std::remove_if(queue_.begin(), queue_.end(), [&](const MergeCandidate& c) { return is_stale(c); }),
                 queue_.end());
    std::make_heap(queue_.begin(), queue_.end(), merges_later);
    queue_.reserve(std::max({kFirstQueueRoom, 2 * queue_.size(), queue_.size() + more}));
  }

  // Adds to pending_ the bounds that the links of one part (of `part_size` members now) give on
  // its cosine sums with the current clusters of their neighbours (a: the merged cluster, skipped).
  void gather_bounds(const std::vector<Link>& links, std::uint32_t a, std::uint32_t part_size, bool part_is_a) {
    for (const Link& link : links) {
      const std::uint32_t r = root(link.other);
      if (r == a) continue;
      const double added_pairs = static_cast<double>(part_size) * clusters_[r].size - link.pairs;
      const double bound = link.cosine_sum + largest_cosine_ * added_pairs;
      std::uint32_t& slot = slot_of_root_[r];
      if (slot == kNoPending) {
        slot = static_cast<std::uint32_t>(pending_.size());
        pending_.push_back({r, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()});
      }
      double& side = part_is_a ? pending_[slot].with_a : pending_[slot].with_b;
      side = std::min(side, bound);
    }
  }

  // The float nearest to x from above, and from below: a stored bound must stay a bound.
  static float rounded_up(double x) {
    const auto f = static_cast<float>(x);
    return static_cast<double>(f) >= x ? f : std::nextafter(f, std::numeric_limits<float>::infinity());
  }
  static float rounded_down(double x) {
    const auto f = static_cast<float>(x);
    return static_cast<double>(f) <= x ? f : std::nextafter(f, -std::numeric_limits<float>::infinity());
  }

  // The cluster holding cluster i now (path halving: later lookups are shorter).
  std::uint32_t root(std::uint32_t i) {
    while (absorbed_into_[i] != i) {
      absorbed_into_[i] = absorbed_into_[absorbed_into_[i]];
      i = absorbed_into_[i];
    }
    return i;
  }

  std::size_t find(std::size_t i) const {
    while (absorbed_into_[i] != i) i = absorbed_into_[i];
    return i;
  }

  EventClusteringParams params_;
  // Clusters of up to this many members keep no sum: their rows are added up when one is needed.
  // At 1M documents in 30 days, 250,000 clusters of a few copies live at once early in the
  // linkage; a sum of 768 floats each took 0.8 GB.
  static constexpr std::uint32_t kMembersWithoutSum = 4;
  static constexpr std::uint32_t kNoMember = 0xffffffffu;

  const HalfMatrix& vectors_;
  std::vector<ClusterState> clusters_;
  std::vector<Eigen::VectorXf> sums_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<MergeCandidate> queue_;  // a heap by merges_later
  static constexpr std::size_t kFirstQueueRoom = std::size_t{1} << 20;
  std::vector<std::uint32_t> absorbed_into_;
  std::vector<std::uint32_t> next_member_;  // the member after a document in its sum-less cluster
  // Scratch of relink(): a root's place in pending_ (kNoPending when absent), the merges to queue.
  std::vector<std::uint32_t> slot_of_root_;
  std::vector<PendingNeighbour> pending_;
  std::vector<std::pair<float, std::uint32_t>> queued_;
  double largest_cosine_ = 1;   // no pair's cosine is higher
  Eigen::VectorXf sum_x_, sum_y_, row_;  // scratch of sum_of()
};

}  // namespace

std::vector<std::vector<std::size_t>> cluster_events(const HalfMatrix& vectors,
                                                     std::vector<SimilarityEdge> edges,
                                                     const std::vector<std::optional<int>>& dates,
                                                     const EventClusteringParams& params,
                                                     const std::vector<std::uint16_t>& languages,
                                                     const CrossLanguageBackground& cross_background) {
  AverageLinkage linkage(vectors, dates, languages, cross_background, params);
  linkage.add_edges(edges);
  std::vector<SimilarityEdge>().swap(edges);  // the queue holds them now; at 1M documents this is ~0.5 GB
  linkage.run();
  return linkage.members(static_cast<std::size_t>(vectors.rows()));
}

std::vector<std::vector<std::size_t>> find_events(
    const HalfMatrix& vectors, const std::vector<std::optional<int>>& dates, const std::vector<std::uint16_t>& languages,
    const KnnParams& knn, const EventClusteringParams& params, int threads,
    const std::function<void(const std::vector<SimilarityEdge>&)>& on_edges) {
  // The background is needed only by the evidence rule, and only where languages meet.
  const bool several_languages =
      std::adjacent_find(languages.begin(), languages.end(), std::not_equal_to<>()) != languages.end();
  CrossLanguageBackground background;
  background.languages = &languages;
  auto edges = knn_graph_in_date_windows(vectors, dates, params.date_window_days, knn, threads,
                                         params.cross_language_evidence > 0 && several_languages ? &background : nullptr);
  if (on_edges) on_edges(edges);
  return cluster_events(vectors, std::move(edges), dates, params, languages, background);
}

std::vector<std::uint16_t> number_languages(const std::vector<std::string>& codes) {
  std::unordered_map<std::string, std::uint16_t> number_of;
  std::vector<std::uint16_t> numbers;
  numbers.reserve(codes.size());
  for (const auto& code : codes) {
    const auto it =
        number_of.try_emplace(code, static_cast<std::uint16_t>(std::min<std::size_t>(number_of.size(), 0xffff))).first;
    numbers.push_back(it->second);
  }
  return numbers;
}

std::size_t nearest_to_centroid(const HalfMatrix& vectors, const std::vector<std::size_t>& members) {
  Eigen::VectorXf centroid = Eigen::VectorXf::Zero(vectors.cols()), row(vectors.cols());
  for (std::size_t m : members) {
    vectors.widen_row(static_cast<Eigen::Index>(m), row.data());
    centroid += row;
  }
  std::size_t nearest = members.front();  // the first of equals
  float best = -std::numeric_limits<float>::infinity();
  for (std::size_t m : members) {
    vectors.widen_row(static_cast<Eigen::Index>(m), row.data());
    if (const float score = row.dot(centroid); score > best) {
      best = score;
      nearest = m;
    }
  }
  return nearest;
}

}  // namespace parallax

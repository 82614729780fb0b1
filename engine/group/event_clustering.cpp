#include "group/event_clustering.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>
#include <unordered_set>

namespace parallax {
namespace {

struct ClusterState {
  Eigen::VectorXf vector_sum;
  std::size_t size = 1;
  std::optional<int> first_date;
  std::optional<int> last_date;
  unsigned version = 0;
  bool alive = true;
  std::unordered_set<std::size_t> neighbours;  // clusters joined to this one by a kNN edge
};

struct MergeCandidate {
  float average_similarity;
  std::size_t a, b;
  unsigned version_a, version_b;
  bool operator<(const MergeCandidate& o) const { return average_similarity < o.average_similarity; }
};

class AverageLinkage {
 public:
  AverageLinkage(const DenseMatrix& vectors, const std::vector<std::optional<int>>& dates,
                 const EventClusteringParams& params)
      : params_(params), clusters_(static_cast<std::size_t>(vectors.rows())) {
    for (std::size_t i = 0; i < clusters_.size(); ++i) {
      clusters_[i].vector_sum = vectors.row(static_cast<Eigen::Index>(i)).transpose();
      clusters_[i].first_date = clusters_[i].last_date = dates[i];
    }
  }

  void add_edge(const SimilarityEdge& e) {
    if (too_far_apart(clusters_[e.a], clusters_[e.b])) return;
    clusters_[e.a].neighbours.insert(e.b);
    clusters_[e.b].neighbours.insert(e.a);
    queue_.push({e.similarity, e.a, e.b, 0, 0});
  }

  void run() {
    while (!queue_.empty()) {
      const MergeCandidate c = queue_.top();
      queue_.pop();
      if (c.average_similarity < params_.threshold) break;
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

  float average_similarity(const ClusterState& x, const ClusterState& y) const {
    return x.vector_sum.dot(y.vector_sum) / static_cast<float>(x.size * y.size);
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

  void merge(std::size_t a, std::size_t b) {
    if (clusters_[a].size < clusters_[b].size) std::swap(a, b);
    ClusterState& into = clusters_[a];
    ClusterState& from = clusters_[b];
    into.vector_sum += from.vector_sum;
    into.size += from.size;
    widen_dates(into, from);
    ++into.version;
    from.alive = false;
    absorbed_into_[b] = a;
    for (std::size_t c : from.neighbours) {
      if (c == a) continue;
      clusters_[c].neighbours.erase(b);
      clusters_[c].neighbours.insert(a);
      into.neighbours.insert(c);
    }
    into.neighbours.erase(b);
    from.neighbours.clear();
    from.vector_sum.resize(0);
    for (std::size_t c : into.neighbours)
      queue_.push({average_similarity(into, clusters_[c]), a, c, into.version, clusters_[c].version});
  }

  std::size_t find(std::size_t i) const {
    while (true) {
      const auto it = absorbed_into_.find(i);
      if (it == absorbed_into_.end()) return i;
      i = it->second;
    }
  }

  EventClusteringParams params_;
  std::vector<ClusterState> clusters_;
  std::priority_queue<MergeCandidate> queue_;
  std::unordered_map<std::size_t, std::size_t> absorbed_into_;
};

}  // namespace

std::vector<std::vector<std::size_t>> cluster_events(const DenseMatrix& vectors,
                                                     const std::vector<SimilarityEdge>& edges,
                                                     const std::vector<std::optional<int>>& dates,
                                                     const EventClusteringParams& params) {
  AverageLinkage linkage(vectors, dates, params);
  for (const auto& e : edges) linkage.add_edge(e);
  linkage.run();
  return linkage.members(static_cast<std::size_t>(vectors.rows()));
}

}  // namespace parallax

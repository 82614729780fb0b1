#include "group/lsh_parameters.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <vector>

namespace parallax {
namespace {

// Simpson's rule needs an even number of intervals; 256 per side puts the chosen banding within
// rounding of scipy's adaptive quad (what datasketch integrates with) for every threshold tested.
constexpr int kIntervals = 256;

// Simpson weights times the step on [a, b], and the points.
struct Quadrature {
  std::vector<double> points, weights;
  Quadrature(double a, double b) {
    const double h = (b - a) / kIntervals;
    for (int i = 0; i <= kIntervals; ++i) {
      points.push_back(a + h * i);
      weights.push_back(h / 3 * (i == 0 || i == kIntervals ? 1 : (i % 2 ? 4 : 2)));
    }
  }
};

void require_valid(double threshold, int num_hashes) {
  if (!(threshold >= 0 && threshold <= 1))
    throw std::invalid_argument("the Jaccard threshold must lie in [0, 1]");
  if (num_hashes < 1) throw std::invalid_argument("the number of hashes must be positive");
}

// The automatic banding, remembered for the last (threshold, hashes) asked: one `parallax dedup`
// asks three times (the options' check, the search, the report) and each search took about 0.1 ms,
// 8% of a run on a one-document corpus.
LshBanding automatic_banding(double jaccard_threshold, int num_hashes) {
  struct Chosen {
    double threshold;
    int num_hashes;
    LshBanding banding;
  };
  static std::mutex mutex;
  static std::optional<Chosen> last;
  const std::lock_guard<std::mutex> lock(mutex);
  if (!last || last->threshold != jaccard_threshold || last->num_hashes != num_hashes)
    last = Chosen{jaccard_threshold, num_hashes,
                  optimal_banding(candidate_threshold(jaccard_threshold, num_hashes), num_hashes)};
  return last->banding;
}

}  // namespace

LshBanding optimal_banding(double threshold, int num_hashes, double false_positive_weight,
                           double false_negative_weight) {
  require_valid(threshold, num_hashes);
  const Quadrature below(0.0, threshold), above(threshold, 1.0);
  // For one row count, P(no band agrees | s) = (1 - s^rows)^bands is built up band by band, so
  // the whole search costs one multiplication per (bands, rows, point): under a millisecond at 128.
  const auto points = below.points.size();
  std::vector<double> band_miss_below(points), band_miss_above(points), miss_below(points), miss_above(points);
  // s^rows kept from one row count to the next: one multiplication per point instead of a pow()
  // call (pow was a tenth of `dedup`'s CPU time on 1k documents).
  std::vector<double> power_below(points, 1.0), power_above(points, 1.0);
  double best_error = std::numeric_limits<double>::infinity();
  LshBanding best;
  for (int rows = 1; rows <= num_hashes; ++rows) {
    for (std::size_t i = 0; i < points; ++i) {
      power_below[i] *= below.points[i];
      power_above[i] *= above.points[i];
      band_miss_below[i] = 1.0 - power_below[i];
      band_miss_above[i] = 1.0 - power_above[i];
    }
    std::fill(miss_below.begin(), miss_below.end(), 1.0);
    std::fill(miss_above.begin(), miss_above.end(), 1.0);
    for (int bands = 1; bands * rows <= num_hashes; ++bands) {
      double false_positive = 0, false_negative = 0;
      for (std::size_t i = 0; i < points; ++i) {
        miss_below[i] *= band_miss_below[i];
        miss_above[i] *= band_miss_above[i];
        false_positive += below.weights[i] * (1.0 - miss_below[i]);
        false_negative += above.weights[i] * miss_above[i];
      }
      const double error = false_positive_weight * false_positive + false_negative_weight * false_negative;
      // datasketch walks bands, then rows, keeping the first minimum; the same order of preference.
      if (error < best_error || (error == best_error && (bands < best.bands || (bands == best.bands && rows < best.rows)))) {
        best_error = error;
        best = {bands, rows};
      }
    }
  }
  return best;
}

double candidate_threshold(double jaccard_threshold, int num_hashes) {
  require_valid(jaccard_threshold, num_hashes);
  const double standard_error = std::sqrt(jaccard_threshold * (1 - jaccard_threshold) / num_hashes);
  return std::max(0.0, jaccard_threshold - 2 * standard_error);
}

double candidate_probability(double s, LshBanding banding) {
  return 1.0 - std::pow(1.0 - std::pow(s, banding.rows), banding.bands);
}

LshBanding resolve_banding(double jaccard_threshold, int num_hashes, int bands, int rows) {
  require_valid(jaccard_threshold, num_hashes);
  const std::string hashes = std::to_string(num_hashes);
  if (bands < 0) throw std::invalid_argument("bands must not be negative (0: chosen from dup_threshold)");
  if (rows < 0) throw std::invalid_argument("rows must not be negative (0: chosen from dup_threshold)");
  if (bands == 0 && rows == 0) return automatic_banding(jaccard_threshold, num_hashes);
  if (rows == 0) {
    if (num_hashes % bands != 0)
      throw std::invalid_argument("bands (" + std::to_string(bands) + ") must divide hashes (" + hashes +
                                  "), or give rows too with bands x rows <= hashes");
    return {bands, num_hashes / bands};
  }
  if (bands == 0) {
    if (rows > num_hashes)
      throw std::invalid_argument("rows (" + std::to_string(rows) + ") must not exceed hashes (" + hashes + ")");
    return {num_hashes / rows, rows};
  }
  if (static_cast<long long>(bands) * rows > num_hashes)
    throw std::invalid_argument("bands x rows (" + std::to_string(bands) + " x " + std::to_string(rows) +
                                ") must not exceed hashes (" + hashes + ")");
  return {bands, rows};
}

std::string describe(LshBanding banding) {
  return std::to_string(banding.bands) + " bands x " + std::to_string(banding.rows) + " rows";
}

}  // namespace parallax

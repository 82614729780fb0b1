#pragma once
// Maximum-weight bipartite matching (the Hungarian algorithm, O(n^2 m)). The alignment of two
// accounts is global: a claim is paired where the sum of all pair scores is highest, not greedily
// with its single best neighbour, so one strong pair never steals a claim that another pair needs.
#include <vector>

#include <Eigen/Dense>

namespace parallax {

// weights(i, j) >= 0. Returns, for each row, the matched column or -1. Pairs of weight 0 are
// reported as unmatched (weight 0 means "below threshold").
std::vector<int> max_weight_assignment(const Eigen::MatrixXd& weights);

}  // namespace parallax

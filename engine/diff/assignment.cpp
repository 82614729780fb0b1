#include "diff/assignment.hpp"

#include <limits>

namespace parallax {

namespace {

// Minimum-cost assignment of every row of `cost` (rows <= cols) to a distinct column, with the
// potentials formulation (e-maxx). Returns the column of each row.
std::vector<int> min_cost_rows(const Eigen::MatrixXd& cost) {
  const int n = static_cast<int>(cost.rows());
  const int m = static_cast<int>(cost.cols());
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0.0), v(m + 1, 0.0);
  std::vector<int> row_of_col(m + 1, 0), way(m + 1, 0);
  for (int i = 1; i <= n; ++i) {
    row_of_col[0] = i;
    int j0 = 0;
    std::vector<double> min_to(m + 1, inf);
    std::vector<bool> used(m + 1, false);
    do {
      used[j0] = true;
      const int i0 = row_of_col[j0];
      double delta = inf;
      int j1 = 0;
      for (int j = 1; j <= m; ++j) {
        if (used[j]) continue;
        const double reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (reduced < min_to[j]) {
          min_to[j] = reduced;
          way[j] = j0;
        }
        if (min_to[j] < delta) {
          delta = min_to[j];
          j1 = j;
        }
      }
      for (int j = 0; j <= m; ++j) {
        if (used[j]) {
          u[row_of_col[j]] += delta;
          v[j] -= delta;
        } else {
          min_to[j] -= delta;
        }
      }
      j0 = j1;
    } while (row_of_col[j0] != 0);
    do {
      const int j1 = way[j0];
      row_of_col[j0] = row_of_col[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> col_of_row(n, -1);
  for (int j = 1; j <= m; ++j) {
    if (row_of_col[j] != 0) col_of_row[row_of_col[j] - 1] = j - 1;
  }
  return col_of_row;
}

}  // namespace

std::vector<int> max_weight_assignment(const Eigen::MatrixXd& weights) {
  const auto rows = weights.rows();
  const auto cols = weights.cols();
  std::vector<int> result(rows, -1);
  if (rows == 0 || cols == 0) return result;
  if (rows <= cols) {
    const std::vector<int> match = min_cost_rows(-weights);
    for (Eigen::Index i = 0; i < rows; ++i) {
      if (match[i] >= 0 && weights(i, match[i]) > 0) result[i] = match[i];
    }
    return result;
  }
  const std::vector<int> match = min_cost_rows(-weights.transpose());
  for (Eigen::Index j = 0; j < cols; ++j) {
    if (match[j] >= 0 && weights(match[j], j) > 0) result[match[j]] = static_cast<int>(j);
  }
  return result;
}

}  // namespace parallax

#pragma once
// How many LSH bands, and how many signature rows per band, near-duplicate search uses: chosen
// from the Jaccard threshold and the signature length unless the user gives them.
#include <string>

namespace parallax {

struct LshBanding {
  int bands = 0;
  int rows = 0;  // signature positions hashed together per band; bands * rows <= signature length
};

// datasketch's rule (MinHashLSH._optimal_param): the (bands, rows) with bands * rows <= num_hashes
// that minimises w_fp * (integral over [0, t] of P(candidate | s)) + w_fn * (integral over [t, 1]
// of P(not candidate | s)), where P(candidate | s) = 1 - (1 - s^rows)^bands. Throws
// std::invalid_argument for a threshold outside [0, 1] or num_hashes < 1.
LshBanding optimal_banding(double threshold, int num_hashes, double false_positive_weight = 0.5,
                           double false_negative_weight = 0.5);

// The threshold the candidate stage is tuned for when every candidate is then verified by the
// signatures' estimated Jaccard against `jaccard_threshold`: two standard errors of that estimate
// below it (t - 2 sqrt(t (1 - t) / num_hashes), at least 0). datasketch's LSH is the final answer,
// so its curve may cross 0.5 at t; here a pair the LSH misses is lost for good while a surplus
// candidate costs one verification, so the curve must be high where verification can accept.
double candidate_threshold(double jaccard_threshold, int num_hashes);

// The probability that two signatures of Jaccard similarity s share at least one band.
double candidate_probability(double s, LshBanding banding);

// The banding near-duplicate search uses. bands and rows of 0 are automatic:
// - neither given: optimal_banding(candidate_threshold(t, H), H);
// - bands alone: rows = H / bands, and bands must divide H (every position is used);
// - rows alone: bands = H / rows;
// - both: bands * rows must not exceed H.
// Throws std::invalid_argument with a message naming the option when that cannot be met.
LshBanding resolve_banding(double jaccard_threshold, int num_hashes, int bands, int rows);

// "32 bands x 4 rows", for messages and reports.
std::string describe(LshBanding banding);

}  // namespace parallax

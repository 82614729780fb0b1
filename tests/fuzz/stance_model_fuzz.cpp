// The stance model loader (--stance-model FILE, JSON) on arbitrary bytes: a bad file is a
// StanceModelError, never a crash or another exception. A model that loads predicts one
// probability per class for a feature vector of its size (and two texts, for a model that reads
// words); when every weight is finite the probabilities are too and sum to 1.
#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "diff/stance_model.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using parallax::StanceModel;
  std::optional<StanceModel> model;
  try {
    model = StanceModel::from_json(std::string(parallax::fuzz::as_text(data, size)));
  } catch (const parallax::StanceModelError&) {
    return 0;
  }
  const std::vector<double> features(model->features().size(), 0.5);
  // A model that reads words reads them from both texts; one that does not ignores them.
  const std::vector<double> probabilities =
      model->predict(features, "Officials said the report was a hoax", std::string(parallax::fuzz::as_text(data, size)));
  FUZZ_REQUIRE(probabilities.size() == model->classes().size());
  bool finite = true;
  for (const double p : probabilities) finite = finite && std::isfinite(p);
  if (finite && !probabilities.empty()) {
    for (const double p : probabilities) FUZZ_REQUIRE(p >= 0 && p <= 1);
    FUZZ_REQUIRE(std::fabs(std::accumulate(probabilities.begin(), probabilities.end(), 0.0) - 1) < 1e-9);
  }
  return 0;
}

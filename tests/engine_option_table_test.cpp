// The engine's option table: the key/value settings behind the C ABI and the Python keywords.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "pipeline/engine_option_table.hpp"

using namespace parallax;

TEST_CASE("every option reads back what it was set to, and names are unique") {
  std::set<std::string> names;
  for (const auto& spec : engine_option_table()) {
    CHECK(names.insert(spec.name).second);
    EngineOptions options;
    const std::string value = spec.get(options);
    spec.set(options, value);
    CHECK(spec.get(options) == value);
  }
  CHECK(names.count("dup_threshold") == 1);
}

TEST_CASE("options are set from text, with dashes read as underscores") {
  EngineOptions options;
  set_engine_option(options, "dup-threshold", "0.7");
  set_engine_option(options, "shingle_size", "+4");
  set_engine_option(options, "projection", "svd");
  set_engine_option(options, "near-duplicates-only", "true");
  CHECK(options.near_duplicates_only);
  set_engine_option(options, "near_duplicates_only", "0");
  CHECK(!options.near_duplicates_only);
  CHECK(options.near_duplicates.jaccard_threshold == doctest::Approx(0.7));
  CHECK(options.minhash.shingle_size == 4);
  CHECK(options.projection == ProjectionKind::Svd);
  CHECK(find_engine_option("hashes")->get(options) == "128");
}

TEST_CASE("unknown keys and bad values are refused with the key in the message") {
  EngineOptions options;
  CHECK_THROWS_AS(set_engine_option(options, "colour", "1"), UnknownOptionError);
  CHECK_THROWS_WITH_AS(set_engine_option(options, "threads", "4x"), doctest::Contains("threads"), std::invalid_argument);
  CHECK_THROWS_AS(set_engine_option(options, "threads", ""), std::invalid_argument);
  CHECK_THROWS_AS(set_engine_option(options, "exact_search_limit", "-1"), std::invalid_argument);
  set_engine_option(options, "search_probes", "64");
  CHECK(options.knn.ivf_probe == 64);
  options.knn.ivf_probe = 0;
  CHECK_THROWS_AS(validate_engine_options(options), std::invalid_argument);
  options.knn.ivf_probe = 16;
  CHECK_THROWS_AS(set_engine_option(options, "projection", "pca"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(set_engine_option(options, "near_duplicates_only", "yes"), doctest::Contains("near_duplicates_only"),
                       std::invalid_argument);
}

TEST_CASE("options are validated together") {
  EngineOptions options;
  CHECK_NOTHROW(validate_engine_options(options));
  options.minhash.num_hashes = 100;
  CHECK_NOTHROW(validate_engine_options(options));  // bands and rows are then chosen for 100 hashes
  options.near_duplicates.bands = 32;
  CHECK_THROWS_WITH(validate_engine_options(options), doctest::Contains("bands"));
  options.near_duplicates.rows = 3;  // 96 of the 100 positions
  CHECK_NOTHROW(validate_engine_options(options));
  options.near_duplicates.rows = 4;
  CHECK_THROWS_WITH(validate_engine_options(options), doctest::Contains("bands x rows"));
  options = EngineOptions{};
  options.near_duplicates.containment = 1.5;
  CHECK_THROWS_WITH(validate_engine_options(options), doctest::Contains("containment"));
  options = EngineOptions{};
  options.near_duplicates.jaccard_threshold = 1.5;
  CHECK_THROWS(validate_engine_options(options));
}

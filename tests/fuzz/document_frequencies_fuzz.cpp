// Document frequencies read back from bytes (DocumentFrequencies::deserialize): what an index's
// snapshot (store/index_snapshot) and a Dask shard hand over. Any bytes are either refused with
// std::invalid_argument or read into frequencies whose serialized form is canonical: written again
// and read back, they give the same bytes, the same counts and the same finite idf of every term
// the input named.
#include <cmath>
#include <cstring>

#include "features/tfidf.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using parallax::DocumentFrequencies;
  const std::string_view bytes = parallax::fuzz::as_text(data, size);
  DocumentFrequencies read;
  try {
    read = DocumentFrequencies::deserialize(bytes);
  } catch (const std::invalid_argument&) {
    return 0;
  }
  const std::string written = read.serialize();
  const DocumentFrequencies again = DocumentFrequencies::deserialize(written);
  FUZZ_REQUIRE(again.serialize() == written);
  FUZZ_REQUIRE(again.documents() == read.documents());
  FUZZ_REQUIRE(again.terms() == read.terms());
  constexpr std::size_t kHeader = 24, kEntry = 12;  // "PXDF", format, documents, terms; (term, df)
  for (std::size_t at = kHeader; at + kEntry <= bytes.size(); at += kEntry) {
    std::uint64_t term = 0;
    std::memcpy(&term, bytes.data() + at, sizeof term);
    FUZZ_REQUIRE(std::isfinite(read.idf(term)));
    FUZZ_REQUIRE(again.idf(term) == read.idf(term));
  }
  return 0;
}

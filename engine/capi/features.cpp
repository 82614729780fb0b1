// The feature-level stages of a build, callable on features the caller holds (a shard's
// signatures, term counts, document frequencies, vectors): the same functions the corpus engine's
// build runs, with the settings of the engine handle given.
#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi/abi_error.hpp"
#include "capi/engine_handle.hpp"
#include "features/half_matrix.hpp"
#include "features/text_signature.hpp"
#include "group/event_clustering.hpp"
#include "group/near_duplicates.hpp"
#include "io/date.hpp"

using namespace parallax::capi;

struct parallax_document_frequencies {
  parallax::DocumentFrequencies frequencies;
};

namespace {

void require_capacity(const void* buffer, size_t capacity, size_t needed, size_t* out_written) {
  *out_written = needed;
  if (buffer == nullptr || capacity < needed)
    throw AbiError(PARALLAX_ERROR_BUFFER_TOO_SMALL, "the buffer holds " + std::to_string(buffer ? capacity : 0) +
                                                        " values, " + std::to_string(needed) + " needed");
}

const parallax::EngineOptions& options_of(const parallax_engine& engine) { return engine.settings.engine; }

int threads_of(const parallax_engine& engine) { return parallax::resolve_thread_count(options_of(engine).threads); }

void require_signature_length(const parallax_engine& engine, size_t length) {
  const auto hashes = static_cast<size_t>(options_of(engine).minhash.num_hashes);
  if (length != hashes)
    throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "signatures of length " + std::to_string(length) +
                                                        ", the engine's option hashes is " + std::to_string(hashes));
}

// Throws UNAVAILABLE for an engine that analyzes no terms.
void require_terms(const parallax_engine& engine) {
  if (options_of(engine).near_duplicates_only)
    throw AbiError(PARALLAX_ERROR_UNAVAILABLE, "the engine was created with near_duplicates_only: it has no terms");
}

// A MinHasher per thread, rebuilt only when another engine's settings ask for another one.
const parallax::MinHasher& hasher_for(const parallax::MinHashParams& params) {
  thread_local std::unique_ptr<parallax::MinHasher> hasher;
  if (!hasher || hasher->params().shingle_size != params.shingle_size ||
      hasher->params().num_hashes != params.num_hashes || hasher->params().seed != params.seed)
    hasher = std::make_unique<parallax::MinHasher>(params);
  return *hasher;
}

// Group members named by the caller's ids, or left as row numbers.
std::uint64_t name_of(const uint64_t* ids, std::size_t row) { return ids ? ids[row] : row; }

}  // namespace

extern "C" {

PARALLAX_API int32_t parallax_engine_text_signature(const parallax_engine* engine, const char* title, const char* text,
                                                    uint32_t* buffer, size_t capacity, size_t* out_written) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_written, "out_written");
    const std::string body = checked_text(text, "text");
    const std::string heading = title ? checked_text(title, "title") : std::string();
    thread_local parallax::MatchWordReader reader;
    const auto signature = parallax::text_signature(hasher_for(options_of(*engine).minhash), reader, heading, body);
    if (!signature.empty()) require_capacity(buffer, capacity, signature.size(), out_written);
    std::copy(signature.begin(), signature.end(), buffer);
    *out_written = signature.size();
  });
}

PARALLAX_API int32_t parallax_engine_lsh_banding(const parallax_engine* engine, int32_t* out_bands, int32_t* out_rows) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_bands, "out_bands");
    require(out_rows, "out_rows");
    const auto& options = options_of(*engine);
    const parallax::LshBanding banding =
        parallax::near_duplicate_banding(options.near_duplicates, options.minhash.num_hashes);
    *out_bands = banding.bands;
    *out_rows = banding.rows;
  });
}

PARALLAX_API int32_t parallax_engine_band_keys(const parallax_engine* engine, const uint32_t* signature, size_t length,
                                               uint64_t* buffer, size_t capacity, size_t* out_written) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(signature, "signature");
    require(out_written, "out_written");
    require_signature_length(*engine, length);
    const auto& options = options_of(*engine);
    const parallax::LshBanding banding =
        parallax::near_duplicate_banding(options.near_duplicates, options.minhash.num_hashes);
    require_capacity(buffer, capacity, static_cast<size_t>(banding.bands), out_written);
    for (int band = 0; band < banding.bands; ++band) buffer[band] = parallax::lsh_band_key(signature, band, banding.rows);
  });
}

PARALLAX_API int32_t parallax_engine_groups_from_signatures(const parallax_engine* engine, const uint32_t* signatures,
                                                            size_t count, size_t length, const uint64_t* ids,
                                                            parallax_groups** out_groups) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_groups, "out_groups");
    if (count > 0) require(signatures, "signatures");
    require_signature_length(*engine, length);
    std::vector<parallax::MinHashSignature> rows(count);
    for (size_t r = 0; r < count; ++r) rows[r].assign(signatures + r * length, signatures + (r + 1) * length);
    const auto groups = parallax::find_near_duplicate_groups(rows, options_of(*engine).near_duplicates, threads_of(*engine));
    auto out = std::make_unique<parallax_groups>();
    for (const auto& group : groups) {
      for (std::size_t m : group.members) out->members.push_back(name_of(ids, m));
      out->offsets.push_back(out->members.size());
      out->representatives.push_back(name_of(ids, group.members.front()));
      out->scores.insert(out->scores.end(), group.jaccard_to_representative.begin(), group.jaccard_to_representative.end());
    }
    *out_groups = out.release();
  });
}

PARALLAX_API int32_t parallax_engine_term_counts(const parallax_engine* engine, size_t index, uint64_t* terms,
                                                 uint32_t* counts, size_t capacity, size_t* out_written) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_written, "out_written");
    require_built_index(*engine, index);
    require_terms(*engine);
    const parallax::TermCounts term_counts = engine->engine.term_counts(index);
    const size_t needed = term_counts.terms.size();
    *out_written = needed;
    if (needed > 0 && (terms == nullptr || counts == nullptr || capacity < needed))
      throw AbiError(PARALLAX_ERROR_BUFFER_TOO_SMALL, "the buffers hold " +
                                                          std::to_string(terms && counts ? capacity : 0) + " values, " +
                                                          std::to_string(needed) + " needed");
    std::copy(term_counts.terms.begin(), term_counts.terms.end(), terms);
    std::copy(term_counts.counts.begin(), term_counts.counts.end(), counts);
  });
}

PARALLAX_API int32_t parallax_engine_document_frequencies(const parallax_engine* engine,
                                                          parallax_document_frequencies** out_frequencies) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_frequencies, "out_frequencies");
    if (!engine->engine.current_scope())
      throw AbiError(PARALLAX_ERROR_NOT_BUILT,
                     "the engine has not been built since its last add or remove (call parallax_engine_build)");
    require_terms(*engine);
    auto out = std::make_unique<parallax_document_frequencies>();
    out->frequencies = engine->engine.document_frequencies();
    *out_frequencies = out.release();
  });
}

PARALLAX_API int32_t parallax_document_frequencies_create(parallax_document_frequencies** out_frequencies) {
  return guarded(__func__, [&] {
    require(out_frequencies, "out_frequencies");
    *out_frequencies = new parallax_document_frequencies();
  });
}

PARALLAX_API void parallax_document_frequencies_free(parallax_document_frequencies* frequencies) { delete frequencies; }

PARALLAX_API int32_t parallax_document_frequencies_add(parallax_document_frequencies* frequencies,
                                                       const uint64_t* terms, size_t count) {
  return guarded(__func__, [&] {
    require(frequencies, "frequencies");
    if (count > 0) require(terms, "terms");
    parallax::TermCounts document;
    document.terms.assign(terms, terms + count);
    std::sort(document.terms.begin(), document.terms.end());
    document.terms.erase(std::unique(document.terms.begin(), document.terms.end()), document.terms.end());
    frequencies->frequencies.add(document);
  });
}

PARALLAX_API int32_t parallax_document_frequencies_merge(parallax_document_frequencies* into,
                                                         const parallax_document_frequencies* from) {
  return guarded(__func__, [&] {
    require(into, "into");
    require(from, "from");
    if (into == from) throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "into and from are the same frequencies");
    into->frequencies.merge(from->frequencies);
  });
}

PARALLAX_API int32_t parallax_document_frequencies_shape(const parallax_document_frequencies* frequencies,
                                                         size_t* out_documents, size_t* out_terms) {
  return guarded(__func__, [&] {
    require(frequencies, "frequencies");
    require(out_documents, "out_documents");
    require(out_terms, "out_terms");
    *out_documents = frequencies->frequencies.documents();
    *out_terms = frequencies->frequencies.terms();
  });
}

PARALLAX_API int32_t parallax_document_frequencies_serialize(const parallax_document_frequencies* frequencies,
                                                             uint8_t* buffer, size_t capacity, size_t* out_written) {
  return guarded(__func__, [&] {
    require(frequencies, "frequencies");
    require(out_written, "out_written");
    const std::string bytes = frequencies->frequencies.serialize();
    require_capacity(buffer, capacity, bytes.size(), out_written);
    std::memcpy(buffer, bytes.data(), bytes.size());
  });
}

PARALLAX_API int32_t parallax_document_frequencies_deserialize(const uint8_t* bytes, size_t size,
                                                               parallax_document_frequencies** out_frequencies) {
  return guarded(__func__, [&] {
    require(bytes, "bytes");
    require(out_frequencies, "out_frequencies");
    auto out = std::make_unique<parallax_document_frequencies>();
    try {
      out->frequencies =
          parallax::DocumentFrequencies::deserialize(std::string_view(reinterpret_cast<const char*>(bytes), size));
    } catch (const std::invalid_argument& e) {
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, e.what());
    }
    *out_frequencies = out.release();
  });
}

PARALLAX_API int32_t parallax_engine_tfidf_vectors(const parallax_engine* engine,
                                                   const parallax_document_frequencies* frequencies,
                                                   size_t document_count, const uint64_t* offsets, const uint64_t* terms,
                                                   const uint32_t* counts, float* buffer, size_t capacity,
                                                   size_t* out_written) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(frequencies, "frequencies");
    require(offsets, "offsets");
    require(out_written, "out_written");
    const auto& options = options_of(*engine);
    if (options.projection != parallax::ProjectionKind::Random)
      throw AbiError(PARALLAX_ERROR_UNAVAILABLE,
                     "the engine's projection is svd, which fits the whole corpus: use projection random");
    if (offsets[0] != 0) throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "offsets[0] is not 0");
    for (size_t d = 0; d < document_count; ++d) {
      if (offsets[d + 1] < offsets[d])
        throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "offsets[" + std::to_string(d + 1) + "] is below offsets[" +
                                                            std::to_string(d) + "]");
      for (uint64_t t = offsets[d] + 1; t < offsets[d + 1]; ++t)
        if (terms[t] <= terms[t - 1])
          throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                         "the terms of document " + std::to_string(d) + " are not ascending and distinct");
    }
    if (offsets[document_count] > 0) {
      require(terms, "terms");
      require(counts, "counts");
    }
    const auto dims = static_cast<size_t>(options.dimensions);
    require_capacity(buffer, capacity, document_count * dims, out_written);
    for (size_t d = 0; d < document_count; ++d) {
      parallax::TermCounts document;
      document.terms.assign(terms + offsets[d], terms + offsets[d + 1]);
      document.counts.assign(counts + offsets[d], counts + offsets[d + 1]);
      parallax::project_random(parallax::tfidf_vector(document, frequencies->frequencies), options.dimensions,
                               options.seed, buffer + d * dims);
      parallax::round_to_half(buffer + d * dims, dims);  // as the engine keeps its own
    }
  });
}

PARALLAX_API int32_t parallax_engine_events_from_vectors(const parallax_engine* engine, const float* vectors,
                                                         size_t count, size_t dimensions, const char* const* dates,
                                                         const char* const* langs, const uint64_t* ids,
                                                         parallax_groups** out_groups) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_groups, "out_groups");
    if (count > 0) require(vectors, "vectors");
    if (dimensions == 0) throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "dimensions is 0");
    const auto& options = options_of(*engine);
    std::vector<std::optional<int>> days(count);
    std::vector<std::string> codes(langs ? count : 0);
    for (size_t i = 0; i < count; ++i) {
      if (dates && dates[i] && *dates[i]) {
        const std::string date = checked_text(dates[i], "dates[" + std::to_string(i) + "]");
        days[i] = parallax::parse_iso_date_days(date);
        if (!days[i])
          throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                         "dates[" + std::to_string(i) + "] '" + date + "' is not an ISO 8601 date (YYYY-MM-DD)");
      }
      if (langs && langs[i]) codes[i] = checked_text(langs[i], "langs[" + std::to_string(i) + "]");
    }
    // Kept at half precision, as the engine keeps its own: its vectors, read back, give the same events.
    parallax::HalfMatrix matrix(static_cast<Eigen::Index>(count), static_cast<Eigen::Index>(dimensions));
    for (size_t i = 0; i < count; ++i) matrix.set_row(static_cast<Eigen::Index>(i), vectors + i * dimensions);
    const std::vector<std::uint16_t> languages =
        options.cross_lingual && langs ? parallax::number_languages(codes) : std::vector<std::uint16_t>();
    auto out = std::make_unique<parallax_groups>();
    for (const auto& members :
         parallax::find_events(matrix, days, languages, options.knn, options.events, threads_of(*engine))) {
      const std::size_t representative = parallax::nearest_to_centroid(matrix, members);
      const Eigen::VectorXf centre = matrix.row(static_cast<Eigen::Index>(representative));
      for (std::size_t m : members) {
        out->members.push_back(name_of(ids, m));
        out->scores.push_back(matrix.row(static_cast<Eigen::Index>(m)).dot(centre));
      }
      out->offsets.push_back(out->members.size());
      out->representatives.push_back(name_of(ids, representative));
    }
    *out_groups = out.release();
  });
}

}  // extern "C"

// Signatures, vectors and groups: results of a build copied into caller buffers or result handles.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "capi/abi_error.hpp"
#include "capi/engine_handle.hpp"
#include "report/cluster_report.hpp"

using namespace parallax::capi;

namespace {

// Reports the size needed, then refuses a buffer that cannot hold it.
void require_capacity(const void* buffer, size_t capacity, size_t needed, size_t* out_written) {
  *out_written = needed;
  if (buffer == nullptr || capacity < needed)
    throw AbiError(PARALLAX_ERROR_BUFFER_TOO_SMALL, "the buffer holds " + std::to_string(buffer ? capacity : 0) +
                                                        " values, " + std::to_string(needed) + " needed");
}

void append_group(parallax_groups& out, const std::vector<std::size_t>& members, std::size_t representative) {
  out.members.insert(out.members.end(), members.begin(), members.end());
  out.offsets.push_back(out.members.size());
  out.representatives.push_back(representative);
}

}  // namespace

extern "C" {

PARALLAX_API int32_t parallax_engine_signature_length(const parallax_engine* engine, size_t* out_length) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_length, "out_length");
    *out_length = static_cast<size_t>(engine->settings.engine.minhash.num_hashes);
  });
}

PARALLAX_API int32_t parallax_engine_signature(const parallax_engine* engine, size_t index, uint32_t* buffer,
                                               size_t capacity, size_t* out_written) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_written, "out_written");
    require_built_index(*engine, index);
    const auto& signature = engine->engine.signature(index);
    if (!signature.empty()) require_capacity(buffer, capacity, signature.size(), out_written);
    std::copy(signature.begin(), signature.end(), buffer);
    *out_written = signature.size();
  });
}

PARALLAX_API int32_t parallax_engine_vector_shape(const parallax_engine* engine, size_t* out_rows,
                                                  size_t* out_columns) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_rows, "out_rows");
    require(out_columns, "out_columns");
    require_built_scope(*engine, PARALLAX_BUILD_EVERYTHING);
    *out_rows = static_cast<size_t>(engine->engine.vectors().rows());
    *out_columns = static_cast<size_t>(engine->engine.vectors().cols());
  });
}

PARALLAX_API int32_t parallax_engine_vector(const parallax_engine* engine, size_t index, float* buffer,
                                            size_t capacity, size_t* out_written) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_written, "out_written");
    require_built_scope(*engine, PARALLAX_BUILD_EVERYTHING);
    require_built_index(*engine, index);
    const auto& vectors = engine->engine.vectors();
    const size_t columns = static_cast<size_t>(vectors.cols());
    require_capacity(buffer, capacity, columns, out_written);
    vectors.widen_row(static_cast<Eigen::Index>(index), buffer);
  });
}

PARALLAX_API int32_t parallax_engine_vectors(const parallax_engine* engine, float* buffer, size_t capacity,
                                             size_t* out_written) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_written, "out_written");
    require_built_scope(*engine, PARALLAX_BUILD_EVERYTHING);
    const auto& vectors = engine->engine.vectors();
    const size_t count = static_cast<size_t>(vectors.rows() * vectors.cols());
    require_capacity(buffer, capacity, count, out_written);
    vectors.widen_rows(0, vectors.rows(), buffer);  // row-major
  });
}

PARALLAX_API int32_t parallax_engine_near_duplicate_groups(const parallax_engine* engine,
                                                           parallax_groups** out_groups) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_groups, "out_groups");
    require_built_scope(*engine, PARALLAX_BUILD_NEAR_DUPLICATES);
    auto out = std::make_unique<parallax_groups>();
    for (const auto& group : engine->engine.near_duplicate_groups()) {
      append_group(*out, group.members, group.members.front());
      out->scores.insert(out->scores.end(), group.jaccard_to_representative.begin(),
                         group.jaccard_to_representative.end());
    }
    *out_groups = out.release();
  });
}

PARALLAX_API int32_t parallax_engine_event_clusters(const parallax_engine* engine, parallax_groups** out_groups) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_groups, "out_groups");
    require_built_scope(*engine, PARALLAX_BUILD_EVERYTHING);
    const auto& vectors = engine->engine.vectors();
    auto out = std::make_unique<parallax_groups>();
    for (const auto& cluster : engine->engine.event_clusters()) {
      append_group(*out, cluster.members, cluster.representative);
      const Eigen::VectorXf representative = vectors.row(static_cast<Eigen::Index>(cluster.representative));
      for (std::size_t m : cluster.members)
        out->scores.push_back(vectors.row(static_cast<Eigen::Index>(m)).dot(representative));
    }
    *out_groups = out.release();
  });
}

PARALLAX_API void parallax_groups_free(parallax_groups* groups) { delete groups; }

PARALLAX_API int32_t parallax_groups_shape(const parallax_groups* groups, size_t* out_group_count,
                                           size_t* out_member_count) {
  return guarded(__func__, [&] {
    require(groups, "groups");
    require(out_group_count, "out_group_count");
    require(out_member_count, "out_member_count");
    *out_group_count = groups->representatives.size();
    *out_member_count = groups->members.size();
  });
}

PARALLAX_API int32_t parallax_groups_arrays(const parallax_groups* groups, const uint64_t** out_offsets,
                                            const uint64_t** out_members, const double** out_scores,
                                            const uint64_t** out_representatives) {
  return guarded(__func__, [&] {
    require(groups, "groups");
    if (out_offsets) *out_offsets = groups->offsets.data();
    if (out_members) *out_members = groups->members.data();
    if (out_scores) *out_scores = groups->scores.data();
    if (out_representatives) *out_representatives = groups->representatives.data();
  });
}

PARALLAX_API int32_t parallax_engine_events_json(const parallax_engine* engine, char** out_json) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_json, "out_json");
    require_built_scope(*engine, PARALLAX_BUILD_EVERYTHING);
    *out_json = copy_out(parallax::events_json(engine->engine));
  });
}

PARALLAX_API int32_t parallax_engine_translations_json(const parallax_engine* engine, char** out_json) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_json, "out_json");
    require_built_scope(*engine, PARALLAX_BUILD_EVERYTHING);
    *out_json = copy_out(parallax::translations_json(engine->engine));
  });
}

PARALLAX_API int32_t parallax_engine_partial_copies_json(const parallax_engine* engine, char** out_json) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_json, "out_json");
    require_built_scope(*engine, PARALLAX_BUILD_NEAR_DUPLICATES);
    *out_json = copy_out(parallax::partial_copies_json(engine->engine));
  });
}

}  // extern "C"

// Fault injection through the C ABI, as SQLite tests itself: a replaced global operator new fails
// the Nth allocation (std::bad_alloc) for N spread over the whole run of a real workload (the
// bundled corpus read and built with events; its groups, events and vectors taken out; every
// engine call that returns JSON: documents, events, translations, partial copies, a comparison and
// the report; an index of it created, with its events, stats and a query as JSON). Whichever
// allocation fails, in the calling thread or in a worker, every call must come back with a status
// (OUT_OF_MEMORY or INTERNAL, with a message), never abort the host process, and the library must
// stay usable: the same workload run again without failures must succeed.
//
// The JSON calls are here because this test found that they could abort: nlohmann::json's
// destructor allocates (a stack to avoid recursion), so a failure while a JSON tree was destroyed
// escaped a noexcept destructor (std::terminate; nlohmann/json issues 4653 and 5135). They now
// write their text with report/json_writer and build no tree.
//
// Sees only include/parallax/parallax.h and libparallax.so. Allocations by malloc (FAISS,
// OpenBLAS, SQLite) are not failed here; tests/cli_fault_test.cpp covers them with RLIMIT_AS.
// Usage: parallax_allocation_failure_test CORPUS.jsonl INDEX_PATH [POINTS] (INDEX_PATH is
// overwritten: a file the workload creates anew each time)
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include <parallax/parallax.h>

namespace {

std::atomic<long> allocations{0};
std::atomic<long> fail_at{0};  // 0: never fail
std::atomic<long> failed{0};

void* allocate(std::size_t size) {
  const long n = allocations.fetch_add(1, std::memory_order_relaxed) + 1;
  if (n == fail_at.load(std::memory_order_relaxed)) {
    failed.fetch_add(1, std::memory_order_relaxed);
    throw std::bad_alloc();
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

int failures = 0;
long out_of_memory = 0, internal = 0;  // statuses the injected failures came back as

// A status the workload may see when an allocation fails, and that a failure left a message.
bool acceptable(int32_t status, const char* call) {
  if (status == PARALLAX_OK) return true;
  out_of_memory += status == PARALLAX_ERROR_OUT_OF_MEMORY;
  internal += status == PARALLAX_ERROR_INTERNAL;
  const bool expected = status == PARALLAX_ERROR_OUT_OF_MEMORY || status == PARALLAX_ERROR_INTERNAL;
  const bool has_message = parallax_last_error()[0] != '\0';
  if (!expected || !has_message) {
    ++failures;
    std::fprintf(stderr, "fail_at=%ld: %s returned %s with message '%s'\n", fail_at.load(), call,
                 parallax_status_name(status), parallax_last_error());
  }
  return false;
}

// Runs a call that returns JSON text (call(&text)) and frees the text; reports whether the call
// succeeded with text.
template <typename Call>
bool json_call(const char* name, Call call) {
  char* json = nullptr;
  const bool ok = acceptable(call(&json), name) && json != nullptr && json[0] != '\0';
  parallax_string_free(json);
  return ok;
}

// A new index each time: the file and whatever journal an interrupted run left beside it.
void remove_index(const char* path) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((std::string(path) + suffix).c_str());
}

// A notebook's analysis: arrays first, then every engine call that returns JSON. Returns whether
// it completed.
bool run_engine_workload(const char* corpus) {
  parallax_engine* engine = nullptr;
  const char* keys[] = {"threads", "keep_text"};
  const char* values[] = {"2", "true"};
  if (!acceptable(parallax_engine_create(keys, values, 2, &engine), "engine_create")) return false;
  bool complete = false;
  size_t added = 0, rejected = 0, rows = 0, columns = 0, groups_count = 0, members = 0;
  parallax_groups* duplicates = nullptr;
  parallax_groups* events = nullptr;
  if (acceptable(parallax_engine_read_corpus(engine, corpus, &added, &rejected, nullptr), "read_corpus") &&
      acceptable(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), "build") &&
      acceptable(parallax_engine_near_duplicate_groups(engine, &duplicates), "near_duplicate_groups") &&
      acceptable(parallax_engine_event_clusters(engine, &events), "event_clusters") &&
      acceptable(parallax_groups_shape(events, &groups_count, &members), "groups_shape") &&
      acceptable(parallax_engine_vector_shape(engine, &rows, &columns), "vector_shape")) {
    // malloc, not new: the test's own allocations are not the ones to fail.
    float* vectors = static_cast<float*>(std::malloc(rows * columns * sizeof(float) + 1));
    size_t written = 0;
    complete = vectors != nullptr &&
               acceptable(parallax_engine_vectors(engine, vectors, rows * columns, &written), "vectors") &&
               added > 0 && members == added && written == rows * columns;
    std::free(vectors);
  }
  const char* compared[] = {"seed-000", "seed-003"};  // the bundled corpus's two seed articles
  complete = complete &&
             json_call("documents_json", [&](char** out) { return parallax_engine_documents_json(engine, out); }) &&
             json_call("document_json", [&](char** out) { return parallax_engine_document_json(engine, 0, out); }) &&
             json_call("events_json", [&](char** out) { return parallax_engine_events_json(engine, out); }) &&
             json_call("translations_json",
                       [&](char** out) { return parallax_engine_translations_json(engine, out); }) &&
             json_call("partial_copies_json",
                       [&](char** out) { return parallax_engine_partial_copies_json(engine, out); }) &&
             json_call("compare", [&](char** out) {
               return parallax_engine_compare(engine, compared, 2, PARALLAX_COMPARE_BY_DOCUMENT, out);
             }) &&
             json_call("report", [&](char** out) {
               return parallax_engine_report(engine, PARALLAX_REPORT_JSON, PARALLAX_COMPARE_BY_SPEAKER, out);
             });
  parallax_groups_free(duplicates);
  parallax_groups_free(events);
  parallax_engine_free(engine);
  return complete;
}

// The index: created from the corpus, then its events, stats and a query as JSON.
bool run_index_workload(const char* corpus, const char* index_path) {
  remove_index(index_path);
  parallax_index* index = nullptr;
  const char* keys[] = {"threads"};
  const char* values[] = {"2"};
  if (!acceptable(parallax_index_open(index_path, PARALLAX_INDEX_READ_WRITE, keys, values, 1, &index), "index_open"))
    return false;
  size_t added = 0;
  const char* ids[] = {"query"};
  const char* texts[] = {"The Kremlin said Putin and Biden spoke by phone on Tuesday."};
  const bool complete =
      acceptable(parallax_index_add_corpus(index, corpus, &added, nullptr, nullptr), "index_add_corpus") && added > 0 &&
      json_call("index_events_json", [&](char** out) { return parallax_index_events_json(index, out); }) &&
      json_call("index_stats_json", [&](char** out) { return parallax_index_stats_json(index, out); }) &&
      json_call("index_query_json", [&](char** out) {
        return parallax_index_query_json(index, 1, ids, texts, nullptr, nullptr, nullptr, nullptr, nullptr, out);
      });
  parallax_index_close(index);
  return complete;
}

bool run_workload(const char* corpus, const char* index_path) {
  return run_engine_workload(corpus) && run_index_workload(corpus, index_path);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CORPUS.jsonl INDEX_PATH [POINTS]\n", argv[0]);
    return 2;
  }
  const char* corpus = argv[1];
  const char* index_path = argv[2];
  const long points = argc > 3 ? std::atol(argv[3]) : 400;
  // The clean run counts the workload's allocations (the first one also loads the lexicons).
  if (!run_workload(corpus, index_path)) {
    std::fprintf(stderr, "the workload fails without any injected failure: %s\n", parallax_last_error());
    return 1;
  }
  allocations = 0;
  if (!run_workload(corpus, index_path)) return 1;
  const long total = allocations.load();
  // Failure points spread evenly on a log scale over [1, total]: the early allocations (options,
  // the first document) and the late ones (the report) are all reached.
  long injected = 0, absorbed = 0, previous = 0;
  for (long i = 0; i < points; ++i) {
    const long at = static_cast<long>(std::llround(std::pow(static_cast<double>(total), static_cast<double>(i) / (points - 1))));
    if (at <= previous) continue;
    previous = at;
    allocations = 0;
    failed = 0;
    fail_at = at;
    const bool complete = run_workload(corpus, index_path);
    fail_at = 0;
    if (failed.load() > 0) {
      ++injected;
      // A failed allocation the engine absorbed (a nothrow new, a fallback) may still complete;
      // what must never happen is a crash, a wrong status, or an unusable library afterwards.
      absorbed += complete;
    }
    if (!run_workload(corpus, index_path)) {
      ++failures;
      std::fprintf(stderr, "fail_at=%ld: the workload no longer completes after the injected failure: %s\n", at,
                   parallax_last_error());
    }
  }
  std::printf("%ld allocations per workload; %ld failure points injected: %ld came back as OUT_OF_MEMORY, %ld as "
              "INTERNAL, %ld absorbed (the workload completed); %d problems\n",
              total, injected, out_of_memory, internal, absorbed, failures);
  if (injected < points / 2) {
    std::fprintf(stderr, "too few failure points were reached (%ld)\n", injected);
    return 1;
  }
  return failures == 0 ? 0 : 1;
}

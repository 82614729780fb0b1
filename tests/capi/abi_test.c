/* The C ABI through its public header only, compiled as C: every call, and every error path
 * (null handle, invalid UTF-8, build before add, buffer too small, unknown option, ...).
 * Usage: parallax_capi_test CORPUS.jsonl */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <parallax/parallax.h>

static int failures = 0;
static int checks = 0;

#define CHECK(condition)                                                        \
  do {                                                                          \
    ++checks;                                                                   \
    if (!(condition)) {                                                         \
      ++failures;                                                               \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
    }                                                                           \
  } while (0)

/* A call's status, and that a failure left a message (and a success none). */
#define CHECK_STATUS(call, expected)                                                              \
  do {                                                                                            \
    int32_t status_ = (call);                                                                     \
    ++checks;                                                                                     \
    if (status_ != (expected)) {                                                                  \
      ++failures;                                                                                 \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__, #call,     \
              parallax_status_name(status_), parallax_status_name(expected), parallax_last_error()); \
    } else if ((status_ == PARALLAX_OK) != (parallax_last_error()[0] == '\0')) {                  \
      ++failures;                                                                                 \
      fprintf(stderr, "%s:%d: %s: last error '%s' does not match its status\n", __FILE__, __LINE__, \
              #call, parallax_last_error());                                                      \
    }                                                                                             \
  } while (0)

static int contains(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

static const char *kStory =
    "The central bank raised its main interest rate by half a percentage point on Thursday, "
    "the largest increase in two decades, saying inflation had spread across the economy. "
    "The governor told reporters that further increases were likely this year.";
static const char *kStoryCopy =
    "The central bank raised its main interest rate by half a percentage point on Thursday, "
    "the largest increase in two decades, saying inflation had spread across the economy. "
    "The governor told reporters that further increases were likely this year. Reporting by staff.";
static const char *kOther =
    "Heavy rain flooded the coastal villages overnight and rescue teams evacuated hundreds of "
    "families, the regional governor said, adding that schools would stay closed until Monday.";

static parallax_engine *new_engine(void) {
  const char *keys[] = {"threads", "dup_threshold"};
  const char *values[] = {"2", "0.5"};
  parallax_engine *engine = NULL;
  CHECK_STATUS(parallax_engine_create(keys, values, 2, &engine), PARALLAX_OK);
  CHECK(engine != NULL);
  return engine;
}

static void test_library(void) {
  const char *name = NULL, *type = NULL, *def = NULL, *description = NULL;
  size_t i, count = parallax_option_count();
  int saw_threads = 0;
  CHECK(parallax_abi_version() == PARALLAX_ABI_VERSION);
  CHECK(strlen(parallax_version()) > 0);
  CHECK(strcmp(parallax_status_name(PARALLAX_ERROR_NOT_BUILT), "PARALLAX_ERROR_NOT_BUILT") == 0);
  CHECK(strcmp(parallax_status_name(999), "PARALLAX_UNKNOWN_STATUS") == 0);
  CHECK(count > 5);
  for (i = 0; i < count; ++i) {
    CHECK_STATUS(parallax_option_info(i, &name, &type, &def, &description), PARALLAX_OK);
    CHECK(name && type && def && description);
    if (strcmp(name, "threads") == 0) saw_threads = strcmp(def, "0") == 0;
  }
  CHECK(saw_threads);
  CHECK_STATUS(parallax_option_info(count, &name, NULL, NULL, NULL), PARALLAX_ERROR_NOT_FOUND);
  CHECK_STATUS(parallax_option_info(0, NULL, NULL, NULL, NULL), PARALLAX_OK);
  parallax_string_free(NULL);
  parallax_engine_free(NULL);
  parallax_groups_free(NULL);
}

static void test_create_errors(void) {
  parallax_engine *engine = NULL;
  const char *unknown_keys[] = {"threads", "no_such_option"};
  const char *unknown_values[] = {"1", "3"};
  const char *bad_value_keys[] = {"shingle-size"};
  const char *bad_value_values[] = {"three"};
  const char *bands_keys[] = {"hashes", "bands"};
  const char *bands_values[] = {"100", "32"};
  const char *null_entry_keys[] = {NULL};
  const char *bad_utf8_values[] = {"\xc3\x28"};
  const char *keep_keys[] = {"keep_text"};
  const char *keep_values[] = {"maybe"};
  char *value = NULL;

  CHECK_STATUS(parallax_engine_create(NULL, NULL, 0, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_create(NULL, NULL, 1, &engine), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_create(null_entry_keys, unknown_values, 1, &engine), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_create(unknown_keys, unknown_values, 2, &engine), PARALLAX_ERROR_UNKNOWN_OPTION);
  CHECK(contains(parallax_last_error(), "no_such_option"));
  CHECK_STATUS(parallax_engine_create(bad_value_keys, bad_value_values, 1, &engine), PARALLAX_ERROR_INVALID_OPTION);
  CHECK(contains(parallax_last_error(), "three"));
  CHECK_STATUS(parallax_engine_create(bands_keys, bands_values, 2, &engine), PARALLAX_ERROR_INVALID_OPTION);
  CHECK(contains(parallax_last_error(), "bands"));
  CHECK_STATUS(parallax_engine_create(bad_value_keys, bad_utf8_values, 1, &engine), PARALLAX_ERROR_INVALID_UTF8);
  CHECK_STATUS(parallax_engine_create(keep_keys, keep_values, 1, &engine), PARALLAX_ERROR_INVALID_OPTION);
  CHECK(engine == NULL); /* untouched on failure */

  CHECK_STATUS(parallax_engine_create(bad_value_keys, unknown_values, 1, &engine), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_option(engine, "shingle_size", &value), PARALLAX_OK);
  CHECK(value && strcmp(value, "1") == 0);
  parallax_string_free(value);
  CHECK_STATUS(parallax_engine_option(engine, "dup-threshold", &value), PARALLAX_OK);
  CHECK(value && strcmp(value, "0.45") == 0);
  parallax_string_free(value);
  CHECK_STATUS(parallax_engine_option(engine, "colour", &value), PARALLAX_ERROR_UNKNOWN_OPTION);
  CHECK_STATUS(parallax_engine_option(engine, NULL, &value), PARALLAX_ERROR_NULL_ARGUMENT);
  parallax_engine_free(engine);
}

static void test_null_handles(void) {
  size_t n = 0, m = 0;
  char *json = NULL;
  uint32_t signature[4];
  float vector[4];
  parallax_groups *groups = NULL;
  const char *ids[] = {"a"};
  const uint64_t *offsets = NULL;

  CHECK_STATUS(parallax_engine_add(NULL, "a", "text", NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_add_batch(NULL, 1, ids, ids, NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_read_corpus(NULL, "x", &n, &m, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_document_count(NULL, &n), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_build(NULL, PARALLAX_BUILD_EVERYTHING), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_find(NULL, "a", &n), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_remove(NULL, "a"), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_document_json(NULL, 0, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_documents_json(NULL, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_signature_length(NULL, &n), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_signature(NULL, 0, signature, 4, &n), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_vector_shape(NULL, &n, &m), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_vector(NULL, 0, vector, 4, &n), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_vectors(NULL, vector, 4, &n), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_near_duplicate_groups(NULL, &groups), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_event_clusters(NULL, &groups), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_option(NULL, "threads", &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_compare(NULL, ids, 1, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_groups_shape(NULL, &n, &m), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_groups_arrays(NULL, &offsets, NULL, NULL, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK(json == NULL && groups == NULL && offsets == NULL);
}

static void test_add_errors(void) {
  parallax_engine *engine = new_engine();
  size_t count = 99;
  const char *ids[] = {"b1", "b2", "b1"};
  const char *texts[] = {"first text here", "second text here", "third text here"};
  const char *bad_dates[] = {NULL, "2024-02-30"};
  const char *good_dates[] = {NULL, "2024-02-29"};

  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), PARALLAX_ERROR_EMPTY_CORPUS);
  CHECK(contains(parallax_last_error(), "add documents"));
  CHECK_STATUS(parallax_engine_add(engine, NULL, "text", NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_add(engine, "a", NULL, NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_add(engine, "a", "bad \xff byte", NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_INVALID_UTF8);
  CHECK(contains(parallax_last_error(), "text") && contains(parallax_last_error(), "byte 4"));
  CHECK_STATUS(parallax_engine_add(engine, "\xed\xa0\x80", "surrogate id", NULL, NULL, NULL, NULL, NULL),
               PARALLAX_ERROR_INVALID_UTF8);
  CHECK_STATUS(parallax_engine_add(engine, "a", "text", "\xc0\xaf overlong", NULL, NULL, NULL, NULL),
               PARALLAX_ERROR_INVALID_UTF8);
  CHECK(contains(parallax_last_error(), "title"));
  CHECK_STATUS(parallax_engine_add(engine, "", "text", NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_add(engine, "a", " \n\xe2\x80\x8f ", NULL, NULL, NULL, NULL, NULL),
               PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_add(engine, "a", "text", NULL, NULL, NULL, "yesterday", NULL), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_document_count(engine, &count), PARALLAX_OK);
  CHECK(count == 0);

  CHECK_STATUS(parallax_engine_add(engine, "a", "some text", "", "", "", "", ""), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_add(engine, "a", "other text", NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_DUPLICATE_ID);
  CHECK_STATUS(parallax_engine_add_batch(engine, 3, ids, texts, NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_DUPLICATE_ID);
  CHECK(contains(parallax_last_error(), "document 2"));
  CHECK_STATUS(parallax_engine_add_batch(engine, 2, ids, texts, NULL, NULL, NULL, bad_dates, NULL),
               PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_add_batch(engine, 2, NULL, texts, NULL, NULL, NULL, NULL, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_add_batch(engine, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_document_count(engine, &count), PARALLAX_OK);
  CHECK(count == 1); /* failed batches added nothing */
  CHECK_STATUS(parallax_engine_add_batch(engine, 2, ids, texts, NULL, NULL, NULL, good_dates, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_document_count(engine, &count), PARALLAX_OK);
  CHECK(count == 3);
  CHECK_STATUS(parallax_engine_build(engine, 7), PARALLAX_ERROR_INVALID_ARGUMENT);
  parallax_engine_free(engine);
}

static void check_groups_partition(const parallax_groups *groups, size_t documents) {
  size_t group_count = 0, member_count = 0, g, i;
  const uint64_t *offsets = NULL, *members = NULL, *representatives = NULL;
  const double *scores = NULL;
  int *seen = calloc(documents, sizeof(int));
  CHECK_STATUS(parallax_groups_shape(groups, &group_count, &member_count), PARALLAX_OK);
  CHECK_STATUS(parallax_groups_arrays(groups, &offsets, &members, &scores, &representatives), PARALLAX_OK);
  CHECK(member_count == documents);
  CHECK(offsets[0] == 0 && offsets[group_count] == member_count);
  for (g = 0; g < group_count; ++g) {
    int representative_is_member = 0;
    CHECK(offsets[g] < offsets[g + 1]);
    for (i = offsets[g]; i < offsets[g + 1]; ++i) {
      CHECK(members[i] < documents);
      if (members[i] < documents) ++seen[members[i]];
      if (members[i] == representatives[g]) representative_is_member = 1;
      CHECK(scores[i] <= 1.001); /* cosines of vectors kept at half precision */
    }
    CHECK(representative_is_member);
  }
  for (i = 0; i < documents; ++i) CHECK(seen[i] == 1);
  free(seen);
}

static void test_results(void) {
  parallax_engine *engine = new_engine();
  parallax_groups *groups = NULL;
  size_t length = 0, written = 0, rows = 0, columns = 0, index = 0, group_count = 0, member_count = 0, i, equal = 0;
  uint32_t *signature_a, *signature_b, tiny[2];
  float *vector, *all, norm = 0;
  char *json = NULL;
  const uint64_t *offsets = NULL, *members = NULL;
  const double *scores = NULL;
  const char *ids[] = {"copy", "other"};
  const char *texts[] = {NULL, NULL};
  const char *sources[] = {"Wire B", NULL};
  texts[0] = kStoryCopy;
  texts[1] = kOther;

  CHECK_STATUS(parallax_engine_add(engine, "story", kStory, "Rates up", "Wire A", "en", "2024-03-05", "https://a.example/1"),
               PARALLAX_OK);
  CHECK_STATUS(parallax_engine_add_batch(engine, 2, ids, texts, NULL, sources, NULL, NULL, NULL), PARALLAX_OK);

  /* nothing before a build */
  CHECK_STATUS(parallax_engine_near_duplicate_groups(engine, &groups), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_signature(engine, 0, tiny, 2, &written), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_document_json(engine, 0, &json), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_find(engine, "other", &index), PARALLAX_OK);
  CHECK(index == 2);

  /* near-duplicates only: groups yes, vectors and events no */
  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_NEAR_DUPLICATES), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_event_clusters(engine, &groups), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_vector_shape(engine, &rows, &columns), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_near_duplicate_groups(engine, &groups), PARALLAX_OK);
  CHECK_STATUS(parallax_groups_shape(groups, &group_count, &member_count), PARALLAX_OK);
  CHECK(group_count == 1 && member_count == 2);
  CHECK_STATUS(parallax_groups_arrays(groups, &offsets, &members, &scores, NULL), PARALLAX_OK);
  CHECK(members[0] == 0 && members[1] == 1 && scores[0] == 1.0 && scores[1] > 0.5);
  parallax_groups_free(groups);

  /* signatures: shape first, then a buffer */
  CHECK_STATUS(parallax_engine_signature_length(engine, &length), PARALLAX_OK);
  CHECK(length == 128);
  CHECK_STATUS(parallax_engine_signature(engine, 0, tiny, 2, &written), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(written == length);
  written = 0;
  CHECK_STATUS(parallax_engine_signature(engine, 0, NULL, 0, &written), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(written == length);
  CHECK_STATUS(parallax_engine_signature(engine, 0, tiny, 2, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_signature(engine, 3, tiny, 2, &written), PARALLAX_ERROR_NOT_FOUND);
  signature_a = malloc(length * sizeof(uint32_t));
  signature_b = malloc(length * sizeof(uint32_t));
  CHECK_STATUS(parallax_engine_signature(engine, 0, signature_a, length, &written), PARALLAX_OK);
  CHECK(written == length);
  CHECK_STATUS(parallax_engine_signature(engine, 1, signature_b, length, &written), PARALLAX_OK);
  for (i = 0; i < length; ++i) equal += signature_a[i] == signature_b[i];
  CHECK(equal > length / 2);
  free(signature_a);
  free(signature_b);

  /* everything: events and vectors */
  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_vector_shape(engine, &rows, &columns), PARALLAX_OK);
  CHECK(rows == 3 && columns == 768); /* the default dimensions */
  vector = malloc(columns * sizeof(float));
  CHECK_STATUS(parallax_engine_vector(engine, 1, vector, columns - 1, &written), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(written == columns);
  CHECK_STATUS(parallax_engine_vector(engine, 9, vector, columns, &written), PARALLAX_ERROR_NOT_FOUND);
  CHECK_STATUS(parallax_engine_vector(engine, 1, vector, columns, &written), PARALLAX_OK);
  for (i = 0; i < columns; ++i) norm += vector[i] * vector[i];
  CHECK(fabsf(norm - 1.0f) < 1e-3f);
  all = malloc(rows * columns * sizeof(float));
  CHECK_STATUS(parallax_engine_vectors(engine, all, rows * columns - 1, &written), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(written == rows * columns);
  CHECK_STATUS(parallax_engine_vectors(engine, all, rows * columns, &written), PARALLAX_OK);
  CHECK(memcmp(all + columns, vector, columns * sizeof(float)) == 0);
  free(vector);
  free(all);

  CHECK_STATUS(parallax_engine_event_clusters(engine, &groups), PARALLAX_OK);
  check_groups_partition(groups, 3);
  parallax_groups_free(groups);
  CHECK_STATUS(parallax_engine_events_json(NULL, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_events_json(engine, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_events_json(engine, &json), PARALLAX_OK);
  CHECK(json[0] == '[' && contains(json, "\"label\"") && contains(json, "\"languages\":[\"en\"]") &&
        contains(json, "\"sources\"") && contains(json, "\"id\":\"story\""));
  parallax_string_free(json);
  CHECK_STATUS(parallax_engine_translations_json(NULL, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_translations_json(engine, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_translations_json(engine, &json), PARALLAX_OK);
  CHECK(strcmp(json, "[]") == 0); /* one language: nothing can be a translation */
  parallax_string_free(json);
  CHECK_STATUS(parallax_engine_partial_copies_json(NULL, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_partial_copies_json(engine, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_partial_copies_json(engine, &json), PARALLAX_OK);
  CHECK(strcmp(json, "[]") == 0); /* containment is off by default */
  parallax_string_free(json);

  /* documents */
  CHECK_STATUS(parallax_engine_document_json(engine, 0, &json), PARALLAX_OK);
  CHECK(contains(json, "\"id\":\"story\"") && contains(json, "\"source\":\"Wire A\"") &&
        contains(json, "https://a.example/1"));
  parallax_string_free(json);
  CHECK_STATUS(parallax_engine_document_json(engine, 3, &json), PARALLAX_ERROR_NOT_FOUND);
  CHECK_STATUS(parallax_engine_documents_json(engine, &json), PARALLAX_OK);
  CHECK(contains(json, "\"id\":\"other\"") && json[0] == '[');
  parallax_string_free(json);
  CHECK_STATUS(parallax_engine_find(engine, "missing", &index), PARALLAX_ERROR_NOT_FOUND);
  CHECK_STATUS(parallax_engine_find(engine, "\xff", &index), PARALLAX_ERROR_INVALID_UTF8);

  /* adding invalidates results until the next build */
  CHECK_STATUS(parallax_engine_add(engine, "late", kOther, NULL, NULL, NULL, NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_event_clusters(engine, &groups), PARALLAX_ERROR_NOT_BUILT);
  CHECK(contains(parallax_last_error(), "added since"));
  CHECK_STATUS(parallax_engine_events_json(engine, &json), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_translations_json(engine, &json), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_partial_copies_json(engine, &json), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_event_clusters(engine, &groups), PARALLAX_OK);
  check_groups_partition(groups, 4);
  parallax_engine_free(engine); /* results outlive their engine */
  CHECK_STATUS(parallax_groups_shape(groups, &group_count, &member_count), PARALLAX_OK);
  CHECK(member_count == 4);
  parallax_groups_free(groups);
}

static void test_read_corpus(const char *corpus) {
  parallax_engine *engine = new_engine();
  parallax_groups *groups = NULL;
  size_t added = 0, rejected = 0, count = 0;
  char *problems = NULL;
  CHECK_STATUS(parallax_engine_read_corpus(engine, "/no/such/corpus.jsonl", &added, &rejected, &problems), PARALLAX_ERROR_IO);
  CHECK(problems == NULL);
  CHECK_STATUS(parallax_engine_read_corpus(engine, NULL, &added, &rejected, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_read_corpus(engine, corpus, &added, &rejected, &problems), PARALLAX_OK);
  CHECK(added == 13 && rejected == 0 && problems && problems[0] == '\0');
  parallax_string_free(problems);
  /* the same corpus again: every record is a duplicate id */
  CHECK_STATUS(parallax_engine_read_corpus(engine, corpus, &added, &rejected, &problems), PARALLAX_OK);
  CHECK(added == 0 && rejected == 13 && contains(problems, "duplicate id"));
  parallax_string_free(problems);
  CHECK_STATUS(parallax_engine_document_count(engine, &count), PARALLAX_OK);
  CHECK(count == 13);
  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_event_clusters(engine, &groups), PARALLAX_OK);
  check_groups_partition(groups, 13);
  parallax_groups_free(groups);
  parallax_engine_free(engine);
}

static void test_compare(const char *corpus) {
  parallax_engine *engine = new_engine();
  parallax_engine *textless = NULL;
  const char *keep_keys[] = {"keep_text"};
  const char *keep_values[] = {"false"};
  const char *seeds[] = {"seed-000", "seed-003"};
  const char *unknown[] = {"seed-000", "nope"};
  const char *twice[] = {"seed-000", "seed-000"};
  char *json = NULL;
  CHECK_STATUS(parallax_engine_read_corpus(engine, corpus, NULL, NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_compare(engine, NULL, 2, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_compare(engine, seeds, 2, PARALLAX_COMPARE_BY_DOCUMENT, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_compare(engine, seeds, 1, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_compare(engine, seeds, 1, PARALLAX_COMPARE_BY_SPEAKER, &json), PARALLAX_OK); /* one article, two readouts */
  CHECK(contains(json, "Kremlin"));
  parallax_string_free(json);
  json = NULL;
  CHECK_STATUS(parallax_engine_compare(engine, seeds, 2, 42, &json), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_report(NULL, PARALLAX_REPORT_JSON, PARALLAX_COMPARE_BY_SPEAKER, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_report(engine, 9, PARALLAX_COMPARE_BY_SPEAKER, &json), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_report(engine, PARALLAX_REPORT_JSON, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_report(engine, PARALLAX_REPORT_JSON, PARALLAX_COMPARE_BY_SPEAKER, &json), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_report(engine, PARALLAX_REPORT_JSON, PARALLAX_COMPARE_BY_SPEAKER, &json), PARALLAX_OK);
  CHECK(contains(json, "\"command\": \"report\"") && contains(json, "\"comparison\""));
  parallax_string_free(json);
  CHECK_STATUS(parallax_engine_report(engine, PARALLAX_REPORT_HTML, PARALLAX_COMPARE_BY_SOURCE, &json), PARALLAX_OK);
  CHECK(contains(json, "<!DOCTYPE html>"));
  parallax_string_free(json);
  json = NULL;
  CHECK_STATUS(parallax_engine_compare(engine, unknown, 2, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_ERROR_NOT_FOUND);
  CHECK(contains(parallax_last_error(), "nope"));
  CHECK_STATUS(parallax_engine_compare(engine, twice, 2, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK(json == NULL);
  CHECK_STATUS(parallax_engine_compare(engine, seeds, 2, PARALLAX_COMPARE_BY_SPEAKER, &json), PARALLAX_OK);
  CHECK(json && json[0] == '{');
  parallax_string_free(json);
  json = NULL;
  CHECK_STATUS(parallax_engine_compare(engine, seeds, 2, PARALLAX_COMPARE_BY_SOURCE, &json), PARALLAX_OK);
  CHECK(json && json[0] == '{');
  parallax_string_free(json);
  parallax_engine_free(engine);

  CHECK_STATUS(parallax_engine_create(keep_keys, keep_values, 1, &textless), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_read_corpus(textless, corpus, NULL, NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_compare(textless, seeds, 2, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_ERROR_UNAVAILABLE);
  parallax_engine_free(textless);
}

/* Each thread has its own last error. */
static void *fail_in_thread(void *message_out) {
  parallax_engine *engine = NULL;
  const char *keys[] = {"bogus"};
  const char *values[] = {"1"};
  parallax_engine_create(keys, values, 1, &engine);
  strncpy((char *)message_out, parallax_last_error(), 255);
  return NULL;
}

static void test_thread_local_errors(void) {
  pthread_t thread;
  char message[256] = {0};
  CHECK_STATUS(parallax_engine_build(NULL, PARALLAX_BUILD_EVERYTHING), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK(pthread_create(&thread, NULL, fail_in_thread, message) == 0);
  pthread_join(thread, NULL);
  CHECK(contains(message, "bogus"));
  CHECK(contains(parallax_last_error(), "engine is NULL"));
}

/* Feature-level stages: shards' features, grouped elsewhere, give what one engine gives. */
static const char *kShardIds[] = {"rate", "rate-copy", "flood", "rate-later", "flood-ru"};
static const char *kShardDates[] = {"2024-03-01", "2024-03-02", "2024-03-01", "2024-03-03", "2024-03-02"};
static const char *kShardLangs[] = {"en", "en", "en", "en", "ru"};

static parallax_engine *engine_of(size_t first, size_t count, int32_t scope, const char *near_duplicates_only) {
  const char *keys[] = {"threads", "dup_threshold", "translations", "near_duplicates_only"};
  const char *values[] = {"2", "0.5", "false", near_duplicates_only};
  const char *texts[5];
  parallax_engine *engine = NULL;
  texts[0] = kStory;
  texts[1] = kStoryCopy;
  texts[2] = kOther;
  texts[3] = "The central bank kept its main interest rate unchanged a month later, the governor said, "
             "after inflation eased in the spring.";
  texts[4] = "Сильный дождь затопил прибрежные деревни, спасатели эвакуировали сотни семей.";
  CHECK_STATUS(parallax_engine_create(keys, values, 4, &engine), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_add_batch(engine, count, kShardIds + first, texts + first, NULL, NULL,
                                         kShardLangs + first, kShardDates + first, NULL),
               PARALLAX_OK);
  CHECK_STATUS(parallax_engine_build(engine, scope), PARALLAX_OK);
  return engine;
}

static int same_groups(const parallax_groups *a, const parallax_groups *b) {
  size_t ga, ma, gb, mb;
  const uint64_t *oa, *mema, *ra, *ob, *memb, *rb;
  if (parallax_groups_shape(a, &ga, &ma) != PARALLAX_OK || parallax_groups_shape(b, &gb, &mb) != PARALLAX_OK) return 0;
  parallax_groups_arrays(a, &oa, &mema, NULL, &ra);
  parallax_groups_arrays(b, &ob, &memb, NULL, &rb);
  return ga == gb && ma == mb && memcmp(oa, ob, (ga + 1) * sizeof *oa) == 0 &&
         (ma == 0 || memcmp(mema, memb, ma * sizeof *mema) == 0) && (ga == 0 || memcmp(ra, rb, ga * sizeof *ra) == 0);
}

static void test_feature_stages(void) {
  parallax_engine *whole = engine_of(0, 5, PARALLAX_BUILD_EVERYTHING, "false");
  parallax_engine *first = engine_of(0, 2, PARALLAX_BUILD_FEATURES, "false");
  parallax_engine *second = engine_of(2, 3, PARALLAX_BUILD_FEATURES, "false");
  parallax_engine *signatures_only = engine_of(0, 2, PARALLAX_BUILD_FEATURES, "true");
  parallax_document_frequencies *df_whole = NULL, *df_first = NULL, *df_second = NULL, *df_read = NULL, *df_empty = NULL;
  parallax_groups *expected = NULL, *found = NULL;
  uint32_t signatures[5 * 128], one[128];
  uint64_t keys[128], ids[5] = {10, 11, 12, 13, 14}, terms[5][256], flat_terms[1024], offsets[4] = {0};
  uint32_t counts[5][256], flat_counts[1024];
  size_t length = 0, written = 0, needed = 0, term_count[5], documents = 0, distinct = 0, d, i, rows = 0, columns = 0;
  int32_t bands = 0, band_rows = 0;
  uint8_t *bytes_whole, *bytes_merged;
  size_t size_whole = 0, size_merged = 0;
  float *vectors, *shard_vectors;
  double largest_difference = 0;

  /* Signatures of texts equal the engine's; band keys of a copy meet its original's. */
  CHECK_STATUS(parallax_engine_signature_length(whole, &length), PARALLAX_OK);
  CHECK(length == 128);
  for (d = 0; d < 5; ++d) CHECK_STATUS(parallax_engine_signature(whole, d, signatures + d * length, length, &written), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_text_signature(whole, NULL, kStory, one, length, &written), PARALLAX_OK);
  CHECK(written == length && memcmp(one, signatures, length * sizeof *one) == 0);
  CHECK_STATUS(parallax_engine_text_signature(whole, NULL, kStory, NULL, 0, &needed), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(needed == length);
  CHECK_STATUS(parallax_engine_text_signature(whole, NULL, " . ", one, length, &written), PARALLAX_OK);
  CHECK(written == 0);
  CHECK_STATUS(parallax_engine_text_signature(whole, "\xff", kStory, one, length, &written), PARALLAX_ERROR_INVALID_UTF8);
  CHECK_STATUS(parallax_engine_text_signature(whole, NULL, NULL, one, length, &written), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_lsh_banding(whole, &bands, &band_rows), PARALLAX_OK);
  CHECK(bands > 0 && band_rows > 0 && (size_t)(bands * band_rows) <= length);
  CHECK_STATUS(parallax_engine_band_keys(whole, signatures, length, keys, 1, &needed), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(needed == (size_t)bands);
  CHECK_STATUS(parallax_engine_band_keys(whole, signatures, length - 1, keys, 128, &written), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_band_keys(whole, signatures + length, length, keys, 128, &written), PARALLAX_OK);
  {
    uint64_t original[128];
    int shared = 0;
    CHECK_STATUS(parallax_engine_band_keys(whole, signatures, length, original, 128, &written), PARALLAX_OK);
    for (i = 0; i < written; ++i) shared += original[i] == keys[i];
    CHECK(written == (size_t)bands && shared > 0);
  }

  /* Groups of supplied signatures are the engine's groups; ids name the members. */
  CHECK_STATUS(parallax_engine_near_duplicate_groups(whole, &expected), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_groups_from_signatures(whole, signatures, 5, length, NULL, &found), PARALLAX_OK);
  CHECK(same_groups(expected, found));
  parallax_groups_free(found);
  found = NULL;
  CHECK_STATUS(parallax_engine_groups_from_signatures(whole, signatures, 5, length, ids, &found), PARALLAX_OK);
  {
    size_t groups = 0, members = 0;
    const uint64_t *member = NULL, *representative = NULL;
    parallax_groups_shape(found, &groups, &members);
    parallax_groups_arrays(found, NULL, &member, NULL, &representative);
    CHECK(groups == 1 && members == 2 && member[0] == 10 && member[1] == 11 && representative[0] == 10);
  }
  parallax_groups_free(found);
  parallax_groups_free(expected);
  CHECK_STATUS(parallax_engine_groups_from_signatures(whole, signatures, 5, 7, NULL, &found), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_engine_groups_from_signatures(whole, NULL, 5, length, NULL, &found), PARALLAX_ERROR_NULL_ARGUMENT);

  /* Shards' frequencies merged are the whole corpus's, to the byte. */
  CHECK_STATUS(parallax_engine_document_frequencies(whole, &df_whole), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_document_frequencies(first, &df_first), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_document_frequencies(second, &df_second), PARALLAX_OK);
  CHECK_STATUS(parallax_document_frequencies_merge(df_first, df_first), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_document_frequencies_merge(df_first, df_second), PARALLAX_OK);
  CHECK_STATUS(parallax_document_frequencies_shape(df_first, &documents, &distinct), PARALLAX_OK);
  CHECK(documents == 5 && distinct > 20);
  CHECK_STATUS(parallax_document_frequencies_serialize(df_whole, NULL, 0, &size_whole), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(size_whole == 24 + 12 * distinct);
  bytes_whole = malloc(size_whole);
  bytes_merged = malloc(size_whole);
  CHECK_STATUS(parallax_document_frequencies_serialize(df_whole, bytes_whole, size_whole, &written), PARALLAX_OK);
  CHECK_STATUS(parallax_document_frequencies_serialize(df_first, bytes_merged, size_whole, &size_merged), PARALLAX_OK);
  CHECK(size_merged == size_whole && memcmp(bytes_whole, bytes_merged, size_whole) == 0);
  CHECK_STATUS(parallax_document_frequencies_deserialize(bytes_whole, size_whole, &df_read), PARALLAX_OK);
  CHECK_STATUS(parallax_document_frequencies_shape(df_read, &documents, &distinct), PARALLAX_OK);
  CHECK(documents == 5);
  CHECK_STATUS(parallax_document_frequencies_deserialize(bytes_whole, size_whole - 1, &df_empty), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK(contains(parallax_last_error(), "cannot hold"));
  CHECK_STATUS(parallax_document_frequencies_deserialize((const uint8_t *)"JSON", 4, &df_empty), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK(df_empty == NULL);
  CHECK_STATUS(parallax_document_frequencies_create(&df_empty), PARALLAX_OK);
  CHECK_STATUS(parallax_document_frequencies_add(df_empty, ids, 5), PARALLAX_OK);
  CHECK_STATUS(parallax_document_frequencies_add(df_empty, ids, 2), PARALLAX_OK);
  CHECK_STATUS(parallax_document_frequencies_shape(df_empty, &documents, &distinct), PARALLAX_OK);
  CHECK(documents == 2 && distinct == 5);
  CHECK_STATUS(parallax_document_frequencies_add(df_empty, NULL, 1), PARALLAX_ERROR_NULL_ARGUMENT);

  /* A shard's vectors weighed by the merged frequencies are the whole engine's vectors. */
  for (d = 0; d < 3; ++d) {
    CHECK_STATUS(parallax_engine_term_counts(second, d, terms[d], counts[d], 256, &term_count[d]), PARALLAX_OK);
    CHECK(term_count[d] > 0);
    for (i = 1; i < term_count[d]; ++i) CHECK(terms[d][i - 1] < terms[d][i]);
    memcpy(flat_terms + offsets[d], terms[d], term_count[d] * sizeof **terms);
    memcpy(flat_counts + offsets[d], counts[d], term_count[d] * sizeof **counts);
    offsets[d + 1] = offsets[d] + term_count[d];
  }
  CHECK_STATUS(parallax_engine_term_counts(second, 0, terms[0], counts[0], 1, &needed), PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(needed == term_count[0]);
  CHECK_STATUS(parallax_engine_term_counts(second, 3, terms[0], counts[0], 256, &needed), PARALLAX_ERROR_NOT_FOUND);
  CHECK_STATUS(parallax_engine_term_counts(signatures_only, 0, terms[0], counts[0], 256, &needed), PARALLAX_ERROR_UNAVAILABLE);
  CHECK_STATUS(parallax_engine_document_frequencies(signatures_only, &df_empty), PARALLAX_ERROR_UNAVAILABLE);
  CHECK_STATUS(parallax_engine_vector_shape(whole, &rows, &columns), PARALLAX_OK);
  vectors = malloc(rows * columns * sizeof *vectors);
  shard_vectors = malloc(3 * columns * sizeof *shard_vectors);
  CHECK_STATUS(parallax_engine_vectors(whole, vectors, rows * columns, &written), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_tfidf_vectors(second, df_first, 3, offsets, flat_terms, flat_counts, shard_vectors, 1,
                                             &needed),
               PARALLAX_ERROR_BUFFER_TOO_SMALL);
  CHECK(needed == 3 * columns);
  CHECK_STATUS(parallax_engine_tfidf_vectors(second, df_first, 3, offsets, flat_terms, flat_counts, shard_vectors,
                                             3 * columns, &written),
               PARALLAX_OK);
  for (i = 0; i < 3 * columns; ++i) {
    double difference = fabs((double)shard_vectors[i] - vectors[2 * columns + i]);
    if (difference > largest_difference) largest_difference = difference;
  }
  CHECK(largest_difference == 0.0);
  /* With the shard's own frequencies (local idf) the vectors are not the corpus's. */
  CHECK_STATUS(parallax_engine_tfidf_vectors(second, df_second, 3, offsets, flat_terms, flat_counts, shard_vectors,
                                             3 * columns, &written),
               PARALLAX_OK);
  CHECK(memcmp(shard_vectors, vectors + 2 * columns, 3 * columns * sizeof *vectors) != 0);
  {
    uint64_t unsorted[2];
    uint64_t two_offsets[2] = {0, 2};
    uint32_t two_counts[2] = {1, 1};
    unsorted[0] = flat_terms[1];
    unsorted[1] = flat_terms[0];
    CHECK_STATUS(parallax_engine_tfidf_vectors(second, df_first, 1, two_offsets, unsorted, two_counts, shard_vectors,
                                               3 * columns, &written),
                 PARALLAX_ERROR_INVALID_ARGUMENT);
  }

  /* Events of supplied vectors are the engine's events. */
  CHECK_STATUS(parallax_engine_event_clusters(whole, &expected), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_events_from_vectors(whole, vectors, rows, columns, kShardDates, kShardLangs, NULL, &found),
               PARALLAX_OK);
  CHECK(same_groups(expected, found));
  parallax_groups_free(found);
  parallax_groups_free(expected);
  found = NULL;
  {
    const char *bad_dates[] = {"2024-03-01", "yesterday", NULL, NULL, NULL};
    CHECK_STATUS(parallax_engine_events_from_vectors(whole, vectors, rows, columns, bad_dates, NULL, NULL, &found),
                 PARALLAX_ERROR_INVALID_ARGUMENT);
    CHECK(contains(parallax_last_error(), "dates[1]"));
    CHECK_STATUS(parallax_engine_events_from_vectors(whole, vectors, rows, 0, NULL, NULL, NULL, &found),
                 PARALLAX_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(parallax_engine_events_from_vectors(whole, NULL, rows, columns, NULL, NULL, NULL, &found),
                 PARALLAX_ERROR_NULL_ARGUMENT);
    CHECK(found == NULL);
  }

  /* A features-only build has no groups yet. */
  CHECK_STATUS(parallax_engine_near_duplicate_groups(first, &found), PARALLAX_ERROR_NOT_BUILT);
  CHECK_STATUS(parallax_engine_build(first, 4), PARALLAX_ERROR_INVALID_ARGUMENT);

  free(vectors);
  free(shard_vectors);
  free(bytes_whole);
  free(bytes_merged);
  parallax_document_frequencies_free(df_whole);
  parallax_document_frequencies_free(df_first);
  parallax_document_frequencies_free(df_second);
  parallax_document_frequencies_free(df_read);
  parallax_document_frequencies_free(df_empty);
  parallax_document_frequencies_free(NULL);
  parallax_engine_free(whole);
  parallax_engine_free(first);
  parallax_engine_free(second);
  parallax_engine_free(signatures_only);
}

/* Removing documents by id: the next build equals one that never had them, indices close up,
   the kept texts follow (compare by id), and the results are stale in between. */
static void test_remove(const char *corpus) {
  parallax_engine *plain = new_engine(), *engine = new_engine();
  parallax_groups *expected = NULL, *got = NULL;
  const char *seeds[] = {"seed-000", "seed-003"};
  char *expected_json = NULL, *json = NULL;
  size_t index = 0, count = 0;
  CHECK_STATUS(parallax_engine_read_corpus(plain, corpus, NULL, NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_build(plain, PARALLAX_BUILD_EVERYTHING), PARALLAX_OK);

  CHECK_STATUS(parallax_engine_add(engine, "early", kStory, "Rates up", NULL, "en", NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_read_corpus(engine, corpus, NULL, NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_add(engine, "late", kOther, NULL, NULL, NULL, NULL, NULL), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_remove(engine, "late"), PARALLAX_OK); /* before its analysis */
  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_find(engine, "seed-003", &index), PARALLAX_OK);
  CHECK(index == 2);
  CHECK_STATUS(parallax_engine_remove(engine, "early"), PARALLAX_OK); /* after a build */
  CHECK_STATUS(parallax_engine_event_clusters(engine, &got), PARALLAX_ERROR_NOT_BUILT);
  CHECK(contains(parallax_last_error(), "removed"));
  CHECK_STATUS(parallax_engine_find(engine, "seed-003", &index), PARALLAX_OK);
  CHECK(index == 1);
  CHECK_STATUS(parallax_engine_find(engine, "early", &index), PARALLAX_ERROR_NOT_FOUND);
  CHECK_STATUS(parallax_engine_remove(engine, "early"), PARALLAX_ERROR_NOT_FOUND);
  CHECK(contains(parallax_last_error(), "early"));
  CHECK_STATUS(parallax_engine_remove(engine, NULL), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_engine_remove(engine, "\xff"), PARALLAX_ERROR_INVALID_UTF8);
  CHECK_STATUS(parallax_engine_document_count(engine, &count), PARALLAX_OK);
  CHECK(count == 13);
  CHECK_STATUS(parallax_engine_build(engine, PARALLAX_BUILD_EVERYTHING), PARALLAX_OK);

  CHECK_STATUS(parallax_engine_near_duplicate_groups(plain, &expected), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_near_duplicate_groups(engine, &got), PARALLAX_OK);
  CHECK(same_groups(expected, got));
  parallax_groups_free(expected);
  parallax_groups_free(got);
  CHECK_STATUS(parallax_engine_event_clusters(plain, &expected), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_event_clusters(engine, &got), PARALLAX_OK);
  CHECK(same_groups(expected, got));
  parallax_groups_free(expected);
  parallax_groups_free(got);
  CHECK_STATUS(parallax_engine_documents_json(plain, &expected_json), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_documents_json(engine, &json), PARALLAX_OK);
  CHECK(expected_json && json && strcmp(expected_json, json) == 0);
  parallax_string_free(expected_json);
  parallax_string_free(json);
  CHECK_STATUS(parallax_engine_compare(plain, seeds, 2, PARALLAX_COMPARE_BY_DOCUMENT, &expected_json), PARALLAX_OK);
  CHECK_STATUS(parallax_engine_compare(engine, seeds, 2, PARALLAX_COMPARE_BY_DOCUMENT, &json), PARALLAX_OK);
  CHECK(expected_json && json && strcmp(expected_json, json) == 0);
  parallax_string_free(expected_json);
  parallax_string_free(json);
  parallax_engine_free(plain);
  parallax_engine_free(engine);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s CORPUS.jsonl\n", argv[0]);
    return 2;
  }
  test_library();
  test_create_errors();
  test_null_handles();
  test_add_errors();
  test_results();
  test_read_corpus(argv[1]);
  test_compare(argv[1]);
  test_remove(argv[1]);
  test_thread_local_errors();
  test_feature_stages();
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}

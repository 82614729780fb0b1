/* The document index through the C ABI (parallax_index_*), compiled as C against the public
 * header only: add, query, delete, events, stats, and every failure path (NULL arguments, a bad
 * mode, a read-only handle, a missing or foreign file, other options, invalid UTF-8).
 * Usage: parallax_capi_index_test CORPUS.jsonl TEMPORARY_FOLDER */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <parallax/parallax.h>

static int failures = 0;
static int checks = 0;

#define CHECK(condition)                                                            \
  do {                                                                              \
    ++checks;                                                                       \
    if (!(condition)) {                                                             \
      ++failures;                                                                   \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
    }                                                                               \
  } while (0)

#define CHECK_STATUS(call, expected)                                                               \
  do {                                                                                             \
    int32_t status_ = (call);                                                                      \
    ++checks;                                                                                      \
    if (status_ != (expected)) {                                                                   \
      ++failures;                                                                                  \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__, #call,      \
              parallax_status_name(status_), parallax_status_name(expected), parallax_last_error()); \
    }                                                                                              \
  } while (0)

static int contains(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

static const char *kStory =
    "The central bank raised its main interest rate by half a percentage point on Thursday, "
    "the largest increase in two decades, saying inflation had spread across the economy.";
static const char *kOther =
    "Heavy rain flooded the coastal villages overnight and rescue teams evacuated hundreds of "
    "families, the regional governor said, adding that schools would stay closed until Monday.";

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s CORPUS.jsonl TEMPORARY_FOLDER\n", argv[0]);
    return 2;
  }
  char path[4096], foreign[4096];
  snprintf(path, sizeof path, "%s/capi-index.db", argv[2]);
  snprintf(foreign, sizeof foreign, "%s/capi-foreign.txt", argv[2]);
  remove(path);

  parallax_index *index = NULL;
  const char *keys[] = {"threads", "dup_threshold"}, *values[] = {"2", "0.5"};
  CHECK_STATUS(parallax_index_open(NULL, PARALLAX_INDEX_READ_WRITE, NULL, NULL, 0, &index), PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_index_open(path, 7, NULL, NULL, 0, &index), PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_index_open(path, PARALLAX_INDEX_READ_ONLY, NULL, NULL, 0, &index), PARALLAX_ERROR_IO);
  CHECK(contains(parallax_last_error(), path) && contains(parallax_last_error(), "no such index"));
  const char *bad_key[] = {"no_such_option"};
  CHECK_STATUS(parallax_index_open(path, PARALLAX_INDEX_READ_WRITE, bad_key, values, 1, &index),
               PARALLAX_ERROR_UNKNOWN_OPTION);
  CHECK_STATUS(parallax_index_open(path, PARALLAX_INDEX_READ_WRITE, keys, values, 2, &index), PARALLAX_OK);
  CHECK(index != NULL);

  size_t added = 0, skipped = 0, rejected = 0;
  CHECK_STATUS(parallax_index_add_corpus(index, argv[1], &added, &skipped, &rejected), PARALLAX_OK);
  CHECK(added == 13 && skipped == 0 && rejected == 0);
  CHECK_STATUS(parallax_index_add_corpus(index, argv[1], &added, &skipped, NULL), PARALLAX_OK);
  CHECK(added == 0 && skipped == 13);
  CHECK_STATUS(parallax_index_add_corpus(index, "/no/such/corpus.jsonl", NULL, NULL, NULL), PARALLAX_ERROR_IO);

  const char *ids[] = {"rate", "rain"}, *texts[] = {kStory, kOther};
  const char *twice[] = {"x", "x"};
  const char *bad_text[] = {"\xff\xfe", kOther};
  CHECK_STATUS(parallax_index_add(index, 2, NULL, texts, NULL, NULL, NULL, NULL, NULL, &added),
               PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_index_add(index, 2, twice, texts, NULL, NULL, NULL, NULL, NULL, &added),
               PARALLAX_ERROR_DUPLICATE_ID);
  CHECK_STATUS(parallax_index_add(index, 2, ids, bad_text, NULL, NULL, NULL, NULL, NULL, &added),
               PARALLAX_ERROR_INVALID_UTF8);
  CHECK(contains(parallax_last_error(), "document 0: text"));
  CHECK_STATUS(parallax_index_add(index, 2, ids, texts, NULL, NULL, NULL, NULL, NULL, &added), PARALLAX_OK);
  CHECK(added == 2);

  char *json = NULL;
  const char *probe_ids[] = {"probe"}, *probe_texts[] = {kStory};
  CHECK_STATUS(parallax_index_query_json(index, 0, probe_ids, probe_texts, NULL, NULL, NULL, NULL, NULL, &json),
               PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(parallax_index_query_json(index, 1, probe_ids, probe_texts, NULL, NULL, NULL, NULL, NULL, NULL),
               PARALLAX_ERROR_NULL_ARGUMENT);
  CHECK_STATUS(parallax_index_query_json(index, 1, probe_ids, probe_texts, NULL, NULL, NULL, NULL, NULL, &json),
               PARALLAX_OK);
  CHECK(contains(json, "\"id\": \"probe\"") && contains(json, "\"id\": \"rate\"") && contains(json, "\"jaccard\": 1.0"));
  parallax_string_free(json);
  CHECK_STATUS(parallax_index_query_method_json(index, 7, 1, probe_ids, probe_texts, NULL, NULL, NULL, NULL, NULL, &json),
               PARALLAX_ERROR_INVALID_ARGUMENT);
  CHECK(contains(parallax_last_error(), "PARALLAX_QUERY_REBUILD"));
  CHECK_STATUS(parallax_index_query_method_json(index, PARALLAX_QUERY_REBUILD, 1, probe_ids, probe_texts, NULL, NULL,
                                                NULL, NULL, NULL, &json),
               PARALLAX_OK);
  CHECK(contains(json, "\"id\": \"probe\"") && contains(json, "\"id\": \"rate\"") && contains(json, "\"jaccard\": 1.0"));
  parallax_string_free(json);

  CHECK_STATUS(parallax_index_stats_json(index, &json), PARALLAX_OK);
  CHECK(contains(json, "\"documents\": 15") && contains(json, "\"dup_threshold\": \"0.5\""));
  parallax_string_free(json);

  const char *gone[] = {"rain", "nope"};
  size_t deleted = 0;
  CHECK_STATUS(parallax_index_delete(index, 2, gone, &deleted), PARALLAX_OK);
  CHECK(deleted == 1);
  CHECK_STATUS(parallax_index_events_json(index, &json), PARALLAX_OK);
  CHECK(contains(json, "\"events\"") && contains(json, "\"near_duplicate_groups\"") && !contains(json, "\"rain\""));
  parallax_string_free(json);
  CHECK_STATUS(parallax_index_events_json(NULL, &json), PARALLAX_ERROR_NULL_ARGUMENT);
  parallax_index_close(index);
  parallax_index_close(NULL);

  /* Read-only handles read and refuse writes; other options and foreign files are refused. */
  CHECK_STATUS(parallax_index_open(path, PARALLAX_INDEX_READ_ONLY, NULL, NULL, 0, &index), PARALLAX_OK);
  CHECK_STATUS(parallax_index_add(index, 1, probe_ids, probe_texts, NULL, NULL, NULL, NULL, NULL, NULL),
               PARALLAX_ERROR_IO);
  CHECK(contains(parallax_last_error(), "read-only"));
  parallax_index_close(index);
  const char *other_keys[] = {"hashes"}, *other_values[] = {"64"};
  index = NULL;
  CHECK_STATUS(parallax_index_open(path, PARALLAX_INDEX_READ_WRITE, other_keys, other_values, 1, &index),
               PARALLAX_ERROR_INCOMPATIBLE_INDEX);
  CHECK(index == NULL && contains(parallax_last_error(), "hashes=128, not 64"));
  FILE *f = fopen(foreign, "w");
  fputs("not a database at all, just text long enough to fill a header page of sqlite\n", f);
  fclose(f);
  CHECK_STATUS(parallax_index_open(foreign, PARALLAX_INDEX_READ_WRITE, NULL, NULL, 0, &index), PARALLAX_ERROR_IO);
  CHECK(contains(parallax_last_error(), "not a parallax index"));
  CHECK(strcmp(parallax_status_name(PARALLAX_ERROR_INCOMPATIBLE_INDEX), "PARALLAX_ERROR_INCOMPATIBLE_INDEX") == 0);
  remove(foreign);
  remove(path);

  printf("%d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}

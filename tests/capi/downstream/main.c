/* Links against an installed libparallax and runs a tiny corpus through it. */
#include <parallax/parallax.h>
#include <stdio.h>

int main(void) {
  parallax_engine *engine = NULL;
  parallax_groups *groups = NULL;
  size_t group_count = 0, member_count = 0;
  if (parallax_abi_version() != PARALLAX_ABI_VERSION) return 1;
  if (parallax_engine_create(NULL, NULL, 0, &engine) != PARALLAX_OK ||
      parallax_engine_add(engine, "a", "Two ministers met in Cairo on Monday to discuss the border crossing.",
                          NULL, NULL, NULL, NULL, NULL) != PARALLAX_OK ||
      parallax_engine_add(engine, "b", "Two ministers met in Cairo on Monday to discuss the border crossing.",
                          NULL, NULL, NULL, NULL, NULL) != PARALLAX_OK ||
      parallax_engine_build(engine, PARALLAX_BUILD_NEAR_DUPLICATES) != PARALLAX_OK ||
      parallax_engine_near_duplicate_groups(engine, &groups) != PARALLAX_OK ||
      parallax_groups_shape(groups, &group_count, &member_count) != PARALLAX_OK) {
    fprintf(stderr, "downstream: %s\n", parallax_last_error());
    parallax_engine_free(engine);
    return 1;
  }
  printf("parallax %s: %zu group(s), %zu members\n", parallax_version(), group_count, member_count);
  parallax_groups_free(groups);
  parallax_engine_free(engine);
  return group_count == 1 && member_count == 2 ? 0 : 1;
}

/* Proves include/parallax/parallax.h is plain C: this file is compiled as C99 with -pedantic
 * -Werror and must mention every handle type and constant family. */
#include <parallax/parallax.h>

int main(void) {
  parallax_engine *engine = 0;
  parallax_groups *groups = 0;
  int32_t statuses[] = {PARALLAX_OK, PARALLAX_ERROR_NULL_ARGUMENT, PARALLAX_ERROR_INTERNAL,
                        PARALLAX_BUILD_NEAR_DUPLICATES, PARALLAX_BUILD_EVERYTHING, PARALLAX_COMPARE_BY_SPEAKER};
  (void)engine;
  (void)groups;
  (void)statuses;
  return PARALLAX_ABI_VERSION > 0 ? 0 : 1;
}

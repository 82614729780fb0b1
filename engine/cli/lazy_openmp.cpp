// The OpenMP runtime (libgomp), loaded by the commands that open parallel regions (`cluster`,
// `report`, `index`: load_openmp_runtime() when they start) instead of by every process.
//
// FAISS (the kNN search of `cluster`) and the engine's search loops are compiled with OpenMP, so
// the CLI linked libgomp and every process loaded it and ran its constructor (environment, CPU
// affinity, /sys reads): 0.07 ms of a process that starts in about 1 ms, in every command, while
// `dedup` and `compare` never open a parallel region. These definitions stand in for
// the entry points GCC's OpenMP code calls in the CLI (`nm -D --undefined-only parallax` listed
// them); the linker takes them before libgomp, and --as-needed then leaves libgomp out. Each
// resolves the real function once from libgomp.so.1 and calls it with the arguments unchanged,
// so every call still goes to the one runtime. An entry point not defined here (a new FAISS or
// GCC) brings libgomp back at start: slower, never wrong. libparallax.so and the tests link
// libgomp as before.
#include "cli/commands.hpp"
#include "cli/lazy_library.hpp"

namespace {

// The function `name` of libgomp, which is loaded by the first call (it stays loaded). Throws
// when it cannot be loaded. That must not happen in a stub: GCC declares the GOMP_* entry points
// as never throwing, so an exception from one ends the process (std::terminate; found by
// cli_fault_test under an address-space limit). Commands that open parallel regions call
// load_openmp_runtime() first, where the failure is a message.
void* resolve(const char* name) {
  static const parallax::cli::LazyLibrary gomp("libgomp.so.1");
  return gomp.function(name);
}

template <typename Fn>
Fn real(const char* name) {
  return reinterpret_cast<Fn>(resolve(name));
}

}  // namespace

namespace parallax::cli {

void load_openmp_runtime() { resolve("GOMP_parallel"); }

}  // namespace parallax::cli

// The signatures of GCC's libgomp_g.h and omp.h.
extern "C" {

void GOMP_parallel(void (*fn)(void*), void* data, unsigned num_threads, unsigned flags) {
  static const auto f = real<decltype(&GOMP_parallel)>("GOMP_parallel");
  f(fn, data, num_threads, flags);
}

void GOMP_barrier() {
  static const auto f = real<decltype(&GOMP_barrier)>("GOMP_barrier");
  f();
}

void GOMP_critical_name_start(void** name) {
  static const auto f = real<decltype(&GOMP_critical_name_start)>("GOMP_critical_name_start");
  f(name);
}

void GOMP_critical_name_end(void** name) {
  static const auto f = real<decltype(&GOMP_critical_name_end)>("GOMP_critical_name_end");
  f(name);
}

bool GOMP_single_start() {
  static const auto f = real<decltype(&GOMP_single_start)>("GOMP_single_start");
  return f();
}

void GOMP_loop_end_nowait() {
  static const auto f = real<decltype(&GOMP_loop_end_nowait)>("GOMP_loop_end_nowait");
  f();
}

bool GOMP_loop_nonmonotonic_dynamic_start(long start, long end, long incr, long chunk_size, long* istart, long* iend) {
  static const auto f = real<decltype(&GOMP_loop_nonmonotonic_dynamic_start)>("GOMP_loop_nonmonotonic_dynamic_start");
  return f(start, end, incr, chunk_size, istart, iend);
}

bool GOMP_loop_nonmonotonic_dynamic_next(long* istart, long* iend) {
  static const auto f = real<decltype(&GOMP_loop_nonmonotonic_dynamic_next)>("GOMP_loop_nonmonotonic_dynamic_next");
  return f(istart, iend);
}

bool GOMP_loop_ull_nonmonotonic_dynamic_start(bool up, unsigned long long start, unsigned long long end,
                                              unsigned long long incr, unsigned long long chunk_size,
                                              unsigned long long* istart, unsigned long long* iend) {
  static const auto f =
      real<decltype(&GOMP_loop_ull_nonmonotonic_dynamic_start)>("GOMP_loop_ull_nonmonotonic_dynamic_start");
  return f(up, start, end, incr, chunk_size, istart, iend);
}

bool GOMP_loop_ull_nonmonotonic_dynamic_next(unsigned long long* istart, unsigned long long* iend) {
  static const auto f =
      real<decltype(&GOMP_loop_ull_nonmonotonic_dynamic_next)>("GOMP_loop_ull_nonmonotonic_dynamic_next");
  return f(istart, iend);
}

int omp_get_max_threads() {
  static const auto f = real<decltype(&omp_get_max_threads)>("omp_get_max_threads");
  return f();
}

int omp_get_num_threads() {
  static const auto f = real<decltype(&omp_get_num_threads)>("omp_get_num_threads");
  return f();
}

int omp_get_thread_num() {
  static const auto f = real<decltype(&omp_get_thread_num)>("omp_get_thread_num");
  return f();
}

int omp_in_parallel() {
  static const auto f = real<decltype(&omp_in_parallel)>("omp_in_parallel");
  return f();
}

int omp_get_nested() {
  static const auto f = real<decltype(&omp_get_nested)>("omp_get_nested");
  return f();
}

void omp_set_nested(int nested) {
  static const auto f = real<decltype(&omp_set_nested)>("omp_set_nested");
  f(nested);
}

void omp_set_num_threads(int threads) {
  static const auto f = real<decltype(&omp_set_num_threads)>("omp_set_num_threads");
  f(threads);
}

}  // extern "C"

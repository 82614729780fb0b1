#include "cli/blas_threads.hpp"

#include <dlfcn.h>

namespace parallax::cli {

void stop_idle_blas_threads() {
  // Looked up at run time: libblas.so.3 is whichever BLAS Debian's alternatives chose, and only
  // OpenBLAS has this entry point (exported for its pthread_atfork handler).
  using Shutdown = int (*)();
  if (auto shutdown = reinterpret_cast<Shutdown>(dlsym(RTLD_DEFAULT, "blas_thread_shutdown_"))) shutdown();
}

}  // namespace parallax::cli

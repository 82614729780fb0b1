#pragma once
// OpenBLAS (FAISS's BLAS on Debian) starts its worker threads when the library loads, and each
// spins on sched_yield for about 0.1 s of CPU before it sleeps: a fixed cost on every run, paid
// even by commands that never call BLAS (dedup, compare). On a 2-core machine that was 40% of
// `parallax dedup`'s CPU time on 10k documents.

namespace parallax::cli {

// Stops OpenBLAS's idle worker threads; OpenBLAS starts them again at its first threaded call
// (the same path its own fork handler relies on). Call once at start, before any other thread
// exists. Does nothing when the BLAS in use is not OpenBLAS.
void stop_idle_blas_threads();

}  // namespace parallax::cli

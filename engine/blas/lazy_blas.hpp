#pragma once
// BLAS and LAPACK are loaded at their first call (engine/blas/lazy_blas.cpp). load_blas() loads
// them now, where a failure can still be reported: it throws std::runtime_error naming the library
// when it cannot be loaded (not installed, or no memory left to map it). The kNN search calls it
// before FAISS, whose BLAS calls may run where an exception could not be caught (an OpenMP
// region), so that a failure becomes a message or an ABI status, never an exit or an abort.
namespace parallax {

void load_blas();

// C = A B^T for row-major A (m x k), B (n x k) and C (m x n), by BLAS sgemm: OpenBLAS picks
// this CPU's kernels at run time (AVX2 and FMA where present), where Eigen here is compiled for
// the baseline SSE2; a large product also runs on BLAS's own threads. Call load_blas() first
// wherever a failure to load must be an exception.
void multiply_transposed(const float* a, int m, const float* b, int n, int k, float* c);

}  // namespace parallax

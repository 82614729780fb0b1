#pragma once
// BLAS and LAPACK are loaded at their first call (engine/blas/lazy_blas.cpp). load_blas() loads
// them now, where a failure can still be reported: it throws std::runtime_error naming the library
// when it cannot be loaded (not installed, or no memory left to map it). The kNN search calls it
// before FAISS, whose BLAS calls may run where an exception could not be caught (an OpenMP
// region), so that a failure becomes a message or an ABI status, never an exit or an abort.
namespace parallax {

void load_blas();

}  // namespace parallax

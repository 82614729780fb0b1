// BLAS and LAPACK, loaded at their first call instead of at process start.
//
// FAISS (the only user of BLAS here: the kNN search and its PCA/ITQ transforms) calls the
// Fortran entry points below. Linked directly, libblas.so.3 and liblapack.so.3 bring OpenBLAS,
// libgfortran and libquadmath into every process: OpenBLAS alone makes the dynamic loader
// resolve about 16,000 symbols (its kernel dispatch tables), and its constructor detects the CPU
// and starts a thread pool, about 4 ms of CPU per run measured on `parallax dedup`, which never
// calls BLAS. The root CMakeLists.txt therefore takes BLAS and LAPACK off FAISS's link interface,
// and these definitions stand in for them: each resolves the real function once, from the same
// sonames the linker would have recorded (whichever BLAS Debian's alternatives chose), and calls
// it with the arguments unchanged.
//
// The parameter lists are those FAISS declares (every argument a pointer, Fortran style); a
// function FAISS starts to call that is missing here fails the link, not a run.
#include "blas/lazy_blas.hpp"

#include <dlfcn.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace {

using FortranInt = int;  // FAISS's FINTEGER on Debian (LP64 BLAS)

// The library `soname`, loaded (it stays loaded: its handle is never closed), or an exception
// naming it. Loading under a memory limit can fail: that must be a message, not an exit, for a
// program or a Python process that uses libparallax.
void* open_library(const char* soname) {
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* why = dlerror();
    throw std::runtime_error(std::string("cannot load ") + soname + ": " + (why ? why : "unknown error"));
  }
  return library;
}

// The function `name` of the library `soname`. Throws as open_library does, or when the library
// lacks the function.
void* resolve(const char* soname, const char* name) {
  void* function = dlsym(open_library(soname), name);
  if (!function) throw std::runtime_error(std::string("cannot find ") + name + " in " + soname);
  return function;
}

// The real function, resolved on the first call (thread-safe: a function-local static; one whose
// initialization threw is tried again at the next call).
template <typename Fn>
Fn real(const char* soname, const char* name) {
  return reinterpret_cast<Fn>(resolve(soname, name));
}

constexpr const char* kBlas = "libblas.so.3";
constexpr const char* kLapack = "liblapack.so.3";

}  // namespace

namespace parallax {

void load_blas() {
  // Once loaded, a library stays: later calls cost one lock. A failed load is tried again.
  static std::mutex mutex;
  static bool loaded = false;
  const std::lock_guard<std::mutex> lock(mutex);
  if (loaded) return;
  open_library(kBlas);
  open_library(kLapack);
  loaded = true;
}

}  // namespace parallax

extern "C" int sgemm_(const char* transa, const char* transb, FortranInt* m, FortranInt* n, FortranInt* k,
                      const float* alpha, const float* a, FortranInt* lda, const float* b, FortranInt* ldb, float* beta,
                      float* c, FortranInt* ldc);

namespace parallax {

void multiply_transposed(const float* a, int m, const float* b, int n, int k, float* c) {
  if (m == 0 || n == 0) return;
  // Column-major BLAS sees the row-major C (m x n) as C^T (n x m) = B A^T.
  FortranInt rows = n, columns = m, inner = k, lda = k, ldb = k, ldc = n;
  float one = 1.0f, zero = 0.0f;
  sgemm_("T", "N", &rows, &columns, &inner, &one, b, &lda, a, &ldb, &zero, c, &ldc);
}

}  // namespace parallax

extern "C" {

int sgemm_(const char* transa, const char* transb, FortranInt* m, FortranInt* n, FortranInt* k, const float* alpha,
           const float* a, FortranInt* lda, const float* b, FortranInt* ldb, float* beta, float* c, FortranInt* ldc) {
  static const auto fn = real<decltype(&sgemm_)>(kBlas, "sgemm_");
  return fn(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

int dgemm_(const char* transa, const char* transb, FortranInt* m, FortranInt* n, FortranInt* k, const double* alpha,
           const double* a, FortranInt* lda, const double* b, FortranInt* ldb, double* beta, double* c, FortranInt* ldc) {
  static const auto fn = real<decltype(&dgemm_)>(kBlas, "dgemm_");
  return fn(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

int ssyrk_(const char* uplo, const char* trans, FortranInt* n, FortranInt* k, float* alpha, float* a, FortranInt* lda,
           float* beta, float* c, FortranInt* ldc) {
  static const auto fn = real<decltype(&ssyrk_)>(kBlas, "ssyrk_");
  return fn(uplo, trans, n, k, alpha, a, lda, beta, c, ldc);
}

int sgeqrf_(FortranInt* m, FortranInt* n, float* a, FortranInt* lda, float* tau, float* work, FortranInt* lwork,
            FortranInt* info) {
  static const auto fn = real<decltype(&sgeqrf_)>(kLapack, "sgeqrf_");
  return fn(m, n, a, lda, tau, work, lwork, info);
}

int sorgqr_(FortranInt* m, FortranInt* n, FortranInt* k, float* a, FortranInt* lda, float* tau, float* work,
            FortranInt* lwork, FortranInt* info) {
  static const auto fn = real<decltype(&sorgqr_)>(kLapack, "sorgqr_");
  return fn(m, n, k, a, lda, tau, work, lwork, info);
}

int sgesvd_(const char* jobu, const char* jobvt, FortranInt* m, FortranInt* n, float* a, FortranInt* lda, float* s,
            float* u, FortranInt* ldu, float* vt, FortranInt* ldvt, float* work, FortranInt* lwork, FortranInt* info) {
  static const auto fn = real<decltype(&sgesvd_)>(kLapack, "sgesvd_");
  return fn(jobu, jobvt, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, info);
}

int dgesvd_(const char* jobu, const char* jobvt, FortranInt* m, FortranInt* n, double* a, FortranInt* lda, double* s,
            double* u, FortranInt* ldu, double* vt, FortranInt* ldvt, double* work, FortranInt* lwork, FortranInt* info) {
  static const auto fn = real<decltype(&dgesvd_)>(kLapack, "dgesvd_");
  return fn(jobu, jobvt, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, info);
}

int dsyev_(const char* jobz, const char* uplo, FortranInt* n, double* a, FortranInt* lda, double* w, double* work,
           FortranInt* lwork, FortranInt* info) {
  static const auto fn = real<decltype(&dsyev_)>(kLapack, "dsyev_");
  return fn(jobz, uplo, n, a, lda, w, work, lwork, info);
}

}  // extern "C"

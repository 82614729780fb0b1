#include "features/half_matrix.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define PARALLAX_HAS_F16C_PATH 1
#endif

namespace parallax {

void narrow_to_half_portable(const float* in, std::size_t count, std::uint16_t* out) {
  for (std::size_t i = 0; i < count; ++i) out[i] = std::bit_cast<std::uint16_t>(Eigen::half(in[i]));
}

void widen_from_half_portable(const std::uint16_t* in, std::size_t count, float* out) {
  for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<float>(std::bit_cast<Eigen::half>(in[i]));
}

#ifdef PARALLAX_HAS_F16C_PATH
namespace {

// Debian builds for baseline x86-64, so the instructions are compiled per function and chosen at
// run time: without them, every row the search gathers would be converted one value at a time.
// CPUID and XGETBV themselves, at the first conversion: __builtin_cpu_supports (clang 14 refuses
// it for "f16c" anyway) links libgcc's CPU model, whose constructor runs a dozen CPUIDs at every
// start of every command (4 microseconds each on a virtual machine that traps them).
bool processor_has_f16c() {
  static const bool has = [] {
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return false;
    if ((ecx & bit_F16C) == 0 || (ecx & bit_AVX) == 0 || (ecx & bit_OSXSAVE) == 0) return false;
    unsigned xcr0_low = 0, xcr0_high = 0;
    __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    return (xcr0_low & 0x6) == 0x6;  // the system saves the SSE and AVX registers: AVX is usable
  }();
  return has;
}

__attribute__((target("avx,f16c"))) void narrow_f16c(const float* in, std::size_t count, std::uint16_t* out) {
  std::size_t i = 0;
  for (; i + 8 <= count; i += 8)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i),
                     _mm256_cvtps_ph(_mm256_loadu_ps(in + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
  narrow_to_half_portable(in + i, count - i, out + i);
}

__attribute__((target("avx,f16c"))) void widen_f16c(const std::uint16_t* in, std::size_t count, float* out) {
  std::size_t i = 0;
  for (; i + 8 <= count; i += 8)
    _mm256_storeu_ps(out + i, _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i))));
  widen_from_half_portable(in + i, count - i, out + i);
}

}  // namespace

void narrow_to_half(const float* in, std::size_t count, std::uint16_t* out) {
  if (processor_has_f16c()) return narrow_f16c(in, count, out);
  narrow_to_half_portable(in, count, out);
}

void widen_from_half(const std::uint16_t* in, std::size_t count, float* out) {
  if (processor_has_f16c()) return widen_f16c(in, count, out);
  widen_from_half_portable(in, count, out);
}
#else
void narrow_to_half(const float* in, std::size_t count, std::uint16_t* out) { narrow_to_half_portable(in, count, out); }
void widen_from_half(const std::uint16_t* in, std::size_t count, float* out) { widen_from_half_portable(in, count, out); }
#endif

void round_to_half(float* values, std::size_t count) {
  constexpr std::size_t kChunk = 256;
  std::uint16_t bits[kChunk];
  for (std::size_t begin = 0; begin < count; begin += kChunk) {
    const std::size_t n = std::min(kChunk, count - begin);
    narrow_to_half(values + begin, n, bits);
    widen_from_half(bits, n, values + begin);
  }
}

HalfMatrix::HalfMatrix(Eigen::Index rows, Eigen::Index cols) : rows_(rows), cols_(cols) {
  if (rows < 0 || cols < 0) throw std::invalid_argument("a matrix cannot have a negative size");
  bits_.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
}

HalfMatrix::HalfMatrix(const DenseMatrix& values) : HalfMatrix(values.rows(), values.cols()) {
  narrow_to_half(values.data(), bits_.size(), bits_.data());
}

void HalfMatrix::set_row(Eigen::Index row, const float* values) {
  narrow_to_half(values, static_cast<std::size_t>(cols_), bits_.data() + static_cast<std::size_t>(row * cols_));
}

void HalfMatrix::widen_row(Eigen::Index row, float* out) const { widen_rows(row, 1, out); }

void HalfMatrix::widen_rows(Eigen::Index first, Eigen::Index count, float* out) const {
  widen_from_half(bits_.data() + static_cast<std::size_t>(first * cols_), static_cast<std::size_t>(count * cols_), out);
}

Eigen::VectorXf HalfMatrix::row(Eigen::Index row) const {
  Eigen::VectorXf out(cols_);
  widen_row(row, out.data());
  return out;
}

DenseMatrix HalfMatrix::widened() const {
  DenseMatrix out(rows_, cols_);
  widen_rows(0, rows_, out.data());
  return out;
}

}  // namespace parallax

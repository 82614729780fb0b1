#pragma once
// Document vectors kept at half precision (IEEE binary16). At 1M documents of 768 dimensions they
// take 1.5 GB where floats take 3.1 GB, most of issue 13's 4 GB. Rounding to 11 significant bits
// moves a cosine between unit vectors by about 1e-4, far under any threshold's resolution.
// Arithmetic widens rows to floats first (BLAS has no half kernels); widening and narrowing use
// F16C instructions where the processor has them, and give the same bits without them.
#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "features/projection.hpp"

namespace parallax {

class HalfMatrix {
 public:
  HalfMatrix() = default;
  HalfMatrix(Eigen::Index rows, Eigen::Index cols);
  explicit HalfMatrix(const DenseMatrix& values);  // each value rounded to the nearest half, ties to even

  Eigen::Index rows() const { return rows_; }
  Eigen::Index cols() const { return cols_; }

  void set_row(Eigen::Index row, const float* values);
  // Row `row` as floats into out[0 .. cols()).
  void widen_row(Eigen::Index row, float* out) const;
  // `count` consecutive rows from `first` into out, row-major.
  void widen_rows(Eigen::Index first, Eigen::Index count, float* out) const;
  Eigen::VectorXf row(Eigen::Index row) const;
  DenseMatrix widened() const;

  bool operator==(const HalfMatrix& other) const = default;

 private:
  Eigen::Index rows_ = 0, cols_ = 0;
  std::vector<std::uint16_t> bits_;  // row-major
};

// Rounds values in place to the nearest half, as HalfMatrix stores them: vectors computed outside an
// engine (a shard's) then equal the engine's own, read back.
void round_to_half(float* values, std::size_t count);

// The conversions themselves, exposed for tests: the F16C path and the portable one must agree.
void narrow_to_half(const float* in, std::size_t count, std::uint16_t* out);
void widen_from_half(const std::uint16_t* in, std::size_t count, float* out);
void narrow_to_half_portable(const float* in, std::size_t count, std::uint16_t* out);
void widen_from_half_portable(const std::uint16_t* in, std::size_t count, float* out);

}  // namespace parallax

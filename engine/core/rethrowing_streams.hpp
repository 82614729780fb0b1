#pragma once
// String streams that let a failure out. A standard stream catches what its buffer throws (running
// out of memory included), sets badbit and keeps what it had: a report built in one would come out
// cut short, and a word loop over one would stop early, with no error. These rethrow instead.
#include <ios>
#include <sstream>
#include <utility>

namespace parallax {

template <class Stream>
class Rethrowing : public Stream {
 public:
  template <class... Args>
  explicit Rethrowing(Args&&... args) : Stream(std::forward<Args>(args)...) {
    this->exceptions(std::ios::badbit);
  }
};

using OutputText = Rethrowing<std::ostringstream>;
using InputText = Rethrowing<std::istringstream>;

}  // namespace parallax

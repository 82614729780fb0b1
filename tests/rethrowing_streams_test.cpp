#include <doctest/doctest.h>

#include <new>
#include <ostream>
#include <string>

#include "core/rethrowing_streams.hpp"

using namespace parallax;

namespace {

// A buffer that runs out of memory as soon as it must grow, as a string stream's does under a
// memory limit.
struct ExhaustedBuffer : std::streambuf {
  int overflow(int) override { throw std::bad_alloc(); }
};

}  // namespace

TEST_CASE("rethrowing streams: running out of memory reaches the caller instead of cutting the text short") {
  ExhaustedBuffer plain_buffer, text_buffer, number_buffer;
  std::ostream plain(&plain_buffer);
  plain << std::string(100, 'x') << 42;  // what a standard stream does: swallows it
  CHECK(plain.bad());
  Rethrowing<std::ostream> text(&text_buffer), number(&number_buffer);
  CHECK_THROWS_AS(text << std::string(100, 'x'), std::bad_alloc);
  CHECK_THROWS_AS(number << 12345, std::bad_alloc);
}

TEST_CASE("rethrowing streams: ordinary use reads and writes as the standard ones") {
  OutputText out;
  out << "event " << 3 << ": " << 0.5;
  CHECK(out.str() == "event 3: 0.5");
  InputText words("two  words\n");
  std::string word, seen;
  while (words >> word) seen += "[" + word + "]";  // the end of the text is no error
  CHECK(seen == "[two][words]");
  CHECK(words.eof());
}

#pragma once
// A fresh folder under /tmp for one test, removed with everything in it when the test ends.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace parallax::test {

struct TemporaryFolder {
  std::filesystem::path path;
  TemporaryFolder() {
    char pattern[] = "/tmp/parallax-test-XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    path = pattern;
  }
  ~TemporaryFolder() { std::filesystem::remove_all(path); }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  std::string file(const char* name) const { return (path / name).string(); }
};

}  // namespace parallax::test

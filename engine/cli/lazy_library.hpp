#pragma once
// A shared library the CLI opens at first use instead of at start (cli/lazy_openmp.cpp,
// cli/lazy_cld2.cpp). Keep one as a function-local static: its first use loads it (a failed load
// throws, and the next use tries again), and it stays loaded.
#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace parallax::cli {

class LazyLibrary {
 public:
  // Throws std::runtime_error naming the library when it cannot be loaded.
  explicit LazyLibrary(const char* soname) : soname_(soname), handle_(dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
    if (!handle_) {
      const char* why = dlerror();
      throw std::runtime_error(std::string("cannot load ") + soname_ + ": " + (why ? why : "unknown error"));
    }
  }

  // The function `name` (a mangled name for C++); throws when the library lacks it.
  void* function(const char* name) const {
    void* f = dlsym(handle_, name);
    if (!f) throw std::runtime_error(std::string("cannot find ") + name + " in " + soname_);
    return f;
  }

 private:
  const char* soname_;
  void* handle_;
};

}  // namespace parallax::cli

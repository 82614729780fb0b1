#pragma once
// The failures of a feature store, whatever keeps it.
#include <stdexcept>

namespace parallax {

// A store that cannot be opened, read or written: missing, not a database, corrupt, locked, a full
// disk. The message starts with the file's path when there is a file.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A store whose features another version of parallax computed, or that was created with other
// feature options: its signatures and terms cannot be mixed with new ones.
class IncompatibleStoreError : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace parallax

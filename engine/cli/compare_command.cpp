// TEMPORARY placeholder until the claims/diff work lands; replaced by the real command.
#include <iostream>

#include "cli/commands.hpp"

namespace parallax::cli {
int run_compare_command(const std::vector<std::string>&) {
  std::cerr << "parallax compare: not built yet\n";
  return kExitFailure;
}
}  // namespace parallax::cli

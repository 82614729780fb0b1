#pragma once
// The built-in alias table: the speakers, entities and characterizations of the project's example
// (a Biden-Putin call) in Arabic, English and Russian, as the text of an alias file (format in
// docs/claims.md). EntityAliases::defaults (claims/aliases.hpp) loads it; --no-default-aliases
// drops it.
#include <string_view>

namespace parallax {

// The table's text, in the alias file format.
std::string_view default_alias_table();

}  // namespace parallax

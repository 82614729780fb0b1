#pragma once
// Calendar dates as they appear in Document::date.
#include <optional>
#include <string_view>

namespace parallax {

// Days since 1970-01-01 of an ISO 8601 date "YYYY-MM-DD", optionally followed by a time part
// ("T..." or " ..."), e.g. "2024-03-05", "2024-03-05T10:00:00Z". Returns nullopt for anything else,
// including impossible dates such as 2023-02-29. Grouping uses it for date windows.
std::optional<int> parse_iso_date_days(std::string_view date);

}  // namespace parallax

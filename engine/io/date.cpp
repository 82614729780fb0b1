#include "io/date.hpp"

#include <chrono>

namespace parallax {
namespace {

// Reads `count` ASCII digits at `text[start]`; nullopt unless all are digits.
std::optional<int> read_digits(std::string_view text, std::size_t start, std::size_t count) {
  int value = 0;
  for (std::size_t i = start; i < start + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<int> parse_iso_date_days(std::string_view date) {
  constexpr std::size_t kDateLength = 10;  // YYYY-MM-DD
  if (date.size() < kDateLength || date[4] != '-' || date[7] != '-') return std::nullopt;
  // A date prefix must end where the time part starts, so "2024-03-051" is not 2024-03-05.
  if (date.size() > kDateLength && date[kDateLength] != 'T' && date[kDateLength] != 't' &&
      date[kDateLength] != ' ') {
    return std::nullopt;
  }
  const auto year = read_digits(date, 0, 4);
  const auto month = read_digits(date, 5, 2);
  const auto day = read_digits(date, 8, 2);
  if (!year || !month || !day) return std::nullopt;

  const std::chrono::year_month_day calendar_date{std::chrono::year{*year},
                                                  std::chrono::month{static_cast<unsigned>(*month)},
                                                  std::chrono::day{static_cast<unsigned>(*day)}};
  if (!calendar_date.ok()) return std::nullopt;
  return static_cast<int>(std::chrono::sys_days{calendar_date}.time_since_epoch().count());
}

}  // namespace parallax

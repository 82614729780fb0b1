#include "io/date.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace parallax {
namespace {

// Reads `count` ASCII digits at `text[start]`; nullopt unless all are digits.
std::optional<int> read_digits(std::string_view text, std::size_t start, std::size_t count) {
  if (start + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = start; i < start + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<int> days_since_epoch(int year, int month, int day) {
  const std::chrono::year_month_day calendar_date{std::chrono::year{year},
                                                  std::chrono::month{static_cast<unsigned>(month)},
                                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!calendar_date.ok()) return std::nullopt;
  return static_cast<int>(std::chrono::sys_days{calendar_date}.time_since_epoch().count());
}

// A date read from one of the other forms, before it is written as ISO 8601.
struct DateParts {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::string zone;  // "", "Z" or "+HH:MM"
};

bool valid_time(const DateParts& d) {
  return d.hour <= 23 && d.minute <= 59 && d.second <= 60;  // 60: a leap second
}

// "+HH:MM" from a sign and an offset in hours and minutes; "" when out of range.
std::string offset_text(char sign, int hours, int minutes) {
  if (hours > 23 || minutes > 59) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%c%02d:%02d", sign, hours, minutes);
  return text;
}

std::optional<std::string> iso_text(const DateParts& d) {
  if (d.year < 1 || !days_since_epoch(d.year, d.month, d.day)) return std::nullopt;
  if (d.has_time && !valid_time(d)) return std::nullopt;
  char text[64];
  if (!d.has_time) {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, d.hour, d.minute,
                  d.second);
  }
  return std::string(text) + d.zone;
}

// "20210126", "20210126T1804", "20210126T180400Z", "20210126T180400+0300", "20210126T18+03".
std::optional<std::string> normalize_compact(std::string_view text) {
  DateParts d;
  const auto year = read_digits(text, 0, 4), month = read_digits(text, 4, 2), day = read_digits(text, 6, 2);
  if (!year || !month || !day) return std::nullopt;
  d.year = *year, d.month = *month, d.day = *day;
  if (text.size() == 8) return iso_text(d);
  if (text[8] != 'T' && text[8] != 't') return std::nullopt;
  std::size_t at = 9;
  const auto hour = read_digits(text, at, 2), minute = read_digits(text, at + 2, 2);
  if (!hour || !minute) return std::nullopt;
  d.has_time = true, d.hour = *hour, d.minute = *minute, at += 4;
  if (const auto second = read_digits(text, at, 2)) d.second = *second, at += 2;
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    d.zone = "Z";
  } else if (!zone.empty()) {
    if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
    const auto hours = read_digits(zone, 1, 2);
    const auto minutes = zone.size() == 5 ? read_digits(zone, 3, 2) : std::optional(0);
    if (!hours || !minutes || (zone.size() != 3 && zone.size() != 5)) return std::nullopt;
    d.zone = offset_text(zone[0], *hours, *minutes);
    if (d.zone.empty()) return std::nullopt;
  }
  return iso_text(d);
}

bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Reads RFC 2822 text left to right: numbers, words, single characters, and the white space
// between them (folding white space, in the RFC's words).
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return at_ == text_.size(); }
  bool skip_spaces() {  // true when there was any
    const std::size_t start = at_;
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
    return at_ > start;
  }
  bool take(char c) {
    if (at_ == text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }
  // Between min_digits and max_digits ASCII digits.
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t count = 0;
    while (at_ + count < text_.size() && count < max_digits && std::isdigit(static_cast<unsigned char>(text_[at_ + count])))
      ++count;
    if (count < min_digits) return std::nullopt;
    const auto value = read_digits(text_, at_, count);
    at_ += count;
    return value;
  }
  std::string_view word() {
    const std::size_t start = at_;
    while (at_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[at_]))) ++at_;
    return text_.substr(start, at_ - start);
  }
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  // After "(": a comment up to its ")", e.g. the zone's name in "-0800 (PST)".
  bool skip_comment() {
    const std::size_t close = text_.find(')', at_);
    if (close == std::string_view::npos) return false;
    at_ = close + 1;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

constexpr std::array<std::string_view, 7> kDayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct NamedZone {
  std::string_view name;
  int hours;  // offset from UTC
};
// RFC 2822 section 4.3: the named zones it keeps (military letters other than Z are ambiguous in
// practice and read as no zone, as the RFC advises).
constexpr std::array<NamedZone, 12> kNamedZones = {{{"UT", 0},
                                                    {"UTC", 0},
                                                    {"GMT", 0},
                                                    {"Z", 0},
                                                    {"EST", -5},
                                                    {"EDT", -4},
                                                    {"CST", -6},
                                                    {"CDT", -5},
                                                    {"MST", -7},
                                                    {"MDT", -6},
                                                    {"PST", -8},
                                                    {"PDT", -7}}};

// The zone after the time: "+0300", "-0000" (no zone: "local time, zone unknown"), a named zone,
// or another 1-5 letter name (CET, MSK: not in the RFC; the time is kept without an offset).
std::optional<std::string> rfc2822_zone(Scanner& scan) {
  const char sign = scan.peek();
  if (sign == '+' || sign == '-') {
    scan.take(sign);
    const auto digits = scan.number(4, 4);
    if (!digits) return std::nullopt;
    if (sign == '-' && *digits == 0) return "";
    const std::string offset = offset_text(sign, *digits / 100, *digits % 100);
    if (offset.empty()) return std::nullopt;
    return offset;
  }
  const std::string_view name = scan.word();
  if (name.empty() || name.size() > 5) return std::nullopt;
  for (const NamedZone& zone : kNamedZones) {
    if (same_letters(name, zone.name)) {
      return offset_text(zone.hours < 0 ? '-' : '+', zone.hours < 0 ? -zone.hours : zone.hours, 0);
    }
  }
  return "";
}

std::optional<std::string> normalize_rfc2822(std::string_view text) {
  Scanner scan(text);
  DateParts d;
  scan.skip_spaces();
  if (std::isalpha(static_cast<unsigned char>(scan.peek()))) {
    const std::string_view day_name = scan.word();
    bool known = false;
    for (const std::string_view name : kDayNames) known = known || same_letters(day_name, name);
    scan.skip_spaces();
    if (!known || !scan.take(',')) return std::nullopt;
    scan.skip_spaces();
  }
  const auto day = scan.number(1, 2);
  if (!day || !scan.skip_spaces()) return std::nullopt;
  const std::string_view month_name = scan.word();
  for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
    if (same_letters(month_name, kMonthNames[m])) d.month = static_cast<int>(m) + 1;
  }
  if (d.month == 0 || !scan.skip_spaces()) return std::nullopt;
  const auto year = scan.number(4, 4);
  if (!year) return std::nullopt;
  d.year = *year, d.day = *day;
  if (scan.skip_spaces() && !scan.at_end()) {
    const auto hour = scan.number(1, 2);
    if (!hour || !scan.take(':')) return std::nullopt;
    const auto minute = scan.number(2, 2);
    if (!minute) return std::nullopt;
    d.has_time = true, d.hour = *hour, d.minute = *minute;
    if (scan.take(':')) {
      const auto second = scan.number(2, 2);
      if (!second) return std::nullopt;
      d.second = *second;
    }
    if (scan.skip_spaces() && !scan.at_end()) {
      const auto zone = rfc2822_zone(scan);
      if (!zone) return std::nullopt;
      d.zone = *zone;
      scan.skip_spaces();
      if (scan.take('(') && !scan.skip_comment()) return std::nullopt;
      scan.skip_spaces();
    }
  }
  if (!scan.at_end()) return std::nullopt;
  return iso_text(d);
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
  return days_since_epoch(*year, *month, *day);
}

std::optional<std::string> normalize_date(std::string_view date) {
  if (parse_iso_date_days(date)) return std::string(date);
  if (date.size() >= 8 && read_digits(date, 0, 8)) return normalize_compact(date);
  return normalize_rfc2822(date);
}

}  // namespace parallax

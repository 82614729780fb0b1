#pragma once
// Calendar dates as they appear in Document::date.
#include <optional>
#include <string>
#include <string_view>

namespace parallax {

// Days since 1970-01-01 of an ISO 8601 date "YYYY-MM-DD", optionally followed by a time part
// ("T..." or " ..."), e.g. "2024-03-05", "2024-03-05T10:00:00Z". Returns nullopt for anything else,
// including impossible dates such as 2023-02-29. Grouping uses it for date windows.
std::optional<int> parse_iso_date_days(std::string_view date);

// `date` in the ISO 8601 form parse_iso_date_days reads, from any of the forms news data carries;
// nullopt for anything else (impossible dates, times or zones included):
//  - ISO 8601 "YYYY-MM-DD[...]": returned as written ("2021-01-26T18:04:00+03:00");
//  - compact ISO 8601 "YYYYMMDD", optionally with "THHMM[SS]" and a zone ("Z", "+HHMM", "+HH"):
//    "20210126" -> "2021-01-26", "20210126T180400Z" -> "2021-01-26T18:04:00Z";
//  - RFC 2822, as in RSS pubDate and e-mail: "[Day,] D Mon YYYY [HH:MM[:SS] [zone]]" with English
//    day and month abbreviations in any case, zone "+HHMM", "UT", "UTC", "GMT", "Z" or a US zone
//    (EST, EDT, CST, CDT, MST, MDT, PST, PDT); "Tue, 26 Jan 2021 18:04:00 +0000" ->
//    "2021-01-26T18:04:00+00:00", "26 Jan 2021 18:04 GMT" -> "2021-01-26T18:04:00+00:00". The day
//    is the one written (the writer's local day), the time keeps its offset. A day name that does
//    not match the date is not checked: feeds get it wrong and the date itself is what counts.
std::optional<std::string> normalize_date(std::string_view date);

}  // namespace parallax

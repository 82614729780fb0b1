#include "capi/document_fields.hpp"

#include <utility>

#include "capi/abi_error.hpp"
#include "io/date.hpp"
#include "io/utf8_validation.hpp"

namespace parallax::capi {
namespace {

std::string optional_text(const char* text, const std::string& what) {
  return text == nullptr ? std::string() : checked_text(text, what);
}

}  // namespace

Document checked_document(const char* id, const char* text, const char* title, const char* source, const char* lang,
                          const char* date, const char* url, const std::string& where, const std::string& origin) {
  Document d;
  d.id = checked_text(id, where + "id");
  d.text = checked_text(text, where + "text");
  d.title = optional_text(title, where + "title");
  d.source = optional_text(source, where + "source");
  d.lang = optional_text(lang, where + "lang");
  d.date = optional_text(date, where + "date");
  d.url = optional_text(url, where + "url");
  if (d.id.empty()) throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, where + "id is empty");
  if (is_blank_text(d.text)) throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, where + "text of '" + d.id + "' is blank");
  if (!d.date.empty()) {
    auto iso = normalize_date(d.date);
    if (!iso)
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, where + "date '" + d.date + "' of '" + d.id +
                                                          "' is neither ISO 8601 (YYYY-MM-DD, YYYYMMDD) nor RFC 2822");
    d.date = std::move(*iso);
  }
  d.origin = origin;
  return d;
}

}  // namespace parallax::capi

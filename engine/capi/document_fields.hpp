#pragma once
// The fields of one document from a C caller, checked as the corpus readers check records: id and
// text present and valid UTF-8, the id not empty, the text not blank, the date ISO 8601, compact or
// RFC 2822 (stored as ISO 8601). parallax_engine_add* and parallax_index_add share it.
#include <string>

#include "core/document.hpp"

namespace parallax::capi {

// NULL optional fields read as "". `where` prefixes every message ("parallax_engine_add: ");
// `origin` is what the document's origin says. Throws AbiError.
Document checked_document(const char* id, const char* text, const char* title, const char* source, const char* lang,
                          const char* date, const char* url, const std::string& where, const std::string& origin);

}  // namespace parallax::capi

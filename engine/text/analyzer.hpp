#pragma once
// The whole text pipeline for one document: normalize, segment into words, choose a stemmer per
// word by its script (Arabic -> ar, Cyrillic -> ru, Latin -> the document language when it is a
// Latin-script language, else en), drop stop words, stem.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "text/stem.hpp"

namespace parallax {

struct AnalyzedText {
  std::string lang;                  // the document language used (given or detected)
  std::vector<std::string> terms;    // stems of content words, in text order (stop words removed)
  std::vector<std::string> tokens;   // all normalized word stems in text order (for shingles)
};

// Not thread-safe (owns stemmers): use one analyzer per thread.
class TextAnalyzer {
 public:
  // lang may be empty: then it is detected.
  AnalyzedText analyze(std::string_view text, std::string_view lang);

 private:
  Stemmer& stemmer_for(const std::string& lang);
  std::map<std::string, Stemmer> stemmers_;
};

}  // namespace parallax

#pragma once
// A claim: one sentence (or one clause of a long sentence) of a document, with the speaker it is
// attributed to and the words that attribute it.
#include <cstddef>
#include <string>

#include "text/segment.hpp"

namespace parallax {

// How a claim got its speaker.
enum class AttributionKind {
  Explicit,  // a cue in the claim itself names the speaker ("said the Kremlin", "وقال البيت الأبيض")
  Carried,   // carried over from an earlier claim ("He also said", "كما ...", "the statement added")
  Author,    // no cue: the document's author (its source field, else its id)
};

const char* to_string(AttributionKind kind);

// Where the attribution cue sits and what kind of cue it is.
struct AttributionCue {
  std::string text;     // the cue words as written in the document ("وقال", "according to")
  TextSpan span;        // byte span of the cue in the document text
  std::string kind;     // "verb", "source" (according to ...), "relay" (نقلت ... عن), "continuation"
};

struct Claim {
  std::string id;             // "<document id>#<sentence>" or "<document id>#<sentence>.<clause>"
  std::string document_id;
  std::size_t document_index = 0;  // position of the document among those compared
  std::size_t sentence = 0;        // 0-based sentence number in the document
  std::size_t clause = 0;          // 0-based clause number inside the sentence
  TextSpan span;                   // byte span of the claim in the document text
  std::string text;                // original text of the claim (what reports show)
  std::string lang;                // language of the document
  std::string speaker;             // canonical speaker entity ("White House", "Kremlin", author)
  std::string speaker_surface;     // the speaker words as written, empty for the author
  AttributionKind attribution = AttributionKind::Author;
  bool has_cue = false;
  AttributionCue cue;              // meaningful when has_cue
  // The claim's text without its attribution (cue and speaker words): what is claimed, not who
  // claims it. The diff compares this, so two statements do not look alike just because both
  // open with "the Kremlin said".
  std::string content;
};

}  // namespace parallax

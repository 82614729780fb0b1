#pragma once
// The bundled example corpus (examples/corpus.jsonl: Arabic, English and Russian news with
// titles), read through the engine's own reader, for tests that need real multilingual documents.
#include <vector>

#include "io/corpus_reader.hpp"

namespace parallax::test {

inline std::vector<Document> example_documents() {
  std::vector<Document> docs;
  InputDiagnostics diagnostics;
  read_corpus({PARALLAX_SOURCE_DIR "/examples/corpus.jsonl"}, [&](Document&& d) { docs.push_back(std::move(d)); },
              diagnostics);
  return docs;
}

}  // namespace parallax::test

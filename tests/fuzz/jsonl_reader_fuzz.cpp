// The JSONL reader on arbitrary bytes, read twice: in one read (a chunk larger than the input, as
// the default 1 MiB chunk is for any input the fuzzer makes, without clearing a megabyte per run)
// and with a chunk of 1 to 17 bytes (so lines straddle reads, the buffer grows and moves). Both must
// deliver the same documents and the same messages: a message that depended on the chunk (as the
// one about an invalid last line once did, on stale bytes in the padding) is a defect.
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_support.hpp"
#include "io/corpus_reader.hpp"
#include "io/jsonl_reader.hpp"
#include "io/record_gate.hpp"
#include "io/utf8_validation.hpp"

namespace {

using parallax::Document;

struct Outcome {
  std::vector<Document> documents;
  std::string messages;
  std::size_t rejected = 0;
};

Outcome read(std::string_view content, std::size_t chunk_size) {
  Outcome outcome;
  parallax::InputDiagnostics diagnostics;
  const parallax::DocumentSink sink = [&](Document&& document) { outcome.documents.push_back(std::move(document)); };
  parallax::RecordGate gate(sink, diagnostics);
  gate.begin_file("fuzz.jsonl");
  if (std::FILE* stream = parallax::fuzz::open_memory_stream(content)) {
    parallax::read_jsonl_stream(stream, gate, chunk_size);
    std::fclose(stream);
  }
  outcome.messages = diagnostics.format();
  outcome.rejected = diagnostics.rejected_records();
  return outcome;
}

auto fields(const Document& d) {
  return std::tie(d.id, d.text, d.title, d.source, d.lang, d.date, d.url, d.extra_fields, d.origin);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content = parallax::fuzz::as_text(data, size);
  const Outcome whole = read(content, size + 1);
  const Outcome chunked = read(content, 1 + size % 17);
  FUZZ_REQUIRE(whole.messages == chunked.messages);
  FUZZ_REQUIRE(whole.rejected == chunked.rejected);
  FUZZ_REQUIRE(whole.documents.size() == chunked.documents.size());
  for (std::size_t i = 0; i < whole.documents.size(); ++i) {
    const Document& d = whole.documents[i];
    FUZZ_REQUIRE(fields(d) == fields(chunked.documents[i]));
    // What the reader promises of every delivered document (io/corpus_reader.hpp).
    FUZZ_REQUIRE(!d.id.empty() && !parallax::find_invalid_utf8(d.id));
    FUZZ_REQUIRE(!parallax::find_invalid_utf8(d.text) && !parallax::is_blank_text(d.text));
  }
  return 0;
}

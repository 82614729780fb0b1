#pragma once
// CSV and TSV input: one document per record under a header record that names the columns (see
// read_corpus in io/corpus_reader.hpp for what is accepted and what is rejected).
#include <cstdio>

#include "io/corpus_reader.hpp"
#include "io/record_gate.hpp"

namespace parallax {

// Reads a table from an open stream to its end: `delimiter` ',' for CSV, '\t' for TSV. The header
// is matched to the columns by name, ignoring case and surrounding spaces: columns.id and
// columns.text (required), title, source, lang, date and url (optional, empty cells absent); every
// other non-empty cell goes to Document::extra_fields as a JSON string. The caller has named the
// stream with gate.begin_file().
void read_table_stream(std::FILE* input, char delimiter, const TableColumns& columns, RecordGate& gate);

}  // namespace parallax

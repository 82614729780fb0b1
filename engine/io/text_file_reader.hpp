#pragma once
// Plain-text input: a whole file is one document whose id is the file name without extension.
// The text is kept as written (after a leading UTF-8 byte order mark, which is dropped).
#include <filesystem>

#include "io/record_gate.hpp"

namespace parallax {

// Reads one text file; a file that cannot be opened is reported, not counted.
void read_text_file(const std::filesystem::path& path, RecordGate& gate);

// Reads the folder's *.txt files in name order. Hidden files, sub-folders and files with other
// extensions are skipped silently: folders of datasets often carry READMEs and licences.
void read_text_folder(const std::filesystem::path& folder, RecordGate& gate);

}  // namespace parallax

#pragma once
// Plain-text input: a whole file is one document whose id is the file name without extension.
// The text is kept as written (after a leading UTF-8 byte order mark, which is dropped). A gzip
// file (a.txt.gz) is decompressed; its id drops ".gz" too.
#include <filesystem>
#include <string>

#include "io/record_gate.hpp"

namespace parallax {

// Reads one text file; a file that cannot be opened is reported, not counted. id: the
// document's id, else the file name without extension.
void read_text_file(const std::filesystem::path& path, RecordGate& gate, const std::string& id = "");

// Reads the folder's text files (*.txt in any case: .TXT too, and *.txt.gz), its subfolders' as
// well, in path order; a document's id is its path inside the folder without the extension ("a",
// "2021/a"), after `id_prefix` and a slash when one is given ("news-ar/2021/a"). Hidden files and
// folders and files with other extensions are skipped: folders of datasets often carry READMEs
// and licences.
void read_text_folder(const std::filesystem::path& folder, RecordGate& gate, const std::string& id_prefix = "");

}  // namespace parallax

#include "pipeline/document_spill.hpp"

#include <cstring>

namespace parallax {
namespace {

// A record: each field as its length (8 bytes) then its bytes; the extra fields as a count, then
// key and raw value pairs.
void put(std::string& out, const std::string& field) {
  const std::uint64_t size = field.size();
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
  out += field;
}

std::string take(const std::string& in, std::size_t& at) {
  std::uint64_t size = 0;
  std::memcpy(&size, in.data() + at, sizeof size);
  at += sizeof size;
  std::string field = in.substr(at, size);
  at += size;
  return field;
}

}  // namespace

std::size_t DocumentSpill::append(const Document& d) {
  std::string record;
  for (const std::string* field : {&d.id, &d.text, &d.title, &d.source, &d.lang, &d.date, &d.url, &d.origin})
    put(record, *field);
  put(record, std::to_string(d.extra_fields.size()));
  for (const auto& [key, value] : d.extra_fields) {
    put(record, key);
    put(record, value);
  }
  const std::uint64_t at = offsets_.back();
  file_.write_at(at, record.data(), record.size());
  offsets_.push_back(at + record.size());
  return offsets_.size() - 2;
}

Document DocumentSpill::read(std::size_t index) const {
  const std::uint64_t begin = offsets_.at(index), end = offsets_.at(index + 1);
  std::string record(end - begin, '\0');
  file_.read_at(begin, record.data(), record.size());
  Document d;
  std::size_t at = 0;
  for (std::string* field : {&d.id, &d.text, &d.title, &d.source, &d.lang, &d.date, &d.url, &d.origin})
    *field = take(record, at);
  const std::size_t extras = std::stoul(take(record, at));
  for (std::size_t i = 0; i < extras; ++i) {
    std::string key = take(record, at);
    d.extra_fields.emplace_back(std::move(key), take(record, at));
  }
  return d;
}

}  // namespace parallax

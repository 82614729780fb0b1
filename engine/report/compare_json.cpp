#include "report/compare_report.hpp"
#include "report/json_writer.hpp"

namespace parallax {

namespace {

void write_span(JsonWriter& w, const TextSpan& span) { w.begin_array().value(span.begin).value(span.end).end_array(); }

void write_claim(JsonWriter& w, const CompareResult& r, std::size_t index) {
  const Claim& c = r.claims[index];
  w.begin_object();
  w.key("id").value(c.id);
  w.key("document").value(c.document_id);
  w.key("side").value(r.sides[r.side_of_claim[index]]);
  w.key("sentence").value(c.sentence);
  w.key("clause").value(c.clause);
  write_span(w.key("span"), c.span);
  w.key("lang").value(c.lang);
  w.key("text").value(c.text);
  w.key("speaker").value(c.speaker);
  w.key("speaker_text").value(c.speaker_surface);
  w.key("attribution").value(to_string(c.attribution));
  w.key("cue");
  if (c.has_cue) {
    w.begin_object();
    w.key("text").value(c.cue.text);
    w.key("kind").value(c.cue.kind);
    write_span(w.key("span"), c.cue.span);
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
}

void write_document(JsonWriter& w, const CompareDocument& d) {
  w.begin_object();
  w.key("id").value(d.id);
  w.key("source").value(d.source);
  w.key("lang").value(d.lang);
  w.key("origin").value(d.origin);
  w.key("copy_of");
  if (d.copy_of) {
    w.value(*d.copy_of);
  } else {
    w.null();
  }
  w.key("date").value(d.date);
  w.key("url").value(d.url);
  w.end_object();
}

double rounded(double v) { return static_cast<double>(static_cast<long long>(v * 10000 + 0.5)) / 10000; }

void write_alignment(JsonWriter& w, const CompareResult& r, const Alignment& a) {
  w.begin_object();
  w.key("left").value(r.claims[a.left].id);
  w.key("right").value(r.claims[a.right].id);
  w.key("left_side").value(r.sides[r.side_of_claim[a.left]]);
  w.key("right_side").value(r.sides[r.side_of_claim[a.right]]);
  w.key("score").value(rounded(a.similarity));
  w.key("label").value(to_string(a.judgement.label));
  w.key("reasons").array(a.judgement.reasons);
  w.key("covers_several").value(a.covers_several);
  w.end_object();
}

void write_topic(JsonWriter& w, const CompareResult& r, const ClaimTopic& t) {
  w.begin_object();
  w.key("claims").begin_array();
  for (std::size_t c : t.claims) w.value(r.claims[c].id);
  w.end_array();
  w.key("sides").begin_array();
  for (std::size_t s : t.sides) w.value(r.sides[s]);
  w.end_array();
  w.key("alignments").array(t.alignments);
  w.key("conflicts").value(t.conflicts);
  w.key("agreements").value(t.agreements);
  w.key("related").value(t.related);
  w.end_object();
}

}  // namespace

void write_compare_json(JsonWriter& w, const CompareResult& r) {
  w.begin_object();
  w.key("schema_version").value(kCompareSchemaVersion);
  w.key("command").value("compare");
  w.key("by").value(to_string(r.options.by));
  w.key("thresholds").begin_object();
  w.key("align").value(r.options.thresholds.align);
  w.key("agree").value(r.options.thresholds.agree);
  w.key("max_cover_overlap").value(r.options.max_cover_overlap);
  w.end_object();
  w.key("documents").begin_array();
  for (const CompareDocument& d : r.documents) write_document(w, d);
  w.end_array();
  w.key("sides").begin_array();
  for (std::size_t s = 0; s < r.sides.size(); ++s) {
    std::size_t n = 0;
    for (std::size_t side : r.side_of_claim) n += side == s;
    w.begin_object();
    w.key("name").value(r.sides[s]).key("claims").value(n).key("author").value(static_cast<bool>(r.side_is_author[s]));
    w.end_object();
  }
  w.end_array();
  w.key("claims").begin_array();
  for (std::size_t c = 0; c < r.claims.size(); ++c) write_claim(w, r, c);
  w.end_array();
  w.key("alignments").begin_array();
  for (const Alignment& a : r.alignments) write_alignment(w, r, a);
  w.end_array();
  w.key("topics").begin_array();
  for (const ClaimTopic& t : r.topics) write_topic(w, r, t);
  w.end_array();
  w.key("unaligned").begin_array();
  for (std::size_t c : r.unaligned) {
    const std::string& side = r.sides[r.side_of_claim[c]];
    w.begin_object();
    w.key("claim").value(r.claims[c].id).key("side").value(side).key("label").value("only-in-" + side);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

std::string render_compare_json(const CompareResult& r) {
  std::string text;
  JsonWriter writer(text, 2);
  write_compare_json(writer, r);
  return text + "\n";
}

}  // namespace parallax

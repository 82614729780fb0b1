#include <nlohmann/json.hpp>

#include "report/compare_report.hpp"

namespace parallax {

namespace {

using nlohmann::ordered_json;

ordered_json span_json(const TextSpan& span) { return ordered_json::array({span.begin, span.end}); }

ordered_json claim_json(const CompareResult& r, std::size_t index) {
  const Claim& c = r.claims[index];
  ordered_json j;
  j["id"] = c.id;
  j["document"] = c.document_id;
  j["side"] = r.sides[r.side_of_claim[index]];
  j["sentence"] = c.sentence;
  j["clause"] = c.clause;
  j["span"] = span_json(c.span);
  j["lang"] = c.lang;
  j["text"] = c.text;
  j["speaker"] = c.speaker;
  j["speaker_text"] = c.speaker_surface;
  j["attribution"] = to_string(c.attribution);
  if (c.has_cue) {
    j["cue"] = {{"text", c.cue.text}, {"kind", c.cue.kind}, {"span", span_json(c.cue.span)}};
  } else {
    j["cue"] = nullptr;
  }
  return j;
}

double rounded(double v) { return static_cast<double>(static_cast<long long>(v * 10000 + 0.5)) / 10000; }

}  // namespace

std::string render_compare_json(const CompareResult& r) {
  ordered_json out;
  out["schema_version"] = kCompareSchemaVersion;
  out["command"] = "compare";
  out["by"] = to_string(r.options.by);
  out["thresholds"] = {{"align", r.options.thresholds.align},
                       {"agree", r.options.thresholds.agree},
                       {"max_cover_overlap", r.options.max_cover_overlap}};
  out["documents"] = ordered_json::array();
  for (const CompareDocument& d : r.documents) {
    out["documents"].push_back({{"id", d.id},
                                {"source", d.source},
                                {"lang", d.lang},
                                {"origin", d.origin},
                                {"copy_of", d.copy_of ? ordered_json(*d.copy_of) : ordered_json(nullptr)},
                                {"date", d.date},
                                {"url", d.url}});
  }
  out["sides"] = ordered_json::array();
  for (std::size_t s = 0; s < r.sides.size(); ++s) {
    std::size_t n = 0;
    for (std::size_t side : r.side_of_claim) n += side == s;
    out["sides"].push_back(
        {{"name", r.sides[s]}, {"claims", n}, {"author", static_cast<bool>(r.side_is_author[s])}});
  }
  out["claims"] = ordered_json::array();
  for (std::size_t c = 0; c < r.claims.size(); ++c) out["claims"].push_back(claim_json(r, c));
  out["alignments"] = ordered_json::array();
  for (const Alignment& a : r.alignments) {
    out["alignments"].push_back({{"left", r.claims[a.left].id},
                                 {"right", r.claims[a.right].id},
                                 {"left_side", r.sides[r.side_of_claim[a.left]]},
                                 {"right_side", r.sides[r.side_of_claim[a.right]]},
                                 {"score", rounded(a.similarity)},
                                 {"label", to_string(a.judgement.label)},
                                 {"reasons", a.judgement.reasons},
                                 {"covers_several", a.covers_several}});
  }
  out["topics"] = ordered_json::array();
  for (const ClaimTopic& t : r.topics) {
    ordered_json claims = ordered_json::array(), sides = ordered_json::array(), alignments = ordered_json::array();
    for (std::size_t c : t.claims) claims.push_back(r.claims[c].id);
    for (std::size_t s : t.sides) sides.push_back(r.sides[s]);
    for (std::size_t a : t.alignments) alignments.push_back(a);
    out["topics"].push_back({{"claims", claims},
                             {"sides", sides},
                             {"alignments", alignments},
                             {"conflicts", t.conflicts},
                             {"agreements", t.agreements},
                             {"related", t.related}});
  }
  out["unaligned"] = ordered_json::array();
  for (std::size_t c : r.unaligned) {
    const std::string& side = r.sides[r.side_of_claim[c]];
    out["unaligned"].push_back(
        {{"claim", r.claims[c].id}, {"side", side}, {"label", "only-in-" + side}});
  }
  return out.dump(2) + "\n";
}

}  // namespace parallax

#include "report/compare_layout.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace parallax {

namespace {

// What needs a reader first: conflicts, then agreements, then the merely related.
int attention_rank(const Alignment* a) {
  return a->judgement.label == PairLabel::Conflict ? 0 : a->judgement.label == PairLabel::Agree ? 1 : 2;
}

void order_by_attention(std::vector<const Alignment*>& alignments) {
  std::sort(alignments.begin(), alignments.end(), [](const Alignment* x, const Alignment* y) {
    return std::make_tuple(attention_rank(x), x->left, x->right) < std::make_tuple(attention_rank(y), y->left, y->right);
  });
}

}  // namespace

std::vector<TopicSection> topic_sections(const CompareResult& r) {
  std::vector<TopicSection> sections;
  for (const ClaimTopic& topic : r.topics) {
    TopicSection section{&topic, {}};
    for (std::size_t a : topic.alignments) section.alignments.push_back(&r.alignments[a]);
    order_by_attention(section.alignments);
    sections.push_back(std::move(section));
  }
  return sections;
}

std::string topic_sides(const CompareResult& r, const ClaimTopic& topic) {
  std::string names;
  for (std::size_t side : topic.sides) names += (names.empty() ? "" : ", ") + r.sides[side];
  return names;
}

std::string topic_counts(const ClaimTopic& t) {
  return std::to_string(t.conflicts) + (t.conflicts == 1 ? " conflict, " : " conflicts, ") +
         std::to_string(t.agreements) + " agree, " + std::to_string(t.related) + " related";
}

CompareLayout layout_compare(const CompareResult& r) {
  CompareLayout layout;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> section_of;
  for (const Alignment& a : r.alignments) {
    const auto key = std::make_pair(r.side_of_claim[a.left], r.side_of_claim[a.right]);
    auto [it, inserted] = section_of.emplace(key, layout.sections.size());
    if (inserted) layout.sections.push_back({key.first, key.second, {}});
    layout.sections[it->second].alignments.push_back(&a);
  }
  for (auto& section : layout.sections) order_by_attention(section.alignments);
  // By speaker, what the quoted speakers say against each other comes before what the authors
  // (the outlets' own sentences) share with them.
  auto authors = [&r](const SidePairSection& s) {
    return static_cast<int>(r.side_is_author[s.left_side]) +
           static_cast<int>(r.side_is_author[s.right_side]);
  };
  std::stable_sort(layout.sections.begin(), layout.sections.end(),
                   [&](const SidePairSection& x, const SidePairSection& y) {
                     return std::make_tuple(authors(x), x.left_side, x.right_side) <
                            std::make_tuple(authors(y), y.left_side, y.right_side);
                   });
  layout.only_in.resize(r.sides.size());
  for (std::size_t c : r.unaligned) layout.only_in[r.side_of_claim[c]].push_back(c);
  return layout;
}

std::string label_counts(const CompareResult& r) {
  std::size_t counts[3] = {0, 0, 0};
  for (const Alignment& a : r.alignments) ++counts[static_cast<int>(a.judgement.label)];
  return "agree " + std::to_string(counts[0]) + ", conflict " + std::to_string(counts[1]) +
         ", related " + std::to_string(counts[2]);
}

std::string speaker_label(const Claim& claim) {
  if (claim.attribution == AttributionKind::Carried) return claim.speaker + " (carried)";
  if (claim.attribution == AttributionKind::Author) return claim.speaker + " (author)";
  return claim.speaker;
}

std::string copies_note(const CompareResult& result) {
  std::string note;
  for (const CompareDocument& d : result.documents)
    if (d.copy_of) note += (note.empty() ? "" : "; ") + d.id + " is a copy of " + *d.copy_of;
  return note;
}

}  // namespace parallax

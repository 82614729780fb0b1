#pragma once
// How every compare renderer orders its content: one section per pair of sides that has
// alignments, pairs listed in order of the left claim, then the claims found on one side only.
#include <cstddef>
#include <string>
#include <vector>

#include "diff/compare.hpp"

namespace parallax {

struct SidePairSection {
  std::size_t left_side = 0;
  std::size_t right_side = 0;
  std::vector<const Alignment*> alignments;  // conflicts, agreements, related; each by left claim, then right
};

struct CompareLayout {
  std::vector<SidePairSection> sections;
  // Per side, its claims aligned with nothing ("only in X").
  std::vector<std::vector<std::size_t>> only_in;
};

CompareLayout layout_compare(const CompareResult& result);

// A topic as the HTML and Markdown views show it: its aligned pairs, conflicts first, then
// agreements, then the merely related, each by left claim.
struct TopicSection {
  const ClaimTopic* topic = nullptr;
  std::vector<const Alignment*> alignments;
};

// The topics in CompareResult::topics order (conflicts first).
std::vector<TopicSection> topic_sections(const CompareResult& result);

// "Kremlin, White House": the names of the sides a topic holds.
std::string topic_sides(const CompareResult& result, const ClaimTopic& topic);
// "1 conflict, 2 agree, 0 related"
std::string topic_counts(const ClaimTopic& topic);

// "agree 3, conflict 1, related 12"
std::string label_counts(const CompareResult& result);

// "seed-003-copy is a copy of seed-003" for each near-duplicate copy left out, joined by "; "
// ("" when none).
std::string copies_note(const CompareResult& result);

// The claim's speaker as shown: "Kremlin", or "Kremlin (carried)" for a carried-over attribution.
std::string speaker_label(const Claim& claim);

}  // namespace parallax

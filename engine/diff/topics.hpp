#pragma once
// Topics: the claims the sides' accounts share, as groups. Claims joined by alignments (agree,
// conflict or related, across sides) form one topic; a reader scans the topics with conflicts
// first, then those where the sides agree, then the merely related. Claims aligned with nothing
// are in no topic: they are what one side alone says (CompareResult::unaligned).
#include <cstddef>
#include <vector>

namespace parallax {

struct CompareResult;

struct ClaimTopic {
  std::vector<std::size_t> claims;      // indices into CompareResult::claims, ascending
  std::vector<std::size_t> alignments;  // indices into CompareResult::alignments, ascending
  std::vector<std::size_t> sides;       // the sides whose claims it holds, ascending
  std::size_t conflicts = 0, agreements = 0, related = 0;
};

// The topics of a comparison, conflicts first, then agreements, then related; ties in order of
// their first claim.
std::vector<ClaimTopic> group_topics(const CompareResult& result);

}  // namespace parallax

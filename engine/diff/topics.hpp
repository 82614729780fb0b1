#pragma once
// Topics: the claims the sides' accounts share, as groups a reader scans one by one, conflicts
// first, then those where the sides agree, then the merely related. Claims aligned with nothing are
// in no topic: they are what one side alone says (CompareResult::unaligned).
//
// A topic is what its claims, taken two by two, are about on average: claims are joined along
// their alignments, strongest first, while the average relatedness of every pair of claims across
// the two groups stays at least 1, the align threshold (average linkage). So two subjects that one
// claim happens to mention together ("New START and Navalny") stay two topics instead of chaining
// every subject of an event into one. An alignment whose claims end in two topics, and an extra
// (one-to-many) pair, is shown in the topic of its left claim.
#include <cstddef>
#include <functional>
#include <vector>

namespace parallax {

struct CompareResult;

struct ClaimTopic {
  std::vector<std::size_t> claims;      // indices into CompareResult::claims, ascending
  std::vector<std::size_t> alignments;  // indices into CompareResult::alignments, ascending
  std::vector<std::size_t> sides;       // the sides whose claims it holds, ascending
  std::size_t conflicts = 0, agreements = 0, related = 0;
};

// relatedness(a, b): the similarity of claims a and b over the align threshold of their pair of
// languages (1: exactly at the threshold). The topics of a comparison, conflicts first, then
// agreements, then related; ties in order of their first claim.
std::vector<ClaimTopic> group_topics(const CompareResult& result,
                                     const std::function<double(std::size_t, std::size_t)>& relatedness);

}  // namespace parallax

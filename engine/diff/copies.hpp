#pragma once
// Near-duplicate copies among the documents being compared: a wire story and its republications
// are one account, not several independent sources agreeing. The same measure as `cluster`'s
// near-duplicate groups (MinHash of word 2-shingles, estimated Jaccard >= 0.45); each group is
// represented by its earliest dated member (the first given when none or several are dated alike).
// Only documents of 40 words or more can be copies: short texts that share most words are
// different statements, which the comparison is for.
#include <cstddef>
#include <optional>
#include <vector>

#include "core/document.hpp"

namespace parallax {

struct DocumentCopy {
  std::size_t copy;      // index of the copy among the documents
  std::size_t original;  // index of the member that represents its group
  double jaccard;        // estimated Jaccard of the two
};

// The copies, in document order. threshold: estimated Jaccard from which two documents are copies.
std::vector<DocumentCopy> find_copies(const std::vector<Document>& documents, double threshold = 0.45);

}  // namespace parallax

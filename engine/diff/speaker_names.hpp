#pragma once
// One person, one speaker: a name no alias table knows comes out as written ("President Donald
// Trump", "Trump on Truth Social", "Trump", "Трампу"), so one person would make several sides. A
// speaker whose names (its capitalized words, or every word in a script without capitals, as
// cross-script name keys) hold all the names of a shorter speaker is that speaker; each takes the shortest
// such name ("Trump"; "Jen Psaki" for "press secretary Jen Psaki"; "Kremlin" for "Kremlin
// spokesman Dmitry Peskov").
#include <vector>

#include "claims/claim.hpp"
#include "claims/match_tokens.hpp"
#include "lexicon/concept_table.hpp"

namespace parallax {

// Renames the claims' non-author speakers in place.
void merge_speaker_names(std::vector<Claim>& claims, WordKeyer& keyer);

// One institution, one speaker across languages: "Russian Defence Ministry" and "Министерство
// обороны России", "Authorities" and "Власти" are the same speaker when every content word of each
// name has an English concept (lexicon/concept_terms) among the other's. Every word, not most:
// "Russian Defence Ministry" and "Министерство обороны Украины" share two words of three. The
// name written in English is kept (else the one in the first claim). Renames in place.
void merge_speakers_across_languages(std::vector<Claim>& claims, const ConceptTable& concepts, WordKeyer& keyer);

}  // namespace parallax

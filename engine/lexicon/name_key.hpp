#pragma once
// Cross-script name keys: one key for a person or place name whatever script it is written in, so
// that Biden / Байден / بايدن, Putin / Путин / بوتين or Alaska / Аляска / ألاسكا meet. The key is a
// consonant skeleton of the name's Latin transliteration (ICU: BGN/PCGN for Russian, Any-Latin for
// other scripts, then ASCII): vowels and h, w, y are dropped, the letters that scripts render
// differently share a class (p/b, f/v, k/q/hard c, g/j/zh, s/z/ts, sh/ch), and a repeated class
// counts once. The classes were chosen and measured on Wikidata name pairs
// (bench/xling/name_keys.cpp: 81% of held-out English-Arabic pairs meet, 70% of English-Russian).
#include <string>
#include <string_view>

namespace parallax {

// The key of one normalized word (normalize_for_matching: case-folded, Arabic normalized) in any
// script: ASCII class letters, one per consonant class ("ptn" for Putin, Путина, وبوتين). Before
// the skeleton, a Russian case ending with a consonant (-ом, -ем, -ым, -им, -ого, -его, -ому,
// -ему after a consonant) is dropped when the stem keeps three classes; the conjunction و before
// the Arabic article ال is dropped; and a leading "al" (the article romanized) is dropped in every
// script when four letters follow it, so that Alexander and الكسندر still meet. Empty when the word
// yields fewer than two consonant classes: such keys meet too many unrelated names to be worth a
// feature. Thread-safe.
std::string name_key(std::string_view normalized_word);

}  // namespace parallax

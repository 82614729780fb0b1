// Cross-lingual retrieval benchmark for the concept layer (engine/lexicon): does an Arabic or
// Russian sentence (or document) find its translation? Same method as the published dictionary
// baselines in shared/data/xling/SOURCE.md, so their figures can stand beside ours: every text goes
// through TextAnalyzer (with a concept table: English concept keys and name keys), is weighed by
// TF-IDF (sublinear tf, smoothed idf over the candidate set, L2) and compared by cosine with every
// candidate; P@1 = share of queries whose best candidate is their translation. SemEval-2017 STS
// ar-en: Pearson r of the pair's cosine against the gold score. Rows: no table (monolingual
// stems), the built-in table, the built-in table plus MUSE (CC BY-NC: read from the data folder
// into memory, never copied). Prints Markdown tables; never fails on scores.
//
// Usage: parallax_xling_bench XLING_DIR
//   XLING_DIR: shared/data/xling (ntrex/, un/, tatoeba/, sts2017/, muse/). The built-in table is
//   found as the engine finds it (builtin_concept_table_path(): PARALLAX_CONCEPTS, else beside
//   the build).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lexicon/concept_table.hpp"
#include "text/analyzer.hpp"

#include "text_lines.hpp"

using namespace parallax;
using bench::is_arabic_text;
using bench::read_lines;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// ---- data -------------------------------------------------------------------------------------

// Texts of one language; in a parallel set, line i of each language translates line i of the others.
struct Texts {
  std::string lang;
  std::vector<std::string> lines;
};

struct StsPairs {
  Texts english{"en", {}}, arabic{"ar", {}};
  std::vector<double> gold;
};

struct BenchData {
  Texts ntrex_en, ntrex_ar, ntrex_ru;
  Texts documents_en, documents_ar, documents_ru;
  Texts un_en, un_ar, un_ru;
  Texts tatoeba_ar, tatoeba_ar_en, tatoeba_ru, tatoeba_ru_en;
  StsPairs sts;
};

Texts read_texts(const std::string& path, const std::string& lang) { return {lang, read_lines(path)}; }

// NTREX documents: the sentences of each document joined in order, documents in order of first
// appearance (DOCUMENT_IDS.tsv names the document of each sentence line).
Texts join_documents(const Texts& sentences, const std::vector<std::string>& document_ids) {
  if (document_ids.size() != sentences.lines.size()) throw std::runtime_error("DOCUMENT_IDS.tsv does not match NTREX");
  std::unordered_map<std::string, std::size_t> index;
  Texts documents{sentences.lang, {}};
  for (std::size_t i = 0; i < sentences.lines.size(); ++i) {
    const auto [it, is_new] = index.try_emplace(document_ids[i], documents.lines.size());
    if (is_new) documents.lines.emplace_back();
    std::string& text = documents.lines[it->second];
    text += (text.empty() ? "" : "\n") + sentences.lines[i];
  }
  return documents;
}

// Track 2 lines are "English<TAB>Arabic" in most lines; the data's README says to check each line.
StsPairs read_sts(const std::string& dir) {
  StsPairs sts;
  for (const std::string& line : read_lines(dir + "/STS.input.track2.ar-en.txt")) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) throw std::runtime_error("STS track 2: a line without a tab");
    std::string first = line.substr(0, tab), second = line.substr(tab + 1);
    if (is_arabic_text(first)) std::swap(first, second);
    sts.english.lines.push_back(std::move(first));
    sts.arabic.lines.push_back(std::move(second));
  }
  for (const std::string& line : read_lines(dir + "/STS.gs.track2.ar-en.txt")) sts.gold.push_back(std::stod(line));
  if (sts.gold.size() != sts.english.lines.size())
    throw std::runtime_error("STS track 2: gold and input differ in size");
  return sts;
}

BenchData read_bench_data(const std::string& dir) {
  BenchData d;
  const std::string ntrex = dir + "/ntrex/newstest2019-";
  d.ntrex_en = read_texts(ntrex + "src.eng.txt", "en");
  d.ntrex_ar = read_texts(ntrex + "ref.arb.txt", "ar");
  d.ntrex_ru = read_texts(ntrex + "ref.rus.txt", "ru");
  const auto document_ids = read_lines(dir + "/ntrex/DOCUMENT_IDS.tsv");
  d.documents_en = join_documents(d.ntrex_en, document_ids);
  d.documents_ar = join_documents(d.ntrex_ar, document_ids);
  d.documents_ru = join_documents(d.ntrex_ru, document_ids);
  const std::string un = dir + "/un/UNv1.0.testset.";
  d.un_en = read_texts(un + "en", "en");
  d.un_ar = read_texts(un + "ar", "ar");
  d.un_ru = read_texts(un + "ru", "ru");
  const std::string tatoeba = dir + "/tatoeba/tatoeba.";
  d.tatoeba_ar = read_texts(tatoeba + "ara-eng.ara", "ar");
  d.tatoeba_ar_en = read_texts(tatoeba + "ara-eng.eng", "en");
  d.tatoeba_ru = read_texts(tatoeba + "rus-eng.rus", "ru");
  d.tatoeba_ru_en = read_texts(tatoeba + "rus-eng.eng", "en");
  d.sts = read_sts(dir + "/sts2017");
  return d;
}

// MUSE `foreign<TAB>english` pairs as lexicon entries: the first translation of a word weighs 1,
// later ones 0.5 (the dictionary lists a word's translations without ranking them beyond order).
std::vector<LexiconEntry> read_muse(const std::string& path, const std::string& lang) {
  std::vector<LexiconEntry> entries;
  std::unordered_set<std::string> seen;
  for (const std::string& line : read_lines(path)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) continue;
    std::string word = line.substr(0, tab);
    const float weight = seen.insert(word).second ? 1.0f : 0.5f;
    entries.push_back({std::move(word), lang, line.substr(tab + 1), weight});
  }
  return entries;
}

// ---- TF-IDF and scores ------------------------------------------------------------------------

using TermCounts = std::unordered_map<std::string, int>;
using SparseVector = std::vector<std::pair<std::uint32_t, float>>;  // (term id, weight), by id

std::vector<TermCounts> analyze_all(TextAnalyzer& analyzer, const Texts& texts) {
  std::vector<TermCounts> out;
  out.reserve(texts.lines.size());
  for (const std::string& line : texts.lines) {
    TermCounts counts;
    for (const std::string& term : analyzer.analyze(line, texts.lang).terms) ++counts[term];
    out.push_back(std::move(counts));
  }
  return out;
}

// Weights fitted on a candidate set: sublinear tf (1 + ln tf) x smoothed idf (ln((1+N)/(1+df)) + 1).
class TfidfSpace {
 public:
  explicit TfidfSpace(const std::vector<TermCounts>& candidates) : documents_(static_cast<double>(candidates.size())) {
    for (const TermCounts& counts : candidates) {
      for (const auto& entry : counts) {
        const auto [it, is_new] = ids_.try_emplace(entry.first, static_cast<std::uint32_t>(df_.size()));
        if (is_new) df_.push_back(0);
        ++df_[it->second];
      }
    }
  }

  std::size_t vocabulary_size() const { return df_.size(); }

  // L2-normalized over all of the text's terms: a term no candidate has (an untranslated word)
  // still counts in the norm as unmatched content, but gets no id since it can match nothing.
  SparseVector weigh(const TermCounts& counts) const {
    SparseVector out;
    double norm = 0;
    for (const auto& [term, tf] : counts) {
      const auto it = ids_.find(term);
      const double df = it == ids_.end() ? 0 : df_[it->second];
      const double w = (1 + std::log(tf)) * (std::log((1 + documents_) / (1 + df)) + 1);
      norm += w * w;
      if (it != ids_.end()) out.push_back({it->second, static_cast<float>(w)});
    }
    const double scale = norm > 0 ? 1 / std::sqrt(norm) : 0;
    for (auto& entry : out) entry.second = static_cast<float>(entry.second * scale);
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  double documents_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<int> df_;
};

// A tie with another candidate counts as a miss: with few shared terms (a number) many candidates
// tie, and a lexicon must not score by the order of the ties.
bool is_strict_best(const std::vector<float>& scores, std::size_t truth) {
  for (std::size_t c = 0; c < scores.size(); ++c) {
    if (c != truth && scores[c] >= scores[truth]) return false;
  }
  return scores[truth] > 0;
}

// Query i's translation is candidate i. Scored through an inverted index of the candidates: each
// query touches only the candidates that share a term with it.
double precision_at_1(const std::vector<TermCounts>& queries, const std::vector<TermCounts>& candidates) {
  const TfidfSpace space(candidates);
  std::vector<SparseVector> postings(space.vocabulary_size());
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    for (const auto& [term, w] : space.weigh(candidates[c]))
      postings[term].push_back({static_cast<std::uint32_t>(c), w});
  }
  std::size_t hits = 0;
  std::vector<float> scores(candidates.size());
  for (std::size_t q = 0; q < queries.size(); ++q) {
    std::fill(scores.begin(), scores.end(), 0.0f);
    for (const auto& [term, w] : space.weigh(queries[q])) {
      for (const auto& [c, cw] : postings[term]) scores[c] += w * cw;
    }
    hits += is_strict_best(scores, q);
  }
  return queries.empty() ? 0 : static_cast<double>(hits) / static_cast<double>(queries.size());
}

double dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      sum += a[i++].second * b[j++].second;
    }
  }
  return sum;
}

// NaN when either side is constant (no pair shares a term): r is undefined, not 0.
double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : std::nan("");
}

// The English sentences of the 250 pairs are the candidate set that fits the idf.
double sts_pearson(const std::vector<TermCounts>& arabic, const std::vector<TermCounts>& english,
                   const std::vector<double>& gold) {
  const TfidfSpace space(english);
  std::vector<double> cosines;
  for (std::size_t i = 0; i < arabic.size(); ++i)
    cosines.push_back(dot(space.weigh(arabic[i]), space.weigh(english[i])));
  return pearson(cosines, gold);
}

// ---- rows and tables --------------------------------------------------------------------------

struct RetrievalTask {
  const char* column;
  const Texts* queries;
  const Texts* candidates;
};

std::vector<RetrievalTask> retrieval_tasks(const BenchData& d) {
  return {{"NTREX ar->en", &d.ntrex_ar, &d.ntrex_en},
          {"NTREX ru->en", &d.ntrex_ru, &d.ntrex_en},
          {"NTREX ar->ru", &d.ntrex_ar, &d.ntrex_ru},
          {"NTREX ru->ar", &d.ntrex_ru, &d.ntrex_ar},
          {"docs ar->en", &d.documents_ar, &d.documents_en},
          {"docs ru->en", &d.documents_ru, &d.documents_en},
          {"UN ar->en", &d.un_ar, &d.un_en},
          {"UN ru->en", &d.un_ru, &d.un_en},
          {"Tatoeba ar->en", &d.tatoeba_ar, &d.tatoeba_ar_en},
          {"Tatoeba ru->en", &d.tatoeba_ru, &d.tatoeba_ru_en}};
}

struct RowResult {
  std::string name;
  std::vector<double> scores;  // P@1 per retrieval task, then the STS Pearson r
  double seconds = 0;
};

// Every text set is analyzed once per row, whichever tasks use it.
RowResult run_row(const std::string& name, const ConceptTable* table, const BenchData& data) {
  const auto start = Clock::now();
  TextAnalyzer analyzer(table);
  std::map<const Texts*, std::vector<TermCounts>> analyzed;
  const auto terms_of = [&](const Texts& texts) -> const std::vector<TermCounts>& {
    auto it = analyzed.find(&texts);
    if (it == analyzed.end()) it = analyzed.emplace(&texts, analyze_all(analyzer, texts)).first;
    return it->second;
  };
  RowResult row{name, {}, 0};
  for (const RetrievalTask& task : retrieval_tasks(data))
    row.scores.push_back(precision_at_1(terms_of(*task.queries), terms_of(*task.candidates)));
  row.scores.push_back(sts_pearson(terms_of(data.sts.arabic), terms_of(data.sts.english), data.sts.gold));
  row.seconds = ms_since(start) / 1000;
  return row;
}

struct PublishedRow {
  const char* name;
  std::vector<const char*> cells;  // in the column order of retrieval_tasks(), then STS
};

// shared/data/xling/SOURCE.md ("Figures to beat"), and the goals of the issue.
const std::vector<PublishedRow> kPublished = {
    {"published: numbers only", {"0.080", "0.163", "-", "-", "0.62", "0.84", "0.105", "0.134", "0.004", "0.003", "-"}},
    {"published: Debian FreeDict / Mueller only",
     {"0.563", "0.471", "-", "-", "0.943", "0.976", "0.572", "0.499", "0.235", "0.211", "-"}},
    {"published: licence-clean best (FreeDict + IBM-1; OpenRussian + hunspell + IBM-1)",
     {"0.602", "0.713", "-", "-", "-", "-", "0.779", "0.839", "0.233", "0.441", "-"}},
    {"published: MUSE + hunspell stems (non-commercial)",
     {"0.787", "0.843", "-", "-", "0.976", "1.000", "0.858", "0.888", "0.415", "0.535", "0.549"}},
    {"goal (issue)", {">= 0.75", ">= 0.85", "-", "-", ">= 0.99", ">= 0.99", "-", "-", "-", "-", "-"}},
};

void print_row(const std::vector<std::string>& cells) {
  std::cout << '|';
  for (const std::string& c : cells) std::cout << ' ' << c << " |";
  std::cout << '\n';
}

std::string fixed(double value, int digits) {
  if (std::isnan(value)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

void print_retrieval_table(const BenchData& data, const std::vector<RowResult>& rows) {
  std::cout << "## Cross-lingual retrieval: P@1 (STS: Pearson r of cosine vs gold)\n\n"
            << "Sets: NTREX " << data.ntrex_en.lines.size() << " sentences / " << data.documents_en.lines.size()
            << " documents, UN test " << data.un_en.lines.size() << ", Tatoeba " << data.tatoeba_ar.lines.size()
            << " + " << data.tatoeba_ru.lines.size() << ", SemEval-2017 track 2 " << data.sts.gold.size()
            << " pairs. A tie with a wrong candidate counts as a miss.\n\n";
  std::vector<std::string> header{"lexicon"};
  for (const RetrievalTask& task : retrieval_tasks(data)) header.emplace_back(task.column);
  header.emplace_back("STS ar-en r");
  print_row(header);
  print_row(std::vector<std::string>(header.size(), "---"));
  for (const RowResult& row : rows) {
    std::vector<std::string> cells{row.name};
    for (const double s : row.scores) cells.push_back(fixed(s, 3));
    print_row(cells);
  }
  for (const PublishedRow& row : kPublished) {
    std::vector<std::string> cells{row.name};
    cells.insert(cells.end(), row.cells.begin(), row.cells.end());
    print_row(cells);
  }
  std::cout << '\n';
}

struct TableTiming {
  std::vector<double> open_ms;  // one per ConceptTable::open
  std::size_t builtin_entries = 0;
  double muse_read_ms = 0, muse_add_ms = 0;
  std::size_t muse_pairs = 0;
};

std::string median_and_range(std::vector<double> values, int digits) {
  std::sort(values.begin(), values.end());
  return fixed(values[values.size() / 2], digits) + " (" + fixed(values.front(), digits) + " - " +
         fixed(values.back(), digits) + ")";
}

void print_timing_table(const TableTiming& timing, const std::vector<RowResult>& rows) {
  std::cout << "## Retrieval timings\n\n";
  print_row({"measure", "value"});
  print_row({"---", "---"});
  print_row({"built-in table: ConceptTable::open, ms, median (min - max) of " + std::to_string(timing.open_ms.size()),
             median_and_range(timing.open_ms, 2)});
  print_row({"built-in table: (language, key) entries", std::to_string(timing.builtin_entries)});
  print_row({"MUSE ar-en + ru-en: pairs read", std::to_string(timing.muse_pairs)});
  print_row({"MUSE: read, ms", fixed(timing.muse_read_ms, 1)});
  print_row({"MUSE: ConceptTable::add, ms", fixed(timing.muse_add_ms, 1)});
  for (const RowResult& row : rows) print_row({row.name + ": analysis + scoring, s", fixed(row.seconds, 2)});
  std::cout << '\n';
}

// The page cache makes every open after the first a warm one; the spread shows both.
constexpr int kTableOpens = 5;

ConceptTable open_builtin_table(TableTiming& timing) {
  const std::string path = builtin_concept_table_path();
  std::optional<ConceptTable> table;
  for (int i = 0; i < kTableOpens; ++i) {
    const auto start = Clock::now();
    table.emplace(ConceptTable::open(path));
    timing.open_ms.push_back(ms_since(start));
  }
  timing.builtin_entries = table->size();
  return std::move(*table);
}

ConceptTable builtin_with_muse(const std::string& muse_dir, TableTiming& timing) {
  ConceptTable table = ConceptTable::open(builtin_concept_table_path());
  auto start = Clock::now();
  std::vector<LexiconEntry> entries = read_muse(muse_dir + "/ar-en.tsv", "ar");
  const auto russian = read_muse(muse_dir + "/ru-en.tsv", "ru");
  entries.insert(entries.end(), russian.begin(), russian.end());
  timing.muse_read_ms = ms_since(start);
  timing.muse_pairs = entries.size();
  start = Clock::now();
  table.add(entries);
  timing.muse_add_ms = ms_since(start);
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parallax_xling_bench XLING_DIR\n";
    return 2;
  }
  try {
    const std::string dir = argv[1];
    const BenchData data = read_bench_data(dir);
    TableTiming timing;
    const ConceptTable builtin = open_builtin_table(timing);
    const ConceptTable with_muse = builtin_with_muse(dir + "/muse", timing);
    const std::vector<RowResult> rows = {
        run_row("(a) no table: monolingual stems", nullptr, data),
        run_row("(b) built-in table", &builtin, data),
        run_row("(c) built-in + MUSE (CC BY-NC, in memory)", &with_muse, data),
    };
    print_retrieval_table(data, rows);
    print_timing_table(timing, rows);
  } catch (const std::exception& e) {
    std::cerr << "parallax_xling_bench: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

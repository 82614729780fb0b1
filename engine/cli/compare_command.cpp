// `parallax compare`: read the given documents, extract and attribute their claims, align them
// across documents, sources or speakers, render.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <set>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/option_flags.hpp"
#include "cli/report_output.hpp"
#include "core/rethrowing_streams.hpp"
#include "diff/compare.hpp"
#include "diff/stance_features.hpp"
#include "io/corpus_reader.hpp"
#include "pipeline/compare_option_table.hpp"
#include "pipeline/compare_session.hpp"
#include "pipeline/corpus_engine.hpp"
#include "lexicon/antonyms.hpp"
#include "lexicon/concept_table.hpp"
#include "report/compare_report.hpp"

namespace po = boost::program_options;

namespace parallax::cli {
namespace {

struct CompareCommandSettings {
  std::vector<std::string> inputs;
  std::string by = "document";
  std::string format = "text";
  std::string output;
  bool no_default_aliases = false;  // the older spelling of --default-aliases false
  bool no_clause_split = false;
  int width = 0;
  int threads = 0;
  std::vector<std::string> ids;     // --ids: compare only these documents of the corpus
  std::optional<int> event;         // --event: compare the members of this event of `cluster`
  TableColumns columns;             // --id-column, --text-column for CSV/TSV input
  CompareSettings compare;          // the comparison's option-table rows, cross_lingual and lexicons
};

po::options_description option_table(CompareCommandSettings& s) {
  po::options_description opts("Options");
  opts.add_options()
      ("help,h", "show this help")
      ("by,b", po::value(&s.by)->default_value("document"),
       "sides to compare: document, source (the JSONL source field) or speaker (who is quoted)")
      ("format,f", po::value(&s.format)->default_value("text"), "output format: text, md, json or html")
      ("output,o", po::value(&s.output), "write the report to FILE instead of stdout")
      ("no-default-aliases", po::bool_switch(&s.no_default_aliases), "do not load the built-in alias table")
      ("no-clause-split", po::bool_switch(&s.no_clause_split), "keep long sentences whole")
      ("cross-lingual", po::value(&s.compare.cross_lingual)->default_value(true, "true"),
       "align claims across languages through the concept table (false: each language's own stems)")
      ("lexicon", po::value(&s.compare.lexicons)->composing(),
       "a bilingual lexicon TSV added to the built-in concept table (repeatable; docs/lexicon.md)")
      ("width", po::value(&s.width)->default_value(0), "text format: total width in columns (0: terminal width or 120)")
      ("threads,t", po::value(&s.threads)->default_value(0), "threads for --event's clustering (compare itself runs on one thread)")
      ("ids", po::value(&s.ids)->composing(),
       "compare only the documents with these ids (comma-separated, repeatable), e.g. from a JSONL corpus")
      ("event", po::value<int>()->notifier([&s](int e) { s.event = e; }),
       "cluster the corpus as `parallax cluster` does and compare the members of event N (its number in that report)");
  add_table_column_options(opts, s.columns);
  add_compare_flags(opts, s.compare);
  return opts;
}

void print_help(const po::options_description& opts) {
  std::cout << "Usage: parallax compare [OPTIONS] DOC DOC...\n\n"
               "Splits the documents into claims, attributes each claim to a speaker (\"the White House\n"
               "said\", \"وقال الكرملين\", \"по словам Пескова\"), aligns the claims across the sides and labels each\n"
               "aligned pair agree, conflict or related; claims aligned with nothing are only-in-SIDE.\n"
               "DOC: a text file, a folder of .txt files, a JSONL or CSV/TSV file (several documents; gzip-compressed\n"
               "too), or - for JSONL on stdin.\n\n"
            << opts
            << "\nExit status: 0 done; 1 output could not be written; 2 bad command line or alias file;\n"
               "3 input that cannot be compared (missing or unreadable file, empty document, fewer than two sides).\n"
            << "\nExamples:\n"
               "  parallax compare a.txt b.txt\n"
               "  parallax compare --by speaker --format html -o call.html examples/seeds/*.txt\n"
               "  parallax compare --by source --format json news.jsonl\n"
               "  parallax compare --by speaker --aliases my_aliases.txt a.txt b.txt\n";
}

void validate(CompareCommandSettings& s) {
  if (s.inputs.empty()) throw po::error("no DOC given");
  const auto by = parse_compare_by(s.by);
  if (!by) throw po::error("--by must be document, source or speaker, not '" + s.by + "'");
  s.compare.options.by = *by;
  if (s.format != "text" && s.format != "md" && s.format != "json" && s.format != "html")
    throw po::error("--format must be text, md, json or html, not '" + s.format + "'");
  try {
    validate_compare_settings(s.compare);
  } catch (const std::invalid_argument& e) {  // "agree_threshold must lie in ...": named as the flags are
    std::string message = e.what();
    std::replace(message.begin(), message.end(), '_', '-');
    throw po::error("--" + message);
  }
  s.compare.options.claims.split_clauses = !s.no_clause_split;
  if (s.no_default_aliases) s.compare.default_aliases = false;
}

int terminal_width(int requested) {
  if (requested > 0) return requested;
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 40) return ws.ws_col;
  return 120;
}

std::string render(const CompareResult& result, const CompareCommandSettings& s) {
  if (s.format == "json") return render_compare_json(result);
  if (s.format == "md") return render_compare_markdown(result);
  if (s.format == "html") return render_compare_html(result);
  return render_compare_text(result, terminal_width(s.width));
}

// The documents named by --ids (comma-separated values), in corpus order. Throws CompareError
// naming the ids the corpus does not have.
std::vector<Document> documents_with_ids(std::vector<Document> documents, const std::vector<std::string>& id_args) {
  std::set<std::string> wanted;
  for (const std::string& arg : id_args) {
    InputText list(arg);
    for (std::string id; std::getline(list, id, ',');)
      if (!id.empty()) wanted.insert(id);
  }
  std::vector<Document> kept;
  for (Document& d : documents)
    if (wanted.erase(d.id)) kept.push_back(std::move(d));
  if (!wanted.empty()) {
    std::string missing;
    for (const std::string& id : wanted) missing += (missing.empty() ? "" : ", ") + id;
    throw CompareError("--ids: no document with id " + missing + " in the input");
  }
  return kept;
}

// The members of event `number` as `parallax cluster` numbers them on the same input and default
// options, in corpus order.
std::vector<Document> members_of_event(std::vector<Document> documents, int number, int threads) {
  EngineOptions options;
  options.threads = threads;
  options.translations = false;  // not needed to find the members
  CorpusEngine engine(options);
  for (const Document& d : documents) engine.add(Document(d));
  engine.build(BuildScope::Everything);
  const auto& events = engine.event_clusters();
  if (number < 0 || static_cast<std::size_t>(number) >= events.size())
    throw CompareError("--event " + std::to_string(number) + ": the input has events 0 to " +
                       std::to_string(events.size() - 1));
  std::vector<Document> members;
  for (std::size_t m : events[static_cast<std::size_t>(number)].members) members.push_back(std::move(documents[m]));
  return members;
}

}  // namespace

int run_compare_command(const std::vector<std::string>& args) {
  CompareCommandSettings s;
  const auto opts = option_table(s);
  if (const auto early = parse_command_line("compare", args, opts, s.inputs, [&] { print_help(opts); },
                                            [&](const po::variables_map&) { validate(s); }))
    return *early;

  if (const auto clash = output_overwrites_input(s.output, s.inputs)) {
    std::cerr << "parallax compare: " << *clash << "\n";
    return kExitUsage;
  }
  const std::optional<CompareSession> session = open_compare_session("compare", s.compare);
  if (!session) return kExitUsage;

  std::vector<Document> documents;
  InputDiagnostics diagnostics;
  read_corpus(s.inputs, [&](Document&& d) { documents.push_back(std::move(d)); }, diagnostics, s.columns);
  // Comparing a subset of what was asked for would silently change the answer: a rejected record
  // or an input that could not be read stops the comparison. A warning about a kept record (a date
  // that cannot be read, then ignored) does not.
  const bool lost_input = diagnostics.rejected_records() > 0 ||
                          std::any_of(diagnostics.problems().begin(), diagnostics.problems().end(),
                                      [](const InputProblem& p) { return p.line == 0; });
  if (lost_input) {
    std::cerr << diagnostics.format() << "parallax compare: " << diagnostics.problems().size()
              << " input problem(s); nothing compared\n";
    return kExitInvalidInput;
  }
  if (!diagnostics.problems().empty()) std::cerr << diagnostics.format();
  try {
    if (s.event) documents = members_of_event(std::move(documents), *s.event, s.threads);
    if (!s.ids.empty()) documents = documents_with_ids(std::move(documents), s.ids);
  } catch (const CompareError& e) {
    std::cerr << "parallax compare: " << e.what() << "\n";
    return kExitInvalidInput;
  }

  CompareResult result;
  try {
    result = session->compare(documents);
  } catch (const CompareError& e) {
    std::cerr << "parallax compare: " << e.what() << "\n";
    return kExitInvalidInput;
  }

  ReportOutput output(s.output);
  std::ostream* out = output.stream();
  if (out) *out << render(result, s);
  if (!out || !output.commit()) {
    std::cerr << "parallax compare: " << output.error() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace parallax::cli

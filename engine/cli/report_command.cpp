// `parallax report`: one command from a corpus to a per-event "who said what" report: cluster,
// then compare every event's claims, then render one report.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <optional>
#include <unordered_map>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/option_flags.hpp"
#include "cli/report_output.hpp"
#include "io/corpus_reader.hpp"
#include "lexicon/concept_table.hpp"
#include "pipeline/compare_session.hpp"
#include "pipeline/document_spill.hpp"
#include "pipeline/corpus_engine.hpp"
#include "pipeline/event_comparisons.hpp"
#include "report/event_report.hpp"

namespace po = boost::program_options;

namespace parallax::cli {
namespace {

struct ReportSettings {
  std::vector<std::string> inputs;
  std::string format;  // empty: from the output file's extension, else text
  std::string output;
  std::string by = "speaker";
  bool quiet = false;
  bool strict = false;
  TableColumns columns;      // --id-column, --text-column for CSV/TSV input
  EngineOptions engine;      // clustering: the engine table's flags, as `cluster` offers them
  CompareSettings compare;   // each event's comparison: the compare table's flags, as `compare` offers them
};

po::options_description option_table(ReportSettings& s) {
  po::options_description opts("Options");
  opts.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&s.format), "text, md, json or html (default: by the extension of --output, else text)")
      ("output,o", po::value(&s.output), "write the report to FILE instead of stdout")
      ("by,b", po::value(&s.by)->default_value("speaker"), "sides of each event's comparison: speaker or source")
      ("strict", po::bool_switch(&s.strict), "exit with status 3 if any input record is rejected (the report is still written)")
      ("quiet,q", po::bool_switch(&s.quiet), "no progress line and no summary on stderr");
  add_table_column_options(opts, s.columns);
  po::options_description clustering("Clustering (as `parallax cluster`; --threads also runs the comparisons)");
  add_engine_flags(clustering, EngineFlags::Events);
  po::options_description comparison("Each event's comparison (as `parallax compare`)");
  add_compare_flags(comparison, s.compare);
  opts.add(clustering).add(comparison);
  return opts;
}

void print_help(const po::options_description& opts) {
  std::cout << "Usage: parallax report [OPTIONS] CORPUS...\n\n"
               "Clusters the corpus into events and, for every event covered by two sides or more, lines up\n"
               "who said what: agreements, conflicts with their reasons, and what one side alone says.\n"
               "One report: an index of the events (conflicts first), then each event's coverage and claims.\n\n"
            << opts << "\nExamples:\n"
               "  parallax report examples/corpus.jsonl -o report.html\n"
               "  parallax report --format md news.jsonl > report.md\n";
}

std::string format_of(const ReportSettings& s) {
  if (!s.format.empty()) return s.format;
  for (const auto& [extension, format] : {std::pair{".html", "html"}, std::pair{".htm", "html"}, std::pair{".md", "md"},
                                          std::pair{".json", "json"}})
    if (s.output.size() > std::string(extension).size() &&
        s.output.compare(s.output.size() - std::string(extension).size(), std::string::npos, extension) == 0)
      return format;
  return "text";
}

void validate(ReportSettings& s) {
  if (s.inputs.empty()) throw po::error("no CORPUS given");
  if (s.by != "speaker" && s.by != "source") throw po::error("--by must be speaker or source, not '" + s.by + "'");
  s.format = format_of(s);
  parse_report_format(s.format);
}

// A progress line on a terminal: the stage, then event k of n.
class Progress {
 public:
  explicit Progress(bool on) : on_(on && isatty(STDERR_FILENO)) {}
  void show(const std::string& line) const {
    if (on_) std::cerr << "\r\033[Kreport: " << line << std::flush;
  }
  void done() const {
    if (on_) std::cerr << "\r\033[K";
  }

 private:
  bool on_;
};

// Every document read is kept in an unlinked temporary file until its event is compared (the
// engine keeps no texts, and memory holds only the events being compared): one pass over the
// inputs, so standard input and pipes work, and a file changed during the run cannot mix two
// versions. By id, the index of each document in the spill.
struct SpilledCorpus {
  DocumentSpill spill;
  std::unordered_map<std::string, std::size_t> index_of;
};

// Every event compared, each comparison going straight into the report.
void compare_all(const CorpusEngine& engine, const ReportSettings& s, const CompareSession& session,
                 const SpilledCorpus& corpus, const Progress& progress, EventReportWriter& report) {
  compare_events(
      engine, session, [&](std::size_t m) { return corpus.spill.read(corpus.index_of.at(engine.document(m).id)); },
      [&](EventComparison&& c) { report.add(c); },
      [&](std::size_t e, std::size_t n) {
        progress.show("comparing event " + std::to_string(e + 1) + " of " + std::to_string(n));
      },
      resolve_thread_count(s.engine.threads));
}

}  // namespace

int run_report_command(const std::vector<std::string>& args) {
  ReportSettings s;
  const auto opts = option_table(s);
  if (const auto early = parse_command_line("report", args, opts, s.inputs, [&] { print_help(opts); },
                                            [&](const po::variables_map& vm) {
                                              validate(s);
                                              set_engine_flags(vm, EngineFlags::Events, s.engine);
                                            }))
    return *early;
  if (const auto clash = output_overwrites_input(s.output, s.inputs)) {
    std::cerr << "parallax report: " << *clash << "\n";
    return kExitUsage;
  }
  const Progress progress(!s.quiet);

  // Claims are compared across languages the way the events were clustered, with the same lexicons.
  s.compare.options.by = s.by == "source" ? CompareBy::Source : CompareBy::Speaker;
  s.compare.cross_lingual = s.engine.cross_lingual;
  s.compare.lexicons = s.engine.lexicons;
  const std::optional<CompareSession> session = open_compare_session("report", s.compare);
  if (!session) return kExitUsage;

  s.engine.keep_build_inputs = false;
  CorpusEngine engine(s.engine);
  InputDiagnostics diagnostics;
  progress.show("reading and clustering");
  SpilledCorpus corpus;
  read_corpus(s.inputs, [&](Document&& d) {
    corpus.index_of.emplace(d.id, corpus.spill.append(d));
    engine.add(std::move(d));
  }, diagnostics, s.columns);
  if (engine.size() == 0) {
    progress.done();
    std::cerr << diagnostics.format() << "parallax report: "
              << (diagnostics.problems().empty() ? "the input holds no document" : "no document could be read")
              << "; no report written\n";
    return kExitInvalidInput;
  }
  engine.build(BuildScope::Everything);
  EventReportWriter report(engine, {s.by, diagnostics.rejected_records()}, parse_report_format(s.format));
  compare_all(engine, s, *session, corpus, progress, report);
  progress.done();

  ReportOutput output(s.output);
  std::ostream* out = output.stream();
  if (out) report.write(*out);
  if (!out || !output.commit()) {
    std::cerr << "parallax report: " << output.error() << "\n";
    return kExitFailure;
  }
  if (!diagnostics.problems().empty()) std::cerr << diagnostics.format();
  if (!s.quiet)
    std::cerr << "parallax report: " << engine.size() << " documents, " << engine.event_clusters().size() << " events, "
              << report.compared() << " compared\n";
  if (s.strict && !diagnostics.problems().empty()) return kExitInvalidInput;
  return kExitOk;
}

}  // namespace parallax::cli

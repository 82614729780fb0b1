// `parallax index`: an incremental document index in one SQLite file (engine/store/document_index).
// add, query, events, delete, stats; each opens the store, does one thing, and closes it.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/option_flags.hpp"
#include "cli/report_output.hpp"
#include "io/corpus_reader.hpp"
#include "lexicon/concept_table.hpp"
#include "pipeline/engine_option_table.hpp"
#include "report/cluster_report.hpp"
#include "report/index_report.hpp"
#include "store/document_index.hpp"

namespace po = boost::program_options;

namespace parallax::cli {
namespace {

constexpr const char* kIndexUsage = R"(Usage: parallax index SUBCOMMAND [OPTIONS] STORE [ARGS...]

An incremental index in one SQLite file (STORE): documents are analyzed once, when added, and only
their features are kept. New documents are placed among the stored groups and events (groups
exact, events by the linkage rule) while they stay within a tenth of the store; past it, or with
`add --recompute`, every group and event is recomputed and equals `parallax cluster` over the same
documents in the order they were added. `events` always reports a recomputation (docs/index.md).

Subcommands:
  add STORE CORPUS...       add documents (creating STORE with the given options); ids already
                            stored are skipped, so an interrupted add can be run again
  query STORE CORPUS|-      near-duplicates and event of each document among the stored ones,
                            without storing it (looked up; --rebuild for the exact event)
  events STORE              events and near-duplicate groups, as `parallax cluster` reports them
  delete STORE ID...        remove documents by id
  stats STORE               counts, options and feature version of the store

Run `parallax index SUBCOMMAND --help` for its options. Examples:
  parallax index add news.db monday.jsonl
  parallax index add news.db tuesday.jsonl
  parallax index query news.db new-article.jsonl
  parallax index events --format html -o events.html news.db
)";

struct IndexCommandSettings {
  std::vector<std::string> args;  // STORE, then the subcommand's arguments
  std::string format = "text";
  std::string output;
  bool quiet = false;
  bool strict = false;
  bool rebuild = false;    // query: the exact answer of a rebuild instead of a lookup
  bool recompute = false;  // add: recompute every assignment instead of placing the new documents
  std::size_t batch = 1000;
  TableColumns columns;
  EngineOptions engine;
  std::vector<std::string> given;  // engine options set on the command line
};

void add_common_options(po::options_description& opts, IndexCommandSettings& s) {
  opts.add_options()("help,h", "show this help")("quiet,q", po::bool_switch(&s.quiet), "no progress or summary on stderr");
}

void add_report_options(po::options_description& opts, IndexCommandSettings& s, const char* formats) {
  opts.add_options()("format,f", po::value(&s.format)->default_value("text"), formats)(
      "output,o", po::value(&s.output), "write the report to FILE instead of stdout");
}

void add_threads_option(po::options_description& opts, IndexCommandSettings& s) {
  opts.add_options()("threads,t", po::value(&s.engine.threads)->default_value(0), "worker threads (0: all cores)");
}

std::vector<std::string> given_engine_options(const po::variables_map& vm) {
  std::vector<std::string> given;
  for (const auto& [flag, value] : vm)
    if (!value.defaulted() && find_engine_option(flag) && flag != "threads") given.push_back(flag);
  return given;
}

void attach_progress(IndexCommandSettings& s) {
  if (s.quiet || !isatty(STDERR_FILENO)) return;
  s.engine.progress = [](const char* stage, std::size_t done, std::size_t total) {
    std::cerr << "\r\033[K" << stage << ": " << done << "/" << total << std::flush;
  };
}

void end_progress(const IndexCommandSettings& s) {
  if (s.engine.progress) std::cerr << "\r\033[K";
}

IndexOptions index_options(const IndexCommandSettings& s) {
  IndexOptions o;
  o.engine = s.engine;
  o.given = s.given;
  o.batch_size = s.batch;
  if (s.recompute) o.incremental.recompute_share = 0;
  return o;
}

// Renders into -o FILE (temporary name, renamed when complete) or stdout.
template <typename Render>
int write_report(const std::string& command, const std::string& path, Render render) {
  ReportOutput output(path);
  std::ostream* out = output.stream();
  if (out) render(*out);
  if (!out || !output.commit()) {
    std::cerr << "parallax " << command << ": " << output.error() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

int run_add(const std::string& command, IndexCommandSettings& s) {
  if (s.args.size() < 2) throw po::error("give STORE and at least one CORPUS");
  const std::string store = s.args[0];
  const std::vector<std::string> inputs(s.args.begin() + 1, s.args.end());
  if (const auto clash = output_overwrites_input(store, inputs)) {
    std::cerr << "parallax " << command << ": " << *clash << "\n";
    return kExitUsage;
  }
  attach_progress(s);
  DocumentIndex index(store, DocumentIndex::Access::ReadWrite, index_options(s));
  InputDiagnostics diagnostics;
  std::size_t read = 0, skipped = 0;
  read_corpus(inputs, [&](Document&& d) {
    ++read;
    if (!index.add(std::move(d))) ++skipped;
  }, diagnostics, s.columns);
  const std::size_t added = index.commit();
  end_progress(s);
  if (!diagnostics.problems().empty()) std::cerr << diagnostics.format();
  if (read == 0) {
    std::cerr << "parallax " << command << ": "
              << (diagnostics.problems().empty() ? "the input holds no document" : "no document could be read")
              << "; " << store << " unchanged\n";
    return kExitInvalidInput;
  }
  if (!s.quiet || skipped > 0 || diagnostics.rejected_records() > 0)
    std::cerr << "parallax " << command << ": " << added << " documents added to " << store << ", " << skipped
              << " already stored (skipped), " << diagnostics.rejected_records() << " records rejected\n";
  if (s.strict && !diagnostics.problems().empty()) return kExitInvalidInput;
  return kExitOk;
}

int run_query(const std::string& command, IndexCommandSettings& s) {
  if (s.args.size() < 2) throw po::error("give STORE and at least one CORPUS (or - for stdin)");
  if (s.format != "text" && s.format != "json") throw po::error("--format must be text or json");
  const std::vector<std::string> inputs(s.args.begin() + 1, s.args.end());
  attach_progress(s);
  DocumentIndex index(s.args[0], DocumentIndex::Access::ReadOnly, index_options(s));
  InputDiagnostics diagnostics;
  std::vector<Document> documents;
  read_corpus(inputs, [&](Document&& d) { documents.push_back(std::move(d)); }, diagnostics, s.columns);
  if (!diagnostics.problems().empty()) std::cerr << diagnostics.format();
  if (documents.empty()) {
    std::cerr << "parallax " << command << ": no document could be read; nothing queried\n";
    return kExitInvalidInput;
  }
  const auto results = index.query(std::move(documents), s.rebuild ? QueryMethod::Rebuild : QueryMethod::Lookup);
  end_progress(s);
  return write_report(command, s.output, [&](std::ostream& out) {
    if (s.format == "json") out << index_query_json(s.args[0], results) << "\n";
    else render_index_query_text(results, out);
  });
}

int run_events(const std::string& command, IndexCommandSettings& s) {
  if (s.args.size() != 1) throw po::error("give exactly one STORE");
  const ReportFormat format = parse_report_format(s.format);
  attach_progress(s);
  DocumentIndex index(s.args[0], DocumentIndex::Access::ReadOnly, index_options(s));
  const auto engine = index.built_engine();
  end_progress(s);
  const ClusterReportContext context{command, 0, !index.engine_options().near_duplicates_only};
  return write_report(command, s.output, [&](std::ostream& out) { render_cluster_report(*engine, context, format, out); });
}

int run_delete(const std::string& command, IndexCommandSettings& s) {
  if (s.args.size() < 2) throw po::error("give STORE and at least one ID");
  DocumentIndex index(s.args[0], DocumentIndex::Access::ReadWrite, index_options(s));
  const std::vector<std::string> ids(s.args.begin() + 1, s.args.end());
  const std::size_t removed = index.remove(ids);
  if (!s.quiet || removed < ids.size())
    std::cerr << "parallax " << command << ": " << removed << " of " << ids.size() << " documents removed from "
              << s.args[0] << (removed < ids.size() ? " (the others are not stored)" : "") << "\n";
  return removed == ids.size() ? kExitOk : kExitInvalidInput;
}

int run_stats(const std::string& command, IndexCommandSettings& s) {
  if (s.args.size() != 1) throw po::error("give exactly one STORE");
  if (s.format != "text" && s.format != "json") throw po::error("--format must be text or json");
  DocumentIndex index(s.args[0], DocumentIndex::Access::ReadOnly, index_options(s));
  const IndexStats st = index.stats();
  return write_report(command, s.output, [&](std::ostream& out) {
    if (s.format == "json") out << index_stats_json(s.args[0], st) << "\n";
    else render_index_stats_text(s.args[0], st, out);
  });
}

po::options_description subcommand_options(const std::string& sub, IndexCommandSettings& s) {
  po::options_description opts("Options");
  add_common_options(opts, s);
  if (sub == "add") {
    opts.add_options()("batch", po::value(&s.batch)->default_value(s.batch),
                       "documents analyzed and committed per transaction (a crash loses at most one batch)")(
        "strict", po::bool_switch(&s.strict), "exit with status 3 if any input record is rejected")(
        "recompute", po::bool_switch(&s.recompute),
        "recompute every group and event from the stored features (exact: what `cluster` gives), instead of placing "
        "the new documents incrementally, which it does while they stay under a tenth of the store (docs/index.md)");
    add_table_column_options(opts, s.columns);
    add_engine_flags(opts, EngineFlags::Events);
  } else if (sub == "query") {
    add_report_options(opts, s, "output format: text or json");
    opts.add_options()("rebuild", po::bool_switch(&s.rebuild),
                       "rebuild every stored document with the queries appended: the exact event, at the cost of "
                       "reading the whole store (default: look the queries up; docs/index.md)");
    add_table_column_options(opts, s.columns);
    add_threads_option(opts, s);
  } else if (sub == "events") {
    add_report_options(opts, s, "output format: text, md, json or html (as parallax cluster)");
    add_threads_option(opts, s);
  } else if (sub == "stats") {
    add_report_options(opts, s, "output format: text or json");
  }
  return opts;
}

const char* subcommand_synopsis(const std::string& sub) {
  if (sub == "add") return "add [OPTIONS] STORE CORPUS...\n\nAdds documents to STORE, creating it with the options given (engine options as\n`parallax cluster`'s; an existing store keeps its own and refuses different ones).";
  if (sub == "query") return "query [OPTIONS] STORE CORPUS|-\n\nNear-duplicates and event of each document among the stored ones; nothing is stored.";
  if (sub == "events") return "events [OPTIONS] STORE\n\nThe events and near-duplicate groups of the stored documents, as `parallax cluster` reports them.";
  if (sub == "delete") return "delete [OPTIONS] STORE ID...\n\nRemoves documents by id; exit status 3 when some id is not stored.";
  return "stats [OPTIONS] STORE\n\nDocument, term, group and event counts, the store's options and its feature version.";
}

}  // namespace

int run_index_command(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << kIndexUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string sub = args[0];
  if (sub != "add" && sub != "query" && sub != "events" && sub != "delete" && sub != "stats") {
    std::cerr << "parallax index: unknown subcommand '" << sub << "'\n\n" << kIndexUsage;
    return kExitUsage;
  }
  const std::string command = "index " + sub;
  IndexCommandSettings s;
  const auto opts = subcommand_options(sub, s);
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (const auto early = parse_command_line(
          command, rest, opts, s.args,
          [&] { std::cout << "Usage: parallax index " << subcommand_synopsis(sub) << "\n\n" << opts; },
          [&](const po::variables_map& vm) {
            if (sub == "add") {
              set_engine_flags(vm, EngineFlags::Events, s.engine);
              s.given = given_engine_options(vm);
            }
            if (sub == "events") parse_report_format(s.format);
          }))
    return *early;
  try {
    if (sub == "add") return run_add(command, s);
    if (sub == "query") return run_query(command, s);
    if (sub == "events") return run_events(command, s);
    if (sub == "delete") return run_delete(command, s);
    return run_stats(command, s);
  } catch (const po::error& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n(see parallax " << command << " --help)\n";
    return kExitUsage;
  } catch (const IncompatibleStoreError& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
    return kExitUsage;
  } catch (const StoreError& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
    return kExitFailure;
  } catch (const LexiconError& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace parallax::cli

#include "cli/command_line.hpp"

#include <iostream>

#include "cli/commands.hpp"

namespace po = boost::program_options;

namespace parallax::cli {

void add_table_column_options(po::options_description& options, TableColumns& columns) {
  options.add_options()
      ("id-column", po::value(&columns.id)->default_value(columns.id),
       "CSV/TSV input: the column holding each document's id (any case)")
      ("text-column", po::value(&columns.text)->default_value(columns.text),
       "CSV/TSV input: the column holding each document's text (any case)");
}

std::optional<int> parse_command_line(const std::string& command, const std::vector<std::string>& args,
                                      const po::options_description& options, std::vector<std::string>& inputs,
                                      const std::function<void()>& print_help,
                                      const std::function<void(const po::variables_map&)>& check) {
  po::options_description all;
  all.add(options).add_options()("input", po::value(&inputs));
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      print_help();
      return kExitOk;
    }
    po::notify(vm);
    check(vm);
  } catch (const std::exception& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n(see parallax " << command << " --help)\n";
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace parallax::cli

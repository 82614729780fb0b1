// Stance benchmark: FNC-1 (headline vs article body; official weighted score, per-class F1,
// macro-F1 on the competition test set) and ANS (Arabic sentence pairs). Trains judges
// (engine/diff/stance_model.hpp) on the training splits with the project's own features and code,
// and calibrates the alignment threshold of `parallax compare` on FNC-1's training pairs (related
// vs unrelated). Prints tables; never fails on scores.
//
// Usage: parallax_stance_bench DATA_DIR MODEL_DIR FEATURE_DIR
//   DATA_DIR holds fnc-1/ and ans/ (../shared/data). Trains and scores the features-only judges
//   (logistic regression and perceptron) on FNC-1, writes the ANS judge to
//   MODEL_DIR/stance_ans.json, and the FNC-1 features to FEATURE_DIR/fnc1_{train,test}.tsv (one
//   row per pair, in the order of the stances CSV) for bench/stance/train_bow.py, which trains
//   the shipped FNC-1 judge (features and words) into MODEL_DIR/stance_fnc1.json.
// Usage: parallax_stance_bench --evaluate MODEL_FILE DATA_DIR
//   Scores a FNC-1 model file on the competition test set through the engine's own inference
//   (StanceModel::predict, its bag of words included).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "claims/aliases.hpp"
#include "csv.hpp"
#include "diff/stance_features.hpp"
#include "diff/stance_model.hpp"

using namespace parallax;
using bench::read_csv;

namespace {

struct PairSet {
  std::vector<std::vector<double>> features;
  std::vector<int> labels;
  std::vector<std::string> body_ids;  // FNC-1 only, for the feature dump
  // The texts, for a model that reads words: claims[i] against evidence_texts[evidence_of[i]].
  std::vector<std::string> claims;
  std::vector<std::size_t> evidence_of;
  std::vector<std::string> evidence_texts;
};

int class_index(const std::vector<std::string>& classes, const std::string& name) {
  const auto it = std::find(classes.begin(), classes.end(), name);
  if (it == classes.end()) throw std::runtime_error("unknown stance label '" + name + "'");
  return static_cast<int>(it - classes.begin());
}

const std::vector<std::string> kFncClasses = {"unrelated", "discuss", "agree", "disagree"};
const std::vector<std::string> kAnsClasses = {"agree", "disagree", "other"};

PairSet featurize_fnc(const std::string& dir, const std::string& split, StanceFeaturizer& f) {
  const auto bodies = read_csv(dir + "/" + split + "_bodies.csv");
  const auto stances = read_csv(dir + "/" + split + "_stances.csv");
  PairSet set;
  std::map<std::string, std::size_t> body_index;
  for (const auto& row : bodies.rows) {
    body_index[row[bodies.column("Body ID")]] = set.evidence_texts.size();
    set.evidence_texts.push_back(row[bodies.column("articleBody")]);
  }
  for (const auto& row : stances.rows) {
    const std::size_t body = body_index.at(row[stances.column("Body ID")]);
    set.features.push_back(f.features(row[stances.column("Headline")], set.evidence_texts[body], "en"));
    set.labels.push_back(class_index(kFncClasses, row[stances.column("Stance")]));
    set.body_ids.push_back(row[stances.column("Body ID")]);
    set.claims.push_back(row[stances.column("Headline")]);
    set.evidence_of.push_back(body);
  }
  return set;
}

// One row per pair: its index among the stances CSV's rows, body id, gold label, the features.
void dump_fnc(const std::string& path, const PairSet& set) {
  std::ofstream out(path);
  out << "pair\tbody_id\tlabel";
  for (const auto& name : stance_feature_names()) out << '\t' << name;
  out << '\n';
  out.precision(17);
  for (std::size_t i = 0; i < set.labels.size(); ++i) {
    out << i << '\t' << set.body_ids[i] << '\t' << kFncClasses[set.labels[i]];
    for (const double v : set.features[i]) out << '\t' << v;
    out << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

PairSet featurize_ans(const std::string& path, StanceFeaturizer& f) {
  const auto table = read_csv(path);
  PairSet set;
  for (const auto& row : table.rows) {
    set.features.push_back(f.features(row[table.column("s1")], row[table.column("s2")], "ar"));
    set.labels.push_back(class_index(kAnsClasses, row[table.column("stance")]));
    set.claims.push_back(row[table.column("s1")]);
    set.evidence_of.push_back(set.evidence_texts.size());
    set.evidence_texts.push_back(row[table.column("s2")]);
  }
  return set;
}

Eigen::MatrixXd as_matrix(const PairSet& set) {
  Eigen::MatrixXd m(set.features.size(), set.features.empty() ? 0 : set.features[0].size());
  for (std::size_t i = 0; i < set.features.size(); ++i) {
    for (std::size_t j = 0; j < set.features[i].size(); ++j) m(i, j) = set.features[i][j];
  }
  return m;
}

std::vector<int> predict_all(const StanceModel& model, const PairSet& set) {
  std::vector<int> out;
  for (std::size_t i = 0; i < set.features.size(); ++i) {
    const auto p = model.predict(set.features[i], set.claims[i], set.evidence_texts[set.evidence_of[i]]);
    out.push_back(static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin()));
  }
  return out;
}

std::vector<double> f1_per_class(const std::vector<int>& gold, const std::vector<int>& pred, std::size_t k) {
  std::vector<double> f1(k, 0.0);
  for (std::size_t c = 0; c < k; ++c) {
    double tp = 0, fp = 0, fn = 0;
    for (std::size_t i = 0; i < gold.size(); ++i) {
      const bool g = gold[i] == static_cast<int>(c), p = pred[i] == static_cast<int>(c);
      tp += g && p;
      fp += !g && p;
      fn += g && !p;
    }
    f1[c] = tp == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn);
  }
  return f1;
}

// The official FNC-1 score as a percentage of the best possible (scorer.py of the challenge).
double fnc_score(const std::vector<int>& gold, const std::vector<int>& pred) {
  double score = 0, best = 0;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const bool gold_related = gold[i] != 0, pred_related = pred[i] != 0;
    best += gold_related ? 1.0 : 0.25;
    if (gold[i] == pred[i]) score += gold_related ? 0.75 : 0.25;
    if (gold_related && pred_related) score += 0.25;
  }
  return 100.0 * score / best;
}

double accuracy(const std::vector<int>& gold, const std::vector<int>& pred) {
  std::size_t right = 0;
  for (std::size_t i = 0; i < gold.size(); ++i) right += gold[i] == pred[i];
  return 100.0 * static_cast<double>(right) / static_cast<double>(gold.size());
}

void print_f1(const std::vector<std::string>& classes, const std::vector<double>& f1) {
  double macro = 0;
  for (std::size_t c = 0; c < classes.size(); ++c) {
    std::printf("  F1 %-10s %6.2f\n", classes[c].c_str(), 100 * f1[c]);
    macro += f1[c];
  }
  std::printf("  macro-F1      %6.2f\n", 100 * macro / static_cast<double>(classes.size()));
}

// The align threshold of compare: the best-sentence cosine that best separates related from
// unrelated FNC-1 training pairs (F1 of "related").
double calibrate_align_threshold(const PairSet& train) {
  double best_t = 0, best_f1 = -1;
  for (double t = 0.02; t <= 0.6; t += 0.01) {
    double tp = 0, fp = 0, fn = 0;
    for (std::size_t i = 0; i < train.labels.size(); ++i) {
      const bool g = train.labels[i] != 0, p = train.features[i][0] >= t;
      tp += g && p;
      fp += !g && p;
      fn += g && !p;
    }
    const double f1 = 2 * tp / (2 * tp + fp + fn);
    if (f1 > best_f1) {
      best_f1 = f1;
      best_t = t;
    }
  }
  std::printf("align threshold (best-sentence cosine, related vs unrelated, FNC-1 train): %.2f (F1 %.2f)\n",
              best_t, 100 * best_f1);
  return best_t;
}

// The agree threshold of compare: among related FNC-1 training pairs, the best-sentence cosine
// that best separates "agree" from "discuss" and "disagree" (macro-F1 of the two sides).
double calibrate_agree_threshold(const PairSet& train) {
  double best_t = 0, best_f1 = -1;
  for (double t = 0.1; t <= 0.9; t += 0.01) {
    double tp = 0, fp = 0, fn = 0, tn = 0;
    for (std::size_t i = 0; i < train.labels.size(); ++i) {
      if (train.labels[i] == 0) continue;
      const bool g = train.labels[i] == 2, p = train.features[i][0] >= t;
      tp += g && p;
      fp += !g && p;
      fn += g && !p;
      tn += !g && !p;
    }
    const double f1 = (2 * tp / (2 * tp + fp + fn) + 2 * tn / (2 * tn + fn + fp)) / 2;
    if (f1 > best_f1) {
      best_f1 = f1;
      best_t = t;
    }
  }
  std::printf("agree threshold (best-sentence cosine, agree vs discuss/disagree among related, FNC-1 train): %.2f (macro-F1 %.2f)\n",
              best_t, 100 * best_f1);
  return best_t;
}

void related_f1_at(const PairSet& test, double t) {
  double tp = 0, fp = 0, fn = 0;
  for (std::size_t i = 0; i < test.labels.size(); ++i) {
    const bool g = test.labels[i] != 0, p = test.features[i][0] >= t;
    tp += g && p;
    fp += !g && p;
    fn += g && !p;
  }
  std::printf("  related-vs-unrelated F1 on the competition test set at %.2f: %.2f\n", t,
              100 * 2 * tp / (2 * tp + fp + fn));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print_fnc_scores(const char* title, const std::vector<int>& gold, const std::vector<int>& pred) {
  std::printf("%s\n", title);
  std::printf("  weighted score  %6.2f   (official baseline 79.53, best 82.02)\n", fnc_score(gold, pred));
  std::printf("  accuracy        %6.2f\n", accuracy(gold, pred));
  print_f1(kFncClasses, f1_per_class(gold, pred, kFncClasses.size()));
}

// --evaluate MODEL_FILE DATA_DIR
int evaluate(const std::string& model_file, const std::string& data) {
  const StanceModel model = StanceModel::load(model_file);
  if (model.features() != stance_feature_names() || model.classes() != kFncClasses)
    throw std::runtime_error(model_file + ": not a FNC-1 model of this program's features");
  WordKeyer keyer;
  const EntityAliases aliases = EntityAliases::defaults(keyer);
  StanceFeaturizer featurizer(aliases);
  const PairSet test = featurize_fnc(data + "/fnc-1", "competition_test", featurizer);
  char title[256];
  std::snprintf(title, sizeof title, "FNC-1 competition test (%zu pairs), %s (%s)", test.labels.size(),
                model_file.c_str(), model.reads_words() ? "features and words" : "features only");
  print_fnc_scores(title, test.labels, predict_all(model, test));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 4 && std::string(argv[1]) == "--evaluate") return evaluate(argv[2], argv[3]);
  } catch (const std::exception& e) {
    std::cerr << "parallax_stance_bench: " << e.what() << "\n";
    return 1;
  }
  if (argc != 4) {
    std::cerr << "usage: parallax_stance_bench DATA_DIR MODEL_DIR FEATURE_DIR\n"
                 "       parallax_stance_bench --evaluate MODEL_FILE DATA_DIR\n";
    return 2;
  }
  const std::string data = argv[1];
  const std::string model_dir = argv[2];
  const std::string feature_dir = argv[3];
  try {
    WordKeyer keyer;
    const EntityAliases aliases = EntityAliases::defaults(keyer);
    StanceFeaturizer featurizer(aliases);
    StanceTrainingOptions options;

    auto start = std::chrono::steady_clock::now();
    const PairSet train = featurize_fnc(data + "/fnc-1", "train", featurizer);
    const PairSet test = featurize_fnc(data + "/fnc-1", "competition_test", featurizer);
    std::printf("FNC-1: featurized %zu train + %zu test pairs in %.1f s\n", train.labels.size(),
                test.labels.size(), seconds_since(start));
    dump_fnc(feature_dir + "/fnc1_train.tsv", train);
    dump_fnc(feature_dir + "/fnc1_test.tsv", test);
    std::printf("FNC-1 features written to %s\n", feature_dir.c_str());

    const double t = calibrate_align_threshold(train);
    related_f1_at(test, t);
    calibrate_agree_threshold(train);

    start = std::chrono::steady_clock::now();
    const StanceModel linear = StanceModel::train(as_matrix(train), train.labels, kFncClasses,
                                                  stance_feature_names(), options);
    StanceTrainingOptions mlp_options = options;
    mlp_options.hidden_units = 24;
    const StanceModel perceptron = StanceModel::train(as_matrix(train), train.labels, kFncClasses,
                                                      stance_feature_names(), mlp_options);
    std::printf("features-only judges trained in %.1f s\n\n", seconds_since(start));

    const auto linear_pred = predict_all(linear, test);
    std::printf("FNC-1 competition test, logistic regression (features only): weighted score %.2f, macro-F1 %.2f\n",
                fnc_score(test.labels, linear_pred), [&] {
                  const auto f = f1_per_class(test.labels, linear_pred, kFncClasses.size());
                  return 100 * (f[0] + f[1] + f[2] + f[3]) / 4;
                }());
    print_fnc_scores("FNC-1 competition test, perceptron with 24 tanh units (features only; 600 full-batch Adam steps)",
                     test.labels, predict_all(perceptron, test));

    const PairSet ans_train = featurize_ans(data + "/ans/stance/train.csv", featurizer);
    const PairSet ans_test = featurize_ans(data + "/ans/stance/test.csv", featurizer);
    StanceTrainingOptions ans_options = mlp_options;
    ans_options.class_balance = 1.0;  // "other" is 2% of ANS: without balancing it is never predicted
    const StanceModel ans_model = StanceModel::train(as_matrix(ans_train), ans_train.labels, kAnsClasses,
                                                     stance_feature_names(), ans_options);
    std::ofstream(model_dir + "/stance_ans.json") << ans_model.to_json(
        "ANS stance train.csv (2,652 Arabic sentence pairs); perceptron with 24 tanh hidden units, "
        "600 full-batch Adam steps, step 0.05, L2 1e-4, classes fully balanced, Xavier init seed 42");
    const auto ans_pred = predict_all(ans_model, ans_test);
    std::printf("\nANS stance test (%zu Arabic sentence pairs; trained on its %zu training pairs)\n",
                ans_test.labels.size(), ans_train.labels.size());
    std::printf("  accuracy        %6.2f\n", accuracy(ans_test.labels, ans_pred));
    print_f1(kAnsClasses, f1_per_class(ans_test.labels, ans_pred, kAnsClasses.size()));
    std::printf("  (paper's best, fine-tuned BERT: 76.7 macro-F1)\n");
  } catch (const std::exception& e) {
    std::cerr << "parallax_stance_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

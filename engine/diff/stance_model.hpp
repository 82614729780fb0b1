#pragma once
// A small stance judge over standardized pair features (stance_features.hpp): multinomial logistic
// regression, or with hidden_units > 0 a one-hidden-layer (tanh) perceptron under the same softmax.
// Trained by full-batch Adam with L2 regularization. Training is deterministic (no sampling; the
// hidden layer starts from a fixed-seed Xavier draw), so the same data gives the same file.
// A version 2 file may also read the words of the claim and of the evidence (bag_of_words.hpp)
// through a ReLU hidden layer: FNC-1's model, trained by bench/stance/train_bow.py.
//
// Model file (JSON; documented in docs/claims.md):
//   {"format": "parallax-stance-model", "version": 1, "trained_on": "...", "classes": [...],
//    "features": [...], "mean": [...], "scale": [...], "weights": [[...] per class], "bias": [...],
//    "hidden": {"weights": [[...] per unit], "bias": [...]}}   ("hidden" only for the perceptron)
//   version 2 adds "activation": "tanh" | "relu" and "bag_of_words": {"vocabulary": [...]}: the
//   hidden weights then have one column per feature, then one per word for the claim, then one
//   per word for the evidence.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "diff/bag_of_words.hpp"

namespace parallax {

class StanceModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct StanceTrainingOptions {
  int iterations = 600;
  double learning_rate = 0.05;  // Adam step size
  double l2 = 1e-4;
  int hidden_units = 0;         // 0: logistic regression
  unsigned seed = 42;           // initial hidden weights
  // Weight each class by (n / (classes * n_class))^balance: 0 leaves the data's class mix, 1 fully
  // balances rare classes such as FNC-1's "disagree".
  double class_balance = 0.0;
};

class StanceModel {
 public:
  // rows: one feature vector per example; labels: class index per row.
  static StanceModel train(const Eigen::MatrixXd& rows, const std::vector<int>& labels,
                           std::vector<std::string> classes, std::vector<std::string> features,
                           const StanceTrainingOptions& options);
  static StanceModel from_json(const std::string& text);  // throws StanceModelError
  static StanceModel load(const std::string& path);       // throws StanceModelError

  std::string to_json(const std::string& trained_on) const;
  // Class probabilities, in the order of classes(). A model that reads words needs the two texts
  // the features were computed from.
  std::vector<double> predict(const std::vector<double>& features, std::string_view claim = {},
                              std::string_view evidence = {}) const;
  bool reads_words() const { return bag_of_words_.size() > 0; }
  const std::vector<std::string>& classes() const { return classes_; }
  const std::vector<std::string>& features() const { return features_; }

 private:
  std::vector<std::string> classes_;
  std::vector<std::string> features_;
  Eigen::VectorXd mean_, scale_;
  Eigen::MatrixXd scores(const Eigen::MatrixXd& standardized) const;

  Eigen::MatrixXd weights_;  // classes x (hidden units, or features without a hidden layer)
  Eigen::VectorXd bias_;
  Eigen::MatrixXd hidden_weights_;  // hidden units x inputs; empty for logistic regression
  Eigen::VectorXd hidden_bias_;
  bool relu_ = false;               // the hidden layer's activation: ReLU, else tanh
  BagOfWords bag_of_words_;         // empty: the model reads the features only
};

}  // namespace parallax

#include "diff/stance_model.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "io/input_file.hpp"

namespace parallax {

namespace {

Eigen::MatrixXd softmax_rows(const Eigen::MatrixXd& scores) {
  Eigen::MatrixXd p = scores;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    const double top = p.row(i).maxCoeff();
    p.row(i) = (p.row(i).array() - top).exp();
    p.row(i) /= p.row(i).sum();
  }
  return p;
}

std::vector<double> to_vector(const Eigen::VectorXd& v) { return {v.data(), v.data() + v.size()}; }

Eigen::VectorXd from_vector(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// Rows of `columns` numbers each.
Eigen::MatrixXd matrix_from(const nlohmann::json& rows_json, std::size_t columns) {
  const auto rows = rows_json.get<std::vector<std::vector<double>>>();
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(columns));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != columns) throw StanceModelError("weights row size mismatch");
    m.row(static_cast<Eigen::Index>(r)) = from_vector(rows[r]).transpose();
  }
  return m;
}

nlohmann::ordered_json rows_json(const Eigen::MatrixXd& m) {
  auto out = nlohmann::ordered_json::array();
  for (Eigen::Index r = 0; r < m.rows(); ++r) out.push_back(to_vector(m.row(r).transpose()));
  return out;
}

// Adam on one parameter block.
struct Adam {
  Eigen::MatrixXd m, v;
  void step(Eigen::MatrixXd& param, const Eigen::MatrixXd& grad, double rate, int t) {
    constexpr double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    if (m.size() == 0) {
      m = Eigen::MatrixXd::Zero(param.rows(), param.cols());
      v = m;
    }
    m = b1 * m + (1 - b1) * grad;
    v = b2 * v + (1 - b2) * grad.array().square().matrix();
    const double c1 = 1 - std::pow(b1, t), c2 = 1 - std::pow(b2, t);
    param.array() -= rate * (m.array() / c1) / ((v.array() / c2).sqrt() + eps);
  }
};

}  // namespace

Eigen::MatrixXd StanceModel::scores(const Eigen::MatrixXd& x) const {
  Eigen::MatrixXd input = x;
  if (hidden_weights_.size() > 0) {
    input = x * hidden_weights_.transpose();
    input.rowwise() += hidden_bias_.transpose();
    if (relu_) input = input.cwiseMax(0.0);
    else input = input.array().tanh().matrix();
  }
  Eigen::MatrixXd s = input * weights_.transpose();
  s.rowwise() += bias_.transpose();
  return s;
}

StanceModel StanceModel::train(const Eigen::MatrixXd& rows, const std::vector<int>& labels,
                               std::vector<std::string> classes, std::vector<std::string> features,
                               const StanceTrainingOptions& options) {
  StanceModel m;
  m.classes_ = std::move(classes);
  m.features_ = std::move(features);
  const auto n = rows.rows();
  const auto k = static_cast<Eigen::Index>(m.classes_.size());
  m.mean_ = rows.colwise().mean();
  m.scale_ = ((rows.rowwise() - m.mean_.transpose()).array().square().colwise().mean()).sqrt();
  for (Eigen::Index j = 0; j < m.scale_.size(); ++j) {
    if (m.scale_[j] < 1e-9) m.scale_[j] = 1.0;  // constant feature: leave it unscaled
  }
  const Eigen::MatrixXd x =
      (rows.rowwise() - m.mean_.transpose()).array().rowwise() / m.scale_.transpose().array();
  Eigen::MatrixXd target = Eigen::MatrixXd::Zero(n, k);
  std::vector<double> class_count(k, 0.0);
  for (Eigen::Index i = 0; i < n; ++i) {
    target(i, labels[i]) = 1.0;
    class_count[labels[i]] += 1.0;
  }
  Eigen::VectorXd row_weight(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double share = static_cast<double>(n) / (static_cast<double>(k) * class_count[labels[i]]);
    row_weight[i] = std::pow(share, options.class_balance);
  }
  row_weight *= static_cast<double>(n) / row_weight.sum();

  const Eigen::Index h = options.hidden_units;
  if (h > 0) {
    std::mt19937 random(options.seed);
    const double limit = std::sqrt(6.0 / static_cast<double>(rows.cols() + h));
    std::uniform_real_distribution<double> uniform(-limit, limit);
    m.hidden_weights_.resize(h, rows.cols());
    for (Eigen::Index i = 0; i < m.hidden_weights_.size(); ++i) {
      m.hidden_weights_.data()[i] = uniform(random);
    }
    m.hidden_bias_ = Eigen::VectorXd::Zero(h);
  }
  m.weights_ = Eigen::MatrixXd::Zero(k, h > 0 ? h : rows.cols());
  m.bias_ = Eigen::VectorXd::Zero(k);
  Adam adam_w, adam_b, adam_hw, adam_hb;
  const double inv_n = 1.0 / static_cast<double>(n);
  for (int it = 1; it <= options.iterations; ++it) {
    Eigen::MatrixXd hidden = x;
    if (h > 0) {
      hidden = x * m.hidden_weights_.transpose();
      hidden.rowwise() += m.hidden_bias_.transpose();
      hidden = hidden.array().tanh().matrix();
    }
    Eigen::MatrixXd s = hidden * m.weights_.transpose();
    s.rowwise() += m.bias_.transpose();
    const Eigen::MatrixXd error = (softmax_rows(s) - target).array().colwise() * row_weight.array();
    const Eigen::MatrixXd grad_w = error.transpose() * hidden * inv_n + options.l2 * m.weights_;
    const Eigen::MatrixXd grad_b = (error.colwise().sum() * inv_n).transpose();
    if (h > 0) {
      const Eigen::MatrixXd back =
          ((error * m.weights_).array() * (1.0 - hidden.array().square())).matrix();
      const Eigen::MatrixXd grad_hw = back.transpose() * x * inv_n + options.l2 * m.hidden_weights_;
      const Eigen::MatrixXd grad_hb = (back.colwise().sum() * inv_n).transpose();
      Eigen::MatrixXd hidden_bias = m.hidden_bias_;
      adam_hw.step(m.hidden_weights_, grad_hw, options.learning_rate, it);
      adam_hb.step(hidden_bias, grad_hb, options.learning_rate, it);
      m.hidden_bias_ = hidden_bias;
    }
    Eigen::MatrixXd bias = m.bias_;
    adam_w.step(m.weights_, grad_w, options.learning_rate, it);
    adam_b.step(bias, grad_b, options.learning_rate, it);
    m.bias_ = bias;
  }
  return m;
}

std::vector<double> StanceModel::predict(const std::vector<double>& features, std::string_view claim,
                                         std::string_view evidence) const {
  if (features.size() != features_.size()) {
    throw StanceModelError("stance model expects " + std::to_string(features_.size()) +
                           " features, got " + std::to_string(features.size()));
  }
  const auto f = static_cast<Eigen::Index>(features_.size());
  const auto words = static_cast<Eigen::Index>(bag_of_words_.size());
  Eigen::RowVectorXd x = Eigen::RowVectorXd::Zero(f + 2 * words);
  x.head(f) = ((from_vector(features) - mean_).array() / scale_.array()).matrix().transpose();
  if (words > 0) {
    bag_of_words_.add_to(claim, x.data() + f);
    bag_of_words_.add_to(evidence, x.data() + f + words);
  }
  return to_vector(softmax_rows(scores(x)).row(0).transpose());
}

std::string StanceModel::to_json(const std::string& trained_on) const {
  nlohmann::ordered_json j;
  j["format"] = "parallax-stance-model";
  const bool version_two = relu_ || bag_of_words_.size() > 0;
  j["version"] = version_two ? 2 : 1;
  j["trained_on"] = trained_on;
  j["classes"] = classes_;
  j["features"] = features_;
  j["mean"] = to_vector(mean_);
  j["scale"] = to_vector(scale_);
  j["weights"] = rows_json(weights_);
  j["bias"] = to_vector(bias_);
  if (hidden_weights_.size() > 0) {
    j["hidden"] = {{"weights", rows_json(hidden_weights_)}, {"bias", to_vector(hidden_bias_)}};
  }
  if (version_two) {
    j["activation"] = relu_ ? "relu" : "tanh";
    if (bag_of_words_.size() > 0) j["bag_of_words"] = {{"vocabulary", bag_of_words_.vocabulary()}};
  }
  return j.dump(1) + "\n";
}

StanceModel StanceModel::from_json(const std::string& text) {
  StanceModel m;
  try {
    const auto j = nlohmann::json::parse(text);
    // The version compared as a number, not read as an int: a float out of int's range made that
    // conversion undefined (found by fuzz_stance_model: "version": 3.3e107).
    const auto version = j.find("version");
    const double number = version != j.end() && version->is_number() ? version->get<double>() : 0.0;
    if (j.value("format", "") != "parallax-stance-model" || (number != 1.0 && number != 2.0)) {
      throw StanceModelError("not a parallax-stance-model file of version 1 or 2");
    }
    if (number == 2.0) {
      const std::string activation = j.value("activation", "tanh");
      if (activation != "tanh" && activation != "relu")
        throw StanceModelError("unknown activation '" + activation + "'");
      m.relu_ = activation == "relu";
      if (j.contains("bag_of_words")) {
        try {
          m.bag_of_words_ = BagOfWords(j.at("bag_of_words").at("vocabulary").get<std::vector<std::string>>());
        } catch (const std::invalid_argument& e) {
          throw StanceModelError(e.what());
        }
      }
    }
    m.classes_ = j.at("classes").get<std::vector<std::string>>();
    m.features_ = j.at("features").get<std::vector<std::string>>();
    // No feature, no model; and a row of weights over zero columns is a block at a null pointer
    // in Eigen (found by fuzz_stance_model under UBSan).
    if (m.features_.empty()) throw StanceModelError("a stance model needs at least one feature");
    m.mean_ = from_vector(j.at("mean").get<std::vector<double>>());
    m.scale_ = from_vector(j.at("scale").get<std::vector<double>>());
    m.bias_ = from_vector(j.at("bias").get<std::vector<double>>());
    std::size_t inputs = m.features_.size() + 2 * m.bag_of_words_.size();
    // Words read without a hidden layer would need weights per class and word: not a format.
    if (m.bag_of_words_.size() > 0 && !j.contains("hidden"))
      throw StanceModelError("a model that reads words needs a hidden layer");
    if (j.contains("hidden")) {
      m.hidden_weights_ = matrix_from(j.at("hidden").at("weights"), inputs);
      m.hidden_bias_ = from_vector(j.at("hidden").at("bias").get<std::vector<double>>());
      if (m.hidden_bias_.size() != m.hidden_weights_.rows()) {
        throw StanceModelError("hidden bias size mismatch");
      }
      // Without units predict() would take the features for the (empty) hidden layer's output.
      if (m.hidden_weights_.rows() == 0) throw StanceModelError("hidden layer has no units");
      inputs = static_cast<std::size_t>(m.hidden_weights_.rows());
    }
    m.weights_ = matrix_from(j.at("weights"), inputs);
  } catch (const nlohmann::json::exception& e) {
    throw StanceModelError(std::string("malformed stance model: ") + e.what());
  }
  const auto f = static_cast<Eigen::Index>(m.features_.size());
  const auto k = static_cast<Eigen::Index>(m.classes_.size());
  if (m.mean_.size() != f || m.scale_.size() != f || m.bias_.size() != k || m.weights_.rows() != k) {
    throw StanceModelError("stance model sizes do not match its feature and class lists");
  }
  return m;
}

StanceModel StanceModel::load(const std::string& path) {
  std::error_code error;
  const std::optional<std::string> content = read_small_file(path, error);
  if (!content) throw StanceModelError(path + ": cannot read stance model (" + describe_error(error) + ")");
  try {
    return from_json(*content);
  } catch (const StanceModelError& e) {
    throw StanceModelError(path + ": " + e.what());
  }
}

}  // namespace parallax

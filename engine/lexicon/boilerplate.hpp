#pragma once
// Page furniture that sentence splitting brings along with an article and that states nothing:
// comment-form and subscription lines ("Your email address will not be published", "تابعونا على",
// "Подписывайтесь на"), "read also" links, copyright lines, and bylines / publication stamps
// ("By Jane Doe", "Published January 21, 2022 | 03:50 PM", "بقلم", "Опубликовано").
#include <string>
#include <vector>

namespace parallax {

// True when a sentence, given as its normalized words (normalize_for_matching) in order, is
// furniture rather than a statement.
bool is_boilerplate(const std::vector<std::string>& normalized_words);

// True when the words open with a link to another story ("Also Read", "Читайте также", "اقرأ
// أيضا"). Such a line is furniture however long its title, unless it ends like a sentence: a
// title without punctuation may run into the article's next sentence.
bool opens_link_line(const std::vector<std::string>& normalized_words);

}  // namespace parallax

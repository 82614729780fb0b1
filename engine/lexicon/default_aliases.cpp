// The built-in alias table, in the alias file format (docs/claims.md). It covers the actors and
// topics of the project's example (a Biden-Putin call) in Arabic, English and Russian; users add
// their own with --aliases FILE, and --no-default-aliases drops this table.
//
// Why heads of state, spokespeople and "a Russian statement" fold into the Kremlin (and their US
// counterparts into the White House): a report on an official contact quotes the two governments
// through many mouths, and the comparison users ask for is government against government. A user who
// wants Putin apart from the Kremlin maps him to himself in an alias file.
#include "lexicon/default_aliases.hpp"

namespace parallax {

namespace {

constexpr const char* kDefaultAliases = R"(
[speakers]
White House = البيت الأبيض | the White House | White House | Белый дом | Белого дома | Белом доме | الرئاسة الأمريكية | الإدارة الأمريكية | إدارة بايدن | Biden administration | US administration | واشنطن | Washington | Вашингтон | بايدن | جو بايدن | الرئيس بايدن | Biden | Joe Biden | President Biden | Байден | Байдена | Байдену | Джо Байден | الرئيس الأمريكي | الرئيس الأميركي | the US president | the U.S. president | американский президент | مسؤول أمريكي | مسؤولون أمريكيون | مسؤولين أمريكيين | بيان أمريكي | الجانب الأمريكي | US official | US officials | U.S. official | U.S. officials | American officials
Kremlin = الكرملين | the Kremlin | Kremlin | Кремль | Кремля | Кремле | الرئاسة الروسية | موسكو | Moscow | Москва | Москвы | بوتين | فلاديمير بوتين | الرئيس بوتين | Putin | Vladimir Putin | President Putin | Путин | Путина | Владимир Путин | الرئيس الروسي | the Russian president | российский президент | بيان روسي | الجانب الروسي | المتحدث الروسي | مسؤول روسي | مسؤولون روس | مسؤولين روس | Russian official | Russian officials | the Russian side | Peskov | Dmitry Peskov | بيسكوف | دميتري بيسكوف | Песков | Пескова | Пескову | Дмитрий Песков | Дмитрия Пескова
[entities]
New START = البداية الجديدة | ستارت | نيو ستارت | New START | START treaty | СНВ | СНВ-3 | ДСНВ | معاهدة نزع الأسلحة الاستراتيجية الهجومية | Strategic Offensive Arms Treaty | стратегических наступательных вооружений
NATO = الناتو | حلف الناتو | حلف شمال الأطلسي | NATO | НАТО
Navalny = نافالني | Navalny | Навальный | Навального | Навальным
Ukraine = أوكرانيا | الأوكرانية | الأوكراني | لأوكرانيا | Ukraine | Ukrainian | Украина | Украины | Украине
coronavirus = كورونا | فيروس كورونا | كوفيد | كوفيد-19 | coronavirus | COVID | COVID-19 | pandemic | коронавирус | коронавируса | пандемия | пандемии
Open Skies = الأجواء المفتوحة | Open Skies | Открытое небо | Открытому небу | открытого неба
SolarWinds = سولارويندز | سولار ويندز | SolarWinds
Iran = إيران | Iran | Iranian | Иран | Ирана
Afghanistan = أفغانستان | Afghanistan | Афганистан | Афганистане
Taliban = طالبان | Taliban | Талибан | талибов
[places]
United States = الولايات المتحدة | الولايات المتحدة الأمريكية | الولايات المتحدة الأميركية | أمريكا | أميركا | United States | the United States | U.S. | USA | America | США | Соединённые Штаты | Соединенные Штаты | Соединенных Штатов | Америка | Америки
Russia = روسيا | روسيا الاتحادية | Russia | Russian Federation | Россия | России | Россию | Российская Федерация | Российской Федерации | РФ
Germany = ألمانيا | Germany | Германия | Германии
China = الصين | China | Китай | Китая | КНР
Turkey = تركيا | Turkey | Türkiye | Турция | Турции
Israel = إسرائيل | Israel | Израиль | Израиля
India = الهند | India | Индия | Индии
[characterizations]
frank = صريحة | صريح | صريحا | صراحة | frank | candid | откровенный | откровенным | откровенного | откровенно
business-like = صديق للأعمال | business-like | businesslike | деловой | деловым | деловом | делового | по-деловому
constructive = constructive | конструктивный | конструктивным | конструктивного | конструктивно
positive = إيجابية | إيجابي | إيجابيا | positive | позитивный | позитивным | позитивно
useful = مفيدة | مفيد | مفيدا | useful | полезный | полезным | полезно
productive = مثمرة | مثمر | productive | продуктивный | продуктивным
cordial = ودية | ودي | cordial | friendly | дружеский | дружеским
tense = متوترة | متوتر | tense | напряженный | напряженным
difficult = صعبة | صعب | difficult | трудный | трудным | сложный | сложным
)";

}  // namespace

std::string_view default_alias_table() { return kDefaultAliases; }

}  // namespace parallax

// Stop words of the query topics: the common function words (articles,
// pronouns, prepositions, conjunctions, auxiliary and modal verbs, frequent
// adverbs) of each language, lower-case and NFC. Words of 2 characters or
// fewer are dropped before this check, but the short forms stay listed so
// that each list is complete on its own. English lists the stems that
// contractions leave once the apostrophe splits them ("don" of "don't").
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "metrics/query_topics.h"

namespace usage::metrics_internal {
namespace {

constexpr absl::string_view kEnglish = R"(
  a about above across after afterwards again against all almost alone along
  already also although always am among an and another any anybody anyone
  anything anyway anywhere are aren around as at be became because become
  been before being below beside besides between both but by can cannot
  could couldn did didn do does doesn doing don done down during each
  either else enough etc even ever every everyone everything few for from
  further get gets got had hadn has hasn have haven having he her here hers
  herself him himself his how however i if in into is isn it its itself
  just least less let like ll many may maybe me might mine more
  most much must mustn my myself neither never no nobody none nor not
  nothing now of off often on once one only onto or other others otherwise
  ought our ours ourselves out over own per perhaps please quite rather re
  really same shall shan she should shouldn since so some somebody someone
  something sometimes still such than that the their theirs them
  themselves then there therefore these they this those
  though through thus to together too toward towards under until up upon
  us ve very via was wasn we well were weren what whatever when whenever
  where whether which while who whoever whom whose why will with within
  without won would wouldn yes yet you your yours yourself yourselves
)";

constexpr absl::string_view kDutch = R"(
  aan achter af al alle allebei alleen alles als altijd ander andere anders
  ben beide bij binnen boven buiten daar daarna daarom daarin daarop
  daarvan dan dat de der deze die dit doch doen doet door dus een eens elk
  elke en enige enkele er erg ergens geen geweest gewoon haar had hadden
  heb hebben hebt heeft heel hem hen het hier hierin hierover hij hoe
  hoeveel hun iedereen iemand iets ik in is ja je jij jou jouw jullie kan
  kon konden kun kunnen kunt laat maar mag me meer meest men met mij mijn
  mijzelf misschien moet moeten mogen na naar naast natuurlijk nee niet
  niets nog nooit nu of om omdat onder ons onze ook op over reeds samen
  sinds slechts sommige te tegen terwijl toch toen tot tussen u uit uw van
  veel vooral voor vanaf waar waarom waarin waarop wanneer want waren was
  wat we weer wel welk welke werd werden wie wiens wij wil wilde willen
  wilt worden wordt zal ze zeer zelf zich zij zijn zo zoals zodat zonder
  zou zouden zullen
)";

constexpr absl::string_view kGerman = R"(
  aber alle allem allen aller alles als also am an ander andere anderem
  anderen anderer anderes anders auch auf aus außer bei beim bin bis bist
  bitte da dabei dafür damit dann darauf darin darum das dass daß dasselbe
  davon dazu dein deine deinem deinen deiner dem demselben den denn
  denselben der derer derselbe derselben des desselben dessen dich die dies
  diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du
  durch ein eine einem einen einer eines einige einigem einigen einiger
  einiges einmal er es etwa etwas euch euer eure eurem euren eurer für gab
  gegen gewesen gibt hab habe haben hast hat hatte hatten hier hin hinter
  ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins
  ist ja jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt
  kann kannst kein keine keinem keinen keiner keines können könnte man
  manche manchem manchen mancher manches mehr mein meine meinem meinen
  meiner meines mich mir mit muss musste müssen nach nein nicht nichts noch
  nun nur ob oder ohne schon sehr sein seine seinem seinen seiner seines
  seit selbst sich sie sind so solche solchem solchen solcher solches soll
  sollen sollte sondern sonst über um und uns unser unsere unserem unseren
  unserer unter viel viele vom von vor wann war waren warst warum was weg
  weil weiter welche welchem welchen welcher welches wenn wer werde werden
  wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur
  zwar zwischen
)";

constexpr absl::string_view kFrench = R"(
  à afin ai aie aient aies ait alors as au aucun aucune aujourd aura aurai
  auraient aurais aurait auras aurez auriez aurions aurons auront aussi
  autre autres aux avaient avais avait avant avec avez aviez avions avoir
  avons ayant bien car ce ceci cela celle celles celui cependant ces cet
  cette ceux chaque chez comme comment d dans de depuis des déjà donc dont
  du elle elles en encore entre es est et étaient étais était étant été
  êtes être eu eux fait faire fais fois font furent fut hui ici il ils j je
  jusqu jusque l la là le les leur leurs lors lui m ma mais me même mes moi
  moins mon n ne ni nos notre nous on ont ou où par parce pas pendant peu
  peut peuvent plus pour pourquoi pouvez puis qu quand que quel quelle
  quelles quelque quelques quels qui quoi s sa sans se sera serai seraient
  serais serait seras serez seriez serions serons seront ses si sinon soit
  sommes son sont sous suis sur t ta tandis te tes toi ton tous tout toute
  toutes très tu un une vers voici voilà vos votre vous y
)";

constexpr absl::string_view kSpanish = R"(
  a al algo alguna algunas alguno algunos ante antes aquel aquella
  aquellas aquellos aquí así aunque cada como cómo con contra cual cuál
  cuales cuáles cuando cuándo cuanto cuánto de del desde donde dónde
  durante e el él ella ellas ello ellos en entonces entre era erais éramos
  eran eras eres es esa esas ese eso esos esta está estaba estaban estado
  estamos estáis están estar estas este esté esto estos estoy fue fueron
  fui fuimos ha habéis había habían haber han has hasta hay haya he hemos
  la las le les lo los más me mi mí mientras mis mucho muchos muy nada ni
  no nos nosotras nosotros nuestra nuestras nuestro nuestros o os otra
  otras otro otros para pero poco por porque puede pueden qué que quien
  quién quienes se sea sean ser si sí siempre sin sino sobre sois solo
  sólo somos son soy su sus también tampoco tan tanto te tenemos tener
  tengo ti tiene tienen todas todo todos tu tú tus un una unas uno unos
  usted ustedes vosotras vosotros y ya yo
)";

using StopWordSet = absl::flat_hash_set<std::string_view>;

const StopWordSet& StopWords() {
  static const StopWordSet* const words = [] {
    auto* set = new StopWordSet();
    for (absl::string_view list :
         {kEnglish, kDutch, kGerman, kFrench, kSpanish}) {
      for (absl::string_view word :
           absl::StrSplit(list, absl::ByAnyChar(" \n"), absl::SkipEmpty())) {
        set->insert(std::string_view(word.data(), word.size()));
      }
    }
    return set;
  }();
  return *words;
}

}  // namespace

bool IsStopWord(std::string_view word) { return StopWords().contains(word); }

}  // namespace usage::metrics_internal

"""Closed word lists the name finder uses to tell names from capitalised ordinary words.

General English and Russian/Ukrainian news vocabulary, lowercase; not tied to any article.
"""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that are capitalised at the start of a sentence but are not names.
ENGLISH_COMMON = _set("""
a an the this that these those there here it its it's he she they we you i me my our your their his her them us
and or but nor so yet for if then than though although while when whenever where wherever whether which who whom
whose what whatever why how because since until unless after before during despite following according amid
among between about above across against along around at by down from in into near of off on onto out outside
over past per through throughout to toward towards under upon via with within without also still even just only
not no yes all any both each either every few many more most much neither none other others several some such
one two three four five six seven eight nine ten first second third last next new old former latest recent early
earlier late later meanwhile however moreover furthermore therefore thus instead otherwise perhaps maybe yet
today tonight yesterday tomorrow now then once again already always never often sometimes usually soon ago
is are was were be been being has have had do does did will would shall should can could may might must
said says say told tell asked added noted according reportedly officially local national international global
officials
please thanks thank dear hello hi ok okay good great well like unfortunately fortunately sorry
because speaking asked asking given having being making taking according unlike like as
""")

ENGLISH_CONNECTORS = _set("of the de da del della di du van von der den bin ibn al el la le")

MONTHS_DAYS = _set("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
christmas easter
""")

# Nationality and group adjectives and plurals: capitalised in English, but not names of a thing.
DEMONYMS = _set("""
russian russians syrian syrians american americans ukrainian ukrainians german germans british briton britons
english french italian italians spanish portuguese dutch belgian belgians swiss austrian austrians polish pole poles
czech slovak hungarian hungarians romanian romanians bulgarian bulgarians serbian serbians serb serbs croatian
croats bosnian greek greeks turkish turk turks armenian armenians georgian georgians azerbaijani azerbaijanis
belarusian belarusians moldovan kazakh kazakhs uzbek uzbeks tajik kyrgyz turkmen chechen chechens tatar tatars
iranian iranians iraqi iraqis israeli israelis palestinian palestinians lebanese jordanian saudi saudis egyptian
egyptians libyan libyans tunisian algerian moroccan sudanese yemeni emirati qatari kuwaiti afghan afghans
pakistani pakistanis indian indians chinese japanese korean koreans vietnamese thai indonesian filipino
australian australians canadian canadians mexican mexicans brazilian brazilians argentine argentinian
venezuelan cuban colombian chilean peruvian african africans european europeans asian asians arab arabs arabic
kurdish kurd kurds persian soviet western eastern northern southern nordic baltic balkan slavic latin
muslim muslims christian christians jewish jew jews catholic orthodox protestant sunni shia shiite shiites alawite
islamist islamists islamic jihadist jihadists communist communists socialist socialists democrat democrats
republican republicans conservative conservatives liberal liberals nazi nazis finnish swedish norwegian danish
estonian latvian lithuanian irish scottish welsh icelandic nigerian kenyan ethiopian somali
""")

# Head titles that come before a person's name.
TITLES = _set("""
president presidents minister ministers premier chancellor secretary spokesman spokeswoman spokesperson
ambassador envoy governor mayor senator sen rep representative congressman congresswoman general gen lt col
colonel major captain commander admiral marshal sergeant lieutenant king queen prince princess emperor pope
patriarch bishop archbishop cardinal sheikh emir sultan ayatollah chairman chairwoman chair director
ceo founder leader head chief judge justice prosecutor attorney mr mrs ms dr prof professor sir lord lady
deputy vice mp dpm
""")
# Words that can sit inside a title before the head: "Foreign Minister", "Prime Minister", "Deputy Prime Minister"
TITLE_MODIFIERS = _set("""
foreign defense defence interior prime deputy vice first former acting state finance economy economic
health justice energy trade education culture environment agriculture transport labour labor
presidential press executive general supreme chief senior top lt lieutenant
""")
# What follows "Secretary of", "Minister of": "Secretary of State", "Minister of Foreign Affairs"
TITLE_OBJECTS = _set("""
state defense defence foreign affairs interior finance justice health energy trade commerce treasury
homeland security education culture economy agriculture transport labor labour the emergency situations
""")

# Nouns that make a capitalised run an organisation.
ORG_WORDS = _set("""
party parties ministry department council agency army navy forces force corps guard guards company corporation
corp inc ltd plc group bank university college school institute foundation fund union committee commission
organisation organization association federation front movement service services office court parliament
assembly senate congress duma rada government administration cabinet authority authorities police
network news times post journal herald tribune gazette press channel radio television tv broadcasting
airlines airways railways holding holdings operator church mosque brotherhood alliance coalition league club team bureau board
""")

GIVEN_NAMES = _set("""
vladimir dmitry dmitri sergey sergei alexei alexey aleksei alexander aleksandr andrei andrey mikhail nikolai
nikolay igor ivan yuri yury boris viktor victor pavel pyotr peter oleg yevgeny evgeny valentina maria marina
anna olga tatiana natalia yelena elena irina svetlana ksenia yulia volodymyr oleksandr oleksii andrii dmytro
petro vitali vitaliy serhii mykola olena denys ruslan bashar hassan hasan mohammed muhammad mohammad ahmed ahmad
ali omar abdullah khaled khalid hamad recep emmanuel angela olaf joe joseph donald barack hillary john james
robert michael william david richard thomas charles george paul mark steven stephen rex mike kevin jens
ursula boris theresa rishi keir xi kim narendra benjamin jair luiz antonio antónio jean pierre francois
françois marie hans karl friedrich wolfgang heinz klaus helmut gerhard annalena christian markus ulrich
katrin katharina anja sabine petra claudia stefanie julia lena sarah lisa laura thomas michael andreas stefan
jens jürgen uwe frank martin matthias tobias florian sebastian jan lars ole peter sven dirk
""")

SPEECH_VERBS = _set("""
said says told added argued noted stressed explained warned wrote stated claimed asked
sagte sagt erklärte betonte kritisierte forderte warnte meinte teilte schrieb
""")
# German words that stand before a noun, so the capitalised word after them is a common noun
GERMAN_DETERMINERS = _set("""
der die das den dem des ein eine einer einem einen eines kein keine keinen keinem keiner sein seine ihr ihre
dieser diese dieses diesem diesen jeder jede jedes alle beim im am zum zur vom
""")

PLACE_PREPOSITIONS = {
    "en": _set("in near at from to into across outside inside toward towards around throughout"),
    "ru": _set("в во из под около возле близ до через над по"),
    "uk": _set("в у із з зі до під біля поблизу через над по"),
}

# prepositions that take one case only, so the name right after them is in that case: у Миранчука (gent),
# к Фургалу (datv), с Нурмагомедовым (ablt). Prepositions of two cases (в, на, с in "с Урала", за, по) are left out.
PREPOSITION_CASES = {
    "ru": {**dict.fromkeys("у от до из без для после против около возле среди кроме вокруг мимо".split(), "gent"),
           **dict.fromkeys("к ко благодаря вопреки".split(), "datv"),
           **dict.fromkeys("перед передо над надо между".split(), "ablt")},
    "uk": {**dict.fromkeys("від до для без після біля крім серед навколо замість".split(), "gent"),
           **dict.fromkeys("завдяки всупереч".split(), "datv"),
           **dict.fromkeys("перед над між".split(), "ablt")},
}

# nouns that name what kind of place follows them, by dictionary form: штат Айова, курорт Куршевель, в провинции Хунань
PLACE_NOUNS = {
    "ru": _set("город штат провинция курорт аэропорт регион остров река озеро деревня село посёлок поселок столица порт "
               "округ район префектура департамент эмират княжество королевство графство кантон полуостров пролив залив"),
    "uk": _set("місто штат провінція курорт аеропорт регіон острів річка озеро село селище столиця порт округ район "
               "префектура департамент емірат князівство королівство графство кантон півострів протока затока"),
}

# lowercase particles inside Cyrillic names: Халед аль-Мишри, Урсула фон дер Ляйен
CYRILLIC_CONNECTORS = _set("аль эль ибн бен бин фон дер де ван ла ле да ди дю")

# case endings a Russian or Ukrainian name may carry beyond its dictionary form (Дячишина, Дячишину)
CYRILLIC_CASE_ENDINGS = _set("а у ом ым им ім ові еві і и е ой ою ей ої ю я ем ым у")

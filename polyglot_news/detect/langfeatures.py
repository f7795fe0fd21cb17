"""Hand-written linguistic evidence per language: alphabets, function words, word endings.

These lists are general knowledge of each language (its alphabet, its most frequent
short words, its typical inflectional endings and letter pairs), written for this
project. `language.py` scores them beside the statistical models; they matter most for
one- and two-word strings, and for Belarusian and Kazakh, which the n-gram profiles
and word-frequency lists we use do not cover.
"""

from __future__ import annotations

_CYR = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
_LAT = "abcdefghijklmnopqrstuvwxyz"

# letters each language writes (lower case); a letter outside it is strong evidence against
ALPHABETS: dict[str, str] = {
    "ru": _CYR + "ё",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "kk": _CYR + "ёәғқңөұүһі",
    "en": _LAT,
    "de": _LAT + "äöüß",
    "fr": _LAT + "àâæçéèêëîïôœùûüÿ",
    "es": _LAT + "áéíóúüñ",
    "it": _LAT + "àèéìíîòóùú",
    "pt": _LAT + "áâãàçéêíóôõú",
    "pl": _LAT + "ąćęłńóśźż",
    "nl": _LAT + "éëïèö",
    "sv": _LAT + "åäöé",
    "da": _LAT + "æøåé",
    "no": _LAT + "æøåéô",
    "fi": _LAT + "äöå",
    "et": _LAT + "äöõüšž",
    "ro": _LAT + "ăâîșțşţ",
    "hu": _LAT + "áéíóöőúüű",
    "cs": _LAT + "áčďéěíňóřšťúůýž",
    "sk": _LAT + "áäčďéíĺľňóôŕšťúýž",
    "sl": _LAT + "čšžćđ",
    "hr": _LAT + "čćđšž",
    "tr": _LAT + "çğıöşüâîİ",
    "sq": _LAT + "çë",
    "ca": _LAT + "àçéèíïòóúü·",
    "lt": _LAT + "ąčęėįšųūž",
    "lv": _LAT + "āčēģīķļņšūž",
    "af": _LAT + "êëïôûéèáó",
    "cy": _LAT + "âêîôûŵŷáéíóúẁẃ",
    "id": _LAT,
    "tl": _LAT + "ñ",
    "sw": _LAT,
    "so": _LAT,
    # Arabic script: Persian writes ی and ک where Arabic writes ي and ك, and adds پ چ ژ گ;
    # Urdu adds ٹ ڈ ڑ ں ھ ہ ے
    "ar": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱ",
    "fa": "ءآأؤئابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیۀة",
    "ur": "ءآأؤئابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھهیےۓۃ",
}

# letters a language has but writes almost only in loanwords: weak evidence against it
RARE_LETTERS: dict[str, str] = {
    "kk": "вфцчщъьэюяё",
    "en": "",
    "es": "kw",
    "pt": "kwy",
    "it": "jkwxy",
    "fr": "kw",
    "pl": "qvx",
    "sr": "",
    "mk": "",
}

# apostrophe-like marks some alphabets use inside words
APOSTROPHES = "'’ʼ`"

# the most frequent short words of each language (articles, prepositions, pronouns,
# conjunctions, auxiliaries, particles; for English also the commonest one-word site
# labels); a hit is strong evidence in a short string
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the a an of and or to in on at for with from by as is are was were be been being "
        "this that these those it its he she they we you i me my your our their his her them us "
        "not no but if so than then there here what which who whom whose when where why how all "
        "any some more most other such only also just very can could will would shall should may "
        "might must do does did done have has had into onto out up down over under about after "
        "before between through during without within again off once both each few nor own same "
        "too yet while because until against among per via new read sign log share home",
        "de": "der die das den dem des ein eine einen einem einer eines und oder aber nicht kein "
        "keine ist sind war waren wird werden wurde wurden hat haben hatte sein ich du er sie es "
        "wir ihr mich mir dich dir sich uns euch mit von zu zum zur bei nach aus auf für über "
        "unter vor hinter neben zwischen durch gegen ohne um im am ins vom beim auch noch schon "
        "nur sehr wie wo wer was wenn dass weil ob als so doch dann hier dort jetzt heute mehr "
        "diese dieser dieses diesen alle einige kann können muss müssen soll sollen will wollen",
        "fr": "le la les l un une des du de d et ou mais donc or ni car ne pas plus est sont était "
        "été être avoir a ai as avons avez ont je tu il elle on nous vous ils elles me te se lui "
        "leur leurs ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos qui que "
        "quoi dont où quand comment pourquoi avec sans pour par sur sous dans en entre chez vers "
        "depuis pendant aussi très bien tout tous toute toutes y au aux si comme même déjà encore",
        "es": "el la los las lo un una unos unas y o u e pero ni que de del al a en con sin por "
        "para sobre entre hasta desde hacia según es son era fue fueron ser estar está están ha "
        "han había yo tú él ella nosotros vosotros ellos ellas me te se nos os le les mi mis tu "
        "tus su sus nuestro este esta estos estas ese esa eso aquel qué quién cómo dónde cuándo "
        "porque como muy más menos también ya no sí cuando donde todo todos toda todas hay",
        "it": "il lo la i gli le un uno una e ed o ma né che di del dello della dei degli delle a "
        "al allo alla ai agli alle da dal dalla in nel nello nella nei negli nelle con su sul "
        "sulla per tra fra è sono era erano essere stato stata ha hanno aveva io tu lui lei noi "
        "voi loro mi ti si ci vi ne questo questa questi queste quello quella chi cosa come dove "
        "quando perché non più molto anche già ancora sempre tutto tutti tutta",
        "pt": "o a os as um uma uns umas e ou mas nem que de do da dos das ao aos à às em no na "
        "nos nas num numa por pelo pela pelos pelas para com sem sobre entre até desde é são era "
        "foi foram ser estar está estão tem têm ter havia eu tu ele ela nós vós eles elas me te "
        "se lhe lhes meu minha seu sua nosso nossa este esta isto esse essa isso aquele quem "
        "como onde quando porque não sim mais menos muito também já ainda todo todos toda",
        "pl": "i w we z ze na do o od po za przez przy dla bez nad pod przed między u a ale lub "
        "albo oraz czy że żeby aby by nie tak jak już jeszcze tylko też także jest są był była "
        "było byli być ma mają miał ja ty on ona ono my wy oni one mnie mi cię go jej mu nam wam "
        "ich się ten ta to te tego tej tym ci co kto gdzie kiedy dlaczego który która które "
        "jego jej ich nasz wasz swój bardzo więcej",
        "nl": "de het een en of maar niet geen is zijn was waren wordt worden werd heeft hebben "
        "had ik jij je hij zij ze wij we jullie u mij me mijn zijn haar ons onze van in op te "
        "met voor aan bij uit naar over door om tot als dan dat die dit deze wat wie waar hoe "
        "ook nog al wel zo er",
        "ru": "и в во не на я он она оно они мы вы ты с со что как а но или же бы ли по к ко у "
        "о об от до из за для при про без над под между через это этот эта эти тот та те то "
        "его её ее их ему ей им нам вам мне меня тебя себя был была было были быть есть нет "
        "да уже ещё еще только также тоже когда где кто чем чтобы если так все всё весь вся "
        "который которая которые которого свой своя свои очень можно нужно ни",
        "uk": "і й та в у на з із зі що як а але або чи не ні я він вона воно вони ми ви ти до "
        "від для при про без над під між через це цей ця ці той та ті його її їх йому їй їм "
        "нам вам мені мене тебе себе був була було були бути є немає так вже ще тільки також "
        "теж коли де хто чим щоб якщо все всі весь вся який яка які якого свій своя свої дуже "
        "можна треба після",
        "be": "і й ды ў у на з са што як а але або ці не ні я ён яна яно яны мы вы ты да ад для "
        "пры пра без над пад паміж праз гэта гэты гэтая гэтыя той тая тыя яго яе іх яму ёй ім "
        "нам вам мне мяне цябе сябе быў была было былі быць ёсць няма так ужо яшчэ толькі "
        "таксама калі дзе хто чым каб усе увесь уся які якая якія свой свая свае вельмі можна "
        "трэба пасля",
        "bg": "и в във на с със за от до по при към пред след без под над между че като а но "
        "или ли не ни аз ти той тя то ние вие те ме те го я ни ви ги му й им си се е са бе "
        "бил била било били съм си сме сте беше това този тази тези онзи който която което "
        "които кой какво къде кога защо как много още вече само също всички всеки ще да",
        "sr": "и у на са с за од до по при ка код из пре после без под над између кроз да што "
        "као а али или ли не ни ја ти он она оно ми ви они оне ме те га је ју их му јој им се "
        "си сам смо сте су био била било били бити ће ћу то тај та те овај ова ово који која "
        "које ко где када зашто како веома још већ само такође сви све",
        "mk": "и во на со за од до по при кон пред по без под над меѓу преку дека што како а но "
        "или ли не ни јас ти тој таа тоа ние вие тие ме те го ја ги му ѝ им се си е се сум си "
        "сме сте беше бил била било биле ќе да тоа овој оваа ова овие кој која кое кои каде "
        "кога зошто многу уште веќе само исто сите",
        "kk": "және мен бен пен да де та те ға ге қа ке бұл осы сол ол олар біз сіз сен мен "
        "мына анау не жоқ бар емес үшін туралы арқылы кейін дейін бойынша сияқты барлық әр "
        "бір екі үш көп аз өте тағы әлі қазір енді және немесе бірақ егер себебі өз өзі оның "
        "олардың біздің сіздің менің сенің болды болып болған болады еді деп",
    }.items()
}

# inflectional and derivational endings typical of each language (checked on words of
# at least len(ending) + 3 letters); they carry long-range evidence the 3-grams miss
ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("tion", "tions", "ness", "ment", "ments", "ing", "ings", "ship", "ful", "less",
           "ously", "ally", "ity", "ies", "ied", "ated", "ized", "ised", "able", "ible", "ward"),
    "de": ("ung", "ungen", "keit", "heit", "schaft", "lich", "lichen", "isch", "ische", "chen",
           "igkeit", "ieren", "iert", "ern", "sten", "tät"),
    "fr": ("tion", "tions", "ment", "ments", "eux", "euse", "aire", "ique", "iques", "té",
           "és", "ée", "ées", "ait", "aient", "ons", "ez", "eur", "eurs", "oire", "elle"),
    "es": ("ción", "ciones", "mente", "idad", "idades", "ado", "ados", "ada", "adas", "ido",
           "idos", "ando", "iendo", "aba", "aban", "amos", "oso", "osa", "ería", "ismo"),
    "it": ("zione", "zioni", "mente", "ità", "ato", "ati", "ata", "ate", "ito", "iti", "ando",
           "endo", "ava", "avano", "iamo", "oso", "osa", "ismo", "ello", "etto", "ggio", "zza"),
    "pt": ("ção", "ções", "mente", "dade", "dades", "ado", "ados", "ada", "adas", "ido", "ando",
           "endo", "ava", "avam", "amos", "oso", "osa", "ismo", "ão", "ões", "eiro", "eira"),
    "pl": ("ość", "ości", "anie", "enie", "ania", "enia", "ować", "owy", "owa", "owe", "owych",
           "ski", "ska", "skie", "ego", "emu", "ych", "ymi", "ać", "ić", "ył", "yła", "ów"),
    "ru": ("ость", "ости", "ение", "ения", "ание", "ания", "ого", "его", "ому", "ему", "ый",
           "ий", "ые", "ие", "ых", "ать", "ить", "ться", "ется", "ются", "ова", "ский", "ская",
           "ской", "ство", "ства", "ция", "ции", "ным", "ными", "ешь"),
    "uk": ("ість", "ості", "ння", "ання", "ення", "ого", "ому", "ий", "ій", "ої", "их", "ими",
           "ати", "ити", "ться", "ється", "ують", "ська", "ський", "ство", "ція", "ції", "ів"),
    "be": ("асць", "асці", "нне", "ння", "ньне", "аць", "іць", "ыць", "ецца", "уцца", "ага",
           "ога", "аму", "ыя", "ыі", "ая", "ай", "ых", "ымі", "ская", "скі", "цыя", "цыі",
           "ства", "ўся", "ліся", "цца", "ную"),
    "bg": ("ът", "ят", "та", "то", "те", "ите", "ата", "ото", "ето", "ият", "ия", "ски",
           "ско", "ска", "ния", "ване", "ение", "ост", "ство", "ция", "ции", "ам", "ах",
           "ахме", "яхме", "ете", "ите"),
    "sr": ("ност", "ности", "ање", "ења", "ања", "ског", "ском", "ски", "ска", "ско", "ији",
           "ија", "ије", "ити", "ати", "ао", "ала", "ало", "или", "ила", "јући", "ова",
           "ову", "има", "ама", "ђе"),
    "mk": ("ност", "носта", "ње", "ања", "ење", "ски", "ска", "ско", "ија", "ии", "ите",
           "ата", "от", "та", "то", "ов", "ови", "ува", "ше", "вме", "вте", "ќи"),
    "kk": ("ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "да", "де",
           "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "лар",
           "лер", "дар", "дер", "тар", "тер", "ды", "ді", "ты", "ті", "ны", "ні", "сы", "сі",
           "ған", "ген", "қан", "кен", "ып", "іп", "уы", "уі", "лық", "лік", "дық", "дік",
           "тық", "тік", "шы", "ші", "сын", "сін", "ынан", "інен", "лау", "леу", "дау",
           "деу", "ады", "еді", "йды", "йді", "мыз", "міз", "ында", "інде"),
}

# letter pairs and triples typical of one language within its script family: for
# Belarusian its дз/ць for soft д/т, шч, hard consonants before э and ы, ў, and the
# а of akanye; for Kazakh its ж (Turkic y-), back-vowel suffixes and consonant clusters
CLUSTERS: dict[str, tuple[str, ...]] = {
    "be": ("дз", "дж", "ць", "цц", "шч", "чы", "шы", "жы", "чэ", "рэ", "тэ", "дэ", "цэ", "жэ",
           "шэ", "зэ", "сэ", "нэ", "лэ", "ыя", "ыі", "ау", "яў", "аў", "оў", "еў", "ьн", "ня",
           "ра", "пры", "раз", "ва"),
    "kk": ("ж", "ық", "ің", "ың", "ау", "еу", "ұл", "ғы", "қы", "ды", "жа", "жы", "бы", "сы",
           "йы", "йд", "ыл", "ып", "ым", "ыз", "тт", "лд", "рд", "лт", "ст"),
}

# vowel harmony: a native word takes its vowels from one of the two sets, never both
VOWEL_HARMONY: dict[str, tuple[str, str]] = {
    "kk": ("аоұы", "әөүі"),
}


def breaks_harmony(word: str, lang: str) -> bool:
    """True when `word` mixes back and front vowels, which `lang`'s native words never do."""
    sets = VOWEL_HARMONY.get(lang)
    return bool(sets) and any(c in sets[0] for c in word) and any(c in sets[1] for c in word)

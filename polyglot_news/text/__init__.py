"""What every stage may know about text, below all of them: no stage, no Article.

- `languages.py`: language codes and their English names;
- `scripts.py`: which writing system a letter or a string is in;
- `sentences.py`: the offline sentence splitter;
- `wordfreqs.py`: word frequencies per language (wordfreq), looked up in one SQLite file;
- `precompiled.py`: tables converted from installed package data, kept between runs;
- `morph.py`: tokens and lemmas (pymorphy3 for Russian and Ukrainian);
- `romanise.py`, `palladius.py`: Latin spellings of Cyrillic and Chinese names.
"""

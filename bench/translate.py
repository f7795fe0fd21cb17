"""Benchmark the translate stage against argostranslate's own loop and raw CTranslate2, same model.

Model: a Transformer-base-shaped MarianMT (6+6 layers, d_model 512, 8 heads, FFN 2048) with a
32k vocabulary and random weights (fixed seed; speed does not depend on what weights learned),
converted to int8 CTranslate2 and packaged as an Argos package with a SentencePiece model
trained on the data's Russian and English text. Built once into the cache folder
($XDG_CACHE_HOME/polyglot-news/bench, not committed).

Input: Russian paragraphs from DATA/dev/parallel/ru-en.jsonl (240, `--quick` 10; a document's
sentences in runs of three), split into sentences by our offline splitter. Same decoding for
all: beam 4, length penalty 0.2, at most 64 tokens out (a random model never stops by itself,
so every sentence runs to the limit; for the same reason (a) runs with its NMT-failure guards
off, which would otherwise retry every output).
  (a) ours:   `translate.to_english` on articles of those paragraphs (fresh cache, written)
              (it spends the thread budget on parallel batches, one core each: argos.thread_layout)
  (b) argos:  a loop of `argostranslate.translate` per paragraph, the naive use. Its sentence
              splitter (MiniSBD) would download a model, so its sentencizer is given our
              splitter; its CTranslate2 call gets max_decoding_length=64 like the others.
  (c) ct2:    `ctranslate2.Translator.translate_batch` on the pre-tokenised sentences, batches of 32
  rerun:      (a) again in a new process over the same inputs with the cache from the first run.
  digest:     whole digests (`pipeline.digest_many`) of the news documents of ru-en.jsonl (80, `--quick`
              10) laid out as page dumps (the headline, then paragraphs of up to three sentences),
              once with `translate_mode="all"` (every title and body sentence goes to the model)
              and once with "summary" (the summary is chosen in Russian; only the title and the
              three chosen sentences go), each with a fresh cache: sentences sent (= the cache's new
              rows; of them, the curated terms sent alone for the glossary rewrite) and wall time per
              article, and the ratios summary_sentence_ratio (all / summary sentences) and
              summary_speedup (all / summary wall time). A random model writes no name, so no term
              finds a place for its answer in its English and (almost) none goes alone
              (`translate.terms.unresolved_terms`); a trained model's English has names, and terms go
              alone where no spelling finds them.
`--baseline-n N` runs the slow (b) on the first N paragraphs only: every output is 64 tokens
long, so the cost per sentence barely depends on which sentences, and rates stay comparable.
Each runs in its own subprocess (peak memory = its VmHWM); times exclude Python imports and
include model loading.

    python bench/translate.py [--quick] [--data DIR] [--n N] [--only digest|engine]

The last line is `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
BEAM, MAX_TOKENS, BATCH = 4, 64, 32
VOCAB = 32000


def cache_root() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "polyglot-news" / "bench"


def paragraphs_of(data: Path, n: int) -> list[str]:
    """The first `n` distinct Russian paragraphs: each document's sentences in runs of up to three.

    The data lists documents sentence by sentence; news paragraphs run to a few sentences.
    """
    seen: dict[str, None] = {}
    with open(data / "dev" / "parallel" / "ru-en.jsonl", encoding="utf-8") as f:
        for line in f:
            source = [" ".join(s.split()) for s in json.loads(line)["source"] if s.strip()]
            for i in range(0, len(source), 3):
                seen.setdefault(" ".join(source[i : i + 3]))
                if len(seen) >= n:
                    return list(seen)
    return list(seen)


def news_pages(data: Path, n: int) -> list[str]:
    """The first `n` news documents of ru-en.jsonl as page dumps: the headline, then paragraphs of up to
    three sentences separated by blank lines."""
    pages = []
    with open(data / "dev" / "parallel" / "ru-en.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["domain"] != "news":
                continue
            source = [" ".join(s.split()) for s in doc["source"] if s.strip()]
            paragraphs = [source[0]] + [" ".join(source[i : i + 3]) for i in range(1, len(source), 3)]
            pages.append("\n\n".join(paragraphs) + "\n")
            if len(pages) >= n:
                break
    return pages


def peak_rss() -> int:
    """This process's high-water resident memory in bytes (VmHWM: unlike ru_maxrss, not inherited)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# --- building the model ---------------------------------------------------------------------

def build_package(data: Path, root: Path) -> Path:
    """Build (once) the base-sized random ru->en Argos package; returns its folder."""
    folder = root / "packages" / "translate-ru_en-bench"
    if (folder / "model" / "model.bin").is_file():
        return folder
    import sentencepiece as spm
    import torch
    from ctranslate2.converters import TransformersConverter
    from transformers import MarianConfig, MarianMTModel

    t = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(dir=root))
    texts = []
    with open(data / "dev" / "parallel" / "ru-en.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            texts += doc["source"] + doc["english"]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts), model_prefix=str(tmp / "sp"), vocab_size=VOCAB, hard_vocab_limit=False,
        model_type="unigram", character_coverage=1.0, unk_id=0, eos_id=1, bos_id=-1, pad_id=-1, minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(tmp / "sp.model"))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    # the data supports fewer pieces than 32k: pad the model's vocabulary to full size
    pieces += [f"<extra_{i}>" for i in range(VOCAB - len(pieces))]
    torch.manual_seed(1234)
    config = MarianConfig(
        vocab_size=VOCAB + 1, d_model=512, encoder_layers=6, decoder_layers=6, encoder_attention_heads=8,
        decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048, pad_token_id=VOCAB,
        eos_token_id=1, decoder_start_token_id=VOCAB, max_position_embeddings=512, scale_embedding=True,
        share_encoder_decoder_embeddings=True, tie_word_embeddings=True,
    )
    model = MarianMTModel(config).eval()

    class Vocab:
        eos_token, unk_token, bos_token = "</s>", "<unk>", None

        def get_vocab(self):
            return {p: i for i, p in enumerate(pieces + ["<pad>"])}

    class Converter(TransformersConverter):
        def load_tokenizer(self, *args, **kwargs):
            return Vocab()

    model.save_pretrained(tmp / "hf")
    staging = tmp / folder.name
    staging.mkdir()
    Converter(str(tmp / "hf")).convert(str(staging / "model"), quantization="int8", force=True)
    (staging / "sentencepiece.model").write_bytes((tmp / "sp.model").read_bytes())
    (staging / "metadata.json").write_text(json.dumps({
        "package_version": "0.0", "argos_version": "1.9", "from_code": "ru", "from_name": "Russian",
        "to_code": "en", "to_name": "English", "type": "translate"}))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(folder)
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    print(f"built {folder} in {time.perf_counter() - t:.0f} s ({len(set(pieces)) - (VOCAB - sp.get_piece_size())} SentencePiece pieces)", flush=True)
    return folder


# --- the three contenders, each in its own process ----------------------------------------------

def worker(method: str, packages: Path, inputs: Path, cache: Path) -> dict:
    """Run one method in this process; returns its timing, sentence count and peak memory."""
    paragraphs = json.loads(inputs.read_text(encoding="utf-8"))
    from polyglot_news.text.sentences import split_sentences

    if method.startswith("digest-"):
        import argostranslate.package  # noqa: F401  (imports are not what we time)
        import ctranslate2  # noqa: F401

        from polyglot_news import pipeline
        from polyglot_news.config import Settings
        from polyglot_news.translate.cache import TranslationCache

        pages = paragraphs  # page dumps, for these methods
        settings = Settings(packages_dir=packages, cache_path=cache, beam_size=BEAM, max_output_tokens=MAX_TOKENS,
                            guard_translations=False, translate_mode=method.split("-", 1)[1])
        glossary = pipeline.load_context(settings)
        t, cpu = time.perf_counter(), time.process_time()
        digests = pipeline.digest_many(pages, settings, glossary)
        seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
        sent = TranslationCache(cache).count()  # a fresh cache: one row per distinct sentence sent
        english = sum(1 for d in digests if d.summary and d.summary_lang == "en")
        return {"method": method, "seconds": seconds, "cpu_seconds": cpu, "sentences": sent, "paragraphs": len(pages),
                "terms_alone": terms_alone(cache),
                "done": english, "origin": sorted({d.translate_mode for d in digests}), "peak_bytes": peak_rss()}

    sentences = [s for p in paragraphs for s in split_sentences(p, "ru")]
    if method in ("ours", "rerun"):
        import argostranslate.package  # noqa: F401  (imports are not what we time)
        import ctranslate2  # noqa: F401

        from polyglot_news.config import Settings
        from polyglot_news.curated import Glossary
        from polyglot_news.model import BODY, Article, Segment
        from polyglot_news.translate import to_english

        articles = [Article(f"<p{i}>", [Segment(1, p, BODY, "ru", 0.99)]) for i, p in enumerate(paragraphs)]
        # a random model never ends a sentence, so every output would look like a runaway and be retried
        settings = Settings(packages_dir=packages, cache_path=cache, beam_size=BEAM, max_output_tokens=MAX_TOKENS,
                            guard_translations=False)
        t = time.perf_counter()
        to_english(articles, settings, Glossary())
        seconds = time.perf_counter() - t
        done = sum(1 for a in articles if a.segments[0].english is not None or a.segments[0].flags)
        origin = sorted({a.segments[0].translated_by or "flagged" for a in articles})
    elif method == "argos":
        from argostranslate import translate as argos_translate

        class OurSplitter:
            def split_sentences(self, text: str) -> list[str]:
                return split_sentences(text, "ru")

        class Capped:
            """The package's CTranslate2 translator with the shared output limit applied."""

            def __init__(self, inner):
                self.inner = inner

            def translate_batch(self, *args, **kwargs):
                return self.inner.translate_batch(*args, max_decoding_length=MAX_TOKENS, **kwargs)

        t = time.perf_counter()
        translation = argos_translate.get_translation_from_codes("ru", "en")
        inner = translation.underlying  # CachedTranslation around the PackageTranslation
        inner.sentencizer = OurSplitter()
        import ctranslate2
        from argostranslate import settings as argos_settings

        inner.translator = Capped(ctranslate2.Translator(
            str(inner.pkg.package_path / "model"), device="cpu", inter_threads=argos_settings.inter_threads,
            intra_threads=argos_settings.intra_threads, compute_type=argos_settings.compute_type))
        limit = int(os.environ.get("BENCH_BASELINE_N") or len(paragraphs))
        paragraphs = paragraphs[:limit]
        sentences = [s for p in paragraphs for s in split_sentences(p, "ru")]
        outputs = [argos_translate.translate(p, "ru", "en") for p in paragraphs]
        seconds = time.perf_counter() - t
        done, origin = len(outputs), ["argos"]
    elif method == "ct2":
        import ctranslate2
        import sentencepiece as spm

        sp = spm.SentencePieceProcessor(model_file=str(packages / "translate-ru_en-bench" / "sentencepiece.model"))
        tokens = [sp.encode(s, out_type=str) for s in sentences]  # pre-tokenised: not timed
        t = time.perf_counter()
        model = ctranslate2.Translator(str(packages / "translate-ru_en-bench" / "model"), device="cpu",
                                       inter_threads=1, intra_threads=int(os.environ["ARGOS_INTRA_THREADS"]),
                                       compute_type="auto")
        results = model.translate_batch(tokens, max_batch_size=BATCH, batch_type="examples", beam_size=BEAM,
                                        length_penalty=0.2, replace_unknowns=True, max_decoding_length=MAX_TOKENS)
        outputs = [sp.decode_pieces(r.hypotheses[0]) for r in results]
        seconds = time.perf_counter() - t
        done, origin = len(outputs), ["ct2"]
    else:
        raise SystemExit(f"unknown method {method}")
    peak = peak_rss()
    return {"method": method, "seconds": seconds, "sentences": len(sentences), "paragraphs": len(paragraphs),
            "done": done, "origin": origin, "peak_bytes": peak}


def terms_alone(cache: Path) -> int:
    """The cache's rows written by the term-alone decoding (its own key): curated terms sent on their own."""
    import sqlite3

    from polyglot_news.translate.base import Decoding
    from polyglot_news.translate.terms import ALONE_BEAM, ALONE_MAX_TOKENS

    key = Decoding(beam_size=min(BEAM, ALONE_BEAM), max_output_tokens=min(MAX_TOKENS, ALONE_MAX_TOKENS)).key()
    with sqlite3.connect(cache) as db:
        return db.execute("SELECT COUNT(*) FROM translations WHERE model LIKE ?", (f"%|{key}%",)).fetchone()[0]


def run(method: str, packages: Path, inputs: Path, cache: Path, env: dict) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", method, "--packages", str(packages), "--inputs", str(inputs),
         "--cache", str(cache)],
        capture_output=True, text=True, env=env, timeout=3600,
    )
    if out.returncode != 0:
        raise SystemExit(f"{method} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def digest_modes(args, packages: Path, work: Path, env: dict) -> dict:
    """Whole digests of the news documents, summary-first against all: sentences sent and wall time."""
    docs = args.docs or (10 if args.quick else 80)
    pages = work / "pages.json"
    pages.write_text(json.dumps(news_pages(args.data, docs), ensure_ascii=False), encoding="utf-8")
    rows = {}
    for mode in ("summary", "all"):
        rows[mode] = run(f"digest-{mode}", packages, pages, work / f"digest-{mode}.sqlite3", env)
        print(f"  digest --translate {mode}: {rows[mode]['seconds']:.2f} s", flush=True)
    n = rows["all"]["paragraphs"]
    print(f"\n{n} Russian news documents as page dumps, whole digests (pipeline.digest_many), fresh cache each")
    print(f"{'mode':<12}{'sentences':>10}{'terms alone':>12}{'per article':>12}{'wall s':>9}{'s/article':>10}{'CPU s':>8}"
          f"{'English summaries':>19}")
    for mode in ("all", "summary"):
        r = rows[mode]
        print(f"{mode:<12}{r['sentences']:>10}{r['terms_alone']:>12}{r['sentences'] / n:>12.1f}{r['seconds']:>9.2f}"
              f"{r['seconds'] / n:>10.2f}{r['cpu_seconds']:>8.1f}{r['done']:>19}")
    ratio = rows["all"]["sentences"] / max(1, rows["summary"]["sentences"])
    speedup = rows["all"]["seconds"] / rows["summary"]["seconds"]
    print(f"summary mode: {ratio:.1f}x fewer sentences, {speedup:.1f}x less wall time")
    # the floor: "all" sends the title and every body sentence, "summary" at least the title and 3 sentences
    from polyglot_news.text.sentences import split_sentences

    texts = json.loads(pages.read_text(encoding="utf-8"))
    body = [sum(len(split_sentences(p, "ru")) for p in t.split("\n\n")[1:]) for t in texts]
    every, floor = sum(1 + b for b in body), sum(1 + min(3, b) for b in body)
    print(f"before any term alone: all {every / n:.1f}, summary at least {floor / n:.1f} sentences per article, "
          f"so at most {every / floor:.2f}x fewer\n", flush=True)
    return {
        "digest_documents": n,
        "summary_sentences_per_article": round(rows["summary"]["sentences"] / n, 2),
        "all_sentences_per_article": round(rows["all"]["sentences"] / n, 2),
        "summary_seconds_per_article": round(rows["summary"]["seconds"] / n, 3),
        "all_seconds_per_article": round(rows["all"]["seconds"] / n, 3),
        "summary_terms_alone": rows["summary"]["terms_alone"],
        "all_terms_alone": rows["all"]["terms_alone"],
        "summary_sentence_ratio": round(ratio, 2),
        "sentence_ratio_bound": round(every / floor, 2),  # title + body sentences over title + 3
        "summary_speedup": round(speedup, 2),
        # CPU time too: wall time on a shared machine depends on what else runs
        "summary_cpu_speedup": round(rows["all"]["cpu_seconds"] / rows["summary"]["cpu_seconds"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 paragraphs instead of 240, (b) on 3 of them.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="The shared data folder.")
    parser.add_argument("--n", type=int, default=None, help="Number of paragraphs.")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="CTranslate2 threads for every method (default: the machine's cores).")
    parser.add_argument("--baseline-n", type=int, default=None,
                        help="Run the slow (b) loop on only the first N paragraphs (rates are per sentence).")
    parser.add_argument("--only", choices=("engine", "digest"), default=None,
                        help="Run only the engine comparison (a, b, c, rerun) or only the digest modes.")
    parser.add_argument("--docs", type=int, default=None, help="News documents for the digest modes (default 80, --quick 10).")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--packages", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.packages, args.inputs, args.cache)))
        return
    if not (args.data / "dev" / "parallel" / "ru-en.jsonl").is_file():
        print(f"no parallel data under {args.data}: skipped")
        print("RESULT " + json.dumps({"skipped": True}))
        return
    n = args.n or (10 if args.quick else 240)
    if args.quick and args.baseline_n is None:
        args.baseline_n = 3
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    package = build_package(args.data, root)
    work = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    inputs = work / "paragraphs.json"
    inputs.write_text(json.dumps(paragraphs_of(args.data, n), ensure_ascii=False), encoding="utf-8")
    cache = work / "cache.sqlite3"
    # Argos reads its folders from the environment at import: point them at the bench's own
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(package.parent), XDG_DATA_HOME=str(work / "data"),
               XDG_CONFIG_HOME=str(work / "config"), ARGOS_DEVICE_TYPE="cpu",
               ARGOS_INTRA_THREADS=str(args.threads), BENCH_BASELINE_N=str(args.baseline_n or ""))
    result: dict = {}
    if args.only != "engine":
        result.update(digest_modes(args, package.parent, work, env))
    if args.only == "digest":
        print("RESULT " + json.dumps(result))
        return
    rows = {}
    for method in ("ct2", "ours", "rerun", "argos"):
        rows[method] = run(method, package.parent, inputs, cache, env)
        r = rows[method]
        print(f"  {method}: {r['seconds']:.2f} s", flush=True)
    a, b, c, rerun = rows["ours"], rows["argos"], rows["ct2"], rows["rerun"]
    rate = {k: r["sentences"] / r["seconds"] for k, r in rows.items()}
    print(f"\n{a['paragraphs']} Russian paragraphs, {a['sentences']} sentences; beam {BEAM}, <= {MAX_TOKENS} tokens out, int8, "
          f"Transformer-base shape, {VOCAB} vocabulary, {args.threads} thread(s)")
    print(f"{'method':<34}{'sentences':>10}{'seconds':>9}{'sent/s':>9}{'peak MB':>9}{'vs (c)':>8}")
    names = {"ours": "(a) polyglot-news to_english", "argos": "(b) argostranslate.translate loop",
             "ct2": "(c) ctranslate2 translate_batch", "rerun": "    (a) rerun with cache"}
    for k in ("ours", "argos", "ct2", "rerun"):
        r = rows[k]
        print(f"{names[k]:<34}{r['sentences']:>10}{r['seconds']:>9.2f}{rate[k]:>9.1f}{r['peak_bytes'] / 2**20:>9.0f}{rate[k] / rate['ct2']:>8.2f}")
    result = {
        **result,
        "paragraphs": a["paragraphs"],
        "sentences": a["sentences"],
        "baseline_sentences": b["sentences"],
        "speedup_vs_argos": round(rate["ours"] / rate["argos"], 2),
        "ratio_vs_ctranslate2": round(rate["ours"] / rate["ct2"], 3),
        "memory_ratio": round(a["peak_bytes"] / c["peak_bytes"], 3),
        "rerun_ratio": round(rerun["seconds"] / a["seconds"], 4),
        "sentences_per_s": {k: round(v, 2) for k, v in rate.items()},
        "rerun_origin": rerun["origin"],
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()

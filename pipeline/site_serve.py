"""``medloc serve``: preview one language with live reload.

The language's tree is rendered once, then MkDocs' live-reload server builds
and serves it from ``build/medloc/<lang>/mkdocs.yml`` and watches the
generated docs. medloc watches the inputs (docs/, locales/, the glossary, the
snippet files pages include) and re-renders the tree when one is saved; only
pages whose text changed are rewritten, MkDocs sees them and rebuilds, the
browser reloads.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .config import Config
from .errors import PipelineError
from .site import LanguageTree, render_language
from .site_mkdocs import cache_templates
from .site_plan import plan_build, status_rows
from .site_watch import Watcher


def serve_site(config: Config, *, lang: str | None = None, address: str = "127.0.0.1:8000") -> None:
    """Preview one language with live reload; re-render on PO, glossary or source changes."""
    from mkdocs.commands.serve import serve

    chosen = config.language(lang) if lang else config.source_language
    snippet_files: list[Path] = []

    def render() -> LanguageTree:
        plan = plan_build(config, langs=[chosen.code])
        tree = render_language(plan, chosen, status_rows(plan), link_sources=False)
        snippet_files[:] = [snippet.path for snippet in plan.snippets.files] if plan.snippets else []
        for diagnostic in (*plan.diagnostics, *tree.diagnostics):
            print(diagnostic, file=sys.stderr)
        return tree

    tree = render()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cache_templates(config.build_dir / "jinja-cache")
    _show_mkdocs_log()
    # Snippet files may live outside docs/ (includes/contact.md): watched one by one, not
    # by their base folder (a base of "." would watch build/ too, and re-render forever).
    watcher = Watcher(
        [config.docs_dir, config.locales_dir, config.glossary, *snippet_files],
        on_change=lambda: _rerender(render),
        assets=[config.docs_dir],
    )
    watcher.start()
    try:
        serve(config_file=str(tree.config_file), livereload=True, dev_addr=address)
    finally:
        watcher.stop()


def _show_mkdocs_log() -> None:
    """MkDocs' own messages ("Serving on ...", rebuilds, warnings) on stderr, as `mkdocs serve` shows them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _rerender(render: Callable[[], LanguageTree]) -> None:
    """Render again after a save; a problem is reported and the last good pages stay served.

    A file can vanish or be half-replaced between the event and the read (an editor's
    rename, a ``git checkout``): that is reported like bad input, and the next save renders again.
    """
    try:
        render()
    except PipelineError as exc:
        print(f"medloc serve: {exc}", file=sys.stderr)
    except OSError as exc:
        where = exc.filename or "a watched file"
        print(f"medloc serve: {where}: cannot be read now ({exc.strerror or exc}); the previous pages stay", file=sys.stderr)

"""The ``medloc`` command line: parse arguments, hand over to a stage, print.

Each command is a few lines: it imports its stage lazily, calls one function,
prints the result. Exit codes: 0 success, 1 a check found problems or something
is out of date (``--check``), 2 unusable input or configuration.
User errors (:class:`~pipeline.errors.PipelineError`) print as one
``path:line: message`` line; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import __version__
from .config import Config, load_config
from .errors import Diagnostic, ErrorList, PipelineError

Handler = Callable[[argparse.Namespace, Config], int]


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)


# --------------------------------------------------------------------------- commands


def cmd_import(args: argparse.Namespace, config: Config) -> int:
    from .importer import import_articles

    result = import_articles(
        [Path(p) for p in args.raw],
        out_dir=Path(args.out) if args.out else config.docs_dir,
        titles=args.title,
        manifest=Path(args.manifest) if args.manifest else None,
        lang=args.lang or config.source_language.code,
    )
    print_diagnostics(result.diagnostics)
    for path in result.written:
        print(path)
    return 0


def cmd_extract(args: argparse.Namespace, config: Config) -> int:
    from .extract import extract_project

    result = extract_project(
        config,
        docs_dir=Path(args.docs) if args.docs else None,
        templates_dir=Path(args.templates) if args.templates else None,
        check=args.check,
    )
    print_diagnostics(result.diagnostics)
    for line in result.report_lines():
        print(line)
    return 1 if args.check and result.out_of_date else 0


def cmd_translate(args: argparse.Namespace, config: Config) -> int:
    from .translate import translate_file

    result = translate_file(
        config, Path(args.source), lang=args.lang, po=Path(args.po) if args.po else None
    )
    print_diagnostics(result.diagnostics)
    sys.stdout.write(result.text)
    return 0


def cmd_init(args: argparse.Namespace, config: Config) -> int:
    from .catalogs import init_catalogs

    result = init_catalogs(config, args.languages)
    print_diagnostics(result.diagnostics)
    for line in result.report_lines():
        print(line)
    return 0


def cmd_update(args: argparse.Namespace, config: Config) -> int:
    from .catalogs import update_catalogs

    result = update_catalogs(
        config,
        langs=args.lang,
        mode="check" if args.check else "write",
        obsolete="prune" if args.prune_obsolete else "keep",
    )
    print_diagnostics(result.diagnostics)
    for line in result.report_lines():
        print(line)
    return 1 if args.check and result.out_of_date else 0


def cmd_merge(args: argparse.Namespace, config: Config) -> int:
    from .catalogs import merge_files

    result = merge_files(
        Path(args.definitions),
        Path(args.reference),
        output=Path(args.output),
        compendia=[Path(c) for c in args.compendium],
        settings=config.update,
    )
    print_diagnostics(result.diagnostics)
    for line in result.report_lines():
        print(line, file=sys.stderr)
    return 0


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r} is not between 0 and 100")
    return value


def cmd_stats(args: argparse.Namespace, config: Config) -> int:
    from .stats import collect_stats, format_stats

    table = collect_stats(config, langs=args.lang)
    sys.stdout.write(format_stats(table, fmt=args.format))
    if args.fail_under is None:
        return 0
    below = table.below(args.fail_under)
    for lang in below:
        print(f"{lang.language.code}: {lang.total.percent:g}% translated, under --fail-under {args.fail_under:g}%", file=sys.stderr)
    return 1 if below else 0


def cmd_check(args: argparse.Namespace, config: Config) -> int:
    from .checks import run_checks
    from .report import render_report

    result = run_checks(
        config,
        glossary=Path(args.glossary) if args.glossary else None,
        langs=args.lang,
        paths=[Path(p) for p in args.po],
        include_fuzzy=args.include_fuzzy,
    )
    if args.since:
        from .changes import changes_since

        result = result.only_changed(changes_since(args.since, zip(result.files, result.file_paths), root=config.root))
    print_diagnostics(result.diagnostics)
    fail_on = args.fail_on or config.check.fail_on
    sys.stdout.write(render_report(result, fmt=args.format, fail_on=fail_on))
    return 1 if result.fails(fail_on) else 0


def cmd_glossary(args: argparse.Namespace, config: Config) -> int:
    from . import glossary_io

    path = Path(args.glossary) if args.glossary else config.glossary
    if args.glossary_command == "export":
        sys.stdout.write(glossary_io.export_glossary(path, fmt=args.format, langs=args.lang))
        return 0
    if args.glossary_command == "import":
        result = glossary_io.import_tbx(Path(args.tbx), path)
        print_diagnostics(result.diagnostics)
        for line in result.report_lines():
            print(line)
        return 0
    from .glossary import load_glossary

    glossary = load_glossary(path, source_language=config.source_language.code)
    print(f"{config.relative(path)}: {len(glossary.terms)} terms, languages: {', '.join(glossary.languages())}")
    return 0


def cmd_memory(args: argparse.Namespace, config: Config) -> int:
    from .tmx import collect_units, format_tmx

    export = collect_units(config, args.lang)
    print_diagnostics(export.diagnostics)
    sys.stdout.write(format_tmx(export, source_lang=config.source_language.code))
    plurals = f", {export.plurals} plural entries left out" if export.plurals else ""
    print(f"memory: {len(export.units)} translation units{plurals}", file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace, config: Config) -> int:
    from .site import build_site

    result = build_site(config, langs=args.lang, strict=args.strict, progress=not args.quiet)
    print_diagnostics(result.diagnostics)
    for line in result.report_lines():
        print(line)
    return 1 if result.failed else 0


def cmd_serve(args: argparse.Namespace, config: Config) -> int:
    from .site_serve import serve_site

    serve_site(config, lang=args.lang, address=args.dev_addr)
    return 0


# --------------------------------------------------------------------------- parser


def _lang_option(parser: argparse.ArgumentParser, *, help_text: str) -> None:
    parser.add_argument("--lang", "-l", action="append", metavar="LANG", help=help_text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medloc",
        description="Multilingual pipeline for medical patient information (Markdown + gettext + MkDocs).",
    )
    parser.add_argument("--version", action="version", version=f"medloc {__version__}")
    parser.add_argument("--project", metavar="DIR", help="project root (default: nearest pyproject.toml with [tool.medloc])")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("import", help="turn raw scraped articles into clean Markdown sources")
    p.add_argument("raw", nargs="+", metavar="RAW.txt")
    p.add_argument("--out", "-o", metavar="DIR", help="output folder (default: the configured docs folder)")
    p.add_argument("--title", action="append", metavar="TITLE", help="article title; repeat once per input, in order")
    p.add_argument("--manifest", metavar="FILE", help="YAML manifest: raw file name -> title/slug")
    p.add_argument("--lang", metavar="LANG", help="language of the articles (default: source_language)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("extract", help="Markdown sources -> POT templates, one per article")
    p.add_argument("--docs", metavar="DIR", help="Markdown folder (default: docs_dir)")
    p.add_argument("--templates", metavar="DIR", help="template folder (default: templates_dir)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a template is out of date")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("translate", help="print an article rendered in a language (for debugging and tools)")
    p.add_argument("source", metavar="DOCS_FILE")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--lang", "-l", metavar="LANG")
    group.add_argument("--po", metavar="FILE.po", help="use this catalogue instead of the project's")
    p.set_defaults(handler=cmd_translate)

    p = sub.add_parser("init", help="create catalogues for new languages")
    p.add_argument("languages", nargs="+", metavar="LANG")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("update", help="merge templates into every catalogue (like msgmerge --previous)")
    _lang_option(p, help_text="only this language (repeatable)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a catalogue is out of date")
    p.add_argument("--prune-obsolete", action="store_true", help="drop obsolete #~ entries (lists what goes)")
    p.set_defaults(handler=cmd_update)

    p = sub.add_parser("merge", help="merge one PO with one POT, msgmerge argument order")
    p.add_argument("definitions", metavar="DEF.po")
    p.add_argument("reference", metavar="REF.pot")
    p.add_argument("-o", "--output", required=True, metavar="OUT.po")
    p.add_argument("-C", "--compendium", action="append", default=[], metavar="FILE")
    p.set_defaults(handler=cmd_merge, needs_project=False)

    p = sub.add_parser("stats", help="translation progress per language and article")
    _lang_option(p, help_text="only this language (repeatable)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--fail-under", type=_percent, metavar="PERCENT",
                   help="exit 1 if a language is less than PERCENT translated (a release gate in CI)")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("check", help="terminology and QA checks on translations")
    p.add_argument("po", nargs="*", metavar="PO", help="PO files (default: every catalogue of the project)")
    p.add_argument("--glossary", metavar="FILE")
    _lang_option(p, help_text="only this language (repeatable)")
    p.add_argument("--format", choices=["text", "json", "sarif", "junit"], default="text")
    p.add_argument("--fail-on", choices=["error", "warning"], default=None)
    p.add_argument("--include-fuzzy", action="store_true", help="check fuzzy entries too")
    p.add_argument("--since", metavar="REF", help="only entries new or changed since this git revision "
                   "(a pull request's base, e.g. origin/main); the other findings are counted, not shown")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("glossary", help="validate, export or import the glossary")
    p.add_argument("--glossary", metavar="FILE")
    gsub = p.add_subparsers(dest="glossary_command", metavar="ACTION")
    g = gsub.add_parser("export", help="write the glossary as TBX-Basic or CSV to stdout")
    g.add_argument("--format", choices=["tbx", "csv"], default="tbx")
    _lang_option(g, help_text="only this language (repeatable)")
    g = gsub.add_parser("import", help="merge a TBX-Basic or CSV file into the glossary")
    g.add_argument("tbx", metavar="FILE.tbx|FILE.csv")
    gsub.add_parser("lint", help="validate the glossary (default action)")
    p.set_defaults(handler=cmd_glossary)

    p = sub.add_parser("memory", help="export the translation memory (TMX) for CAT tools")
    msub = p.add_subparsers(dest="memory_command", metavar="ACTION", required=True)
    m = msub.add_parser("export", help="write every translated pair as TMX 1.4b to stdout")
    _lang_option(m, help_text="only this target language (repeatable)")
    p.set_defaults(handler=cmd_memory)

    p = sub.add_parser("build", help="build the localised site into site/")
    _lang_option(p, help_text="only this language (repeatable)")
    p.add_argument("--strict", action="store_true", help="warnings (broken links, anchors) fail the build")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress display")
    p.set_defaults(handler=cmd_build)

    p = sub.add_parser("serve", help="preview one language with live reload")
    p.add_argument("--lang", "-l", default=None, metavar="LANG")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    p.set_defaults(handler=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(Path(args.project) if args.project else None)
        return int(args.handler(args, config))
    except PipelineError as exc:
        shown = str(exc)
        print(shown if exc.location is not None or isinstance(exc, ErrorList) else f"medloc: {shown}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("medloc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

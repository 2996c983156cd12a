"""The ``mujaz`` command: run the analysis on one file, outside Pelican.

    mujaz annotate content/2024-11-14-nato-china-north-korea.ar.md
    mujaz annotate article.txt --lang ar --format text
    mujaz import saved-page.html --lang ar --title "…" --slug nato-china --date 2024-11-14
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from briefs.analysis.entities import (
    EntitiesFileError,
    Gazetteer,
    default_gazetteer,
    load_site_entities,
    site_gazetteer,
)
from briefs.analysis.model import Document
from briefs.analysis.pipeline import OVERRIDE_KEYS, analyse_brief
from briefs.importer import ImportRequest, write_brief
from briefs.sources import ContentFileError, read_content_file


def annotate_file(path: Path, lang: str | None = None,
                  gazetteer: Gazetteer | None = None) -> tuple[Document, list[str]]:
    """Analyse one content file as the site build would; return it and override warnings."""
    content = read_content_file(path)
    overrides = {key: content.metadata.get(key) for key in OVERRIDE_KEYS}
    return analyse_brief(content.body, lang=lang or content.lang or "ar", title=content.title,
                         overrides=overrides, gazetteer=gazetteer)


def gazetteer_for(path: Path, entities: Path | None) -> Gazetteer:
    """Return the gazetteer with the editors' file: ``--entities``, or entities.yml beside PATH."""
    candidate = entities or path.parent / "entities.yml"
    if entities is None and not candidate.is_file():
        return default_gazetteer()
    return site_gazetteer(load_site_entities(candidate))


def render_text(document: Document) -> str:
    """Return a human-readable summary of an analysed document."""
    lines = [f"{document.title or '(no title)'}  [{document.lang}, {document.direction}]"]
    if document.dateline:
        agency = f" ({document.dateline.agency})" if document.dateline.agency else ""
        lines.append(f"dateline: {document.dateline.place}{agency}")
    if document.boilerplate:
        lines.append(f"boilerplate removed: {' | '.join(document.boilerplate)}")
    lines.append(f"quotes: {len(document.quotes)}")
    for quote in document.quotes:
        kind = "fragment" if quote.fragment else (quote.speaker or "no speaker")
        cue = f" <{quote.cue}>" if quote.cue else ""
        lines.append(f"  [{quote.start}:{quote.end}] {kind}{cue}: {quote.text}")
    lines.append(f"entities: {len(document.entities)}")
    for entity in document.entities:
        lines.append(f"  {entity.type}: {entity.name} ×{len(entity.mentions)}")
    return "\n".join(lines)


def _annotate(arguments: argparse.Namespace) -> int:
    try:
        gazetteer = gazetteer_for(arguments.path, arguments.entities)
        document, warnings = annotate_file(arguments.path, arguments.lang, gazetteer)
    except (ContentFileError, EntitiesFileError) as error:
        print(f"mujaz annotate: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"mujaz annotate: {error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"mujaz annotate: {arguments.path}: {warning}", file=sys.stderr)
    if arguments.format == "json":
        json.dump(document.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render_text(document))
    return 0


def _import(arguments: argparse.Namespace) -> int:
    request = ImportRequest(
        source_path=arguments.path,
        content_dir=arguments.content,
        lang=arguments.lang,
        title=arguments.title,
        date=arguments.date,
        slug=arguments.slug,
        source=arguments.source or "",
        dateline=arguments.dateline or "",
    )
    try:
        target = write_brief(request)
    except ContentFileError as error:
        print(f"mujaz import: {error}", file=sys.stderr)
        return 1
    print(target)
    return 0


def _datetime(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        msg = f"{value!r} is not a date such as 2024-11-14 or 2024-11-14T10:00"
        raise argparse.ArgumentTypeError(msg) from error


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``mujaz`` command."""
    parser = argparse.ArgumentParser(prog="mujaz", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    annotate = commands.add_parser(
        "annotate", help="analyse one content file (.md or .txt) and print what was found")
    annotate.add_argument("path", type=Path, help="a Markdown brief or a plain-text article")
    annotate.add_argument("--format", choices=("json", "text"), default="json")
    annotate.add_argument("--lang", help="language of a file with no Lang metadata (default ar)")
    annotate.add_argument("--entities", type=Path,
                          help="the editors' entity file (default: entities.yml beside PATH)")
    annotate.set_defaults(handler=_annotate)
    importer = commands.add_parser(
        "import", help="bring a plain-text article or a saved web page into content/ as a brief")
    importer.add_argument("path", type=Path, help="a .txt article or a saved .html page")
    importer.add_argument("--title", required=True)
    importer.add_argument("--slug", required=True, help="short ASCII name of the brief's URL")
    importer.add_argument("--lang", default="ar")
    importer.add_argument("--date", type=_datetime, required=True,
                          help="publication date, ISO 8601 (2024-11-14 or 2024-11-14T10:00)")
    importer.add_argument("--source", help="the agency or outlet, e.g. وكالة فرانس برس")
    importer.add_argument("--dateline", help="the place of the dateline, e.g. بروكسل")
    importer.add_argument("--content", type=Path, default=Path("content"),
                          help="the content folder (default: content)")
    importer.set_defaults(handler=_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mujaz`` command."""
    arguments = build_parser().parse_args(argv)
    return arguments.handler(arguments)


if __name__ == "__main__":
    sys.exit(main())

"""The ``mujaz`` command: run the analysis on one file, outside Pelican.

    mujaz annotate content/2024-11-14-nato-china-north-korea.ar.md
    mujaz annotate article.txt --lang ar --format text
    pbpaste | mujaz annotate - --kind txt
    mujaz import saved-pages/ https://example.org/news/1 --content content
    mujaz analyse content --workers 8
    mujaz review content
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from briefs.analysis.entities import (
    EntitiesFileError,
    Gazetteer,
    default_gazetteer,
    load_site_entities,
    site_gazetteer,
)
from briefs.analysis.entities.recognise import Explanation, explain
from briefs.analysis.model import Document
from briefs.analysis.pipeline import DEFAULT_CONFIG, OVERRIDE_KEYS, analyse_brief
from briefs.cli import analyse as analyse_command
from briefs.cli import importer as importer_command
from briefs.cli import review as review_command
from briefs.cli.sources import (
    KINDS,
    ContentFile,
    ContentFileError,
    read_content_file,
    read_content_stream,
)

#: The PATH that means standard input, and its name in messages.
STDIN = Path("-")
STDIN_NAME = Path("<stdin>")


def annotate_content(content: ContentFile, lang: str | None = None,
                     gazetteer: Gazetteer | None = None) -> tuple[Document, list[str]]:
    """Analyse one article (a file or standard input) as the site build would.

    Returns the document and the warnings of its ``Quote_*`` overrides.
    """
    overrides = {key: content.metadata.get(key) for key in OVERRIDE_KEYS}
    return analyse_brief(content.body, lang=lang or content.lang or "ar", title=content.title,
                         overrides=overrides, gazetteer=gazetteer)


def gazetteer_for(path: Path | None, entities: Path | None) -> Gazetteer:
    """Return the gazetteer with the editors' file: ``--entities``, or entities.yml beside PATH.

    A file given with ``--entities`` must exist: a typo would otherwise give a silently
    different analysis. Standard input (``path`` None) has no "beside": only ``--entities``.
    """
    if entities is not None:
        if not entities.exists():
            raise EntitiesFileError(entities, 0, "no such file",
                                    "give the path of the editors' entities.yml")
        return site_gazetteer(load_site_entities(entities))
    beside = None if path is None else path.parent / "entities.yml"
    if beside is None or not beside.exists():
        return default_gazetteer()
    return site_gazetteer(load_site_entities(beside))


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


def render_explanations(document: Document, explanations: Sequence[Explanation]) -> str:
    """Return why each speaker and each name is what it is: the attribution rule, its
    confidence and the words that named the speaker; the rules that made or unmade names."""
    lines = ["why the speakers:"]
    for quote in document.quotes:
        if quote.fragment:
            continue
        named = (f" named by «{quote.speaker_mention.slice(document.text)}»"
                 if quote.speaker_mention else "")
        sure = f" ({quote.confidence:.2f})" if quote.confidence is not None else ""
        lines.append(f"  [{quote.start}:{quote.end}] {quote.speaker or 'no speaker'} ← "
                     f"{quote.sieve or 'no rule'}{sure}{named}")
    lines.append("why the names (rules over the tagger's spans; the rest is the tagger's "
                 "or a gazetteer's):")
    lines += [f"  [{e.start}:{e.end}] {e.rule} {e.action} {e.type}: {e.text}"
              for e in explanations]
    return "\n".join(lines)


def _annotate(arguments: argparse.Namespace) -> int:
    """Print one file's analysis; any failure is one line naming the file, and status 1."""
    from_stdin = arguments.path == STDIN
    name = STDIN_NAME if from_stdin else arguments.path
    try:
        gazetteer = gazetteer_for(None if from_stdin else arguments.path, arguments.entities)
        if from_stdin:
            content = read_content_stream(sys.stdin.buffer, arguments.kind, STDIN_NAME)
        else:
            content = read_content_file(arguments.path, arguments.kind)
        document, warnings = annotate_content(content, arguments.lang, gazetteer)
        why = (explain(document.text[:DEFAULT_CONFIG.max_analysed_chars], lang=document.lang,
                       gazetteer=gazetteer) if arguments.explain else None)
        if arguments.format == "json":
            data = document.to_json()
            if why is not None:
                data["explanations"] = [asdict(item) for item in why]
            output = json.dumps(data, ensure_ascii=False, indent=2)
        else:
            output = render_text(document)
            if why is not None:
                output += "\n" + render_explanations(document, why)
    except (ContentFileError, EntitiesFileError) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{error.filename or name}: {error.strerror or error}")
    except Exception as error:  # noqa: BLE001 - any text gives an analysis or a clear error
        return _fail(f"{name}: the analysis failed: {type(error).__name__}: {error}")
    for warning in warnings:
        print(f"mujaz annotate: {name}: {warning}", file=sys.stderr)
    print(output)
    return 0


def _fail(message: str) -> int:
    """Print an error as one line (a message may quote text with line breaks); return 1."""
    print(f"mujaz annotate: {' '.join(message.split())}", file=sys.stderr)
    return 1


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``mujaz`` command."""
    parser = argparse.ArgumentParser(prog="mujaz", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    annotate = commands.add_parser(
        "annotate", help="analyse one content file (.md or .txt) and print what was found")
    annotate.add_argument("path", type=Path,
                          help="a Markdown brief or a plain-text article; - reads standard input")
    annotate.add_argument("--format", choices=("json", "text"), default="json")
    annotate.add_argument("--kind", choices=KINDS,
                          help="md (Pelican metadata and Markdown) or txt (a plain article); "
                               "default: from the suffix, or for - md when the text opens "
                               "with a Title: metadata line")
    annotate.add_argument("--lang", help="language of a file with no Lang metadata (default ar)")
    annotate.add_argument("--explain", action="store_true",
                          help="also say why: each speaker's rule and the rules behind each name")
    annotate.add_argument("--entities", type=Path,
                          help="the editors' entity file (default: entities.yml beside PATH)")
    annotate.set_defaults(handler=_annotate)
    importer = commands.add_parser(
        "import", help="bring saved pages, addresses or a feed's items into content/ as briefs")
    importer_command.add_arguments(importer)
    importer.set_defaults(handler=importer_command.command)
    analyse = commands.add_parser(
        "analyse", help="fill the analysis cache of a content folder (no page is written)")
    analyse_command.add_arguments(analyse)
    analyse.set_defaults(handler=analyse_command.command)
    review = commands.add_parser(
        "review", help="the review desk: correct quotes and entities in a local web page")
    review_command.add_arguments(review)
    review.set_defaults(handler=review_command.command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mujaz`` command."""
    arguments = build_parser().parse_args(argv)
    return arguments.handler(arguments)


if __name__ == "__main__":
    sys.exit(main())

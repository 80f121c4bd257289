"""The click command group; the only module that prints or exits.

Exit codes: 0 ok, 1 a check found missing elements, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from . import facts as facts_mod
from .errors import NoticegenError
from .files import write_atomic
from .kinds import KINDS
from .resources import data_dir


def _fail(exc: NoticegenError) -> None:
    click.echo(str(exc), err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="noticegen")
def main() -> None:
    """Turn the facts of a health-data breach into the notices HIPAA requires (45 CFR 164.400-414)."""


@main.command()
@click.argument("facts_file", type=click.Path(dir_okay=False))
def validate(facts_file: str) -> None:
    """Check a facts file; list every problem as FILE:LINE: field: message."""
    warned: list[str] = []
    try:
        facts = facts_mod.load_facts(facts_file, release=True, warned=warned)
    except NoticegenError as exc:
        _fail(exc)
    for warning in warned:
        click.echo(warning, err=True)
    click.echo(f"{facts_file}: ok ({facts.covered_entity.name}, {facts.affected.total:,} affected)")


@main.command()
def schema() -> None:
    """Print the JSON Schema of a facts file (for editors)."""
    click.echo(json.dumps(facts_mod.json_schema(), indent=2))


@main.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init(path: str | None, force: bool) -> None:
    """Write a commented starter facts file to PATH (or print it)."""
    text = (data_dir("templates") / "starter-facts.yaml").read_text(encoding="utf-8")
    if path is None:
        click.echo(text, nl=False)
        return
    if Path(path).exists() and not force:
        click.echo(f"{path}: already exists; pass --force to overwrite it", err=True)
        sys.exit(2)
    write_atomic(path, text)
    click.echo(f"wrote {path}: fill in every <...> value, then run `noticegen validate {path}`")


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        click.echo(f"{option}: {value!r} is not a date; write it as YYYY-MM-DD", err=True)
        sys.exit(2)


@main.command("plan")
@click.argument("facts_file", type=click.Path(dir_okay=False))
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Plan as of this date (default: today).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def plan_command(facts_file: str, as_of: str | None, fmt: str) -> None:
    """Which notices are owed, to whom, by when, and why."""
    from .plan import format_table, plan, plan_to_json

    day = _date(as_of, "--as-of") or dt.date.today()
    try:
        facts = facts_mod.load_facts(facts_file)
        result = plan(facts, as_of=day)
    except NoticegenError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps(plan_to_json(result), indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(result), nl=False)


@main.command("render")
@click.argument("facts_file", type=click.Path(dir_okay=False))
@click.option("--notice", "kinds", multiple=True, metavar="KIND",
              help="Only this notice kind (repeatable); default: everything the plan requires.")
@click.option("--locale", "locales", multiple=True, metavar="LOCALE", help="Only this locale (repeatable).")
@click.option("--format", "formats", multiple=True,
              type=click.Choice(["docx", "md", "html", "eml", "json", "csv"]), help="Only this format (repeatable).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True),
              help="Your template folder; its files win over the bundled ones.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Plan as of this date (default: today).")
@click.option("--draft", is_flag=True, help="Render even an incomplete notice, watermarked DRAFT, report appended; "
              "and notices in locales whose translation is not reviewed, watermarked 'translation not reviewed'.")
@click.option("--preview/--no-preview", default=False, help="Also write a PNG of page 1 of each DOCX (needs LibreOffice).")
@click.option("--roster", "roster_file", type=click.Path(dir_okay=False),
              help="CSV of the affected individuals: also write each one's letter or email, and the "
                   "business associate's identification enclosure.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="With --roster: processes writing copies (default: the cores).")
@click.option("--package", "package", is_flag=True,
              help="With --roster: also write the print vendor's package and a print file per letter variant.")
def render_command(facts_file, kinds, locales, formats, out_dir, templates_dir, as_of, draft, preview,
                   roster_file, workers, package) -> None:
    """Render the notices the plan requires into OUTPUT/<locale>/<kind>.<ext>."""
    from .errors import CheckFailed
    from .notice_set import notice_set
    from .plan import plan

    day = _date(as_of, "--as-of") or dt.date.today()
    try:
        facts = facts_mod.load_facts(facts_file, release=True)
        result = plan(facts, as_of=day)
        roster = None
        if roster_file:
            from .roster import compare_with_facts, read_roster

            roster = read_roster(roster_file)
            for warning in compare_with_facts(roster, facts):
                click.echo(f"roster: {warning}", err=True)
        if kinds:
            unknown = [k for k in kinds if k not in _KNOWN_KINDS]
            if unknown:
                raise facts_mod.FactsError([f"--notice: {unknown[0]!r} is not a notice kind; one of: "
                                            f"{', '.join(_KNOWN_KINDS)}"])
        bad_locales = [loc for loc in locales if loc not in facts.notices.locales]
        if bad_locales:
            raise facts_mod.FactsError([f"--locale: {bad_locales[0]!r} is not in the facts' notices.locales "
                                        f"({', '.join(facts.notices.locales)})"])
        if not result.breach:
            click.echo(f"no notices: {result.determination}")
            return
        owed = {("hhs" if o.kind.startswith("hhs_") else o.kind) for o in result.obligations}
        not_owed = [k for k in kinds if k not in owed]
        if not_owed:
            raise facts_mod.FactsError([f"--notice: the plan does not call for {not_owed[0]}; it calls "
                                        f"for: {', '.join(sorted(owed))} (see `noticegen plan`)"])
        made = notice_set(facts, result, kinds=kinds or None, locales=locales or None,
                          formats=formats or None, templates=Path(templates_dir) if templates_dir else None,
                          draft=draft)
    except CheckFailed as exc:
        for report in exc.reports:
            click.echo(report.to_table(), err=True)
            click.echo("", err=True)
        click.echo(f"{exc}; fix the template or facts, or pass --draft for a watermarked working copy", err=True)
        sys.exit(1)
    except NoticegenError as exc:
        _fail(exc)
    if not made.outputs:
        click.echo("nothing to render for that selection", err=True)
        sys.exit(2)
    root = Path(out_dir)
    written = [write_atomic(root / output.path, output.content) for output in made.outputs]
    for path in written:
        click.echo(str(path))
    failed = 0
    if roster is not None:
        if any(o.kind == "business_associate" for o in result.obligations):
            from .mailing import identification_csv

            click.echo(str(write_atomic(root / "business_associate.enclosure.csv", identification_csv(roster, facts))))
        from .mail.variants import build_variants

        try:
            variants = build_variants(facts, made.notices, formats=formats or None)
        except NoticegenError as exc:
            _fail(exc)
        failed = _mail_merge(variants, roster, root,
                             locales=tuple(facts.notices.locales), workers=workers, package=package)
    if preview:
        from .preview import preview_pngs

        letters = [p for p in written if p.suffix == ".docx" and p.stem in ("individual", "next_of_kin")]
        try:
            for path in preview_pngs(letters):
                click.echo(str(path))
        except NoticegenError as exc:
            click.echo(f"no preview: {exc}", err=True)
    drafts = [r for r in made.reports if not r.ok]
    if drafts:
        click.echo(f"{len(drafts)} notice(s) rendered as DRAFT: required content is missing", err=True)
    if made.unreviewed:
        click.echo(f"{', '.join(r.locale for r in made.unreviewed)}: rendered as DRAFT, translation not reviewed "
                   "(README, Languages)", err=True)
    if failed:
        sys.exit(1)


_KNOWN_KINDS = (*KINDS, "hhs")


class _Progress:
    """A progress bar on a terminal (tqdm), else a plain count line at each tenth of the roster."""

    def __init__(self, total: int, what: str):
        self.total, self.what, self.done, self.step = total, what, 0, max(1, total // 10)
        self.bar = None
        if sys.stderr.isatty():
            import shutil

            from tqdm import tqdm

            size = shutil.get_terminal_size()  # a terminal that reports no size (0 x 0) gets 80 x 24, not no bar
            self.bar = tqdm(total=total, unit=" rows", unit_scale=True, desc=what, file=sys.stderr, leave=True,
                            ncols=size.columns, nrows=size.lines)

    def update(self, count: int) -> None:
        before, self.done = self.done, self.done + count
        if self.bar is not None:
            self.bar.update(count)
        elif self.done // self.step != before // self.step or self.done == self.total:
            click.echo(f"{self.what}: {self.done:,} of {self.total:,} rows", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


_ROUTE_NAMES = {"letter": "letters by first-class mail", "email": "emails", "next_of_kin": "letters to next of kin"}


def _mail_merge(variants: dict, roster, root: Path, *, locales: tuple[str, ...], workers: int | None,
                package: bool, dask_address: str | None = None) -> int:
    """Write each recipient's copy and the manifest, print counts (never a recipient); the number that failed."""
    from .mail.manifest import Manifest
    from .mail.run import CHUNK, default_workers, run, tally

    workers = max(1, min(workers or default_workers(), -(-roster.count // CHUNK)))
    progress = _Progress(roster.count, "copies")
    try:
        if dask_address:
            from .mail.cluster import run_on_dask

            outcome = run_on_dask(roster, variants, root, locales=locales, address=dask_address,
                                  progress=progress.update)
        else:
            outcome = run(roster, variants, root, locales=locales, workers=workers, progress=progress.update)
    except NoticegenError as exc:
        _fail(exc)
    finally:
        progress.close()
    with Manifest(root / "manifest.sqlite") as manifest:
        by_route, by_variant = tally(manifest)
    routes = {r: n for (r, status), n in by_route.items() if status == "written"}
    for route in ("letter", "email", "next_of_kin"):
        if routes.get(route):
            click.echo(f"roster: {routes[route]:,} {_ROUTE_NAMES[route]}")
    nothing = {r: n for (r, status), n in by_route.items() if status == "no_copy"}
    if nothing.get("no_next_of_kin"):
        click.echo(f"roster: {nothing['no_next_of_kin']:,} deceased without a next-of-kin address "
                   "(no notice owed, 164.404(d)(2))")
    if nothing.get("unreachable"):
        click.echo(f"roster: {nothing['unreachable']:,} without usable contact information "
                   "(covered by substitute notice)")
    for variant, n in sorted(by_variant.items()):
        click.echo(f"roster: {variant}: {n:,}")
    skipped = sum(n for (_, status), n in by_route.items() if status == "not_rendered")
    if skipped:
        click.echo(f"roster: {skipped:,} copies not made: their notice was not rendered (see --format, --locale)")
    if outcome.reused:
        click.echo(f"roster: {outcome.reused:,} copies already written by an earlier run, kept")
    click.echo(f"roster: manifest {root / 'manifest.sqlite'}")
    if package:
        from .mail.package import write_package

        for path in write_package(root, variants, roster, locales=locales):
            click.echo(str(path))
    failed = sum(n for (_, status), n in by_route.items() if status == "failed")
    if failed:
        for problem in outcome.problems:
            click.echo(problem, err=True)
        if failed > len(outcome.problems):
            click.echo(f"... and {failed - len(outcome.problems):,} more (the manifest lists each)", err=True)
        click.echo(f"{failed:,} {'person' if failed == 1 else 'people'} got no copy: a field their notice uses is "
                   "blank in the roster; fill those cells and run the same command again", err=True)
    return failed


@main.command("mail")
@click.argument("facts_file", type=click.Path(dir_okay=False))
@click.option("--roster", "roster_file", required=True, type=click.Path(dir_okay=False),
              help="CSV of the affected individuals.")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
@click.option("--locale", "locales", multiple=True, metavar="LOCALE", help="Only this locale (repeatable).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["docx", "eml"]),
              help="Only letters (docx) or only emails (eml); default both.")
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True),
              help="Your template folder; its files win over the bundled ones.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Plan as of this date (default: today).")
@click.option("--workers", type=click.IntRange(min=1), metavar="N", help="Processes writing copies (default: the cores).")
@click.option("--package", "package", is_flag=True, help="Also write the print vendor's package and the print files.")
@click.option("--dask", "dask_address", metavar="SCHEDULER",
              help="Run roster partitions on this Dask scheduler (host:port), or 'local' for a LocalCluster.")
@click.option("--draft", is_flag=True,
              help="Also make copies in locales whose translation is not reviewed, watermarked 'translation not "
                   "reviewed' (working copies: do not mail them).")
def mail_command(facts_file, roster_file, out_dir, locales, formats, templates_dir, as_of, workers, package,
                 dask_address, draft) -> None:
    """Each person's letter or email from a roster, with a manifest; run it again to resume."""
    from .mail.prepare import BuildFailed, variants_in_child
    from .roster import compare_with_facts, read_roster

    day = _date(as_of, "--as-of") or dt.date.today()
    try:
        roster = read_roster(roster_file)
        prepared = variants_in_child(facts_file, as_of=day, templates=templates_dir, locales=locales or None,
                                     formats=formats or None, draft_translations=draft)
        facts = facts_mod.load_facts(facts_file, release=True)  # no copies dated inside a law-enforcement hold
    except BuildFailed as exc:
        for table in exc.tables:
            click.echo(table, err=True)
            click.echo("", err=True)
        click.echo(str(exc), err=True)
        sys.exit(1 if exc.tables else 2)
    except NoticegenError as exc:
        _fail(exc)
    if prepared.determination:
        click.echo(f"no notices: {prepared.determination}")
        return
    for warning in compare_with_facts(roster, facts):
        click.echo(f"roster: {warning}", err=True)
    root = Path(out_dir)
    if prepared.business_associate:
        from .mailing import identification_csv

        click.echo(str(write_atomic(root / "business_associate.enclosure.csv", identification_csv(roster, facts))))
    failed = _mail_merge(prepared.variants, roster, root, locales=prepared.locales, workers=workers, package=package,
                         dask_address=dask_address)
    sys.exit(1 if failed else 0)


@main.command("send")
@click.argument("out_dir", type=click.Path(file_okay=False, exists=True))
@click.option("--host", required=True, help="The SMTP server (your mail relay).")
@click.option("--port", type=click.IntRange(1, 65535), default=587, show_default=True)
@click.option("--insecure-local", is_flag=True,
              help="No STARTTLS: only for a relay on this machine (127.0.0.1, ::1, localhost).")
@click.option("--ca-file", type=click.Path(dir_okay=False, exists=True),
              help="Trust this CA bundle for the server's certificate (default: the system's).")
@click.option("--rate", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              help="At most this many messages a second.")
@click.option("--retries", type=click.IntRange(min=0), default=5, show_default=True,
              help="Retries of a message after a temporary failure, with doubling back-off.")
def send_command(out_dir, host, port, insecure_local, ca_file, rate, retries) -> None:
    """Send the mailing's emails over SMTP, recording each accepted message in the manifest (a re-run never sends
    twice). Credentials: NOTICEGEN_SMTP_USER and NOTICEGEN_SMTP_PASSWORD."""
    from .mail.send import Server, send

    server = Server(host, port, insecure_local=insecure_local, ca_file=ca_file)
    try:
        outcome = send(out_dir, server, rate=rate, retries=retries)
    except NoticegenError as exc:
        _fail(exc)
    click.echo(f"sent {outcome.sent:,} email{'' if outcome.sent == 1 else 's'}; {outcome.already:,} sent by an "
               f"earlier run; {outcome.retries:,} retr{'y' if outcome.retries == 1 else 'ies'}")
    for line in outcome.refused:
        click.echo(f"not sent: {line}", err=True)
    if outcome.refused:
        click.echo(f"{len(outcome.refused):,} email(s) not sent; see the manifest's smtp_reply, then run send again",
                   err=True)
        sys.exit(1)


@main.command("check")
@click.argument("notice_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--facts", "facts_file", type=click.Path(dir_okay=False), help="Also confirm these facts appear.")
@click.option("--kind", type=click.Choice(_KNOWN_KINDS[:-1]), help="The notice kind (default: from the file, else individual).")
@click.option("--locale", help="The notice's locale (default: from the file, else en_US).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def check_command(notice_file: str, facts_file: str | None, kind: str | None, locale: str | None, fmt: str) -> None:
    """Check a notice file (DOCX, PDF, HTML, Markdown, text or .eml), ours or anyone's, for every element the
    rule requires; the report quotes the sentences each judgement relied on."""
    from .check import check
    from .readers import read_path

    try:
        facts = facts_mod.load_facts(facts_file) if facts_file else None
        notice = read_path(Path(notice_file), kind=kind, locale=locale)
        report = check(notice, facts, kind=kind or (notice.kind if notice.kind != "unknown" else "individual"))
    except NoticegenError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.to_table())
    sys.exit(0 if report.ok else 1)


@main.group("translations")
def translations_group() -> None:
    """The facts' free text for translators: export a PO file, import it back (README, Languages)."""


@translations_group.command("export")
@click.argument("facts_file", type=click.Path(dir_okay=False))
@click.option("--locale", required=True, metavar="LOCALE", help="The language to translate into (vi, zh_Hant, ...).")
@click.option("-o", "--output", "out_file", required=True, type=click.Path(dir_okay=False),
              help="The file to write: .po (PO) or .xlf (XLIFF 1.2).")
def translations_export(facts_file: str, locale: str, out_file: str) -> None:
    """Write a PO (.po) or XLIFF 1.2 (.xlf) file of the facts' English free text (summary, steps, hours...),
    prefilled with the translation there is; translators open it in Poedit, Weblate or a CAT tool."""
    from .lang.facts_po import export_po

    suffix = Path(out_file).suffix.lower()
    if suffix not in (".po", ".xlf", ".xliff"):
        click.echo(f"{out_file}: write a .po or an .xlf (XLIFF 1.2) file", err=True)
        sys.exit(2)
    try:
        facts = facts_mod.load_facts(facts_file)
        if suffix == ".po":
            text = export_po(facts, locale, facts_name=Path(facts_file).name)
        else:
            from .lang.facts_xliff import export_xliff

            text = export_xliff(facts, locale, facts_name=Path(facts_file).name)
    except NoticegenError as exc:
        _fail(exc)
    click.echo(str(write_atomic(out_file, text)))


@translations_group.command("import")
@click.argument("facts_file", type=click.Path(dir_okay=False, exists=True))
@click.argument("po_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--locale", metavar="LOCALE", help="The PO file's language (default: its header).")
def translations_import(facts_file: str, po_file: str, locale: str | None) -> None:
    """Write a translated PO or XLIFF file back into the facts file's translations block, with its review
    state (fuzzy entries: draft; PO header X-Review-Status: reviewed with X-Reviewed-By, or an XLIFF review
    phase naming its contact: reviewed)."""
    from .lang.facts_po import import_po

    if Path(po_file).suffix.lower() not in (".po", ".xlf", ".xliff"):
        click.echo(f"{po_file}: read a .po or an .xlf (XLIFF 1.2) file", err=True)
        sys.exit(2)
    try:
        text, done = import_po(Path(facts_file), Path(po_file), locale=locale)
    except NoticegenError as exc:
        _fail(exc)
    write_atomic(facts_file, text)
    kept = f"; kept the existing {', '.join(done.kept)} (empty in the file)" if done.kept else ""
    click.echo(f"{facts_file}: translations.{done.locale}: {done.fields} field(s), {done.review['status']}{kept}")


@main.command("hhs")
@click.argument("facts_file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "md"]), default="md", show_default=True)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Plan as of this date (default: today).")
def hhs_command(facts_file: str, fmt: str, as_of: str | None) -> None:
    """The HHS breach portal's fields, in the wizard's order, with its exact option strings."""
    from . import hhs
    from .plan import plan

    day = _date(as_of, "--as-of") or dt.date.today()
    try:
        facts = facts_mod.load_facts(facts_file)
        fields = hhs.portal_fields(facts, plan=plan(facts, as_of=day))
    except NoticegenError as exc:
        _fail(exc)
    writer = {"json": hhs.to_json, "csv": hhs.to_csv, "md": hhs.to_markdown}[fmt]
    click.echo(writer(fields), nl=False)


@main.command("roster")
@click.argument("roster_file", type=click.Path(dir_okay=False))
@click.option("--facts", "facts_file", type=click.Path(dir_okay=False), help="Compare the roster's counts with these facts.")
def roster_command(roster_file: str, facts_file: str | None) -> None:
    """Check a roster CSV; print its counts (never a person) and how they differ from the facts."""
    from .roster import compare_with_facts, read_roster

    try:
        roster = read_roster(roster_file)
        facts = facts_mod.load_facts(facts_file) if facts_file else None
    except NoticegenError as exc:
        _fail(exc)
    click.echo(f"{roster_file}: ok, {roster.count:,} individuals")
    states = ", ".join(f"{s} {n:,}" for s, n in sorted(roster.by_state.items()))
    click.echo(f"  by state: {states or 'none given'}")
    click.echo(f"  deceased: {roster.deceased:,} ({roster.deceased_without_next_of_kin:,} without a next-of-kin address)")
    click.echo(f"  email consent: {roster.email_consent:,}; no usable contact information: "
               f"{roster.insufficient_contact:,}; incomplete addresses: {roster.incomplete_addresses:,}")
    for warning in compare_with_facts(roster, facts) if facts else ():
        click.echo(f"  differs from the facts: {warning}")

"""PNG previews of page 1 of DOCX notices, made with LibreOffice (to PDF) and pdftoppm (to PNG)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .errors import NoticegenError
from .files import write_atomic


def convert_to_pdf(docx_paths: list[Path], out_dir: Path, *, timeout: float = 120,
                   soffice: str = "soffice") -> dict[Path, Path]:
    """Convert every DOCX to PDF with ONE headless LibreOffice call, using a fresh profile folder.

    Returns {docx: pdf} for the files LibreOffice converted; a DOCX it could not load is absent
    (soffice exits 0 even then, so callers must look). PDFs land in ``out_dir`` as ``NNNN.pdf``:
    inputs are copied under unique names first, since two folders may hold the same file name.
    Raises NoticegenError when LibreOffice does not finish within ``timeout`` seconds or exits
    non-zero.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not docx_paths:
        return {}
    with tempfile.TemporaryDirectory(prefix="noticegen-soffice-") as work:
        inputs = Path(work) / "in"
        inputs.mkdir()
        copies = []
        for number, docx in enumerate(docx_paths):
            copy = inputs / f"{number:04d}.docx"
            shutil.copyfile(docx, copy)
            copies.append(copy)
        profile = (Path(work) / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
                   "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out_dir),
                   *map(str, copies)]
        returncode, output = _run_bounded(command, timeout=timeout, what="LibreOffice (soffice --convert-to pdf)")
        if returncode != 0:
            raise NoticegenError(f"LibreOffice (soffice --convert-to pdf) exited {returncode}: {output[-500:]}")
    converted = {}
    for number, docx in enumerate(docx_paths):
        pdf = out_dir / f"{number:04d}.pdf"
        if pdf.is_file() and pdf.stat().st_size > 0:
            converted[Path(docx)] = pdf
    return converted


def _run_bounded(command: list[str], *, timeout: float, what: str) -> tuple[int, str]:
    """Run ``command`` in its own process group; on timeout kill the whole group and raise NoticegenError.

    Returns (exit code, stdout and stderr together). LibreOffice forks soffice.bin, which a plain
    timeout would leave running.
    """
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.communicate()
        raise NoticegenError(f"{what} did not finish within {timeout:g} seconds; it was stopped") from None
    return process.returncode, output.decode("utf-8", "replace")


def preview_pngs(docx_paths: list[Path], *, timeout: float = 120) -> list[Path]:
    """Write ``<name>.png``, page 1 of each DOCX at 80 dpi, next to it (mode 0600, atomically).

    Returns the PNGs written, in the order of ``docx_paths``. Returns [] when LibreOffice
    (``soffice``) or ``pdftoppm`` (poppler-utils) is not installed: a preview is a convenience.
    Raises NoticegenError naming the DOCX that LibreOffice or pdftoppm could not convert.
    """
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not docx_paths or soffice is None or pdftoppm is None:
        return []
    docx_paths = [Path(p) for p in docx_paths]
    written = []
    with tempfile.TemporaryDirectory(prefix="noticegen-preview-") as work:
        pdfs = convert_to_pdf(docx_paths, Path(work) / "pdf", timeout=timeout, soffice=soffice)
        for number, docx in enumerate(docx_paths):
            pdf = pdfs.get(docx)
            if pdf is None:
                raise NoticegenError(f"{docx}: LibreOffice could not convert it to PDF for the preview; "
                                     "open it in Word or LibreOffice to see why")
            stem = Path(work) / f"page1-{number:04d}"
            code, output = _run_bounded([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                                        str(pdf), str(stem)], timeout=timeout, what="pdftoppm")
            png = stem.with_suffix(".png")
            if code != 0 or not png.is_file():
                raise NoticegenError(f"{docx}: pdftoppm could not draw page 1 of its PDF "
                                     f"(exit {code}): {output[-300:]}")
            written.append(write_atomic(docx.with_suffix(".png"), png.read_bytes()))
    return written

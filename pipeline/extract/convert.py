"""Old Word (.doc), OpenDocument (.odt) and RTF files converted to PDF by LibreOffice.

There is no good pure-Python reader for these, and LibreOffice lays them out as Word would,
so page numbers come from the converted PDF. ``soffice`` runs headless with a profile of its
own in a temporary folder (a shared profile locks, and a crashed one blocks the next run),
in its own process group, killed whole when it overruns its time. Without LibreOffice the
file fails with the reason and what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from cspipe.extractors.pdf import PdfError

INSTALL_HINT = "install LibreOffice (Debian: libreoffice-writer-nogui)"
#: seconds a conversion may take (a first start of LibreOffice takes a few)
DEFAULT_TIMEOUT = 90.0


class ConversionFailed(PdfError):
    """The file could not be converted; ``str`` is the one-line reason."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(data: bytes, kind: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of a .doc / .odt / .rtf file's bytes."""
    program = soffice()
    if not program:
        raise ConversionFailed(f"a .{kind} file is read through LibreOffice: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="cspipe-convert-") as tmp:
        src = Path(tmp) / f"document.{kind}"
        src.write_bytes(data)
        cmd = [program, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "pdf", "--outdir", tmp, str(src)]
        env = dict(os.environ, HOME=tmp)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise ConversionFailed(f"LibreOffice did not convert the .{kind} file within "
                                   f"{timeout:g}s") from None
        out = src.with_suffix(".pdf")
        if not out.exists() or out.stat().st_size == 0:
            lines = [ln for ln in (err or b"").decode("utf-8", "replace").splitlines() if ln.strip()]
            why = lines[-1].strip()[:120] if lines else "no PDF written"
            raise ConversionFailed(f"LibreOffice could not convert the .{kind} file ({why})")
        return out.read_bytes()

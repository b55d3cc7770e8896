"""Prefect flows over the plain ``pipeline`` steps: ingest, scrape, scheduled deployments.

Importing this package points Prefect at a project-local home (``PREFECT_HOME``, default
``./.prefect``; ``CSPIPE_PREFECT_HOME`` overrides) before Prefect is imported, so runs use an
in-process ephemeral API and never write to the user's home or need a server started by hand.

May import: ``cspipe.pipeline``, ``cspipe.models``. Never ``cspipe.cli``.
"""

from __future__ import annotations

import os
from pathlib import Path


def configure_prefect_home(home: str | Path | None = None) -> Path:
    """Set ``PREFECT_HOME`` (unless already set) and switch off Prefect's usage analytics."""
    chosen = home or os.environ.get("CSPIPE_PREFECT_HOME") or Path.cwd() / ".prefect"
    os.environ.setdefault("PREFECT_HOME", str(chosen))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # the first start of the in-process API creates its database; slow on a busy 2-core machine
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    return Path(os.environ["PREFECT_HOME"])


configure_prefect_home()

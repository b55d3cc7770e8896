"""Step 5, outputs: everything that reads a finished database and never writes to it:
``compare`` (cross-partnership figures), the HTML and text reports, ``export`` (CSV/JSON),
``serve`` and ``datasette_metadata`` (Datasette).

May import: ``cspipe.models``, ``cspipe.pipeline.store``. Never ``ingest``, ``flows`` or ``cli``.
"""

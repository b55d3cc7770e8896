"""Step 5, outputs: everything that reads a finished database and never writes to it:
``compare`` (cross-partnership figures), the HTML and text reports, ``search`` (full-text),
``export`` with ``tidy`` and ``datapackage`` (tidy CSV/JSON/Parquet files and their Frictionless
descriptor), ``serve`` and ``datasette_metadata`` (Datasette).

May import: ``cspipe.models``, ``cspipe.pipeline.store``. Never ``ingest``, ``flows`` or ``cli``.
"""

"""The plain-Python steps, one folder each, in the order data flows through them.

``fetch/`` gets bytes (files, URLs, council sites), ``extract/`` runs the extractors in a bounded
worker, ``match/`` ties names to the registry and builds the rows, ``store/`` writes them to SQLite,
``outputs/`` reads the database back (comparison, report, export, Datasette), and ``ingest/``
composes the steps for one document or one site. Usable without Prefect; ``flows/`` wraps them.

May import: ``cspipe.models``, ``cspipe.extractors``. Never ``cspipe.flows`` or ``cspipe.cli``.
"""

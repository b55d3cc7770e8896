"""Pure functions from PDF pages, tables and text to ``models`` records (no I/O beyond the PDF).

May import: ``cspipe.models``. Never ``cspipe.pipeline``, ``flows`` or ``cli``.
"""

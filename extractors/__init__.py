"""Pure functions from PDF pages, tables and text to ``models`` records (no I/O beyond the PDF)."""

"""Corpus documents written once in the document model (``corpus/doc.py``), typeset three ways."""

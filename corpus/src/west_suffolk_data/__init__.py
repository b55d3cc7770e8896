"""Text of the West Suffolk seed papers (001, 003), kept apart from the layout code.

Blocks are tuples read by ``corpus/src/west_suffolk.py``; inline ``**bold**``,
``__underline__`` and ``[text](url)`` marks become reportlab markup there.
"""

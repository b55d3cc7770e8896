"""Authored content of corpus documents in the style of councils outside the seeds.

One module per document. The text is invented (plausible, not copied from any
paper); organisations are real and named as their areas' papers name them.
Each module also states what its gold holds (leads, KPIs, sums), because the
gold is this authored content, written down beside the words it comes from.
"""

"""The report's old address: ``cspipe.pipeline.outputs.report`` holds it now.

Kept so importers of ``report_html`` (``build_report``, ``render``, ``source_href``,
``ReportStats``) keep working; new code imports from the ``report`` package.
"""

from cspipe.pipeline.outputs.report.html import ReportStats, build_report, render
from cspipe.pipeline.outputs.report.links import source_href

__all__ = ["ReportStats", "build_report", "render", "source_href"]

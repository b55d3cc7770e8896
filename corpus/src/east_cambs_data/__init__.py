"""Content of the East Cambridgeshire CSP action plan (seed 002), typed by hand from the seed text."""

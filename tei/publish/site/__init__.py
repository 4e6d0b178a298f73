"""The edition web site (``tei site``): TEI letters → a static site that works offline.

One module per job: :mod:`collect` reads each letter once, :mod:`collection` orders and links
them, the page modules (:mod:`home`, :mod:`letter_page`, :mod:`index_page`, :mod:`people`,
:mod:`chart_pages`, :mod:`search`, :mod:`quality`, :mod:`downloads`) make the pages from those
facts, :mod:`charts` draws the SVG, :mod:`build` makes every file as values and :mod:`write`
puts them on disk without touching files that are not the site's.
"""

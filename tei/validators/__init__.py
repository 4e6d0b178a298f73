"""TEI → diagnostics: the project's XSD and Schematron, the official tei_all (jing), one iterator.

``validate`` runs the levels; ``xsd``, ``schematron`` and ``relaxng`` are the engines;
``locate`` places findings at a tag; ``output`` writes reports (text, JSON, JUnit, GitHub).
"""

"""TEI → HTML and plain text through the XSLT 1.0 stylesheets in ``converters/``."""

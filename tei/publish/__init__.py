"""TEI → hand-offs to platforms: CMIF for correspSearch, and ``teiCorpus`` collections."""

"""Recognisers of the conventions letters and telegrams share, whatever site prints them.

One module per convention, each a pure function from a line (or a few) to a small value or
None: the party heading (``The Ambassador in China (Gauss) to the Secretary of State``), the
dateline (``Chungking, March 28, 1943—9 a.m.``), the ``[Received …]`` line, the archive's source
note (``893.51/7487: Telegram``), classification and precedence lines, the address line
(``Destination: PEKING  To Whom: SovAmbassador``), relay phrases (``[via X]``, ``transmitting a
message from X to Y``, ``For Mao Zedong.``), signatures, footnote markers and footnotes, and site
furniture. Layout readers are thin users of these; the generic reader uses them too. Nothing
here imports lxml or knows TEI.
"""

"""The one reading of a letter's correspondence (tei/publish/letters.py) that the teiCorpus, the
CMIF export and the site share: parties, their keys, dates, main names."""

from __future__ import annotations

from lxml import etree

from tei.publish.letters import (
    action,
    action_date,
    action_names,
    correspondence,
    main_name,
    parties,
    party_key,
)

LETTER = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="x"><teiHeader><profileDesc>
<correspDesc>
  <correspAction type="sent"><persName ref="#mao-zedong">Mao Zedong</persName>
    <orgName>CC  CCP</orgName><date notBefore="1949-01" notAfter="1949-02"/></correspAction>
  <correspAction type="transmitted"><persName role="sender" ref="#terebin">Terebin</persName>
    <persName role="addressee">Kuznetsov</persName><date when="1949-01-13"/></correspAction>
  <correspAction type="received"><persName ref="#stalin #x">Filippov</persName>
    <persName role="addressee">Someone</persName></correspAction>
</correspDesc></profileDesc></teiHeader>
<standOff><listPerson><person xml:id="stalin"><persName type="pseudonym">Filippov</persName>
<persName type="main">Joseph Stalin</persName></person>
<person xml:id="kuznetsov"><persName>Kuznetsov</persName></person></listPerson></standOff>
</TEI>"""


def test_parties_dates_and_names() -> None:
    root = etree.fromstring(LETTER)
    desc = correspondence(root)
    sent, received = action(desc, "sent"), action(desc, "received")
    assert [party_key(n) for n in action_names(sent)] == ["#mao-zedong", "name:cc ccp"]
    assert parties(received) == ("#stalin",)  # the first pointer; a relay's end is no party
    assert parties(action(desc, "transmitted")) == ()
    assert action_date(sent) == "1949-01"  # a range's start
    assert action_date(action(desc, "transmitted")) == "1949-01-13"
    assert action_date(received) is None and action(desc, "nothing") is None
    stalin, kuznetsov = root.iter("{http://www.tei-c.org/ns/1.0}person")
    assert main_name(stalin) == "Joseph Stalin" and main_name(kuznetsov) == "Kuznetsov"
    assert main_name(None) == "" and action_names(None) == [] and parties(None) == ()

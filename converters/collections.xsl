<?xml version="1.0" encoding="UTF-8"?>
<!--
  collections.xsl: what a document of MANY letters means to a reader. Part of common.xsl
  (xsl:include), so html.xsl and text.xsl render collections alike; each output lays out a
  section through the "section" hook (the default here is plain text) and fields through its
  own "field" hook.

  - A teiCorpus: each letter (TEI) is a section of its own, headed by its title and its facts
    (date, from and to), then its text; the section's id is the letter's xml:id, so the
    corpus's prev/next links (ref target="#doc-…") lead to it.
  - A CMIF file (a TEI whose profileDesc lists several correspDesc and whose body is empty,
    as correspSearch's format has it): the list of the letters it describes, each a section
    with its date, sender, recipient, places and the letter's URL.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <!-- true for a CMIF file: many correspDesc in one header, and no text -->
  <xsl:variable name="is-letter-list" select="count($header/tei:profileDesc/tei:correspDesc) > 1
      and not(normalize-space($texts))"/>

  <!-- ================================================================ a teiCorpus's letters -->

  <xsl:template match="tei:teiCorpus/tei:TEI/tei:text">
    <xsl:variable name="letter" select=".."/>
    <xsl:variable name="desc" select="$letter/tei:teiHeader/tei:profileDesc/tei:correspDesc[1]"/>
    <xsl:call-template name="section">
      <xsl:with-param name="id" select="$letter/@xml:id"/>
      <xsl:with-param name="title">
        <xsl:value-of select="normalize-space($letter/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
        <xsl:if test="not(normalize-space($letter/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]))">
          <xsl:value-of select="concat('Letter ', count($letter/preceding::tei:TEI) + 1)"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="facts">
        <xsl:call-template name="letter-facts">
          <xsl:with-param name="desc" select="$desc"/>
          <xsl:with-param name="date" select="($letter/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date
              | $desc/tei:correspAction[@type = 'sent']/tei:date)[1]"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="container"><xsl:with-param name="role" select="'text'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ a CMIF file's letters -->

  <xsl:template match="tei:TEI[count(tei:teiHeader/tei:profileDesc/tei:correspDesc) > 1]/tei:text[not(normalize-space())]">
    <xsl:for-each select="$header/tei:profileDesc/tei:correspDesc">
      <xsl:variable name="sent" select="tei:correspAction[@type = 'sent']"/>
      <xsl:variable name="received" select="tei:correspAction[@type = 'received']"/>
      <xsl:call-template name="section">
        <xsl:with-param name="id" select="concat('letter-', position())"/>
        <xsl:with-param name="title">
          <xsl:call-template name="meta-names">
            <xsl:with-param name="nodes" select="$sent/*[self::tei:persName or self::tei:orgName]"/>
          </xsl:call-template>
          <xsl:text> → </xsl:text>
          <xsl:call-template name="meta-names">
            <xsl:with-param name="nodes" select="$received/*[self::tei:persName or self::tei:orgName]"/>
          </xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="facts">
          <xsl:call-template name="letter-facts">
            <xsl:with-param name="desc" select="."/>
            <xsl:with-param name="date" select="($sent/tei:date | $received/tei:date)[1]"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="key" select="'url'"/><xsl:with-param name="label" select="'Letter'"/>
            <xsl:with-param name="value" select="normalize-space(@ref)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================ the facts of one letter -->

  <xsl:template name="letter-facts">
    <xsl:param name="desc"/>
    <xsl:param name="date"/>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'letter-date'"/><xsl:with-param name="label" select="'Date'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="$date"><xsl:call-template name="date-value"/></xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'from'"/><xsl:with-param name="label" select="'From'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="names">
          <xsl:with-param name="nodes" select="$desc/tei:correspAction[@type = 'sent']/*[self::tei:persName
              or self::tei:orgName or self::tei:name][not(@role)]"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'to'"/><xsl:with-param name="label" select="'To'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="names">
          <xsl:with-param name="nodes" select="$desc/tei:correspAction[@type = 'received']/*[self::tei:persName
              or self::tei:orgName or self::tei:name][not(@role)]"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'places'"/><xsl:with-param name="label" select="'Place'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="$desc/tei:correspAction/tei:placeName">
          <xsl:if test="position() > 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:value-of select="normalize-space()"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A name with its e-mail address apart (editor: "Jane Doe <jane@example.org>"), never run
       together as the element's text would be ("Jane Doejane@example.org"). -->
  <xsl:template name="name-and-email">
    <xsl:variable name="name">
      <xsl:for-each select=".//text()[not(ancestor::tei:email)]"><xsl:value-of select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="normalize-space($name)"/>
    <xsl:for-each select=".//tei:email[normalize-space()]">
      <xsl:value-of select="concat(' &lt;', normalize-space(), '&gt;')"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================ default hook -->

  <xsl:variable name="rule" select="concat('==========================================',
      '==========================================================================================')"/>

  <!-- One letter of a collection: its title, its facts, then its text (plain text here;
       html.xsl makes it a section with a heading). -->
  <xsl:template name="section">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="facts"/>
    <xsl:param name="content"/>
    <!-- the title underlined (as a Markdown heading): the text output drops blank lines -->
    <xsl:variable name="line" select="normalize-space($title)"/>
    <xsl:value-of select="concat('&#10;', $line, '&#10;', substring($rule, 1, string-length($line)), '&#10;')"/>
    <xsl:copy-of select="$facts"/>
    <xsl:copy-of select="$content"/>
  </xsl:template>

</xsl:stylesheet>

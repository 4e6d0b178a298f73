<?xml version="1.0" encoding="UTF-8"?>
<!--
  metadata.xsl: what the TEI header's facts MEAN to a reader: the fields shown above the text
  (date, from and to, via, archive, …), their values and how dates read. Part of common.xsl
  (xsl:include), so html.xsl and text.xsl lay out the same fields in the same order; each output
  defines the "field" hook that lays one field out and skips empty ones.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <!-- Names in the header: the name as written, then whom it means in parentheses. -->
  <xsl:template name="names">
    <xsl:param name="nodes"/>
    <xsl:for-each select="$nodes">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:apply-templates select="."/>
      <xsl:variable name="identity"><xsl:call-template name="identity"/></xsl:variable>
      <xsl:if test="string($identity)">
        <xsl:value-of select="concat(' (', $identity, ')')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="meta-title">
    <xsl:value-of select="normalize-space(($header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main']
        | $header/tei:fileDesc/tei:titleStmt/tei:title)[1])"/>
  </xsl:template>

  <!-- The date of the document: the archive's citation date, else when it was sent. -->
  <xsl:variable name="doc-date" select="($header/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date
      | $corresp/tei:correspAction[@type = 'sent']/tei:date
      | $header/tei:fileDesc/tei:sourceDesc/tei:biblStruct//tei:date
      | $header/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:history//tei:date)[1]"/>

  <xsl:template name="meta-date">
    <xsl:for-each select="$doc-date"><xsl:call-template name="date-value"/></xsl:for-each>
  </xsl:template>

  <xsl:template name="meta-from">
    <xsl:call-template name="names">
      <xsl:with-param name="nodes" select="$corresp/tei:correspAction[@type = 'sent']/*[self::tei:persName
          or self::tei:orgName or self::tei:name]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="meta-to">
    <xsl:call-template name="names">
      <xsl:with-param name="nodes" select="$corresp/tei:correspAction[@type = 'received']/*[self::tei:persName
          or self::tei:orgName or self::tei:name]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- When and where it was sent, shown only when it is not the document's date. -->
  <xsl:template name="meta-sent">
    <xsl:variable name="sent" select="$corresp/tei:correspAction[@type = 'sent']"/>
    <xsl:variable name="place" select="normalize-space($sent/tei:placeName)"/>
    <xsl:variable name="differs" select="$sent/tei:date and not($doc-date/@when
        and $sent/tei:date/@when = $doc-date/@when)"/>
    <xsl:if test="$place or $differs">
      <xsl:value-of select="$place"/>
      <xsl:if test="$place and $differs">, </xsl:if>
      <xsl:if test="$differs">
        <xsl:for-each select="$sent/tei:date[1]"><xsl:call-template name="date-value"/></xsl:for-each>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Who relayed it: sender → addressee of the relay, and its date. -->
  <xsl:template name="meta-via">
    <xsl:for-each select="$corresp/tei:correspAction[@type = 'transmitted']">
      <xsl:if test="position() > 1">; </xsl:if>
      <xsl:call-template name="names">
        <xsl:with-param name="nodes" select="tei:persName[@role = 'sender']
            | *[self::tei:persName or self::tei:orgName][not(@role)]"/>
      </xsl:call-template>
      <xsl:if test="tei:persName[@role = 'addressee']">
        <xsl:text> → </xsl:text>
        <xsl:call-template name="names">
          <xsl:with-param name="nodes" select="tei:persName[@role = 'addressee']"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="tei:placeName">, <xsl:value-of select="normalize-space(tei:placeName)"/></xsl:if>
      <xsl:for-each select="tei:date[1]">, <xsl:call-template name="date-value"/></xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="meta-received">
    <xsl:for-each select="$corresp/tei:correspAction[@type = 'received']">
      <xsl:value-of select="normalize-space(tei:placeName)"/>
      <xsl:if test="tei:placeName and tei:date">, </xsl:if>
      <xsl:for-each select="tei:date[1]"><xsl:call-template name="date-value"/></xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- APRF, f. 45, op. 1, d. 330; RGASPI, f. 558, op. 11, d. 330, 0100, 0101-0102 -->
  <xsl:template name="meta-archive">
    <xsl:for-each select="($header/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier
        | $header/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier/tei:altIdentifier)
        [tei:repository | tei:collection | tei:idno | tei:institution | tei:settlement]">
      <xsl:if test="position() > 1">; </xsl:if>
      <xsl:for-each select="*[not(self::tei:altIdentifier or self::tei:msName)]">
        <xsl:if test="position() > 1">, </xsl:if>
        <xsl:call-template name="archive-level"/>
      </xsl:for-each>
      <xsl:variable name="here" select="concat('#', @xml:id)"/>
      <xsl:for-each select="ancestor::tei:msDesc[1]/tei:msContents//tei:locusGrp[@corresp = $here]/tei:locus
          | ancestor::tei:msDesc[1]/tei:msContents//tei:locus[@corresp = $here]">
        <xsl:value-of select="concat(', ', normalize-space(.))"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="archive-level">
    <xsl:choose>
      <xsl:when test="*">
        <xsl:for-each select="*">
          <xsl:if test="position() > 1">, </xsl:if>
          <xsl:call-template name="archive-level"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="@type = 'fond'">f. <xsl:value-of select="normalize-space(.)"/></xsl:when>
      <xsl:when test="@type = 'opis'">op. <xsl:value-of select="normalize-space(.)"/></xsl:when>
      <xsl:when test="@type = 'delo'">d. <xsl:value-of select="normalize-space(.)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="meta-telegrams">
    <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msContents//tei:idno[@type = 'telegram']">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="meta-original-language">
    <xsl:for-each select="($header/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msContents/tei:textLang)[1]">
      <xsl:choose>
        <xsl:when test="normalize-space()"><xsl:value-of select="normalize-space()"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@mainLang"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="meta-language">
    <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:choose>
        <xsl:when test="normalize-space()"><xsl:value-of select="normalize-space()"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@ident"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="meta-summary">
    <xsl:value-of select="normalize-space($header/tei:profileDesc/tei:abstract)"/>
  </xsl:template>

  <xsl:template name="meta-publisher">
    <xsl:value-of select="normalize-space($header/tei:fileDesc/tei:publicationStmt/tei:publisher[1])"/>
  </xsl:template>

  <xsl:template name="meta-url">
    <xsl:value-of select="normalize-space($header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URI'][1])"/>
  </xsl:template>

  <!-- The citation of the source, not the authority files the persons come from. -->
  <xsl:variable name="citation" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[not(@xml:id
      and key('cited-source', concat('#', @xml:id)))][1]"/>

  <xsl:template name="meta-contributors">
    <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:respStmt">
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'resp'"/>
        <xsl:with-param name="label" select="normalize-space(tei:resp)"/>
        <xsl:with-param name="value">
          <xsl:for-each select="*[not(self::tei:resp)]">
            <xsl:if test="position() > 1">, </xsl:if>
            <xsl:value-of select="normalize-space()"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="meta-names">
    <xsl:param name="nodes"/>
    <xsl:for-each select="$nodes">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:call-template name="name-and-email"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Every metadata field, in order; the output's "field" hook lays each one out and skips
       empty ones. -->
  <xsl:template name="metadata">
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'date'"/><xsl:with-param name="label" select="'Date'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-date"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="correspondents"/>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'sent'"/><xsl:with-param name="label" select="'Sent'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-sent"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'via'"/><xsl:with-param name="label" select="'Via'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-via"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'received'"/><xsl:with-param name="label" select="'Received'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-received"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'archive'"/><xsl:with-param name="label" select="'Archive'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-archive"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'telegrams'"/><xsl:with-param name="label" select="'Telegram numbers'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-telegrams"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'original-language'"/><xsl:with-param name="label" select="'Original language'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-original-language"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'language'"/><xsl:with-param name="label" select="'Language'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-language"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'summary'"/><xsl:with-param name="label" select="'Summary'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-summary"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'publisher'"/><xsl:with-param name="label" select="'Published by'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-publisher"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'url'"/><xsl:with-param name="label" select="'URL'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-url"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'citation'"/><xsl:with-param name="label" select="'Citation'"/>
      <xsl:with-param name="value"><xsl:apply-templates select="$citation/node()"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'author'"/><xsl:with-param name="label" select="'Author'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="meta-names">
          <xsl:with-param name="nodes" select="$header/tei:fileDesc/tei:titleStmt/tei:author"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'editor'"/><xsl:with-param name="label" select="'Editor'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="meta-names">
          <xsl:with-param name="nodes" select="$header/tei:fileDesc/tei:titleStmt/tei:editor"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="meta-contributors"/>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'funder'"/><xsl:with-param name="label" select="'Funded by'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="meta-names">
          <xsl:with-param name="nodes" select="$header/tei:fileDesc/tei:titleStmt/tei:funder"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- From and To as two fields; an output may override this to show "from → to" in one. -->
  <xsl:template name="correspondents">
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'from'"/><xsl:with-param name="label" select="'From'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-from"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'to'"/><xsl:with-param name="label" select="'To'"/>
      <xsl:with-param name="value"><xsl:call-template name="meta-to"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ dates -->

  <!-- A date element's value for people: its text, else its normalised attributes. -->
  <xsl:template name="date-value">
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:value-of select="normalize-space()"/></xsl:when>
      <xsl:when test="@when">
        <xsl:call-template name="format-iso"><xsl:with-param name="iso" select="@when"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@from or @to">
        <xsl:if test="@from">
          <xsl:text>from </xsl:text>
          <xsl:call-template name="format-iso"><xsl:with-param name="iso" select="@from"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@from and @to"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="@to">
          <xsl:text>to </xsl:text>
          <xsl:call-template name="format-iso"><xsl:with-param name="iso" select="@to"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@notBefore or @notAfter">
        <xsl:if test="@notBefore">
          <xsl:text>not before </xsl:text>
          <xsl:call-template name="format-iso"><xsl:with-param name="iso" select="@notBefore"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@notBefore and @notAfter"><xsl:text>, </xsl:text></xsl:if>
        <xsl:if test="@notAfter">
          <xsl:text>not after </xsl:text>
          <xsl:call-template name="format-iso"><xsl:with-param name="iso" select="@notAfter"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- 1949-01-12 → 12 January 1949; 1949-01 → January 1949; 1942-03-05T09:33:00 → 5 March
       1942, 09:33; 23:20:00 → 23:20; anything else as it is. -->
  <xsl:template name="format-iso">
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) = 19 and substring($iso, 11, 1) = 'T'">
        <xsl:call-template name="format-day"><xsl:with-param name="iso" select="substring($iso, 1, 10)"/></xsl:call-template>
        <xsl:value-of select="concat(', ', substring($iso, 12, 5))"/>
      </xsl:when>
      <xsl:when test="string-length($iso) = 8 and substring($iso, 3, 1) = ':'">
        <xsl:value-of select="substring($iso, 1, 5)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="format-day"><xsl:with-param name="iso" select="$iso"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="format-day">
    <xsl:param name="iso"/>
    <xsl:variable name="y" select="substring($iso, 1, 4)"/>
    <xsl:variable name="m" select="substring($iso, 6, 2)"/>
    <xsl:variable name="d" select="substring($iso, 9, 2)"/>
    <xsl:variable name="month" select="normalize-space(substring('January  February March    April    May      June     July     August   SeptemberOctober  November December ', ($m - 1) * 9 + 1, 9))"/>
    <xsl:variable name="digits" select="translate(concat($y, $m, $d), '0123456789', '')"/>
    <xsl:choose>
      <xsl:when test="$digits = '' and string-length($iso) = 10 and $month and $d > 0">
        <xsl:value-of select="concat(number($d), ' ', $month, ' ', $y)"/>
      </xsl:when>
      <xsl:when test="$digits = '' and string-length($iso) = 7 and $month">
        <xsl:value-of select="concat($month, ' ', $y)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>

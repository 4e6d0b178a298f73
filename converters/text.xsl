<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: TEI P5 → plain text (XSLT 1.0 + EXSLT strings). How things LOOK as text; what they
  mean is in common.xsl.

  Output: the header fields as "Label: value" lines, one blank line, then the reading text with
  the editorial brackets back, one paragraph a line. Lines are not wrapped here (telegram-tei's
  `tei render - -wrap N` wraps after the transform, in Python), so the output is easy to compare.

    xsltproc converters/text.xsl document.xml > document.txt
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="tei str">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:variable name="title"><xsl:call-template name="meta-title"/></xsl:variable>
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="'Title'"/>
      <xsl:with-param name="value" select="$title"/>
    </xsl:call-template>
    <xsl:call-template name="metadata"/>
    <xsl:value-of select="$nl"/>
    <!-- Blocks write line breaks around themselves; the lines are then trimmed and the empty
         ones dropped, so indentation and nesting never show as blank lines or spaces. -->
    <xsl:variable name="body">
      <xsl:apply-templates select="$texts"/>
      <xsl:call-template name="footnotes"/>
    </xsl:variable>
    <xsl:for-each select="str:tokenize(string($body), $nl)">
      <xsl:if test="normalize-space()">
        <xsl:call-template name="trim"><xsl:with-param name="text" select="."/></xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Leading and trailing white space off a line; inner spacing is the source's. -->
  <xsl:template name="trim">
    <xsl:param name="text"/>
    <xsl:variable name="first" select="substring(normalize-space($text), 1, 1)"/>
    <xsl:call-template name="trim-end">
      <xsl:with-param name="text" select="substring($text, string-length(substring-before($text, $first)) + 1)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Halving, not one character at a time, so a run of thousands of spaces cannot exhaust
       the processor's recursion depth. -->
  <xsl:template name="trim-end">
    <xsl:param name="text"/>
    <xsl:variable name="length" select="string-length($text)"/>
    <xsl:variable name="last" select="substring($text, $length)"/>
    <xsl:variable name="half" select="floor($length div 2)"/>
    <xsl:choose>
      <xsl:when test="not(normalize-space($text))"/>
      <xsl:when test="normalize-space($last)"><xsl:value-of select="$text"/></xsl:when>
      <xsl:when test="not(normalize-space(substring($text, $half + 1)))">
        <xsl:call-template name="trim-end">
          <xsl:with-param name="text" select="substring($text, 1, $half)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring($text, 1, $half)"/>
        <xsl:call-template name="trim-end">
          <xsl:with-param name="text" select="substring($text, $half + 1)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ hooks -->

  <xsl:template name="field">
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value)">
      <xsl:value-of select="concat($label, ': ', normalize-space($value), $nl)"/>
    </xsl:if>
  </xsl:template>

  <!-- A block is a line of its own, unless it sits inside a line (a list inside a paragraph,
       a paragraph inside a note): then spaces keep it on that line. -->
  <xsl:template name="block">
    <xsl:param name="role"/>
    <xsl:param name="lead" select="/.."/>
    <xsl:call-template name="break"/>
    <xsl:if test="$lead">
      <xsl:apply-templates select="$lead/node()"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates/>
    <xsl:call-template name="break"><xsl:with-param name="end" select="true()"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="container">
    <xsl:param name="role"/>
    <xsl:call-template name="break"/>
    <xsl:apply-templates/>
    <xsl:call-template name="break"><xsl:with-param name="end" select="true()"/></xsl:call-template>
  </xsl:template>

  <!-- Inside a line, one space before a block that follows something, none at its end. -->
  <xsl:template name="break">
    <xsl:param name="end" select="false()"/>
    <xsl:choose>
      <xsl:when test="ancestor::*[self::tei:p or self::tei:ab or self::tei:head or self::tei:l
          or self::tei:salute or self::tei:signed or self::tei:dateline or self::tei:label
          or self::tei:note or self::tei:cell or self::tei:byline or self::tei:docAuthor
          or self::tei:docDate or self::tei:trailer or self::tei:speaker or self::tei:stage
          or self::tei:figDesc or self::tei:list[@rend = 'inline']]">
        <xsl:if test="not($end) and preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$nl"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Items of a list without labels get a dash, so each reads as an item. -->
  <xsl:template match="tei:list[not(@rend = 'inline')]/tei:item[not(preceding-sibling::*[1]/self::tei:label)]">
    <xsl:call-template name="break"/>
    <xsl:text>- </xsl:text>
    <xsl:apply-templates/>
    <xsl:call-template name="break"><xsl:with-param name="end" select="true()"/></xsl:call-template>
  </xsl:template>

  <!-- Footnotes after the text, each on a line: "28. Solomon Adler, …". -->
  <xsl:template name="footnote">
    <xsl:value-of select="concat($nl, @n, '. ')"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- A line break inside a paragraph is a space: one paragraph, one line. -->
  <xsl:template match="tei:lb">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Text as it is, except where it holds a line break: that is XML indented by a tool, whose
       white space runs become single spaces (lines of the output are made by blocks only). -->
  <xsl:template name="text-node">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&#10;') or contains($text, '&#13;')">
        <xsl:if test="normalize-space(substring($text, 1, 1)) = ''"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="normalize-space($text)"/>
        <xsl:if test="normalize-space($text) and normalize-space(substring($text, string-length($text))) = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($text, '&#9;', ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>

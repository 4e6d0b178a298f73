<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: TEI P5 → one standalone HTML5 page (XSLT 1.0). How things LOOK in a browser; what
  they mean is in common.xsl.

  The page needs nothing from outside: the style sheet is inline, there are no scripts, fonts or
  images, so it reads offline and prints well (see @media print). Metadata come first (header),
  the text is the main landmark, and the persons and the legend of editorial marks follow.
  Every editorial insertion is a <span class="ed ed-KIND"> whose title explains it on hover and
  whose visually hidden text explains it to screen readers.

    xsltproc converters/html.xsl document.xml > document.html
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="title">
    <xsl:call-template name="meta-title"/>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="{$doc-lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="telegram-tei converters/html.xsl"/>
        <title>
          <xsl:value-of select="$title"/>
          <xsl:if test="not(string($title))">TEI document</xsl:if>
        </title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <xsl:value-of select="$nl"/>
      <body>
        <xsl:value-of select="$nl"/>
        <header class="doc-header">
          <xsl:value-of select="$nl"/>
          <h1 id="doc-title">
            <xsl:value-of select="$title"/>
            <xsl:if test="not(string($title))">Untitled TEI document</xsl:if>
          </h1>
          <xsl:value-of select="$nl"/>
          <dl class="metadata">
            <xsl:call-template name="ui-lang"/>
            <xsl:call-template name="metadata"/>
          </dl>
          <xsl:value-of select="$nl"/>
        </header>
        <xsl:value-of select="$nl"/>
        <main id="doc-text" aria-labelledby="doc-text-heading">
          <h2 id="doc-text-heading" class="vh"><xsl:call-template name="ui-lang"/>Text</h2>
          <xsl:value-of select="$nl"/>
          <article class="reading">
            <xsl:apply-templates select="$texts"/>
            <xsl:if test="$texts//tei:note[@type = 'footnote'][@place = 'foot']">
              <section class="footnotes" aria-label="Notes">
                <ol class="footnotes"><xsl:call-template name="footnotes"/></ol>
              </section>
            </xsl:if>
          </article>
          <xsl:value-of select="$nl"/>
          <xsl:call-template name="persons"/>
        </main>
        <xsl:value-of select="$nl"/>
        <footer class="doc-footer">
          <xsl:call-template name="ui-lang"/>
          <xsl:variable name="legend"><xsl:call-template name="legend"/></xsl:variable>
          <xsl:if test="string($legend)">
            <section id="doc-marks" aria-labelledby="doc-marks-heading">
              <h2 id="doc-marks-heading">Editorial marks</h2>
              <p>Square brackets mark what the editors of the published text inserted:</p>
              <dl class="legend"><xsl:copy-of select="$legend"/></dl>
            </section>
          </xsl:if>
          <p class="colophon">Rendered from TEI P5 by telegram-tei (converters/html.xsl).</p>
        </footer>
        <xsl:value-of select="$nl"/>
      </body>
    </html>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- One letter of a teiCorpus or of a CMIF file's list (collections.xsl): a section with its
       own heading and facts, then its text. -->
  <xsl:template name="section">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="facts"/>
    <xsl:param name="content"/>
    <section class="letter" aria-labelledby="{$id}-title">
      <xsl:if test="string($id)"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <h2 id="{$id}-title"><xsl:value-of select="normalize-space($title)"/></h2>
      <xsl:if test="normalize-space($facts)"><dl class="metadata letter-facts"><xsl:copy-of select="$facts"/></dl></xsl:if>
      <xsl:copy-of select="$content"/>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The labels are English; say so when the document is in another language. -->
  <xsl:template name="ui-lang">
    <xsl:if test="not(starts-with($doc-lang, 'en'))">
      <xsl:attribute name="lang">en</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- id and lang of the TEI element, carried over so links and language stay right. -->
  <!-- A URL that may become a link: http, https, mailto, or relative (no scheme before the
       first '/', '?' or '#'); anything else (javascript:, data:, vbscript:, file:…) gives
       nothing, and the caller shows the text without a link. Browsers drop tabs and line
       breaks inside a URL and ignore case in its scheme, so the test does the same. -->
  <xsl:template name="safe-url">
    <xsl:param name="url"/>
    <xsl:variable name="value" select="normalize-space($url)"/>
    <xsl:variable name="compact" select="translate($value, '&#9;&#10;&#13; ', '')"/>
    <xsl:variable name="lower" select="translate($compact, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="head" select="substring-before(concat(translate($lower, '?#', '//'), '/'), '/')"/>
    <xsl:if test="starts-with($lower, 'http://') or starts-with($lower, 'https://')
        or starts-with($lower, 'mailto:') or (string($value) and not(contains($head, ':')))">
      <xsl:value-of select="$value"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="attrs">
    <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- ================================================================ metadata -->

  <xsl:template name="field">
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value)">
      <dt><xsl:value-of select="$label"/></dt>
      <dd class="meta-{$key}">
        <xsl:choose>
          <xsl:when test="$key = 'url'">
            <xsl:variable name="href">
              <xsl:call-template name="safe-url"><xsl:with-param name="url" select="$value"/></xsl:call-template>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="string($href)"><a href="{$href}"><xsl:value-of select="normalize-space($value)"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space($value)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="$key = 'date' and $doc-date/@when">
            <time datetime="{$doc-date/@when}"><xsl:value-of select="normalize-space($value)"/></time>
          </xsl:when>
          <xsl:otherwise><xsl:copy-of select="$value"/></xsl:otherwise>
        </xsl:choose>
      </dd>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- "From → to" in one row, as a reader scans a letter's heading. -->
  <xsl:template name="correspondents">
    <xsl:variable name="from"><xsl:call-template name="meta-from"/></xsl:variable>
    <xsl:variable name="to"><xsl:call-template name="meta-to"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($from) and normalize-space($to)">
        <xsl:call-template name="field">
          <xsl:with-param name="key" select="'from-to'"/>
          <xsl:with-param name="label" select="'From → to'"/>
          <xsl:with-param name="value">
            <span class="from"><xsl:copy-of select="$from"/></span>
            <xsl:text> → </xsl:text>
            <span class="to"><xsl:copy-of select="$to"/></span>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="field">
          <xsl:with-param name="key" select="'from'"/><xsl:with-param name="label" select="'From'"/>
          <xsl:with-param name="value" select="$from"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="key" select="'to'"/><xsl:with-param name="label" select="'To'"/>
          <xsl:with-param name="value" select="$to"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="legend-entry">
    <xsl:param name="kind"/>
    <xsl:param name="sample"/>
    <dt><span class="ed-sample ed-{$kind}"><xsl:value-of select="$sample"/></span></dt>
    <dd><xsl:call-template name="explain"><xsl:with-param name="kind" select="$kind"/></xsl:call-template></dd>
  </xsl:template>

  <!-- The persons the document names, each with the anchor its names link to. -->
  <xsl:template name="persons">
    <xsl:variable name="people" select="//tei:standOff//tei:person[@xml:id]
        | $header//tei:listPerson/tei:person[@xml:id]"/>
    <xsl:if test="$people">
      <section id="doc-persons" class="persons" aria-labelledby="doc-persons-heading">
        <h2 id="doc-persons-heading"><xsl:call-template name="ui-lang"/>Persons</h2>
        <ul>
          <xsl:for-each select="$people">
            <xsl:variable name="main" select="(tei:persName[@type = 'main'] | tei:persName)[1]"/>
            <li id="{@xml:id}">
              <strong><xsl:value-of select="normalize-space($main)"/></strong>
              <xsl:for-each select="tei:persName[count(. | $main) != 1]">
                <xsl:if test="position() = 1"><xsl:text>: also </xsl:text></xsl:if>
                <xsl:if test="position() > 1">, </xsl:if>
                <xsl:value-of select="normalize-space()"/>
                <xsl:if test="@type"><xsl:value-of select="concat(' (', @type, ')')"/></xsl:if>
              </xsl:for-each>
              <xsl:for-each select="tei:idno">
                <xsl:text>; </xsl:text>
                <xsl:call-template name="authority-link"/>
              </xsl:for-each>
              <xsl:variable name="source" select="key('id', substring-after(@source, '#'))"/>
              <xsl:if test="$source">
                <span class="source">
                  <xsl:text> (from </xsl:text>
                  <xsl:value-of select="normalize-space($source)"/>
                  <xsl:text>)</xsl:text>
                </span>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="authority-link">
    <xsl:variable name="value" select="normalize-space()"/>
    <xsl:variable name="url">
      <xsl:choose>
        <xsl:when test="starts-with($value, 'http')">
          <xsl:call-template name="safe-url"><xsl:with-param name="url" select="$value"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="@type = 'wikidata'">https://www.wikidata.org/wiki/<xsl:value-of select="$value"/></xsl:when>
        <xsl:when test="@type = 'viaf'">https://viaf.org/viaf/<xsl:value-of select="$value"/></xsl:when>
        <xsl:when test="@type = 'gnd'">https://d-nb.info/gnd/<xsl:value-of select="$value"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@type = 'wikidata'">Wikidata </xsl:when>
      <xsl:when test="@type = 'viaf' or @type = 'gnd'"><xsl:value-of select="translate(@type, 'adfginv', 'ADFGINV')"/><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(@type, ' ')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="string($url)"><a href="{$url}"><xsl:value-of select="$value"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ hooks -->

  <!-- Blocks and containers inside a line (a list in a paragraph, a paragraph in a note) become
       spans shown as blocks, so the HTML stays valid and the text stays in its place. -->
  <xsl:template name="phrasing">
    <xsl:if test="ancestor::*[self::tei:p or self::tei:ab or self::tei:head or self::tei:l
        or self::tei:salute or self::tei:signed or self::tei:dateline or self::tei:label
        or self::tei:note or self::tei:cell or self::tei:byline or self::tei:docAuthor
        or self::tei:docDate or self::tei:trailer or self::tei:speaker or self::tei:stage
        or self::tei:figDesc or self::tei:list[@rend = 'inline']]">yes</xsl:if>
  </xsl:template>

  <xsl:template name="block">
    <xsl:param name="role"/>
    <xsl:param name="lead" select="/.."/>
    <xsl:variable name="phrasing"><xsl:call-template name="phrasing"/></xsl:variable>
    <xsl:variable name="depth" select="count(ancestor::tei:div | ancestor::tei:div1
        | ancestor::tei:div2 | ancestor::tei:div3 | ancestor::tei:div4 | ancestor::tei:div5
        | ancestor::tei:div6 | ancestor::tei:div7 | ancestor::tei:floatingText)"/>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="string($phrasing)">span</xsl:when>
        <xsl:when test="$role = 'head' and (parent::tei:div or parent::tei:div1 or parent::tei:div2
            or parent::tei:div3 or parent::tei:div4 or parent::tei:div5 or parent::tei:div6
            or parent::tei:div7 or parent::tei:body or parent::tei:front or parent::tei:back)">
          <xsl:value-of select="concat('h', 2 + ($depth > 0) + ($depth > 1) + ($depth > 2) + ($depth > 3))"/>
        </xsl:when>
        <xsl:when test="$role = 'item'">li</xsl:when>
        <xsl:when test="$role = 'row'">tr</xsl:when>
        <xsl:when test="$role = 'l'">div</xsl:when>
        <xsl:otherwise>p</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:attribute name="class">
        <xsl:value-of select="$role"/>
        <xsl:if test="string($phrasing)"> block</xsl:if>
      </xsl:attribute>
      <xsl:call-template name="attrs"/>
      <xsl:if test="$lead">
        <!-- the space inside the label's box: it separates in text, not on screen -->
        <span class="lead"><xsl:apply-templates select="$lead/node()"/><xsl:text> </xsl:text></span>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:if test="not(string($phrasing))"><xsl:value-of select="$nl"/></xsl:if>
  </xsl:template>

  <xsl:template name="container">
    <xsl:param name="role"/>
    <xsl:variable name="phrasing"><xsl:call-template name="phrasing"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$role = 'point' and not(string($phrasing))">
        <xsl:call-template name="points"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="name">
          <xsl:choose>
            <xsl:when test="string($phrasing)">span</xsl:when>
            <xsl:when test="$role = 'message' or $role = 'quote'">blockquote</xsl:when>
            <xsl:when test="$role = 'list' and (@type = 'ordered' or contains(@rend, 'numbered'))">ol</xsl:when>
            <xsl:when test="$role = 'list'">ul</xsl:when>
            <xsl:when test="$role = 'table'">table</xsl:when>
            <xsl:when test="$role = 'div' and tei:head">section</xsl:when>
            <xsl:otherwise>div</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:element name="{$name}">
          <xsl:attribute name="class">
            <xsl:value-of select="$role"/>
            <xsl:if test="$role = 'unknown' or $role = 'div'">
              <xsl:value-of select="concat(' tei-', local-name())"/>
            </xsl:if>
            <xsl:if test="@type"><xsl:value-of select="concat(' type-', translate(@type, ' ', '-'))"/></xsl:if>
            <xsl:if test="string($phrasing)"> block</xsl:if>
          </xsl:attribute>
          <xsl:call-template name="attrs"/>
          <xsl:if test="not(string($phrasing))"><xsl:value-of select="$nl"/></xsl:if>
          <xsl:apply-templates/>
        </xsl:element>
        <xsl:if test="not(string($phrasing))"><xsl:value-of select="$nl"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Consecutive numbered points form one ordered list, written where the run starts; each
       point's printed label stays its visible number. -->
  <xsl:template name="points">
    <xsl:variable name="before" select="generate-id(preceding-sibling::*[not(self::tei:div[@type = 'point'])][1])"/>
    <xsl:if test="not(preceding-sibling::*[1]/self::tei:div[@type = 'point'])">
      <ol class="points" role="list">
        <xsl:value-of select="$nl"/>
        <xsl:for-each select=". | following-sibling::tei:div[@type = 'point'][generate-id(
            preceding-sibling::*[not(self::tei:div[@type = 'point'])][1]) = $before]">
          <li class="point">
            <xsl:call-template name="attrs"/>
            <xsl:apply-templates/>
          </li>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
      </ol>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="inline">
    <xsl:param name="role"/>
    <xsl:param name="content"/>
    <xsl:variable name="rend" select="concat(' ', @rend, ' ', @style)"/>
    <xsl:variable name="href">
      <xsl:if test="$role = 'ref'">
        <xsl:call-template name="safe-url"><xsl:with-param name="url" select="@target"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="$role = 'lb'">br</xsl:when>
        <xsl:when test="$role = 'abbr'">abbr</xsl:when>
        <xsl:when test="string($href)">a</xsl:when>
        <xsl:when test="$role = 'date' or self::tei:date[@when]">time</xsl:when>
        <xsl:when test="self::tei:hi and contains($rend, 'bold')">b</xsl:when>
        <xsl:when test="self::tei:hi and (contains($rend, 'sup') or contains($rend, 'super'))">sup</xsl:when>
        <xsl:when test="self::tei:hi and contains($rend, 'sub')">sub</xsl:when>
        <xsl:when test="self::tei:hi and contains($rend, 'underline')">u</xsl:when>
        <xsl:when test="self::tei:hi or self::tei:emph">em</xsl:when>
        <xsl:when test="self::tei:foreign or self::tei:term or self::tei:mentioned">i</xsl:when>
        <xsl:when test="self::tei:title">cite</xsl:when>
        <xsl:when test="self::tei:q or self::tei:quote or self::tei:said or self::tei:soCalled">q</xsl:when>
        <xsl:when test="self::tei:del">del</xsl:when>
        <xsl:when test="self::tei:add">ins</xsl:when>
        <xsl:when test="self::tei:code">code</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:if test="$name != 'br'">
        <xsl:attribute name="class">
          <xsl:value-of select="concat($role, ' tei-', local-name())"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="attrs"/>
      <xsl:if test="$name = 'a'">
        <xsl:attribute name="href"><xsl:value-of select="$href"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$name = 'time' and @when">
        <xsl:attribute name="datetime"><xsl:value-of select="@when"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$name = 'abbr' and ../tei:expan">
        <xsl:attribute name="title"><xsl:value-of select="normalize-space(../tei:expan)"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="string($content)"><xsl:value-of select="$content"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template name="insertion">
    <xsl:param name="kind"/>
    <xsl:param name="mark"/>
    <xsl:variable name="explanation">
      <xsl:call-template name="explain"><xsl:with-param name="kind" select="$kind"/></xsl:call-template>
    </xsl:variable>
    <span class="ed ed-{$kind}" title="{$explanation}">
      <xsl:call-template name="attrs"/>
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="string($mark)"><xsl:value-of select="$mark"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
      <span class="vh"><xsl:call-template name="ui-lang"/> (<xsl:value-of select="$explanation"/>)</span>
    </span>
  </xsl:template>

  <!-- A footnote marker: the number, raised, linked to the note below the text and back. -->
  <xsl:template name="footnote-mark">
    <xsl:variable name="id" select="concat('fn-', count(preceding::tei:note[@type = 'footnote'][@place = 'foot']) + 1)"/>
    <sup class="fn-mark" id="{$id}-ref"><a href="#{$id}" aria-label="note {@n}"><xsl:value-of select="@n"/></a></sup>
  </xsl:template>

  <xsl:template name="footnote">
    <xsl:variable name="id" select="concat('fn-', count(preceding::tei:note[@type = 'footnote'][@place = 'foot']) + 1)"/>
    <li class="footnote" id="{$id}" value="{@n}">
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a href="#{$id}-ref" aria-label="back to the text">↩</a>
    </li>
  </xsl:template>

  <xsl:template name="person">
    <xsl:param name="target"/>
    <xsl:variable name="identity"><xsl:call-template name="identity"/></xsl:variable>
    <xsl:variable name="href">
      <xsl:choose>
        <xsl:when test="string($target)"><xsl:value-of select="concat('#', $target)"/></xsl:when>
        <xsl:when test="starts-with(normalize-space(@ref), 'http')">
          <xsl:call-template name="safe-url"><xsl:with-param name="url" select="@ref"/></xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="string($href) and not(ancestor::tei:ref)">a</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:attribute name="class"><xsl:value-of select="concat('person tei-', local-name())"/></xsl:attribute>
      <xsl:call-template name="attrs"/>
      <xsl:if test="$name = 'a'"><xsl:attribute name="href"><xsl:value-of select="$href"/></xsl:attribute></xsl:if>
      <xsl:if test="string($identity)">
        <xsl:attribute name="title"><xsl:value-of select="$identity"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Table cells are cells in a table, and a line of text inside a paragraph. -->
  <xsl:template match="tei:cell">
    <xsl:variable name="phrasing"><xsl:call-template name="phrasing"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($phrasing)">
        <xsl:if test="preceding-sibling::tei:cell"><xsl:text> | </xsl:text></xsl:if>
        <span class="cell"><xsl:call-template name="attrs"/><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{substring('tdth', 1 + 2 * (@role = 'label' or ../@role = 'label'), 2)}">
          <xsl:call-template name="attrs"/>
          <xsl:if test="@cols > 1"><xsl:attribute name="colspan"><xsl:value-of select="@cols"/></xsl:attribute></xsl:if>
          <xsl:if test="@rows > 1"><xsl:attribute name="rowspan"><xsl:value-of select="@rows"/></xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:table/tei:head">
    <xsl:variable name="phrasing"><xsl:call-template name="phrasing"/></xsl:variable>
    <xsl:element name="{substring('captionspan', 1 + 7 * boolean(string($phrasing)), 7)}">
      <xsl:attribute name="class">head</xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ================================================================ style -->

  <xsl:variable name="css">
:root { --ink: #1d1c1a; --muted: #55534e; --rule: #d9d4ca; --link: #1f4e79;
  --ed: #7a3b00; --ed-bg: #fbefd9; --omit: #27466b; --omit-bg: #e5edf7;
  --note: #22582c; --note-bg: #e6f2e7; }
html { background: #fff; color: var(--ink); }
body { margin: 0 auto; max-width: 44rem; padding: 2rem 1.25rem 3rem;
  font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; }
a { color: var(--link); }
.vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.doc-header { border-bottom: 2px solid var(--rule); padding-bottom: 1rem; margin-bottom: 2rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: .95rem; }
h1 { font: 600 1.45rem/1.3 Georgia, "Times New Roman", serif; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.metadata { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
.metadata dt { font-weight: 600; color: var(--muted); }
.metadata dd { margin: 0; }
.reading p { margin: 0 0 .9rem; }
.opener .salute { margin-bottom: 1.1rem; }
.message { margin: 1rem 0; padding: 0 0 0 1.25rem; border-left: 3px solid var(--rule); }
ol.points { list-style: none; margin: 0; padding: 0; }
li.point { padding-left: 2.25rem; }
.lead { display: inline-block; min-width: 2.25rem; margin-left: -2.25rem; font-weight: 600; }
li.item > .lead { display: inline; margin: 0; }
.closer { margin: 1.5rem 0 1rem; text-align: right; }
.closer p { margin: 0; }
.signed { font-weight: 600; }
.postscript { margin-top: 1.5rem; }
.block { display: block; }
.l { margin: 0; }
.lg { margin: 0 0 1rem; }
table.table { border-collapse: collapse; margin: 0 0 1rem; }
table.table td, table.table th { border: 1px solid var(--rule); padding: .2rem .5rem; text-align: left; }
.ed, .ed-sample { color: var(--ed); background: var(--ed-bg); border-radius: .2em; padding: 0 .12em;
  text-decoration: underline dotted; text-underline-offset: .2em; cursor: help;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.ed-omission, .ed-illegible, .ed-gap { color: var(--omit); background: var(--omit-bg); }
.ed-note, .ed-note-editorial, .ed-note-physical { color: var(--note); background: var(--note-bg); font-style: italic; }
.ed .ed { background: none; }
a.person { color: inherit; text-decoration: underline; text-decoration-color: #8c8a84;
  text-underline-offset: .18em; }
a.person:hover, a.person:focus { color: var(--link); }
.persons ul { padding-left: 1.25rem; }
.persons li:target { background: #fff7c2; }
.persons .source { color: var(--muted); }
.doc-footer { margin-top: 2.5rem; border-top: 2px solid var(--rule); padding-top: 1rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: .9rem; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
.legend dd { margin: 0; }
.colophon { color: var(--muted); }
:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
@media (max-width: 32rem) { .metadata, .legend { grid-template-columns: 1fr; }
  .metadata dd, .legend dd { margin-bottom: .4rem; } }
@page { margin: 2cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a, a.person { color: inherit; text-decoration: none; }
  .ed, .ed-sample { background: none; color: inherit; text-decoration: none; font-style: italic; }
  .message { border-left-color: #999; }
  .doc-header, .doc-footer { border-color: #999; }
  li.point, .closer, .metadata { break-inside: avoid; }
  h1, h2 { break-after: avoid; }
  p { orphans: 3; widows: 3; }
}
</xsl:variable>

</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what TEI elements MEAN, shared by html.xsl and text.xsl (XSLT 1.0 + EXSLT).

  The idea is the TEI Stylesheets' own: this module decides that <supplied reason="explanation">
  is an insertion shown in square brackets and explained as "the editor explains a pseudonym, a
  name or a term" (the explanations of the project's own encodings are generated from
  tei/encode/editorial.py by scripts/generate_vocabulary.py); each
  output stylesheet imports it and decides only how things LOOK, by defining these hooks
  (named templates, which xsl:import precedence lets the importing stylesheet override):

    block      (role, lead)      one paragraph-like unit: a line of text, a <p> in HTML
    container  (role)            a unit that holds blocks: div, opener, closer, quoted message…
    inline     (role)            a phrase: names, highlighting, unknown elements
    insertion  (kind, mark)      an editorial insertion, shown in brackets; its explanation is
                                 given by the template "explain" below
    person     (target)          a name that points at a person entry
    text-node  (text)            how a text node is written out

  The header's fields (date, from and to, via, archive, …) are in metadata.xsl, included here.

  The context node of every hook is the TEI element being rendered, so <xsl:apply-templates/>
  inside a hook renders that element's content. Anything this module does not know keeps its
  text (see the template for "*" at the end): no text of the body is ever dropped.

  Run with any XSLT 1.0 processor that has EXSLT (libxslt: lxml, xsltproc):
    xsltproc converters/html.xsl document.xml > document.html
    xsltproc converters/text.xsl document.xml > document.txt
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <!-- Element-only content in TEI: white space there is indentation, not text. Mixed content
       (p, salute, closer, note, …) keeps every space. -->
  <xsl:strip-space elements="tei:TEI tei:teiCorpus tei:teiHeader tei:text tei:front tei:body
      tei:back tei:group tei:div tei:div1 tei:div2 tei:div3 tei:div4 tei:div5 tei:div6 tei:div7
      tei:floatingText tei:list tei:listBibl tei:listPerson tei:person tei:table tei:row tei:lg
      tei:sp tei:cit tei:choice tei:app tei:subst tei:ellipsis tei:gap tei:postscript
      tei:argument tei:epigraph tei:figure tei:fileDesc tei:titleStmt tei:publicationStmt
      tei:sourceDesc tei:msDesc tei:msIdentifier tei:altIdentifier tei:msContents tei:msItem
      tei:locusGrp tei:profileDesc tei:correspDesc tei:correspAction tei:langUsage
      tei:abstract tei:encodingDesc tei:standOff tei:respStmt"/>

  <!-- the header's fields and how dates read -->
  <xsl:include href="metadata.xsl"/>
  <!-- a teiCorpus's letters, each under its own heading; a CMIF file as its list of letters -->
  <xsl:include href="collections.xsl"/>

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="cited-source" match="*[@source]" use="@source"/>

  <!-- A quoted message (floatingText with @rend straight-quotes / curly-quotes) gets its
       quotation marks back around what is rendered first and last inside it: the first or last
       text node that no bracket-generating element holds, or such an element itself, so the
       mark goes outside an opening "[" and after a closing "]". -->
  <xsl:key name="quote-open" match="tei:floatingText[contains(@rend, 'quotes')]"
      use="generate-id((descendant::text()[normalize-space()][not(ancestor::tei:supplied or
          ancestor::tei:ellipsis or ancestor::tei:gap or ancestor::tei:note or
          ancestor::tei:unclear or ancestor::tei:sic or ancestor::tei:choice or ancestor::tei:ex)]
        | descendant::*[self::tei:supplied or self::tei:ellipsis or self::tei:gap or
          self::tei:note or self::tei:unclear or self::tei:sic or self::tei:choice or
          self::tei:ex][not(ancestor::tei:supplied or ancestor::tei:ellipsis or ancestor::tei:gap
          or ancestor::tei:note or ancestor::tei:unclear or ancestor::tei:sic or
          ancestor::tei:choice or ancestor::tei:ex)])[1])"/>
  <xsl:key name="quote-close" match="tei:floatingText[contains(@rend, 'quotes')]"
      use="generate-id((descendant::text()[normalize-space()][not(ancestor::tei:supplied or
          ancestor::tei:ellipsis or ancestor::tei:gap or ancestor::tei:note or
          ancestor::tei:unclear or ancestor::tei:sic or ancestor::tei:choice or ancestor::tei:ex)]
        | descendant::*[self::tei:supplied or self::tei:ellipsis or self::tei:gap or
          self::tei:note or self::tei:unclear or self::tei:sic or self::tei:choice or
          self::tei:ex][not(ancestor::tei:supplied or ancestor::tei:ellipsis or ancestor::tei:gap
          or ancestor::tei:note or ancestor::tei:unclear or ancestor::tei:sic or
          ancestor::tei:choice or ancestor::tei:ex)])[last()])"/>

  <xsl:variable name="header" select="(//tei:teiHeader)[1]"/>
  <xsl:variable name="texts" select="//tei:text[not(ancestor::tei:text)]"/>
  <xsl:variable name="corresp" select="$header/tei:profileDesc/tei:correspDesc[1][not($is-letter-list)]"/>
  <xsl:variable name="doc-lang">
    <xsl:choose>
      <!-- und (undetermined) is HTML's empty lang: "the language is unknown" -->
      <xsl:when test="/*/@xml:lang = 'und'"></xsl:when>
      <xsl:when test="/*/@xml:lang"><xsl:value-of select="/*/@xml:lang"/></xsl:when>
      <xsl:when test="$header/tei:profileDesc/tei:langUsage/tei:language/@ident">
        <xsl:value-of select="$header/tei:profileDesc/tei:langUsage/tei:language[@ident][1]/@ident"/>
      </xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ================================================================ editorial insertions -->

  <!-- What each kind of insertion tells the reader; one place, used by hover titles, screen
       reader text and the legend of marks. -->
  <xsl:template name="explain">
    <xsl:param name="kind"/>
    <xsl:choose>
      <!-- BEGIN generated: editorial vocabulary from tei/encode/editorial.py by scripts/generate_vocabulary.py; do not edit -->
      <xsl:when test="$kind = 'omission'">the published text marks an omitted passage</xsl:when>
      <xsl:when test="$kind = 'illegible'">the editor could not read the original</xsl:when>
      <xsl:when test="$kind = 'explanation'">the editor explains a pseudonym, a name or a term</xsl:when>
      <xsl:when test="$kind = 'abbreviation'">the editor expands an abbreviation</xsl:when>
      <xsl:when test="$kind = 'regularisation'">the editor gives the modern spelling of a name</xsl:when>
      <xsl:when test="$kind = 'subaudible'">words the editor supplies for sense</xsl:when>
      <xsl:when test="$kind = 'omitted'">the editor completes a word</xsl:when>
      <xsl:when test="$kind = 'undefined'">an insertion the converter could not classify</xsl:when>
      <xsl:when test="$kind = 'uncertain'">the editor is unsure of the word before the mark</xsl:when>
      <xsl:when test="$kind = 'sic'">an error kept as in the original</xsl:when>
      <xsl:when test="$kind = 'note-editorial'">an editorial comment, inline</xsl:when>
      <xsl:when test="$kind = 'note-physical'">the editor describes the physical document</xsl:when>
      <xsl:when test="$kind = 'footnote'">a footnote of the printed edition, placed where its marker stands</xsl:when>
      <xsl:when test="$kind = 'page'">a page of the printed volume begins here</xsl:when>
      <xsl:when test="$kind = 'received'">when the telegram was received, as the editors give it</xsl:when>
      <!-- END generated: editorial vocabulary -->
      <!-- kinds the encoder never writes, found in TEI from elsewhere -->
      <xsl:when test="$kind = 'gap'">a gap in the text</xsl:when>
      <xsl:when test="$kind = 'supplied'">supplied by the editor</xsl:when>
      <xsl:when test="$kind = 'correction'">corrected by the editor</xsl:when>
      <xsl:when test="$kind = 'alternative'">an alternative reading</xsl:when>
      <xsl:otherwise>note</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The order of the legend of marks, and a sample of each. -->
  <xsl:template name="legend">
    <xsl:param name="scope" select="$texts"/>
    <xsl:if test="$scope//tei:ellipsis">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'omission'"/><xsl:with-param name="sample" select="'[…]'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$scope//tei:gap[@reason = 'illegible']">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'illegible'"/><xsl:with-param name="sample" select="'[illegible]'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$scope//tei:gap[not(@reason = 'illegible')]">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'gap'"/><xsl:with-param name="sample" select="'[…]'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="($scope//tei:supplied[@reason = 'explanation'])[1]
        | ($scope//tei:supplied[@reason = 'subaudible'])[1]
        | ($scope//tei:supplied[@reason = 'omitted'])[1]
        | ($scope//tei:supplied[@reason = 'undefined'])[1]
        | ($scope//tei:supplied[not(@reason = 'explanation' or @reason = 'subaudible'
            or @reason = 'omitted' or @reason = 'undefined')])[1]">
      <xsl:variable name="kind"><xsl:call-template name="supplied-kind"/></xsl:variable>
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="sample" select="concat('[', normalize-space(.), ']')"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="($scope//tei:choice/tei:reg)[1] | ($scope//tei:choice/tei:expan)[1]
        | ($scope//tei:choice/tei:corr)[1]">
      <xsl:variable name="kind"><xsl:call-template name="choice-kind"/></xsl:variable>
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="sample" select="concat('[', normalize-space(.), ']')"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$scope//tei:unclear">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'uncertain'"/><xsl:with-param name="sample" select="'[?]'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$scope//tei:sic">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'sic'"/><xsl:with-param name="sample" select="'[sic]'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$scope//tei:note[@type = 'editorial']">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'note-editorial'"/><xsl:with-param name="sample" select="'[Ed. note: …]'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$scope//tei:note[@type = 'physical']">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'note-physical'"/><xsl:with-param name="sample" select="'[signature]'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$scope//tei:note[not(@type = 'editorial' or @type = 'physical')]">
      <xsl:call-template name="legend-entry">
        <xsl:with-param name="kind" select="'note'"/><xsl:with-param name="sample" select="'[…]'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="supplied-kind">
    <xsl:choose>
      <xsl:when test="@reason = 'explanation' or @reason = 'subaudible' or @reason = 'omitted'
          or @reason = 'undefined'"><xsl:value-of select="@reason"/></xsl:when>
      <xsl:otherwise>supplied</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="choice-kind">
    <xsl:choose>
      <xsl:when test="self::tei:reg">regularisation</xsl:when>
      <xsl:when test="self::tei:expan">abbreviation</xsl:when>
      <xsl:when test="self::tei:corr">correction</xsl:when>
      <xsl:otherwise>alternative</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- [Stalin], [which is], Com[rade] -->
  <xsl:template match="tei:supplied">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind"><xsl:call-template name="supplied-kind"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- Com[rade] written as an expansion: the expanded letters are the editor's. -->
  <xsl:template match="tei:ex">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind" select="'omitted'"/>
    </xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- [....] exactly as printed: the mark is the metamark's text. -->
  <xsl:template match="tei:ellipsis">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind" select="'omission'"/>
      <xsl:with-param name="mark">
        <xsl:if test="not(tei:metamark or normalize-space())">…</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- [illegible]: the description as the source gave it, else the reason. -->
  <xsl:template match="tei:gap">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind">
        <xsl:choose>
          <xsl:when test="@reason = 'illegible'">illegible</xsl:when>
          <xsl:otherwise>gap</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="mark">
        <xsl:if test="not(normalize-space())">
          <xsl:choose>
            <xsl:when test="@reason = 'illegible'">illegible</xsl:when>
            <xsl:otherwise>…</xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- A footnote of the printed edition: its marker where it stands; the notes themselves are
       listed after the text (template "footnotes"). -->
  <xsl:template match="tei:note[@type = 'footnote'][@place = 'foot']" priority="2">
    <xsl:call-template name="footnote-mark"/>
  </xsl:template>

  <xsl:template name="footnotes">
    <xsl:param name="scope" select="$texts"/>
    <xsl:for-each select="$scope//tei:note[@type = 'footnote'][@place = 'foot']">
      <xsl:call-template name="footnote"/>
    </xsl:for-each>
  </xsl:template>

  <!-- [Page 499]: a page of the printed volume begins. -->
  <xsl:template match="tei:pb[@n]" priority="2">
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind" select="'page'"/>
      <xsl:with-param name="mark" select="concat('Page ', @n)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Markings and receipt lines above a dispatch: a line each; the receipt line is the
       editors' own, in brackets. -->
  <xsl:template match="tei:opener/tei:seg">
    <xsl:call-template name="block"><xsl:with-param name="role" select="concat('seg-', @type)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener/tei:seg[@type = 'received']/tei:date" priority="2">
    <xsl:call-template name="insertion"><xsl:with-param name="kind" select="'received'"/></xsl:call-template>
  </xsl:template>

  <!-- An office with the person in it: "Ambassador in China (Gauss)", as FRUS writes it. -->
  <xsl:template match="tei:persName[tei:roleName]/tei:name" priority="2">
    <xsl:text>(</xsl:text><xsl:apply-templates/><xsl:text>)</xsl:text>
  </xsl:template>

  <!-- [Translator's note: …], [signature]: the note's content, verbatim, in brackets. -->
  <xsl:template match="tei:note">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind">
        <xsl:choose>
          <xsl:when test="@type = 'editorial' or @type = 'physical'">
            <xsl:value-of select="concat('note-', @type)"/>
          </xsl:when>
          <xsl:otherwise>note</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- Harbin [?] -->
  <xsl:template match="tei:unclear">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'unclear'"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind" select="'uncertain'"/>
      <xsl:with-param name="mark" select="'?'"/>
    </xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- recieved [sic] -->
  <xsl:template match="tei:sic">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'sic'"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:call-template name="insertion">
      <xsl:with-param name="kind" select="'sic'"/>
      <xsl:with-param name="mark" select="'sic'"/>
    </xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- Chiang Kai-shek [Jiang Jieshi], CC [Central Committee]: the source's form as it stands,
       then every other alternative in brackets (the editor's). -->
  <xsl:template match="tei:choice">
    <xsl:variable name="source" select="(tei:orig | tei:abbr | tei:sic)[1]
        | *[not(../tei:orig | ../tei:abbr | ../tei:sic)][1]"/>
    <xsl:call-template name="quote-open"/>
    <xsl:for-each select="$source">
      <xsl:call-template name="inline"><xsl:with-param name="role" select="local-name()"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="*[count(. | $source) != count($source)]">
      <xsl:text> </xsl:text>
      <xsl:call-template name="insertion">
        <xsl:with-param name="kind"><xsl:call-template name="choice-kind"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <xsl:template name="quote-open">
    <xsl:for-each select="key('quote-open', generate-id())">
      <xsl:choose>
        <xsl:when test="contains(@rend, 'curly')">“</xsl:when>
        <xsl:otherwise>"</xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="quote-close">
    <xsl:for-each select="key('quote-close', generate-id())">
      <xsl:choose>
        <xsl:when test="contains(@rend, 'curly')">”</xsl:when>
        <xsl:otherwise>"</xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:call-template name="quote-open"/>
    <xsl:call-template name="text-node"><xsl:with-param name="text" select="."/></xsl:call-template>
    <xsl:call-template name="quote-close"/>
  </xsl:template>

  <!-- ================================================================ structure -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group">
    <xsl:call-template name="container"><xsl:with-param name="role" select="local-name()"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6
      | tei:div7 | tei:argument | tei:epigraph | tei:figure | tei:sp | tei:cit | tei:listBibl">
    <xsl:call-template name="container"><xsl:with-param name="role" select="'div'"/></xsl:call-template>
  </xsl:template>

  <!-- A numbered point: its printed label leads its first paragraph (see tei:p below). -->
  <xsl:template match="tei:div[@type = 'point']">
    <xsl:call-template name="container"><xsl:with-param name="role" select="'point'"/></xsl:call-template>
  </xsl:template>

  <!-- A message quoted inside a transmitting telegram; its marks come back via quote-open. -->
  <xsl:template match="tei:floatingText">
    <xsl:call-template name="container"><xsl:with-param name="role" select="'message'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:lg">
    <xsl:call-template name="container"><xsl:with-param name="role" select="local-name()"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:call-template name="container"><xsl:with-param name="role" select="'list'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:table">
    <xsl:call-template name="container"><xsl:with-param name="role" select="'table'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:list | tei:ab | tei:table]">
    <xsl:call-template name="container"><xsl:with-param name="role" select="'quote'"/></xsl:call-template>
  </xsl:template>

  <!-- A label printed before a paragraph (1.) or an item (a)) is rendered as that block's lead. -->
  <xsl:template match="tei:p | tei:ab">
    <xsl:call-template name="block">
      <xsl:with-param name="role" select="'p'"/>
      <xsl:with-param name="lead" select="preceding-sibling::*[1]/self::tei:label"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:label[following-sibling::*[1]/self::*[self::tei:p or self::tei:ab or self::tei:item]]"/>

  <xsl:template match="tei:label">
    <xsl:call-template name="block"><xsl:with-param name="role" select="'label'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:call-template name="block">
      <xsl:with-param name="role" select="'item'"/>
      <xsl:with-param name="lead" select="preceding-sibling::*[1]/self::tei:label"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:salute | tei:signed | tei:dateline | tei:head | tei:l | tei:byline
      | tei:docAuthor | tei:docDate | tei:trailer | tei:speaker | tei:stage | tei:figDesc
      | tei:row | tei:listBibl/tei:bibl | tei:listPerson/tei:person">
    <xsl:call-template name="block"><xsl:with-param name="role" select="local-name()"/></xsl:call-template>
  </xsl:template>

  <!-- a) … b) … run inline in a paragraph: each label, a space, its item. -->
  <xsl:template match="tei:list[@rend = 'inline']" priority="2">
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'inline-list'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list[@rend = 'inline']/tei:label" priority="2">
    <xsl:if test="preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'item-label'"/></xsl:call-template>
    <xsl:if test="following-sibling::*[1]/self::tei:item"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:list[@rend = 'inline']/tei:item" priority="2">
    <xsl:if test="preceding-sibling::*[1]/self::tei:item"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'item'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list[@rend = 'inline']/tei:head" priority="2">
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'head'"/></xsl:call-template>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ================================================================ phrases -->

  <xsl:template match="tei:persName[@ref] | tei:name[@ref] | tei:rs[@ref] | tei:orgName[@ref]">
    <xsl:call-template name="person">
      <xsl:with-param name="target">
        <xsl:call-template name="local-target"><xsl:with-param name="ref" select="@ref"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A date with no text of its own shows its normalised value, so nothing is blank. -->
  <xsl:template match="tei:date[not(normalize-space())]">
    <xsl:call-template name="inline">
      <xsl:with-param name="role" select="'date'"/>
      <xsl:with-param name="content"><xsl:call-template name="date-value"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:persName | tei:name | tei:roleName | tei:placeName | tei:orgName
      | tei:rs | tei:geogName">
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'name'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:ref">
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'ref'"/></xsl:call-template>
  </xsl:template>

  <!-- A pointer has no text: it shows where it points. -->
  <xsl:template match="tei:ptr">
    <xsl:call-template name="inline">
      <xsl:with-param name="role" select="'ref'"/>
      <xsl:with-param name="content" select="normalize-space(@target)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:if test="preceding-sibling::tei:cell"><xsl:text> | </xsl:text></xsl:if>
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'cell'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'lb'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:pb | tei:cb | tei:milestone | tei:anchor | tei:gb">
    <xsl:call-template name="inline"><xsl:with-param name="role" select="'milestone'"/></xsl:call-template>
  </xsl:template>

  <!-- Anything else keeps its text: a unit of blocks when it holds blocks, else a phrase. -->
  <xsl:template match="*">
    <xsl:choose>
      <xsl:when test="tei:p | tei:ab | tei:div | tei:lg | tei:list[not(@rend = 'inline')]
          | tei:table | tei:head | tei:floatingText | tei:sp | tei:l | tei:quote[tei:p] | tei:item
          | tei:opener | tei:closer | tei:salute | tei:signed | tei:dateline | tei:listBibl
          | tei:figure | tei:label | tei:row">
        <xsl:call-template name="container"><xsl:with-param name="role" select="'unknown'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline"><xsl:with-param name="role" select="'unknown'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ persons -->

  <!-- "#stalin" → "stalin" when that id is in this document; else empty. -->
  <xsl:template name="local-target">
    <xsl:param name="ref"/>
    <xsl:variable name="id" select="substring-after(normalize-space($ref), '#')"/>
    <xsl:if test="starts-with(normalize-space($ref), '#') and not(contains($id, ' '))
        and key('id', $id)">
      <xsl:value-of select="$id"/>
    </xsl:if>
  </xsl:template>

  <!-- The usual name of the person a name points at, when it is not the name as written. -->
  <xsl:template name="identity">
    <xsl:variable name="target">
      <xsl:call-template name="local-target"><xsl:with-param name="ref" select="@ref"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="person" select="key('id', $target)"/>
    <xsl:variable name="main" select="normalize-space(($person/tei:persName[@type = 'main']
        | $person/tei:persName[not(../tei:persName[@type = 'main'])][1]
        | $person/tei:orgName[1])[1])"/>
    <!-- the name as written: for a choice, the source's form (orig, abbr), not the editor's -->
    <xsl:variable name="written" select="normalize-space((.//tei:orig | .//tei:abbr)[1])"/>
    <xsl:if test="$main and $main != $written and $main != normalize-space(.)
        and $main != normalize-space(tei:name)">
      <xsl:value-of select="$main"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ default hooks -->
  <!-- Plain-text behaviour, so common.xsl alone is usable; outputs override these. -->

  <xsl:template name="footnote-mark"><xsl:value-of select="@n"/></xsl:template>

  <xsl:template name="footnote">
    <xsl:call-template name="block">
      <xsl:with-param name="role" select="'footnote'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="block">
    <xsl:param name="role"/>
    <xsl:param name="lead" select="/.."/>
    <xsl:if test="$lead">
      <xsl:apply-templates select="$lead/node()"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template name="container">
    <xsl:param name="role"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template name="inline">
    <xsl:param name="role"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="string($content)"><xsl:value-of select="$content"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="insertion">
    <xsl:param name="kind"/>
    <xsl:param name="mark"/>
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="string($mark)"><xsl:value-of select="$mark"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template name="person">
    <xsl:param name="target"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template name="text-node">
    <xsl:param name="text"/>
    <xsl:value-of select="$text"/>
  </xsl:template>

  <xsl:template name="field">
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <xsl:param name="value"/>
  </xsl:template>

  <xsl:template name="legend-entry">
    <xsl:param name="kind"/>
    <xsl:param name="sample"/>
  </xsl:template>

</xsl:stylesheet>

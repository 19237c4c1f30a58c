<?xml version="1.0" encoding="UTF-8"?>
<!-- A product document (the subset of xhtml-subset.xsd) as the parts of an
     OpenDocument text (ODT): <parts><part name="...">, each part one XML
     document or a text (the stored mimetype, first), which the program zips
     in this order, followed by the chart images it drew.  The program has
     marked the document up (src/render/office.c): a chart's div carries
     data-image, the PNG, data-vector, the SVG, data-width, data-height,
     data-title, its number data-figure, and data-drawn where the image is
     first shown.  Headings carry outline levels and the
     standard heading styles, so that the navigator and the contents index
     work; text reaches the parts only as text nodes and attribute values. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
                xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
                xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
                xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
                exclude-result-prefixes="office style text table draw fo xlink dc meta svg manifest">

  <xsl:include href="office-columns.xsl"/>
  <xsl:include href="office-marks.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- a4 or letter, and the package's date (W3C date and time, UTC). -->
  <xsl:param name="paper" select="'a4'"/>
  <xsl:param name="date" select="''"/>

  <xsl:variable name="page-w">
    <xsl:choose><xsl:when test="$paper = 'letter'">612</xsl:when><xsl:otherwise>595.28</xsl:otherwise></xsl:choose>
  </xsl:variable>
  <xsl:variable name="page-h">
    <xsl:choose><xsl:when test="$paper = 'letter'">792</xsl:when><xsl:otherwise>841.89</xsl:otherwise></xsl:choose>
  </xsl:variable>
  <!-- Margins of 2 cm (56.7 pt) at the sides: the measure in points. -->
  <xsl:variable name="measure" select="$page-w - 113.4"/>

  <xsl:variable name="head" select="/html/head"/>
  <xsl:variable name="lang" select="string(/html/@lang)"/>
  <xsl:variable name="marking" select="string($head/meta[@name = 'confidentiality']/@content)"/>
  <xsl:variable name="status" select="string($head/meta[@name = 'document-status']/@content)"/>
  <xsl:variable name="version" select="string($head/meta[@name = 'document-version']/@content)"/>

  <!-- Each language used in the text, once: a text style each. -->
  <xsl:key name="lang" match="*[@lang]" use="@lang"/>
  <xsl:variable name="langs" select="//*[@lang][generate-id() = generate-id(key('lang', @lang)[1])]"/>

  <!-- Each rating and level mark used, once: a text style each. -->
  <xsl:key name="mark" match="span[@class] | abbr[@class]" use="@class"/>
  <xsl:variable name="marks" select="(//span[@class] | //abbr[@class])[starts-with(@class, 'level ')
                                     or starts-with(@class, 'rating ')]
                                     [generate-id() = generate-id(key('mark', @class)[1])]"/>

  <xsl:template match="/">
    <parts>
      <part name="mimetype" stored="yes">application/vnd.oasis.opendocument.text</part>
      <part name="META-INF/manifest.xml">
        <manifest:manifest manifest:version="1.3">
          <manifest:file-entry manifest:full-path="/" manifest:version="1.3"
                               manifest:media-type="application/vnd.oasis.opendocument.text"/>
          <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
          <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
          <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
          <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>
          <xsl:for-each select="//div[@data-drawn]">
            <manifest:file-entry manifest:full-path="{@data-image}" manifest:media-type="image/png"/>
            <xsl:if test="@data-vector">
              <manifest:file-entry manifest:full-path="{@data-vector}" manifest:media-type="image/svg+xml"/>
            </xsl:if>
          </xsl:for-each>
        </manifest:manifest>
      </part>
      <part name="meta.xml">
        <office:document-meta office:version="1.3">
          <office:meta>
            <meta:generator><xsl:value-of select="$head/meta[@name = 'generator']/@content"/></meta:generator>
            <dc:title><xsl:value-of select="$head/title"/></dc:title>
            <dc:subject><xsl:value-of select="$head/meta[@name = 'description']/@content"/></dc:subject>
            <dc:description><xsl:value-of select="$head/meta[@name = 'description']/@content"/></dc:description>
            <meta:initial-creator><xsl:value-of select="$head/meta[@name = 'author']/@content"/></meta:initial-creator>
            <dc:creator><xsl:value-of select="$head/meta[@name = 'author']/@content"/></dc:creator>
            <meta:keyword>SSE-CMM</meta:keyword>
            <meta:keyword>ISO/IEC 21827</meta:keyword>
            <meta:keyword>capability appraisal</meta:keyword>
            <meta:creation-date>
              <xsl:variable name="own" select="string($head/meta[@name = 'date']/@content)"/>
              <xsl:choose>
                <xsl:when test="$own"><xsl:value-of select="concat($own, 'T00:00:00Z')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
              </xsl:choose>
            </meta:creation-date>
            <dc:date><xsl:value-of select="$date"/></dc:date>
            <dc:language><xsl:value-of select="$lang"/></dc:language>
            <xsl:if test="$status">
              <meta:user-defined meta:name="Status"><xsl:value-of select="$status"/></meta:user-defined>
            </xsl:if>
            <xsl:if test="$version">
              <meta:user-defined meta:name="Version"><xsl:value-of select="$version"/></meta:user-defined>
            </xsl:if>
          </office:meta>
        </office:document-meta>
      </part>
      <part name="settings.xml">
        <office:document-settings office:version="1.3"/>
      </part>
      <part name="styles.xml">
        <xsl:call-template name="styles"/>
      </part>
      <part name="content.xml">
        <office:document-content office:version="1.3">
          <office:font-face-decls>
            <xsl:call-template name="fonts"/>
          </office:font-face-decls>
          <office:automatic-styles>
            <style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Heading_20_1">
              <style:paragraph-properties fo:break-before="page"/>
            </style:style>
            <style:style style:name="CoverStart" style:family="paragraph" style:parent-style-name="Subtitle"
                         style:master-page-name="Cover"/>
            <style:style style:name="ContentsAfterCover" style:family="paragraph"
                         style:parent-style-name="Contents_20_Heading">
              <style:paragraph-properties fo:break-before="page"/>
            </style:style>
            <style:style style:name="Table" style:family="table">
              <style:table-properties style:width="{$measure}pt" table:align="margins"/>
            </style:style>
            <style:style style:name="Cell" style:family="table-cell">
              <style:table-cell-properties fo:padding="2pt" fo:border-top="none" fo:border-left="none"
                                           fo:border-right="none" fo:border-bottom="0.5pt solid #D0D7DE"/>
            </style:style>
            <style:style style:name="HeadCell" style:family="table-cell">
              <style:table-cell-properties fo:padding="2pt" fo:background-color="#EEF1F4"
                                           fo:border-top="0.5pt solid #9CA3AF" fo:border-left="none"
                                           fo:border-right="none" fo:border-bottom="0.5pt solid #9CA3AF"/>
            </style:style>
            <style:style style:name="Bold" style:family="text">
              <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
            </style:style>
            <style:style style:name="Italic" style:family="text">
              <style:text-properties fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"/>
            </style:style>
            <style:style style:name="Mono" style:family="text">
              <style:text-properties style:font-name="DejaVu Sans Mono" fo:font-size="8.5pt"/>
            </style:style>
            <style:style style:name="Small" style:family="text">
              <style:text-properties fo:font-size="8.5pt"/>
            </style:style>
            <xsl:for-each select="$marks">
              <xsl:variable name="colours">
                <xsl:call-template name="mark-colours"><xsl:with-param name="class" select="@class"/></xsl:call-template>
              </xsl:variable>
              <style:style style:name="{concat('Mark_', translate(@class, ' -', '__'))}" style:family="text">
                <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold">
                  <xsl:if test="string($colours)">
                    <xsl:attribute name="fo:color"><xsl:value-of select="concat('#', substring-after($colours, ' '))"/></xsl:attribute>
                    <xsl:attribute name="fo:background-color"><xsl:value-of select="concat('#', substring-before($colours, ' '))"/></xsl:attribute>
                  </xsl:if>
                </style:text-properties>
              </style:style>
            </xsl:for-each>
            <xsl:for-each select="$langs">
              <style:style style:name="{concat('Lang_', translate(@lang, '-', '_'))}" style:family="text">
                <xsl:call-template name="language"><xsl:with-param name="tag" select="string(@lang)"/></xsl:call-template>
              </style:style>
            </xsl:for-each>
            <xsl:for-each select="//table">
              <xsl:call-template name="column-styles">
                <xsl:with-param name="id" select="generate-id()"/>
                <xsl:with-param name="widths">
                  <xsl:call-template name="column-widths"><xsl:with-param name="table" select="."/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
            <xsl:for-each select="//div[@data-image]">
              <style:style style:name="{concat('Chart', @data-figure)}" style:family="graphic">
                <style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline"
                                          style:horizontal-pos="center" style:horizontal-rel="paragraph"/>
              </style:style>
            </xsl:for-each>
          </office:automatic-styles>
          <office:body>
            <office:text>
              <xsl:apply-templates select="/html/body/*"/>
            </office:text>
          </office:body>
        </office:document-content>
      </part>
    </parts>
  </xsl:template>

  <!-- fo:language and fo:country (and the Asian and complex scripts') of
       a language tag: zh-CN, ja, he. -->
  <xsl:template name="language">
    <xsl:param name="tag"/>
    <xsl:variable name="language">
      <xsl:choose>
        <xsl:when test="contains($tag, '-')"><xsl:value-of select="substring-before($tag, '-')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$tag"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rest" select="substring-after($tag, '-')"/>
    <xsl:variable name="country">
      <xsl:choose>
        <xsl:when test="string-length($rest) = 2"><xsl:value-of select="$rest"/></xsl:when>
        <xsl:when test="string-length(substring-after($rest, '-')) = 2"><xsl:value-of select="substring-after($rest, '-')"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <style:text-properties fo:language="{$language}" style:language-asian="{$language}"
                           style:language-complex="{$language}">
      <xsl:if test="string($country)">
        <xsl:attribute name="fo:country"><xsl:value-of select="$country"/></xsl:attribute>
        <xsl:attribute name="style:country-asian"><xsl:value-of select="$country"/></xsl:attribute>
        <xsl:attribute name="style:country-complex"><xsl:value-of select="$country"/></xsl:attribute>
      </xsl:if>
    </style:text-properties>
  </xsl:template>

  <xsl:template name="fonts">
    <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss"/>
    <style:font-face style:name="DejaVu Sans Mono" svg:font-family="'DejaVu Sans Mono'" style:font-family-generic="modern" style:font-pitch="fixed"/>
    <style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'" style:font-family-generic="swiss"/>
  </xsl:template>

  <!-- Blocks. -->

  <xsl:template match="header | main | section | footer | div | figure | blockquote | dl">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- The cover is a page without header or footer. -->
  <xsl:template match="header[contains(concat(' ', @class, ' '), ' cover ')]/p[1]">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'CoverStart'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="h1 | h2 | h3 | h4">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="self::h1">1</xsl:when>
        <xsl:otherwise><xsl:value-of select="number(substring(local-name(), 2)) - 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="ancestor::header[contains(concat(' ', @class, ' '), ' cover ')]">
        <xsl:call-template name="para"><xsl:with-param name="style" select="'Title'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <text:h text:outline-level="{$level}">
          <xsl:attribute name="text:style-name">
            <xsl:choose>
              <xsl:when test="parent::section[contains(concat(' ', @class, ' '), ' page-break ')]
                              and not(preceding-sibling::*) and $level = 1">PageBreak</xsl:when>
              <xsl:otherwise><xsl:value-of select="concat('Heading_20_', $level)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="bookmarks"/>
          <xsl:apply-templates mode="inline"/>
        </text:h>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p">
    <xsl:call-template name="para">
      <xsl:with-param name="style">
        <xsl:choose>
          <xsl:when test="contains(concat(' ', @class, ' '), ' confidential ')">Confidential</xsl:when>
          <xsl:otherwise>Text_20_body</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="figcaption | caption">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Caption'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="dt">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Definition_20_Term'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="dd">
    <xsl:call-template name="mixed"><xsl:with-param name="style" select="'Definition'"/></xsl:call-template>
  </xsl:template>

  <!-- The contents become an index of the headings down to level 3, with
       the document's own entries as its text until it is updated. -->
  <xsl:template match="nav[contains(concat(' ', @class, ' '), ' toc ')]">
    <text:table-of-content text:name="Contents" text:protected="true">
      <text:table-of-content-source text:outline-level="3" text:use-index-marks="false">
        <text:index-title-template text:style-name="Contents_20_Heading"><xsl:value-of select="h2"/></text:index-title-template>
        <xsl:call-template name="toc-level"><xsl:with-param name="n" select="1"/></xsl:call-template>
        <xsl:call-template name="toc-level"><xsl:with-param name="n" select="2"/></xsl:call-template>
        <xsl:call-template name="toc-level"><xsl:with-param name="n" select="3"/></xsl:call-template>
      </text:table-of-content-source>
      <text:index-body>
        <text:index-title text:name="Contents_Head">
          <text:p>
            <xsl:attribute name="text:style-name">
              <xsl:choose>
                <xsl:when test="preceding-sibling::header">ContentsAfterCover</xsl:when>
                <xsl:otherwise>Contents_20_Heading</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:value-of select="h2"/>
          </text:p>
        </text:index-title>
        <xsl:for-each select=".//li">
          <text:p text:style-name="{concat('Contents_20_', count(ancestor::ol))}">
            <xsl:apply-templates select="a" mode="inline"/>
          </text:p>
        </xsl:for-each>
      </text:index-body>
    </text:table-of-content>
  </xsl:template>

  <xsl:template name="toc-level">
    <xsl:param name="n"/>
    <text:table-of-content-entry-template text:outline-level="{$n}" text:style-name="{concat('Contents_20_', $n)}">
      <text:index-entry-link-start/>
      <text:index-entry-chapter/>
      <text:index-entry-text/>
      <text:index-entry-tab-stop style:type="right" style:leader-char="."/>
      <text:index-entry-page-number/>
      <text:index-entry-link-end/>
    </text:table-of-content-entry-template>
  </xsl:template>

  <xsl:template match="ul | ol">
    <text:list>
      <xsl:attribute name="text:style-name">
        <xsl:choose>
          <xsl:when test="self::ol">Numbering_20_123</xsl:when>
          <xsl:otherwise>List_20_1</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="li"/>
    </text:list>
  </xsl:template>

  <xsl:template match="li">
    <text:list-item>
      <xsl:call-template name="mixed">
        <xsl:with-param name="style">
          <xsl:choose>
            <xsl:when test="ancestor::td">Table_20_Contents</xsl:when>
            <xsl:otherwise>List_20_Contents</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </text:list-item>
  </xsl:template>

  <!-- An element holding text and blocks (a list item, a definition, a
       cell): its text and inline elements as one paragraph, then its
       blocks. -->
  <xsl:template name="mixed">
    <xsl:param name="style"/>
    <xsl:variable name="inline" select="node()[not(self::p or self::ul or self::ol or self::dl
                                        or self::table or self::div or self::figure
                                        or self::blockquote or self::section)]"/>
    <xsl:if test="$inline[normalize-space() or self::*] or not(*)">
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="$style"/>
        <xsl:with-param name="content" select="$inline"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="*[not(count(. | $inline) = count($inline))]"/>
  </xsl:template>

  <xsl:template name="para">
    <xsl:param name="style"/>
    <xsl:param name="content" select="node()"/>
    <text:p text:style-name="{$style}">
      <xsl:call-template name="bookmarks"/>
      <xsl:apply-templates select="$content" mode="inline"/>
    </text:p>
  </xsl:template>

  <!-- A bookmark for the id of the element and of each ancestor it is the
       first child of, so that links to a section or a row land here. -->
  <xsl:template name="bookmarks">
    <xsl:param name="n" select="."/>
    <xsl:if test="$n/@id">
      <text:bookmark text:name="{$n/@id}"/>
    </xsl:if>
    <xsl:if test="not($n/preceding-sibling::*) and $n/parent::*">
      <xsl:call-template name="bookmarks"><xsl:with-param name="n" select="$n/parent::*"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A chart: the SVG, with the PNG as the fallback of a reader without
       SVG, scaled down to the measure when wider. -->
  <xsl:template match="div[@data-image]">
    <xsl:variable name="w" select="number(@data-width)"/>
    <xsl:variable name="h" select="number(@data-height)"/>
    <xsl:variable name="scale">
      <xsl:choose><xsl:when test="$w &gt; $measure"><xsl:value-of select="$measure div $w"/></xsl:when><xsl:otherwise>1</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:variable name="n" select="@data-figure"/>
    <text:p text:style-name="Figure">
      <draw:frame draw:style-name="{concat('Chart', $n)}" draw:name="{concat('Chart ', $n)}"
                  text:anchor-type="as-char" svg:width="{concat(format-number($w * $scale, '0.00'), 'pt')}"
                  svg:height="{concat(format-number($h * $scale, '0.00'), 'pt')}" draw:z-index="0">
        <xsl:if test="@data-vector">
          <draw:image xlink:href="{@data-vector}" xlink:type="simple" xlink:show="embed"
                      xlink:actuate="onLoad" draw:mime-type="image/svg+xml"/>
        </xsl:if>
        <draw:image xlink:href="{@data-image}" xlink:type="simple" xlink:show="embed"
                    xlink:actuate="onLoad" draw:mime-type="image/png"/>
        <svg:title><xsl:value-of select="@data-title"/></svg:title>
      </draw:frame>
    </text:p>
  </xsl:template>

  <!-- Tables: the caption above, the header rows repeated on every page. -->
  <xsl:template match="table">
    <xsl:apply-templates select="caption"/>
    <xsl:variable name="cols">
      <xsl:call-template name="column-count"><xsl:with-param name="table" select="."/></xsl:call-template>
    </xsl:variable>
    <table:table table:style-name="Table">
      <xsl:call-template name="columns">
        <xsl:with-param name="id" select="generate-id()"/>
        <xsl:with-param name="n" select="$cols"/>
      </xsl:call-template>
      <xsl:if test="thead">
        <table:table-header-rows>
          <xsl:apply-templates select="thead/tr"/>
        </table:table-header-rows>
      </xsl:if>
      <xsl:apply-templates select="tbody/tr | tr"/>
    </table:table>
  </xsl:template>

  <xsl:template name="columns">
    <xsl:param name="id"/>
    <xsl:param name="n"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$i &lt;= $n">
      <table:table-column table:style-name="{concat('C', $id, '_', $i)}"/>
      <xsl:call-template name="columns">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A column style for each of widths (thousandths of the measure). -->
  <xsl:template name="column-styles">
    <xsl:param name="id"/>
    <xsl:param name="widths"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="contains($widths, ' ')">
      <xsl:variable name="share" select="substring-before($widths, ' ')"/>
      <style:style style:name="{concat('C', $id, '_', $i)}" style:family="table-column">
        <style:table-column-properties style:column-width="{concat(format-number($measure * $share div 1000, '0.00'), 'pt')}"
                                       style:rel-column-width="{concat($share, '*')}"/>
      </style:style>
      <xsl:call-template name="column-styles">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="widths" select="substring-after($widths, ' ')"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tr">
    <table:table-row>
      <xsl:apply-templates select="th | td"/>
    </table:table-row>
  </xsl:template>

  <xsl:template match="th | td">
    <table:table-cell office:value-type="string">
      <xsl:attribute name="table:style-name">
        <xsl:choose>
          <xsl:when test="ancestor::thead">HeadCell</xsl:when>
          <xsl:otherwise>Cell</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@colspan &gt; 1">
        <xsl:attribute name="table:number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="mixed">
        <xsl:with-param name="style">
          <xsl:choose>
            <xsl:when test="self::th">Table_20_Heading</xsl:when>
            <xsl:otherwise>Table_20_Contents</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </table:table-cell>
    <xsl:if test="@colspan &gt; 1">
      <table:covered-table-cell table:number-columns-repeated="{@colspan - 1}"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*"><xsl:apply-templates select="*"/></xsl:template>

  <!-- Inline content. -->

  <xsl:template match="text()" mode="inline">
    <xsl:variable name="t" select="translate(., '&#9;&#10;&#13;', '   ')"/>
    <xsl:variable name="core" select="normalize-space($t)"/>
    <xsl:if test="starts-with($t, ' ') and preceding-sibling::node()"><text:s/></xsl:if>
    <xsl:value-of select="$core"/>
    <xsl:if test="$core and substring($t, string-length($t)) = ' ' and following-sibling::node()"><text:s/></xsl:if>
  </xsl:template>

  <xsl:template match="strong" mode="inline">
    <text:span text:style-name="Bold"><xsl:apply-templates mode="inline"/></text:span>
  </xsl:template>
  <xsl:template match="span[starts-with(@class, 'level ') or starts-with(@class, 'rating ')]
                       | abbr[starts-with(@class, 'level ') or starts-with(@class, 'rating ')]" mode="inline">
    <text:span text:style-name="{concat('Mark_', translate(@class, ' -', '__'))}"><xsl:apply-templates mode="inline"/></text:span>
  </xsl:template>
  <xsl:template match="em" mode="inline">
    <text:span text:style-name="Italic"><xsl:apply-templates mode="inline"/></text:span>
  </xsl:template>
  <xsl:template match="code" mode="inline">
    <text:span text:style-name="Mono"><xsl:apply-templates mode="inline"/></text:span>
  </xsl:template>
  <xsl:template match="small" mode="inline">
    <text:span text:style-name="Small"><xsl:apply-templates mode="inline"/></text:span>
  </xsl:template>
  <xsl:template match="*[@lang]" mode="inline" priority="2">
    <text:span text:style-name="{concat('Lang_', translate(@lang, '-', '_'))}">
      <xsl:apply-templates mode="inline"/>
    </text:span>
  </xsl:template>

  <xsl:template match="br" mode="inline"><text:line-break/></xsl:template>

  <!-- Links inside the document go to their target's bookmark; other
       addresses stay text (the document subset has none). -->
  <xsl:template match="a[starts-with(@href, '#')]" mode="inline">
    <text:a xlink:type="simple" xlink:href="#{substring(@href, 2)}">
      <xsl:if test="not(ancestor::nav)"><xsl:attribute name="text:style-name">Internet_20_link</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="inline"/>
    </text:a>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- The styles, the page and its header and footer. -->
  <xsl:template name="styles">
    <office:document-styles office:version="1.3">
      <office:font-face-decls>
        <xsl:call-template name="fonts"/>
      </office:font-face-decls>
      <office:styles>
        <style:default-style style:family="paragraph">
          <style:paragraph-properties fo:margin-bottom="6pt" fo:line-height="120%"/>
          <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt"
                                 style:font-name-asian="Noto Sans CJK SC" style:font-size-asian="10pt"
                                 style:font-name-complex="DejaVu Sans" style:font-size-complex="10pt">
            <xsl:call-template name="language-attributes"/>
          </style:text-properties>
        </style:default-style>
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
                     style:parent-style-name="Standard" style:class="text"/>
        <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
          <style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="12pt"/>
          <style:text-properties fo:font-size="22pt" fo:font-weight="bold" style:font-size-asian="22pt" style:font-weight-asian="bold" fo:color="#1F2937"/>
        </style:style>
        <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
          <style:paragraph-properties fo:margin-top="60pt"/>
          <style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" fo:color="#4B5563"/>
        </style:style>
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"
                     style:next-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="6pt" fo:keep-with-next="always"/>
          <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" fo:color="#1F2937"/>
        </style:style>
        <xsl:call-template name="heading"><xsl:with-param name="n" select="1"/><xsl:with-param name="size" select="'16pt'"/></xsl:call-template>
        <xsl:call-template name="heading"><xsl:with-param name="n" select="2"/><xsl:with-param name="size" select="'13pt'"/></xsl:call-template>
        <xsl:call-template name="heading"><xsl:with-param name="n" select="3"/><xsl:with-param name="size" select="'11pt'"/></xsl:call-template>
        <xsl:call-template name="heading"><xsl:with-param name="n" select="4"/><xsl:with-param name="size" select="'10pt'"/></xsl:call-template>
        <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="4pt" fo:keep-with-next="always"/>
          <style:text-properties fo:font-size="9pt" fo:font-style="italic" style:font-size-asian="9pt" fo:color="#4B5563"/>
        </style:style>
        <style:style style:name="Figure" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:text-align="center" fo:keep-with-next="always"/>
        </style:style>
        <style:style style:name="Definition_20_Term" style:display-name="Definition Term" style:family="paragraph"
                     style:parent-style-name="Standard" style:next-style-name="Definition">
          <style:paragraph-properties fo:margin-bottom="0pt" fo:keep-with-next="always"/>
          <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
        </style:style>
        <style:style style:name="Definition" style:family="paragraph" style:parent-style-name="Standard">
          <style:paragraph-properties fo:margin-left="18pt"/>
        </style:style>
        <style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph"
                     style:parent-style-name="Standard" style:class="list">
          <style:paragraph-properties fo:margin-bottom="3pt"/>
        </style:style>
        <style:style style:name="Confidential" style:family="paragraph" style:parent-style-name="Standard">
          <style:paragraph-properties fo:margin-top="24pt"/>
          <style:text-properties fo:font-weight="bold" fo:color="#B42318"/>
        </style:style>
        <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"
                     style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:margin-bottom="0pt"/>
          <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
        </style:style>
        <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"
                     style:parent-style-name="Table_20_Contents" style:class="extra">
          <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
        </style:style>
        <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph"
                     style:parent-style-name="Heading" style:class="index">
          <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/>
        </style:style>
        <xsl:call-template name="contents-style"><xsl:with-param name="n" select="1"/></xsl:call-template>
        <xsl:call-template name="contents-style"><xsl:with-param name="n" select="2"/></xsl:call-template>
        <xsl:call-template name="contents-style"><xsl:with-param name="n" select="3"/></xsl:call-template>
        <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:text-align="end"/>
          <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" fo:color="#4B5563"/>
        </style:style>
        <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties>
            <style:tab-stops><style:tab-stop style:position="{$measure}pt" style:type="right"/></style:tab-stops>
          </style:paragraph-properties>
          <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" fo:color="#4B5563"/>
        </style:style>
        <style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">
          <style:text-properties fo:color="#0B5CAD"/>
        </style:style>
        <style:style style:name="Draft" style:family="text">
          <style:text-properties fo:font-weight="bold" fo:color="#B42318"/>
        </style:style>
        <text:list-style style:name="List_20_1" style:display-name="List 1">
          <xsl:call-template name="list-levels"><xsl:with-param name="bullet" select="true()"/></xsl:call-template>
        </text:list-style>
        <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
          <xsl:call-template name="list-levels"><xsl:with-param name="bullet" select="false()"/></xsl:call-template>
        </text:list-style>
      </office:styles>
      <office:automatic-styles>
        <style:page-layout style:name="Page">
          <style:page-layout-properties fo:page-width="{$page-w}pt" fo:page-height="{$page-h}pt"
                                        style:print-orientation="portrait" fo:margin-top="36pt"
                                        fo:margin-bottom="36pt" fo:margin-left="56.7pt" fo:margin-right="56.7pt"/>
          <style:header-style>
            <style:header-footer-properties fo:min-height="0pt" fo:margin-bottom="14pt"/>
          </style:header-style>
          <style:footer-style>
            <style:header-footer-properties fo:min-height="0pt" fo:margin-top="14pt"/>
          </style:footer-style>
        </style:page-layout>
      </office:automatic-styles>
      <office:master-styles>
        <style:master-page style:name="Cover" style:page-layout-name="Page" style:next-style-name="Standard"/>
        <style:master-page style:name="Standard" style:page-layout-name="Page">
          <style:header>
            <text:p text:style-name="Header">
              <xsl:if test="$status = 'draft'">
                <text:span text:style-name="Draft">DRAFT</text:span><text:s text:c="2"/>
              </xsl:if>
              <xsl:value-of select="$marking"/>
            </text:p>
          </style:header>
          <style:footer>
            <text:p text:style-name="Footer">
              <xsl:if test="$version">
                <xsl:value-of select="concat('Version ', $version)"/>
                <xsl:if test="$status = 'draft'">, draft</xsl:if>
              </xsl:if>
              <text:tab/>
              <xsl:text>Page </xsl:text>
              <text:page-number text:select-page="current">1</text:page-number>
              <xsl:text> of </xsl:text>
              <text:page-count>1</text:page-count>
            </text:p>
          </style:footer>
        </style:master-page>
      </office:master-styles>
    </office:document-styles>
  </xsl:template>

  <xsl:template name="language-attributes">
    <xsl:variable name="language" select="substring-before(concat($lang, '-'), '-')"/>
    <xsl:attribute name="fo:language"><xsl:value-of select="$language"/></xsl:attribute>
    <xsl:attribute name="style:language-asian"><xsl:value-of select="$language"/></xsl:attribute>
    <xsl:attribute name="style:language-complex"><xsl:value-of select="$language"/></xsl:attribute>
    <xsl:if test="string-length(substring-after($lang, '-')) = 2">
      <xsl:attribute name="fo:country"><xsl:value-of select="substring-after($lang, '-')"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="n"/>
    <xsl:param name="size"/>
    <style:style style:name="{concat('Heading_20_', $n)}" style:display-name="{concat('Heading ', $n)}"
                 style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body"
                 style:default-outline-level="{$n}" style:class="text">
      <style:text-properties fo:font-size="{$size}" style:font-size-asian="{$size}"/>
    </style:style>
  </xsl:template>

  <xsl:template name="contents-style">
    <xsl:param name="n"/>
    <style:style style:name="{concat('Contents_20_', $n)}" style:display-name="{concat('Contents ', $n)}"
                 style:family="paragraph" style:parent-style-name="Standard" style:class="index">
      <style:paragraph-properties fo:margin-left="{concat(($n - 1) * 14, 'pt')}" fo:margin-bottom="2pt">
        <style:tab-stops>
          <style:tab-stop style:position="{concat($measure - ($n - 1) * 14, 'pt')}" style:type="right" style:leader-style="dotted" style:leader-text="."/>
        </style:tab-stops>
      </style:paragraph-properties>
    </style:style>
  </xsl:template>

  <xsl:template name="list-levels">
    <xsl:param name="bullet"/>
    <xsl:param name="level" select="1"/>
    <xsl:if test="$level &lt;= 4">
      <xsl:choose>
        <xsl:when test="$bullet">
          <text:list-level-style-bullet text:level="{$level}">
            <xsl:attribute name="text:bullet-char">
              <xsl:choose><xsl:when test="$level mod 2 = 1">•</xsl:when><xsl:otherwise>–</xsl:otherwise></xsl:choose>
            </xsl:attribute>
            <xsl:call-template name="list-indent"><xsl:with-param name="level" select="$level"/></xsl:call-template>
          </text:list-level-style-bullet>
        </xsl:when>
        <xsl:otherwise>
          <text:list-level-style-number text:level="{$level}" style:num-format="1" style:num-suffix=".">
            <xsl:call-template name="list-indent"><xsl:with-param name="level" select="$level"/></xsl:call-template>
          </text:list-level-style-number>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="list-levels">
        <xsl:with-param name="bullet" select="$bullet"/>
        <xsl:with-param name="level" select="$level + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="list-indent">
    <xsl:param name="level"/>
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
      <style:list-level-label-alignment text:label-followed-by="listtab"
                                        text:list-tab-stop-position="{concat($level * 18, 'pt')}"
                                        fo:text-indent="-18pt" fo:margin-left="{concat($level * 18, 'pt')}"/>
    </style:list-level-properties>
  </xsl:template>

</xsl:stylesheet>

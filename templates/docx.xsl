<?xml version="1.0" encoding="UTF-8"?>
<!-- A product document (the subset of xhtml-subset.xsd) as the parts of a
     Word document (DOCX, Office Open XML): <parts><part name="...">, each
     part one XML document, which the program zips in this order, followed
     by the chart images it drew.  The program has marked the document up
     (src/render/office.c): a chart's div carries data-image, data-width,
     data-height, data-title and its number data-figure, an element with an
     id its number data-anchor, an <ol> its number data-list.  Word's
     built-in style names
     (heading 1-4, toc 1-3, caption, header, footer) so that its navigation
     and contents work; text reaches the parts only as text nodes and
     attribute values, never as markup. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
                xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
                xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
                xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
                xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:dcterms="http://purl.org/dc/terms/"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                exclude-result-prefixes="wp a pic cp dc dcterms xsi">

  <xsl:include href="office-columns.xsl"/>
  <xsl:include href="office-marks.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Text whose spaces at either end count (the loader takes no xml:space
       in a template, so it is made here). -->
  <xsl:attribute-set name="preserve">
    <xsl:attribute name="xml:space">preserve</xsl:attribute>
  </xsl:attribute-set>

  <!-- a4 or letter, and the package's date (W3C date and time, UTC). -->
  <xsl:param name="paper" select="'a4'"/>
  <xsl:param name="date" select="''"/>

  <!-- The page in twentieths of a point, and the measure between margins
       of 2 cm. -->
  <xsl:variable name="page-w">
    <xsl:choose><xsl:when test="$paper = 'letter'">12240</xsl:when><xsl:otherwise>11906</xsl:otherwise></xsl:choose>
  </xsl:variable>
  <xsl:variable name="page-h">
    <xsl:choose><xsl:when test="$paper = 'letter'">15840</xsl:when><xsl:otherwise>16838</xsl:otherwise></xsl:choose>
  </xsl:variable>
  <xsl:variable name="margin" select="1134"/>
  <xsl:variable name="measure" select="$page-w - 2 * $margin"/>

  <xsl:variable name="head" select="/html/head"/>
  <xsl:variable name="lang" select="string(/html/@lang)"/>
  <xsl:variable name="marking" select="string($head/meta[@name = 'confidentiality']/@content)"/>
  <xsl:variable name="status" select="string($head/meta[@name = 'document-status']/@content)"/>
  <xsl:variable name="version" select="string($head/meta[@name = 'document-version']/@content)"/>
  <xsl:variable name="has-cover" select="boolean(/html/body/header[contains(concat(' ', @class, ' '), ' cover ')])"/>

  <xsl:template match="/">
    <parts>
      <part name="[Content_Types].xml">
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Default Extension="png" ContentType="image/png"/>
          <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
          <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
          <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
          <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
          <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
          <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
          <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
        </Types>
      </part>
      <part name="_rels/.rels">
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rDocument" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          <Relationship Id="rCore" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
          <Relationship Id="rApp" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
        </Relationships>
      </part>
      <part name="docProps/core.xml">
        <cp:coreProperties>
          <dc:title><xsl:value-of select="$head/title"/></dc:title>
          <dc:subject><xsl:value-of select="$head/meta[@name = 'description']/@content"/></dc:subject>
          <dc:creator><xsl:value-of select="$head/meta[@name = 'author']/@content"/></dc:creator>
          <cp:keywords>SSE-CMM, ISO/IEC 21827, capability appraisal</cp:keywords>
          <dc:language><xsl:value-of select="$lang"/></dc:language>
          <xsl:if test="$status">
            <cp:contentStatus><xsl:value-of select="$status"/></cp:contentStatus>
          </xsl:if>
          <xsl:if test="$version">
            <cp:version><xsl:value-of select="$version"/></cp:version>
          </xsl:if>
          <dcterms:created xsi:type="dcterms:W3CDTF">
            <xsl:call-template name="created"/>
          </dcterms:created>
          <dcterms:modified xsi:type="dcterms:W3CDTF"><xsl:value-of select="$date"/></dcterms:modified>
        </cp:coreProperties>
      </part>
      <part name="docProps/app.xml">
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
          <Application><xsl:value-of select="$head/meta[@name = 'generator']/@content"/></Application>
        </Properties>
      </part>
      <part name="word/_rels/document.xml.rels">
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
          <Relationship Id="rSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
          <Relationship Id="rNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
          <Relationship Id="rHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
          <Relationship Id="rFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
          <xsl:for-each select="//div[@data-image]">
            <Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
                          Id="{concat('rImage', @data-figure)}" Target="{substring-after(@data-image, 'word/')}"/>
          </xsl:for-each>
        </Relationships>
      </part>
      <part name="word/document.xml">
        <w:document>
          <w:body>
            <xsl:apply-templates select="/html/body/*"/>
            <w:sectPr>
              <w:headerReference w:type="default" r:id="rHeader"/>
              <w:footerReference w:type="default" r:id="rFooter"/>
              <w:pgSz w:w="{$page-w}" w:h="{$page-h}"/>
              <w:pgMar w:top="1304" w:right="{$margin}" w:bottom="1304" w:left="{$margin}"
                       w:header="624" w:footer="624" w:gutter="0"/>
              <xsl:if test="$has-cover"><w:titlePg/></xsl:if>
            </w:sectPr>
          </w:body>
        </w:document>
      </part>
      <part name="word/styles.xml">
        <xsl:call-template name="styles"/>
      </part>
      <part name="word/settings.xml">
        <w:settings>
          <!-- The contents field is filled by the word processor: ask it to
               update fields on opening. -->
          <w:updateFields w:val="true"/>
          <w:defaultTabStop w:val="709"/>
          <w:characterSpacingControl w:val="doNotCompress"/>
          <w:themeFontLang w:val="{$lang}"/>
          <w:compat>
            <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
          </w:compat>
        </w:settings>
      </part>
      <part name="word/numbering.xml">
        <xsl:call-template name="numbering"/>
      </part>
      <part name="word/header1.xml">
        <w:hdr>
          <w:p>
            <w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>
            <xsl:if test="$status = 'draft'">
              <w:r><w:rPr><w:b/><w:color w:val="B42318"/></w:rPr><w:t xsl:use-attribute-sets="preserve">DRAFT  </w:t></w:r>
            </xsl:if>
            <w:r><w:t><xsl:value-of select="$marking"/></w:t></w:r>
          </w:p>
        </w:hdr>
      </part>
      <part name="word/footer1.xml">
        <w:ftr>
          <w:p>
            <w:pPr>
              <w:pStyle w:val="Footer"/>
              <w:tabs><w:tab w:val="right" w:pos="{$measure}"/></w:tabs>
            </w:pPr>
            <xsl:if test="$version">
              <w:r>
                <w:t>
                  <xsl:value-of select="concat('Version ', $version)"/>
                  <xsl:if test="$status = 'draft'">, draft</xsl:if>
                </w:t>
              </w:r>
            </xsl:if>
            <w:r><w:tab/><w:t xsl:use-attribute-sets="preserve">Page </w:t></w:r>
            <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>
            <w:r><w:t xsl:use-attribute-sets="preserve"> of </w:t></w:r>
            <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>
          </w:p>
        </w:ftr>
      </part>
    </parts>
  </xsl:template>

  <!-- The document's own date, or the package's. -->
  <xsl:template name="created">
    <xsl:variable name="own" select="string($head/meta[@name = 'date']/@content)"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:value-of select="concat($own, 'T00:00:00Z')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Blocks. -->

  <xsl:template match="header | main | section | footer | div | figure | blockquote">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="header[contains(concat(' ', @class, ' '), ' cover ')]/p[1]">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Subtitle'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="h1">
    <xsl:call-template name="para">
      <xsl:with-param name="style">
        <xsl:choose>
          <xsl:when test="ancestor::header[contains(concat(' ', @class, ' '), ' cover ')]">Title</xsl:when>
          <xsl:otherwise>Heading1</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="h2">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Heading1'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="h3">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Heading2'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="h4">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Heading3'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="p">
    <xsl:call-template name="para">
      <xsl:with-param name="style">
        <xsl:if test="contains(concat(' ', @class, ' '), ' confidential ')">Confidential</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="figcaption | caption">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Caption'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="dl">
    <xsl:apply-templates select="*"/>
  </xsl:template>
  <xsl:template match="dt">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'DefinitionTerm'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="dd">
    <xsl:call-template name="mixed"><xsl:with-param name="style" select="'Definition'"/></xsl:call-template>
  </xsl:template>

  <!-- The contents become Word's contents field, with the document's own
       entries as its text until the field is updated. -->
  <xsl:template match="nav[contains(concat(' ', @class, ' '), ' toc ')]">
    <w:p>
      <w:pPr>
        <w:pStyle w:val="TOCHeading"/>
        <xsl:if test="preceding-sibling::header"><w:pageBreakBefore/></xsl:if>
      </w:pPr>
      <w:r><w:t><xsl:value-of select="h2"/></w:t></w:r>
    </w:p>
    <xsl:for-each select=".//li">
      <w:p>
        <w:pPr><w:pStyle w:val="{concat('TOC', count(ancestor::ol))}"/></w:pPr>
        <xsl:if test="position() = 1">
          <w:r><w:fldChar w:fldCharType="begin"/></w:r>
          <w:r><w:instrText xsl:use-attribute-sets="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r>
          <w:r><w:fldChar w:fldCharType="separate"/></w:r>
        </xsl:if>
        <xsl:apply-templates select="a" mode="inline"/>
        <xsl:if test="position() = last()">
          <w:r><w:fldChar w:fldCharType="end"/></w:r>
        </xsl:if>
      </w:p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="ul | ol">
    <xsl:apply-templates select="li"/>
  </xsl:template>

  <xsl:template match="li">
    <xsl:variable name="list" select="parent::*"/>
    <xsl:variable name="num">
      <xsl:choose>
        <xsl:when test="$list/self::ol">
          <xsl:value-of select="1 + $list/@data-list"/>
        </xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="mixed">
      <xsl:with-param name="style">
        <xsl:choose>
          <xsl:when test="ancestor::td">TableContents</xsl:when>
          <xsl:otherwise>ListParagraph</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="num" select="$num"/>
      <xsl:with-param name="level" select="count(ancestor::ul | ancestor::ol) - 1"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An element holding text and blocks (a list item, a definition, a
       cell): its text and inline elements as one paragraph, then its
       blocks.  num and level set the first paragraph's list numbering. -->
  <xsl:template name="mixed">
    <xsl:param name="style"/>
    <xsl:param name="num"/>
    <xsl:param name="level" select="0"/>
    <xsl:variable name="inline" select="node()[not(self::p or self::ul or self::ol or self::dl
                                        or self::table or self::div or self::figure
                                        or self::blockquote or self::section)]"/>
    <xsl:if test="$inline[normalize-space() or self::*] or not(*)">
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="$style"/>
        <xsl:with-param name="num" select="$num"/>
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="content" select="$inline"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="*[not(count(. | $inline) = count($inline))]"/>
  </xsl:template>

  <!-- One paragraph: style, list numbering, the page break a section asks
       for, bookmarks for the ids it starts, and its runs. -->
  <xsl:template name="para">
    <xsl:param name="style"/>
    <xsl:param name="num"/>
    <xsl:param name="level" select="0"/>
    <xsl:param name="content" select="node()"/>
    <w:p>
      <w:pPr>
        <xsl:if test="string($style)"><w:pStyle w:val="{$style}"/></xsl:if>
        <xsl:if test="parent::section[contains(concat(' ', @class, ' '), ' page-break ')]
                      and not(preceding-sibling::*)">
          <w:pageBreakBefore/>
        </xsl:if>
        <xsl:if test="string($num)">
          <w:numPr><w:ilvl w:val="{$level}"/><w:numId w:val="{$num}"/></w:numPr>
        </xsl:if>
      </w:pPr>
      <xsl:call-template name="bookmarks"/>
      <xsl:apply-templates select="$content" mode="inline"/>
    </w:p>
  </xsl:template>

  <!-- A bookmark for the id of the element and of each ancestor it is the
       first child of, so that links to a section or a row land here.
       Word's bookmark names take letters, digits and '_'. -->
  <xsl:template name="bookmarks">
    <xsl:param name="n" select="."/>
    <xsl:if test="$n/@id">
      <w:bookmarkStart w:id="{$n/@data-anchor}" w:name="{translate($n/@id, '-.:', '___')}"/>
      <w:bookmarkEnd w:id="{$n/@data-anchor}"/>
    </xsl:if>
    <xsl:if test="not($n/preceding-sibling::*) and $n/parent::*">
      <xsl:call-template name="bookmarks"><xsl:with-param name="n" select="$n/parent::*"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A chart: its image, scaled down to the measure when wider. -->
  <xsl:template match="div[@data-image]">
    <xsl:variable name="w" select="number(@data-width)"/>
    <xsl:variable name="h" select="number(@data-height)"/>
    <xsl:variable name="fit" select="$measure div 20"/>
    <xsl:variable name="scale">
      <xsl:choose><xsl:when test="$w &gt; $fit"><xsl:value-of select="$fit div $w"/></xsl:when><xsl:otherwise>1</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:variable name="n" select="@data-figure"/>
    <xsl:variable name="cx" select="round($w * $scale * 12700)"/>
    <xsl:variable name="cy" select="round($h * $scale * 12700)"/>
    <w:p>
      <w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr>
      <w:r>
        <w:drawing>
          <wp:inline distT="0" distB="0" distL="0" distR="0">
            <wp:extent cx="{$cx}" cy="{$cy}"/>
            <wp:docPr id="{$n}" name="{concat('Chart ', $n)}" descr="{@data-title}"/>
            <a:graphic>
              <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">
                <pic:pic>
                  <pic:nvPicPr>
                    <pic:cNvPr id="{$n}" name="{substring-after(@data-image, 'media/')}" descr="{@data-title}"/>
                    <pic:cNvPicPr/>
                  </pic:nvPicPr>
                  <pic:blipFill>
                    <a:blip r:embed="{concat('rImage', $n)}"/>
                    <a:stretch><a:fillRect/></a:stretch>
                  </pic:blipFill>
                  <pic:spPr>
                    <a:xfrm><a:off x="0" y="0"/><a:ext cx="{$cx}" cy="{$cy}"/></a:xfrm>
                    <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
                  </pic:spPr>
                </pic:pic>
              </a:graphicData>
            </a:graphic>
          </wp:inline>
        </w:drawing>
      </w:r>
    </w:p>
  </xsl:template>

  <!-- Tables: the caption above, the header rows repeated on every page. -->
  <xsl:template match="table">
    <xsl:apply-templates select="caption"/>
    <w:tbl>
      <w:tblPr>
        <w:tblStyle w:val="ReportTable"/>
        <w:tblW w:w="5000" w:type="pct"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>
      </w:tblPr>
      <w:tblGrid>
        <xsl:call-template name="grid">
          <xsl:with-param name="widths">
            <xsl:call-template name="column-widths"><xsl:with-param name="table" select="."/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </w:tblGrid>
      <xsl:apply-templates select="thead/tr | tbody/tr | tr"/>
    </w:tbl>
    <w:p><w:pPr><w:pStyle w:val="AfterTable"/></w:pPr></w:p>
  </xsl:template>

  <!-- A grid column for each of widths (thousandths of the measure). -->
  <xsl:template name="grid">
    <xsl:param name="widths"/>
    <xsl:if test="contains($widths, ' ')">
      <w:gridCol w:w="{floor($measure * substring-before($widths, ' ') div 1000)}"/>
      <xsl:call-template name="grid">
        <xsl:with-param name="widths" select="substring-after($widths, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tr">
    <w:tr>
      <w:trPr>
        <w:cantSplit/>
        <xsl:if test="parent::thead"><w:tblHeader/></xsl:if>
      </w:trPr>
      <xsl:apply-templates select="th | td"/>
    </w:tr>
  </xsl:template>

  <xsl:template match="th | td">
    <w:tc>
      <w:tcPr>
        <xsl:if test="@colspan &gt; 1"><w:gridSpan w:val="{@colspan}"/></xsl:if>
        <xsl:if test="ancestor::thead">
          <w:shd w:val="clear" w:color="auto" w:fill="EEF1F4"/>
        </xsl:if>
      </w:tcPr>
      <xsl:call-template name="mixed">
        <xsl:with-param name="style">
          <xsl:choose>
            <xsl:when test="self::th">TableHeading</xsl:when>
            <xsl:otherwise>TableContents</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <!-- A cell ends with a paragraph. -->
      <xsl:if test="*[last()][self::table]"><w:p/></xsl:if>
    </w:tc>
  </xsl:template>

  <xsl:template match="*"><xsl:apply-templates select="*"/></xsl:template>

  <!-- Inline content: runs, formatted by the elements they are in. -->

  <xsl:template match="text()" mode="inline">
    <xsl:variable name="t" select="translate(., '&#9;&#10;&#13;', '   ')"/>
    <xsl:variable name="core" select="normalize-space($t)"/>
    <xsl:variable name="text">
      <xsl:if test="starts-with($t, ' ') and preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="$core"/>
      <xsl:if test="$core and substring($t, string-length($t)) = ' ' and following-sibling::node()"><xsl:text> </xsl:text></xsl:if>
    </xsl:variable>
    <xsl:if test="string($text)">
      <w:r>
        <xsl:call-template name="run-properties"/>
        <w:t xsl:use-attribute-sets="preserve"><xsl:value-of select="$text"/></w:t>
      </w:r>
    </xsl:if>
  </xsl:template>

  <xsl:template name="run-properties">
    <xsl:variable name="tag" select="string(ancestor::*[@lang][1]/@lang)"/>
    <xsl:variable name="link" select="ancestor::a[not(ancestor::nav)]"/>
    <xsl:variable name="badge" select="ancestor::*[@class][starts-with(@class, 'level ')
                                        or starts-with(@class, 'rating ')][1]"/>
    <xsl:variable name="colours">
      <xsl:if test="$badge">
        <xsl:call-template name="mark-colours"><xsl:with-param name="class" select="$badge/@class"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="ancestor::strong or ancestor::em or ancestor::code or ancestor::small
                  or $link or $badge or $tag != $lang">
      <w:rPr>
        <xsl:if test="$link"><w:rStyle w:val="Hyperlink"/></xsl:if>
        <xsl:if test="ancestor::code">
          <w:rFonts w:ascii="DejaVu Sans Mono" w:hAnsi="DejaVu Sans Mono"/>
        </xsl:if>
        <xsl:if test="ancestor::strong or $badge"><w:b/></xsl:if>
        <xsl:if test="ancestor::em"><w:i/></xsl:if>
        <xsl:if test="string($colours)"><w:color w:val="{substring-after($colours, ' ')}"/></xsl:if>
        <xsl:if test="ancestor::small or ancestor::code"><w:sz w:val="17"/></xsl:if>
        <xsl:if test="string($colours)">
          <w:shd w:val="clear" w:color="auto" w:fill="{substring-before($colours, ' ')}"/>
        </xsl:if>
        <xsl:if test="$tag != $lang">
          <w:lang w:val="{$tag}" w:eastAsia="{$tag}" w:bidi="{$tag}"/>
        </xsl:if>
      </w:rPr>
    </xsl:if>
  </xsl:template>

  <xsl:template match="br" mode="inline">
    <w:r><w:br/></w:r>
  </xsl:template>

  <!-- Links inside the document go to the bookmark of their target; other
       addresses stay text (the document subset has none). -->
  <xsl:template match="a[starts-with(@href, '#')]" mode="inline">
    <w:hyperlink w:anchor="{translate(substring(@href, 2), '-.:', '___')}">
      <xsl:apply-templates mode="inline"/>
    </w:hyperlink>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- Numbering: bullets (1) and one decimal list for each <ol> (2 on),
       each starting at 1. -->
  <xsl:template name="numbering">
    <w:numbering>
      <w:abstractNum w:abstractNumId="0">
        <w:multiLevelType w:val="hybridMultilevel"/>
        <xsl:call-template name="levels"><xsl:with-param name="format" select="'bullet'"/></xsl:call-template>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:multiLevelType w:val="hybridMultilevel"/>
        <xsl:call-template name="levels"><xsl:with-param name="format" select="'decimal'"/></xsl:call-template>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <xsl:for-each select="//ol">
        <w:num w:numId="{1 + @data-list}">
          <w:abstractNumId w:val="1"/>
          <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>
        </w:num>
      </xsl:for-each>
    </w:numbering>
  </xsl:template>

  <xsl:template name="levels">
    <xsl:param name="format"/>
    <xsl:param name="level" select="0"/>
    <xsl:if test="$level &lt; 4">
      <w:lvl w:ilvl="{$level}">
        <w:start w:val="1"/>
        <w:numFmt w:val="{$format}"/>
        <w:lvlText>
          <xsl:attribute name="w:val">
            <xsl:choose>
              <xsl:when test="$format = 'bullet' and $level mod 2 = 0">•</xsl:when>
              <xsl:when test="$format = 'bullet'">–</xsl:when>
              <xsl:otherwise><xsl:value-of select="concat('%', $level + 1, '.')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </w:lvlText>
        <w:lvlJc w:val="left"/>
        <w:pPr><w:ind w:left="{360 * ($level + 1)}" w:hanging="360"/></w:pPr>
      </w:lvl>
      <xsl:call-template name="levels">
        <xsl:with-param name="format" select="$format"/>
        <xsl:with-param name="level" select="$level + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The styles, under Word's built-in names. -->
  <xsl:template name="styles">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault>
          <w:rPr>
            <w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:eastAsia="Noto Sans CJK SC" w:cs="DejaVu Sans"/>
            <w:sz w:val="20"/>
            <w:lang w:val="{$lang}" w:eastAsia="{$lang}" w:bidi="{$lang}"/>
          </w:rPr>
        </w:rPrDefault>
        <w:pPrDefault>
          <w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>
        </w:pPrDefault>
      </w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
        <w:name w:val="Normal"/>
        <w:qFormat/>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Title">
        <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:spacing w:before="240" w:after="240"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="44"/><w:color w:val="1F2937"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Subtitle">
        <w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:spacing w:before="1200"/></w:pPr>
        <w:rPr><w:sz w:val="26"/><w:color w:val="4B5563"/></w:rPr>
      </w:style>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="1"/><xsl:with-param name="size" select="32"/></xsl:call-template>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="2"/><xsl:with-param name="size" select="26"/></xsl:call-template>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="3"/><xsl:with-param name="size" select="22"/></xsl:call-template>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="4"/><xsl:with-param name="size" select="20"/></xsl:call-template>
      <w:style w:type="paragraph" w:styleId="TOCHeading">
        <w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
        <w:pPr><w:keepNext/><w:spacing w:before="360" w:after="160"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="32"/><w:color w:val="1F2937"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TOC1">
        <w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
        <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{$measure}"/></w:tabs><w:spacing w:after="60"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TOC2">
        <w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
        <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{$measure}"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="360"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TOC3">
        <w:name w:val="toc 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
        <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{$measure}"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="720"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Caption">
        <w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="80"/></w:pPr>
        <w:rPr><w:i/><w:sz w:val="18"/><w:color w:val="4B5563"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListParagraph">
        <w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:spacing w:after="60"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="DefinitionTerm">
        <w:name w:val="Definition Term"/><w:basedOn w:val="Normal"/><w:next w:val="Definition"/>
        <w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Definition">
        <w:name w:val="Definition"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:ind w:left="360"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Confidential">
        <w:name w:val="Confidentiality Marking"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:before="480"/></w:pPr>
        <w:rPr><w:b/><w:color w:val="B42318"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TableHeading">
        <w:name w:val="Table Heading"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:after="0"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="18"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TableContents">
        <w:name w:val="Table Contents"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:after="0"/></w:pPr>
        <w:rPr><w:sz w:val="18"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="AfterTable">
        <w:name w:val="After Table"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="exact"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Header">
        <w:name w:val="header"/><w:basedOn w:val="Normal"/>
        <w:rPr><w:sz w:val="16"/><w:color w:val="4B5563"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Footer">
        <w:name w:val="footer"/><w:basedOn w:val="Normal"/>
        <w:rPr><w:sz w:val="16"/><w:color w:val="4B5563"/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="Hyperlink">
        <w:name w:val="Hyperlink"/>
        <w:rPr><w:color w:val="0B5CAD"/></w:rPr>
      </w:style>
      <w:style w:type="table" w:styleId="ReportTable">
        <w:name w:val="Report Table"/>
        <w:tblPr>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="9CA3AF"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="9CA3AF"/>
            <w:insideH w:val="single" w:sz="2" w:space="0" w:color="D0D7DE"/>
          </w:tblBorders>
          <w:tblCellMar>
            <w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>
            <w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
      </w:style>
    </w:styles>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="n"/>
    <xsl:param name="size"/>
    <w:style w:type="paragraph" w:styleId="{concat('Heading', $n)}">
      <w:name w:val="{concat('heading ', $n)}"/>
      <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
      <w:pPr>
        <w:keepNext/><w:keepLines/>
        <w:spacing w:before="{200 + 40 * (4 - $n)}" w:after="120"/>
        <w:outlineLvl w:val="{$n - 1}"/>
      </w:pPr>
      <w:rPr><w:b/><w:sz w:val="{$size}"/><w:color w:val="1F2937"/></w:rPr>
    </w:style>
  </xsl:template>

</xsl:stylesheet>

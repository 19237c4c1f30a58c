<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared pieces of every product: the page shell, rating and level badges,
     and the names of things.  Presentation only: every number arrives
     computed in the input.  Output is the element subset of
     xhtml-subset.xsd; no text from the input ever reaches an attribute name,
     an element name, a URL, a style or a comment. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:ssecmm:model:1"
                xmlns:a="urn:ssecmm:appraisal:1"
                xmlns:r="urn:ssecmm:result:1"
                exclude-result-prefixes="m a r">

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <!-- The tool's name and version, passed by the program. -->
  <xsl:param name="generator" select="'ssecmm'"/>

  <!-- The page: head with metadata, then the body content given. -->
  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="author"/>
    <xsl:param name="confidentiality"/>
    <!-- draft or final, and the version, from the assessment record; the
         PDF marks every page of a draft and puts the version in the footer. -->
    <xsl:param name="status"/>
    <xsl:param name="version"/>
    <!-- The document's date (YYYY-MM-DD): the office formats' properties. -->
    <xsl:param name="date"/>
    <xsl:param name="content"/>
    <html lang="en">
      <head>
        <title><xsl:value-of select="$title"/></title>
        <xsl:if test="string($author)">
          <meta name="author" content="{$author}"/>
        </xsl:if>
        <xsl:if test="string($description)">
          <meta name="description" content="{$description}"/>
        </xsl:if>
        <xsl:if test="string($confidentiality)">
          <meta name="confidentiality" content="{$confidentiality}"/>
        </xsl:if>
        <xsl:if test="string($status)">
          <meta name="document-status" content="{$status}"/>
        </xsl:if>
        <xsl:if test="string($version)">
          <meta name="document-version" content="{$version}"/>
        </xsl:if>
        <xsl:if test="string($date)">
          <meta name="date" content="{$date}"/>
        </xsl:if>
        <meta name="generator" content="{$generator}"/>
      </head>
      <body>
        <xsl:copy-of select="$content"/>
      </body>
    </html>
  </xsl:template>

  <!-- A practice rating as a badge: F, L, P, N, NA or unrated. -->
  <xsl:template name="rating-badge">
    <xsl:param name="rating"/>
    <xsl:choose>
      <xsl:when test="$rating = 'F' or $rating = 'L' or $rating = 'P' or $rating = 'N'
                      or $rating = 'NA'">
        <abbr class="rating rating-{$rating}">
          <xsl:attribute name="title">
            <xsl:call-template name="rating-name">
              <xsl:with-param name="rating" select="$rating"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="$rating"/>
        </abbr>
      </xsl:when>
      <xsl:otherwise>
        <span class="rating rating-unrated">not rated</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="rating-name">
    <xsl:param name="rating"/>
    <xsl:choose>
      <xsl:when test="$rating = 'F'">Fully achieved (over 85 %)</xsl:when>
      <xsl:when test="$rating = 'L'">Largely achieved (over 50 % to 85 %)</xsl:when>
      <xsl:when test="$rating = 'P'">Partially achieved (over 15 % to 50 %)</xsl:when>
      <xsl:when test="$rating = 'N'">Not achieved (0 % to 15 %)</xsl:when>
      <xsl:when test="$rating = 'NA'">Not applicable</xsl:when>
      <xsl:otherwise>Not rated</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A capability level from a result <area>: level-N badge, "not applicable"
       or "not appraised", in words as every product says them.  The context node
       is the r:area. -->
  <xsl:template name="level-badge">
    <xsl:param name="area" select="."/>
    <xsl:choose>
      <xsl:when test="$area/@status = 'rated'">
        <span class="level level-{$area/@level}">
          <xsl:value-of select="$area/@level"/>
        </span>
      </xsl:when>
      <xsl:when test="$area/@status = 'not-applicable'">
        <span class="level level-na">not applicable</span>
      </xsl:when>
      <xsl:otherwise>
        <span class="level level-out">not appraised</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The comparison with a target, from an organization r:area. -->
  <xsl:template name="gap-text">
    <xsl:param name="area" select="."/>
    <xsl:choose>
      <xsl:when test="$area/@gap-status = 'meets'">
        <span class="gap gap-meets">meets</span>
      </xsl:when>
      <xsl:when test="$area/@gap-status = 'short'">
        <span class="gap gap-short">short by <xsl:value-of select="$area/@gap"/></span>
      </xsl:when>
      <xsl:when test="$area/@gap-status = 'not-appraised'">
        <span class="gap gap-not-appraised">
          <xsl:choose>
            <xsl:when test="$area/@status = 'not-applicable'">not applicable</xsl:when>
            <xsl:otherwise>not appraised</xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:when>
      <xsl:otherwise>&#8212;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date from the input, YYYY-MM-DD, as "11 May 2026"; anything else
       shown as it is. -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:variable name="month" select="substring($value, 6, 2)"/>
    <xsl:variable name="months"
                  select="'01January  02February 03March    04April    05May      06June     07July     08August   09September10October  11November 12December '"/>
    <xsl:choose>
      <xsl:when test="translate($value, '0123456789', '9999999999') = '9999-99-99'
                      and contains($months, $month) and $month != '00'">
        <xsl:value-of select="number(substring($value, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="normalize-space(substring(substring-after($months, $month), 1, 9))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($value, 1, 4)"/>
      </xsl:when>
      <xsl:otherwise><bdi><xsl:value-of select="$value"/></bdi></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A digest (the program's own SHA-256, 64 hex digits) in groups of
       eight, each a span: both renderings set the groups apart and break
       a line only between them, and the text copied is the digest itself. -->
  <xsl:template name="digest">
    <xsl:param name="value"/>
    <code class="digest">
      <xsl:call-template name="digest-groups">
        <xsl:with-param name="rest" select="$value"/>
      </xsl:call-template>
    </code>
  </xsl:template>

  <xsl:template name="digest-groups">
    <xsl:param name="rest"/>
    <xsl:if test="$rest != ''">
      <span><xsl:value-of select="substring($rest, 1, 8)"/></span>
      <xsl:call-template name="digest-groups">
        <xsl:with-param name="rest" select="substring($rest, 9)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- How people write an id: GP-2.1.1 as "GP 2.1.1", PA1.1 as "PA 1.1". -->
  <xsl:template name="label">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="starts-with($id, 'GP-') or starts-with($id, 'CF-')">
        <xsl:value-of select="concat(substring($id, 1, 2), ' ', substring($id, 4))"/>
      </xsl:when>
      <xsl:when test="string-length($id) = 5 and starts-with($id, 'PA')
                      and substring($id, 4, 1) = '.'">
        <xsl:value-of select="concat('PA ', substring($id, 3))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What an empty <ref to="..."/> reads as.  Practice, area, goal and
       feature ids are how people cite them ("BP.05.02", "GP 2.2.2"); section
       and term ids are only anchors, so the section's title or the term's
       name stands in for them (a term in lower case unless it is an
       acronym, since it falls mid-sentence).  The key looks in the model
       document that holds the ref. -->
  <xsl:key name="model-named" match="m:section | m:term" use="@id"/>
  <xsl:template name="ref-name">
    <xsl:param name="id"/>
    <xsl:variable name="target" select="key('model-named', $id)"/>
    <xsl:choose>
      <xsl:when test="$target/self::m:section">
        <xsl:value-of select="$target/@title"/>
      </xsl:when>
      <xsl:when test="$target/self::m:term">
        <xsl:variable name="name" select="string($target/@name)"/>
        <xsl:variable name="second" select="substring($name, 2, 1)"/>
        <xsl:choose>
          <xsl:when test="$second != translate($second, 'abcdefghijklmnopqrstuvwxyz', '')
                          or $second = ''">
            <xsl:value-of select="concat(translate(substring($name, 1, 1),
                                  'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),
                                  substring($name, 2))"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="label">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An anchor id for a model id: "BP.03.02" and "PA03" stay, "GP-2.1.1"
       stays; ids are ASCII by the schema, so they are safe as fragments. -->
  <xsl:template name="anchor">
    <xsl:param name="id"/>
    <xsl:value-of select="$id"/>
  </xsl:template>

  <!-- Model running text (m:p, m:ul, m:em, m:code, m:ref) into the subset.
       refs become links within the document when the target is in it
       ($linkable), else plain ids. -->
  <xsl:template match="m:p" mode="text">
    <p><xsl:apply-templates mode="text"/></p>
  </xsl:template>
  <xsl:template match="m:ul" mode="text">
    <ul><xsl:apply-templates mode="text"/></ul>
  </xsl:template>
  <xsl:template match="m:li" mode="text">
    <li><xsl:apply-templates mode="text"/></li>
  </xsl:template>
  <xsl:template match="m:em" mode="text">
    <em><xsl:apply-templates mode="text"/></em>
  </xsl:template>
  <xsl:template match="m:code" mode="text">
    <code><xsl:value-of select="."/></code>
  </xsl:template>
  <xsl:template match="m:ref" mode="text">
    <xsl:param name="linkable" select="true()"/>
    <xsl:variable name="shown">
      <xsl:choose>
        <xsl:when test="string(.)"><xsl:value-of select="."/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="ref-name">
            <xsl:with-param name="id" select="@to"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$linkable">
        <a href="#{@to}"><xsl:value-of select="$shown"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$shown"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>

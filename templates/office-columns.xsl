<?xml version="1.0" encoding="UTF-8"?>
<!-- Column widths of a table for the office formats, which need them
     written out: each column gets a share of the measure by the length of
     its longest cell, within bounds, so that short codes and levels stay
     narrow and descriptions get the room.  Rows with a spanning cell do
     not count. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The number of columns of a table. -->
  <xsl:template name="column-count">
    <xsl:param name="table"/>
    <xsl:for-each select="($table/thead/tr | $table/tbody/tr | $table/tr)[1]">
      <xsl:value-of select="count(th[not(@colspan)] | td[not(@colspan)]) + sum(th/@colspan | td/@colspan)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The widths of the table's columns in thousandths of the measure, each
       followed by a space: "120 300 580 ". -->
  <xsl:template name="column-widths">
    <xsl:param name="table"/>
    <xsl:variable name="n">
      <xsl:call-template name="column-count"><xsl:with-param name="table" select="$table"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="weights">
      <xsl:call-template name="weights">
        <xsl:with-param name="rows" select="($table/thead/tr | $table/tbody/tr | $table/tr)[not(*/@colspan)]"/>
        <xsl:with-param name="head" select="$table/thead/tr[1][not(*/@colspan)]"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="total">
      <xsl:call-template name="sum"><xsl:with-param name="list" select="$weights"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="shares">
      <xsl:with-param name="list" select="$weights"/>
      <xsl:with-param name="total" select="$total"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The weight of columns i to n: the longest cell's characters, from 5
       to 45 (a long description wraps anyway), and never less than the
       longest word of the header (head) and two. -->
  <xsl:template name="weights">
    <xsl:param name="rows"/>
    <xsl:param name="head"/>
    <xsl:param name="n"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$i &lt;= $n">
      <xsl:variable name="longest">
        <xsl:for-each select="$rows/*[$i]">
          <xsl:sort select="string-length(normalize-space())" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="string-length(normalize-space())"/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="word">
        <xsl:call-template name="longest-word">
          <xsl:with-param name="text" select="concat(normalize-space($head/*[$i]), ' ')"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="weight">
        <xsl:choose>
          <xsl:when test="not(number($longest) &gt; 5)">5</xsl:when>
          <xsl:when test="$longest &gt; 45">45</xsl:when>
          <xsl:otherwise><xsl:value-of select="$longest"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$word + 2 &gt; $weight"><xsl:value-of select="$word + 2"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$weight"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:call-template name="weights">
        <xsl:with-param name="rows" select="$rows"/>
        <xsl:with-param name="head" select="$head"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The length of the longest word of text, which ends with a space. -->
  <xsl:template name="longest-word">
    <xsl:param name="text"/>
    <xsl:param name="best" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:variable name="len" select="string-length(substring-before($text, ' '))"/>
        <xsl:call-template name="longest-word">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="best" select="($len &gt; $best) * $len + not($len &gt; $best) * $best"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$best"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="sum">
    <xsl:param name="list"/>
    <xsl:choose>
      <xsl:when test="contains($list, ' ')">
        <xsl:variable name="rest">
          <xsl:call-template name="sum"><xsl:with-param name="list" select="substring-after($list, ' ')"/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="number(substring-before($list, ' ')) + $rest"/>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="shares">
    <xsl:param name="list"/>
    <xsl:param name="total"/>
    <xsl:if test="contains($list, ' ')">
      <xsl:value-of select="concat(floor(1000 * substring-before($list, ' ') div $total), ' ')"/>
      <xsl:call-template name="shares">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        <xsl:with-param name="total" select="$total"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>

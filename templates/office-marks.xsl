<?xml version="1.0" encoding="UTF-8"?>
<!-- The colours of the rating and level marks in the office formats, the
     same as the HTML's style sheet and the PDF's. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- "FILL INK" (RRGGBB each) of the mark with the class, or nothing for
       a mark drawn in the text's colour (not rated, not applicable, out of
       scope). -->
  <xsl:template name="mark-colours">
    <xsl:param name="class"/>
    <xsl:variable name="c" select="concat(' ', $class, ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($c, ' rating-F ')">D1F0D9 0B4A1D</xsl:when>
      <xsl:when test="contains($c, ' rating-L ')">E3F2C8 34520B</xsl:when>
      <xsl:when test="contains($c, ' rating-P ')">FFF1C2 6B4E00</xsl:when>
      <xsl:when test="contains($c, ' rating-N ')">FFD9D6 8A1C12</xsl:when>
      <xsl:when test="contains($c, ' rating-NA ')">E8EAED 3C4043</xsl:when>
      <xsl:when test="contains($c, ' level-0 ')">DCE6F2 1F2328</xsl:when>
      <xsl:when test="contains($c, ' level-1 ')">B3CDE8 1F2328</xsl:when>
      <xsl:when test="contains($c, ' level-2 ')">7FAAD6 0B1F33</xsl:when>
      <xsl:when test="contains($c, ' level-3 ')">4A86C5 04101C</xsl:when>
      <xsl:when test="contains($c, ' level-4 ')">2462A6 FFFFFF</xsl:when>
      <xsl:when test="contains($c, ' level-5 ')">0F3C73 FFFFFF</xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>

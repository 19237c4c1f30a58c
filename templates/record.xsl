<?xml version="1.0" encoding="UTF-8"?>
<!-- The assessment record, worded once for the report and the statement:
     purpose, independence, document status, the signature block, and "not
     recorded" wherever an older appraisal file lacks a part.  Nothing here
     invents a value: what the file does not hold is said to be missing.

     Expects the importing stylesheet to define $ap (the a:appraisal), $res
     (the r:result) and $lead (the lead appraiser's a:member), and to import
     common.xsl (the date template). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:ssecmm:appraisal:1"
                xmlns:r="urn:ssecmm:result:1"
                exclude-result-prefixes="a r">

  <xsl:variable name="record" select="$ap/a:record"/>
  <xsl:variable name="draft" select="$record/a:document/@status = 'draft'"/>
  <xsl:variable name="self-assessment" select="$record/a:purpose/@kind = 'self-assessment'"/>

  <!-- The words for a document's title and marks: "Draft 0.9" for a draft,
       empty otherwise. -->
  <xsl:variable name="draft-label">
    <xsl:if test="$draft">
      <xsl:value-of select="concat('Draft ', $record/a:document/@version)"/>
    </xsl:if>
  </xsl:variable>

  <xsl:template name="not-recorded">
    <em>Not recorded</em>
  </xsl:template>

  <!-- A paragraph-like value from the record, or "Not recorded". -->
  <xsl:template name="recorded">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$value">
        <bdi><xsl:value-of select="normalize-space($value)"/></bdi>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date from the record, or "Not recorded" (or the given text). -->
  <xsl:template name="recorded-date">
    <xsl:param name="value"/>
    <xsl:param name="missing"/>
    <xsl:choose>
      <xsl:when test="string($value)">
        <xsl:call-template name="date">
          <xsl:with-param name="value" select="$value"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="string($missing)"><xsl:value-of select="$missing"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="purpose-name">
    <xsl:param name="kind" select="$record/a:purpose/@kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'process-improvement'">Process improvement</xsl:when>
      <xsl:when test="$kind = 'capability-determination'">Capability determination</xsl:when>
      <xsl:when test="$kind = 'supplier-selection'">Supplier selection</xsl:when>
      <xsl:when test="$kind = 'self-assessment'">Self-assessment</xsl:when>
      <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="independence-name">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$value = 'independent'">independent of the organization appraised</xsl:when>
      <xsl:when test="$value = 'partly-independent'">partly independent (some members belong to the organization appraised)</xsl:when>
      <xsl:when test="$value = 'internal'">part of the organization appraised</xsl:when>
      <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Version 1.0, final" or "Version 0.9, draft". -->
  <xsl:template name="document-status">
    <xsl:choose>
      <xsl:when test="$record/a:document">
        <xsl:text>Version </xsl:text>
        <xsl:value-of select="$record/a:document/@version"/>
        <xsl:choose>
          <xsl:when test="$draft">, draft: not for reliance until issued as final</xsl:when>
          <xsl:otherwise>, final</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The mark a draft carries at the top of its body; nothing for a final. -->
  <xsl:template name="draft-mark">
    <xsl:if test="$draft">
      <p class="confidential">
        <xsl:text>DRAFT </xsl:text>
        <xsl:value-of select="$record/a:document/@version"/>
        <xsl:text>: for review only. The results may change before the final version and
          must not be relied on or passed on until it is issued.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The signature block of the report: the lead appraiser declares, the
       sponsor accepts; one block each under an h3, with room to sign.  A
       draft is not signed. -->
  <xsl:template name="signature-block">
    <xsl:if test="$draft">
      <p class="confidential">This version is a draft: it is not to be signed. The final
        version carries the signatures.</p>
    </xsl:if>
    <h3>Lead appraiser</h3>
    <dl>
      <dt>Name</dt>
      <dd><xsl:apply-templates select="$lead" mode="name"/></dd>
      <xsl:if test="not($draft)">
        <dt>Date</dt>
        <dd>
          <xsl:call-template name="date">
            <xsl:with-param name="value" select="$res/r:appraisal/@report"/>
          </xsl:call-template>
        </dd>
        <dt>Signature</dt>
        <dd>__________________________________________</dd>
      </xsl:if>
    </dl>
    <h3>Sponsor, accepting the results</h3>
    <dl>
      <dt>Name</dt>
      <dd><bdi><xsl:value-of select="$ap/a:sponsor"/></bdi></dd>
      <xsl:if test="not($draft)">
        <dt>Date</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$record">
              <xsl:call-template name="recorded-date">
                <xsl:with-param name="value" select="$record/a:sponsorship/@results-accepted"/>
                <xsl:with-param name="missing" select="'Not yet accepted'"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Signature</dt>
        <dd>__________________________________________</dd>
      </xsl:if>
    </dl>
  </xsl:template>

  <!-- The same signatures as one small table, for the short statement. -->
  <xsl:template name="signature-table">
    <table class="dense">
      <caption>
        <xsl:choose>
          <xsl:when test="$draft">Signatures: none while the document is a draft</xsl:when>
          <xsl:otherwise>The lead appraiser confirms the levels; the sponsor issues the statement</xsl:otherwise>
        </xsl:choose>
      </caption>
      <thead>
        <tr>
          <th scope="col">Signed by</th>
          <th scope="col">Lead appraiser</th>
          <th scope="col">Sponsor</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Name</th>
          <td><bdi><xsl:value-of select="$lead/@name"/></bdi></td>
          <td><bdi><xsl:value-of select="$ap/a:sponsor"/></bdi></td>
        </tr>
        <xsl:if test="not($draft)">
          <tr>
            <th scope="row">Date</th>
            <td>
              <xsl:call-template name="date">
                <xsl:with-param name="value" select="$res/r:appraisal/@report"/>
              </xsl:call-template>
            </td>
            <td>
              <xsl:call-template name="date">
                <xsl:with-param name="value" select="$res/r:appraisal/@report"/>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Signature</th>
            <td>______________________</td>
            <td>______________________</td>
          </tr>
        </xsl:if>
      </tbody>
    </table>
  </xsl:template>

</xsl:stylesheet>

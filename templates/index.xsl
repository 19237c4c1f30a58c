<?xml version="1.0" encoding="UTF-8"?>
<!-- The index of a batch: every appraisal with links to its products, the
     profiles side by side, and per process area how the levels spread over
     the appraisals.

     Input: <index> (urn:ssecmm:result:1) made by the program: <areas> (the
     model's process areas), one <entry> per appraisal holding its result
     document and the links to its products (relative, percent-encoded, made
     in C), <failed> for inputs that produced nothing, and <spread> (counts
     per area and level, computed in C).  Text from the appraisals reaches
     the output through xsl:value-of only, inside <bdi>. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:ssecmm:result:1"
                exclude-result-prefixes="r">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="index" select="/r:index"/>
  <xsl:variable name="areas" select="/r:index/r:areas/r:area"/>
  <xsl:variable name="entries" select="/r:index/r:entry"/>
  <xsl:variable name="markings" select="$entries/r:result/r:appraisal/@confidentiality"/>
  <!-- The index shows something of every appraisal, so it carries their
       marking: the one they share, or, since free-text markings cannot be
       ranked, a marking that sends the reader to each appraisal's own (shown
       in its row) and applies the most restrictive of them. -->
  <xsl:variable name="marking">
    <xsl:choose>
      <xsl:when test="not($markings)"/>
      <xsl:when test="count($entries) = count($markings)
                      and not($markings[. != $markings[1]])">
        <xsl:value-of select="$markings[1]"/>
      </xsl:when>
      <xsl:otherwise>Mixed markings: the most restrictive of those shown applies</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="$index/@organization">
          <xsl:value-of select="concat('SSE-CMM appraisals of ', $index/@organization)"/>
        </xsl:when>
        <xsl:otherwise>SSE-CMM appraisal index</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="description"
                      select="concat('SSE-CMM capability profiles side by side (',
                              $index/@appraisals, ')')"/>
      <xsl:with-param name="author" select="string($index/@organization)"/>
      <xsl:with-param name="confidentiality" select="string($marking)"/>
      <xsl:with-param name="content">
        <header>
          <h1><bdi><xsl:value-of select="$title"/></bdi></h1>
          <p>
            <xsl:call-template name="count">
              <xsl:with-param name="n" select="$index/@appraisals"/>
              <xsl:with-param name="one" select="'appraisal'"/>
              <xsl:with-param name="many" select="'appraisals'"/>
            </xsl:call-template>
            <xsl:if test="$index/@organizations &gt; 1">
              <xsl:text> of </xsl:text>
              <xsl:value-of select="$index/@organizations"/>
              <xsl:text> organizations</xsl:text>
            </xsl:if>
            <xsl:if test="$index/r:failed">
              <xsl:text>; </xsl:text>
              <xsl:call-template name="count">
                <xsl:with-param name="n" select="count($index/r:failed)"/>
                <xsl:with-param name="one" select="'input'"/>
                <xsl:with-param name="many" select="'inputs'"/>
              </xsl:call-template>
              <xsl:text> could not be included</xsl:text>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </p>
          <xsl:if test="string($marking)">
            <p class="confidential"><bdi><xsl:value-of select="$marking"/></bdi></p>
          </xsl:if>
        </header>
        <main>
          <xsl:call-template name="appraisals"/>
          <xsl:if test="$entries">
            <xsl:call-template name="profiles"/>
            <xsl:call-template name="spread"/>
          </xsl:if>
          <xsl:if test="$index/r:failed">
            <xsl:call-template name="failed"/>
          </xsl:if>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="count">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many"/>
    <xsl:value-of select="$n"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$n = 1"><xsl:value-of select="$one"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$many"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== appraisals -->

  <xsl:template name="appraisals">
    <section>
      <h2 id="appraisals">Appraisals</h2>
      <xsl:choose>
        <xsl:when test="$entries">
          <table>
            <caption>The appraisals in this index, with their products</caption>
            <thead>
              <tr>
                <th scope="col">Appraisal</th>
                <th scope="col">Organization</th>
                <th scope="col">Ended</th>
                <th scope="col">Projects</th>
                <th scope="col">Marking</th>
                <th scope="col">Products</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$entries" mode="list"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>No appraisal produced its products, so there is nothing to compare.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="r:entry" mode="list">
    <xsl:variable name="ap" select="r:result/r:appraisal"/>
    <tr>
      <th scope="row">
        <bdi><xsl:value-of select="@name"/></bdi>
        <xsl:if test="string($ap/@title)">
          <br/>
          <small><bdi><xsl:value-of select="$ap/@title"/></bdi></small>
        </xsl:if>
      </th>
      <td><bdi><xsl:value-of select="$ap/@organization"/></bdi></td>
      <td>
        <xsl:call-template name="date">
          <xsl:with-param name="value" select="$ap/@end"/>
        </xsl:call-template>
      </td>
      <td class="numeric"><xsl:value-of select="$ap/@projects"/></td>
      <td>
        <bdi><xsl:value-of select="$ap/@confidentiality"/></bdi>
        <xsl:if test="$ap/@status = 'draft'">
          <xsl:text> (draft </xsl:text>
          <xsl:value-of select="$ap/@version"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </td>
      <td>
        <xsl:call-template name="links">
          <xsl:with-param name="what" select="'report'"/>
          <xsl:with-param name="html" select="@report-html"/>
          <xsl:with-param name="pdf" select="@report-pdf"/>
        </xsl:call-template>
        <br/>
        <xsl:call-template name="links">
          <xsl:with-param name="what" select="'statement'"/>
          <xsl:with-param name="html" select="@statement-html"/>
          <xsl:with-param name="pdf" select="@statement-pdf"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

  <!-- "report: HTML, PDF", with a link for each file that exists. -->
  <xsl:template name="links">
    <xsl:param name="what"/>
    <xsl:param name="html"/>
    <xsl:param name="pdf"/>
    <xsl:value-of select="$what"/>
    <xsl:text>: </xsl:text>
    <xsl:if test="$html"><a href="{$html}">HTML</a></xsl:if>
    <xsl:if test="$html and $pdf">, </xsl:if>
    <xsl:if test="$pdf"><a href="{$pdf}">PDF</a></xsl:if>
    <xsl:if test="not($html) and not($pdf)">not written</xsl:if>
  </xsl:template>

  <!-- ========================================================== profiles -->

  <xsl:template name="profiles">
    <section>
      <h2 id="profiles">Profiles side by side</h2>
      <p>One row per appraisal, one column per process area. Each cell is the
        organization's capability level in that area: the lowest level over the
        appraisal's projects. N/A marks an area not applicable; a dash, an area outside
        the appraisal's scope.</p>
      <table class="profiles compact">
        <caption>Capability level per appraisal and process area</caption>
        <thead>
          <tr>
            <th scope="col">Appraisal</th>
            <xsl:for-each select="$areas">
              <th scope="col">
                <abbr title="{@ref} {@title}"><xsl:value-of select="substring(@ref, 3)"/></abbr>
              </th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$entries" mode="profile"/>
        </tbody>
      </table>
      <p>Columns are the process areas PA01 to
        <xsl:value-of select="$areas[last()]/@ref"/>
        <xsl:text>, by number.</xsl:text></p>
    </section>
  </xsl:template>

  <xsl:template match="r:entry" mode="profile">
    <xsl:variable name="org" select="r:result/r:organization"/>
    <tr>
      <th scope="row"><bdi><xsl:value-of select="@name"/></bdi></th>
      <xsl:for-each select="$areas">
        <xsl:variable name="ref" select="@ref"/>
        <td><xsl:apply-templates select="$org/r:area[@ref = $ref]" mode="cell"/></td>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <xsl:template match="r:area" mode="cell">
    <xsl:choose>
      <xsl:when test="@status = 'rated'">
        <span class="level level-{@level}"><xsl:value-of select="@level"/></span>
      </xsl:when>
      <xsl:when test="@status = 'not-applicable'">
        <abbr class="level level-na" title="not applicable">N/A</abbr>
      </xsl:when>
      <xsl:otherwise>
        <abbr class="level level-out" title="not appraised">&#8211;</abbr>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ spread -->

  <xsl:template name="spread">
    <section>
      <h2 id="spread">Levels across the appraisals</h2>
      <p>For each process area, how many of the appraisals reached each capability
        level.</p>
      <table>
        <caption>Number of appraisals at each capability level, per process area</caption>
        <thead>
          <tr>
            <th scope="col">Process area</th>
            <th scope="col">Level 0</th>
            <th scope="col">1</th>
            <th scope="col">2</th>
            <th scope="col">3</th>
            <th scope="col">4</th>
            <th scope="col">5</th>
            <th scope="col">Not applicable</th>
            <th scope="col">Out of scope</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$index/r:spread/r:area">
            <xsl:variable name="ref" select="@ref"/>
            <tr>
              <th scope="row">
                <xsl:value-of select="concat(@ref, ' ', $areas[@ref = $ref]/@title)"/>
              </th>
              <xsl:for-each select="@l0 | @l1 | @l2 | @l3 | @l4 | @l5 | @na | @out">
                <td class="numeric">
                  <xsl:choose>
                    <xsl:when test=". = 0">&#183;</xsl:when>
                    <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                  </xsl:choose>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <p>A dot stands for none.</p>
    </section>
  </xsl:template>

  <!-- ============================================================ failed -->

  <xsl:template name="failed">
    <section>
      <h2 id="failed">Not included</h2>
      <p>These inputs produced no products; the diagnostics of the run say why in
        detail.</p>
      <ul>
        <xsl:for-each select="$index/r:failed">
          <li>
            <bdi><xsl:value-of select="@name"/></bdi>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="@reason"/>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

</xsl:stylesheet>

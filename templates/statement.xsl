<?xml version="1.0" encoding="UTF-8"?>
<!-- The capability statement a supplier attaches to a bid: who was
     appraised, on what basis, and the achieved profile against the acquirer's
     target, who issues it and until when it holds, and how independent the
     appraisal was.  It deliberately leaves out findings, evidence, the team
     beyond the lead appraiser, reasons and ratings: only what the profile
     says, and why an area was not appraised as the scope records it.

     Input: the result document (urn:ssecmm:result:1) with <sources>.  Every
     level, gap and count is taken as computed.  Text from the appraisal
     reaches the output through xsl:value-of only, short values inside <bdi>,
     and never in an attribute other than title or content. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:ssecmm:model:1"
                xmlns:a="urn:ssecmm:appraisal:1"
                xmlns:r="urn:ssecmm:result:1"
                exclude-result-prefixes="m a r">

  <xsl:import href="common.xsl"/>
  <xsl:import href="record.xsl"/>

  <xsl:variable name="res" select="/r:result"/>
  <xsl:variable name="ap" select="/r:result/r:sources/a:appraisal"/>
  <xsl:variable name="org" select="/r:result/r:organization"/>
  <xsl:variable name="target" select="/r:result/r:target"/>
  <xsl:variable name="summary" select="/r:result/r:summary"/>
  <xsl:variable name="lead" select="$ap/a:team/a:member[@role = 'lead-appraiser'][1]"/>
  <xsl:variable name="several" select="$res/r:appraisal/@projects &gt; 1"/>

  <xsl:key name="model" match="m:process-area" use="@id"/>
  <xsl:key name="short-by" match="r:organization/r:area[@gap-status = 'short']" use="@gap"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title">
        <xsl:if test="$draft"><xsl:value-of select="concat($draft-label, ': ')"/></xsl:if>
        <xsl:text>SSE-CMM capability statement</xsl:text>
        <xsl:if test="$self-assessment"> (self-assessment)</xsl:if>
        <xsl:value-of select="concat(': ', $ap/a:organization/a:name)"/>
      </xsl:with-param>
      <xsl:with-param name="status" select="string($record/a:document/@status)"/>
      <xsl:with-param name="version" select="string($record/a:document/@version)"/>
      <xsl:with-param name="date" select="string($res/r:appraisal/@report)"/>
      <xsl:with-param name="description">
        <xsl:text>SSE-CMM capability statement</xsl:text>
        <xsl:if test="$target">
          <xsl:value-of select="concat(' against ', $target/@reference)"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="author" select="string($ap/a:organization/a:name)"/>
      <xsl:with-param name="confidentiality" select="string($ap/a:confidentiality)"/>
      <xsl:with-param name="content">
        <header>
          <xsl:call-template name="draft-mark"/>
          <h1>
            <xsl:choose>
              <xsl:when test="$self-assessment">SSE-CMM capability statement from a self-assessment</xsl:when>
              <xsl:otherwise>SSE-CMM capability statement</xsl:otherwise>
            </xsl:choose>
          </h1>
          <p><bdi><xsl:value-of select="$ap/a:organization/a:name"/></bdi></p>
          <p class="confidential"><bdi><xsl:value-of select="$ap/a:confidentiality"/></bdi></p>
        </header>
        <main>
          <xsl:call-template name="statement"/>
          <xsl:if test="$target">
            <xsl:call-template name="target"/>
          </xsl:if>
          <xsl:call-template name="issue"/>
          <xsl:call-template name="signatures"/>
          <xsl:call-template name="profile"/>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ========================================================= statement -->

  <!-- The statement itself leads, under the title and without a heading of
       its own (one would repeat the title, and its lines keep the statement
       within two pages on US Letter as on A4). -->
  <xsl:template name="statement">
    <p>
      <strong>
        <xsl:choose>
          <xsl:when test="$target"><xsl:call-template name="overall"/></xsl:when>
          <xsl:otherwise>
            <bdi><xsl:value-of select="$ap/a:organization/a:name"/></bdi>
            <xsl:choose>
              <xsl:when test="$self-assessment"> assessed itself in </xsl:when>
              <xsl:otherwise> was appraised in </xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="$summary/@in-scope"/>
            <xsl:text> of the </xsl:text>
            <xsl:value-of select="$summary/@areas"/>
            <xsl:text> process areas of </xsl:text>
            <xsl:value-of select="$res/r:model/@standard"/>
            <xsl:text>. No target profile was given: this statement shows the achieved
              profile without a target.</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </strong>
    </p>
    <p>
      <xsl:choose>
        <xsl:when test="$self-assessment">
          <xsl:text>The levels are those the organization found in its own self-assessment,
            described below; no independent appraisal has confirmed them.</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>The levels are those established by the appraisal described below.</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> This statement gives the capability profile only; it does not reproduce the
        findings or the evidence of the appraisal.</xsl:text>
    </p>
  </xsl:template>

  <!-- "X meets the target profile in 11 of the 14 process areas it names;
       it is short by one level in PA05 and PA11; PA19 was not appraised." -->
  <xsl:template name="overall">
    <bdi><xsl:value-of select="$ap/a:organization/a:name"/></bdi>
    <xsl:text> meets the target profile </xsl:text>
    <xsl:choose>
      <xsl:when test="$summary/@meets = $summary/@targets and $summary/@targets = 1">
        <xsl:text>in the one process area it names</xsl:text>
      </xsl:when>
      <xsl:when test="$summary/@meets = $summary/@targets">
        <xsl:text>in all </xsl:text>
        <xsl:value-of select="$summary/@targets"/>
        <xsl:text> process areas it names</xsl:text>
      </xsl:when>
      <xsl:when test="$summary/@meets = 0">
        <xsl:text>in none of the </xsl:text>
        <xsl:value-of select="$summary/@targets"/>
        <xsl:text> process areas it names</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>in </xsl:text>
        <xsl:value-of select="$summary/@meets"/>
        <xsl:text> of the </xsl:text>
        <xsl:value-of select="$summary/@targets"/>
        <xsl:text> process areas it names</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$org/r:area[@gap-status = 'short']
                          [count(. | key('short-by', @gap)[1]) = 1]">
      <xsl:sort select="@gap" data-type="number"/>
      <xsl:text>; </xsl:text>
      <xsl:if test="position() = 1">it is </xsl:if>
      <xsl:text>short by </xsl:text>
      <xsl:call-template name="levels">
        <xsl:with-param name="n" select="@gap"/>
      </xsl:call-template>
      <xsl:text> in </xsl:text>
      <xsl:call-template name="area-list">
        <xsl:with-param name="areas" select="key('short-by', @gap)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="not-appraised">
      <xsl:with-param name="areas"
          select="$org/r:area[@gap-status = 'not-appraised'][@status != 'not-applicable']"/>
      <xsl:with-param name="one" select="' was not appraised'"/>
      <xsl:with-param name="more" select="' were not appraised'"/>
    </xsl:call-template>
    <xsl:call-template name="not-appraised">
      <xsl:with-param name="areas"
          select="$org/r:area[@gap-status = 'not-appraised'][@status = 'not-applicable']"/>
      <xsl:with-param name="one" select="' was found not applicable'"/>
      <xsl:with-param name="more" select="' were found not applicable'"/>
    </xsl:call-template>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <xsl:template name="not-appraised">
    <xsl:param name="areas"/>
    <xsl:param name="one"/>
    <xsl:param name="more"/>
    <xsl:if test="$areas">
      <xsl:text>; </xsl:text>
      <xsl:call-template name="area-list">
        <xsl:with-param name="areas" select="$areas"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="count($areas) = 1"><xsl:value-of select="$one"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$more"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================== issue and basis -->

  <!-- Who issues the statement, when and until when, and the appraisal it
       rests on: one small table, row headers on the left. -->
  <xsl:template name="issue">
    <section>
      <h2>
        <xsl:choose>
          <xsl:when test="$self-assessment">Issue and basis: a self-assessment</xsl:when>
          <xsl:otherwise>Issue and basis</xsl:otherwise>
        </xsl:choose>
      </h2>
      <table class="dense">
        <caption>Issuer, validity and the appraisal the levels rest on</caption>
        <tbody>
          <tr>
            <th scope="row">Supplier</th>
            <td>
              <bdi><xsl:value-of select="$ap/a:organization/a:name"/></bdi>
              <xsl:if test="$ap/a:organization/a:unit">
                <xsl:text>: </xsl:text>
                <xsl:for-each select="$ap/a:organization/a:unit">
                  <xsl:if test="position() &gt; 1">; </xsl:if>
                  <bdi><xsl:value-of select="."/></bdi>
                </xsl:for-each>
              </xsl:if>
            </td>
          </tr>
          <tr>
            <th scope="row">Issued by</th>
            <td>
              <bdi><xsl:value-of select="$ap/a:sponsor"/></bdi>
              <xsl:text>, sponsor of the appraisal</xsl:text>
            </td>
          </tr>
          <tr>
            <th scope="row">Issued, valid until</th>
            <td>
              <xsl:call-template name="date">
                <xsl:with-param name="value" select="$res/r:appraisal/@report"/>
              </xsl:call-template>
              <xsl:text>; valid until </xsl:text>
              <xsl:call-template name="date">
                <xsl:with-param name="value" select="$res/r:appraisal/@valid-until"/>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Document</th>
            <td><xsl:call-template name="document-status"/></td>
          </tr>
          <tr>
            <th scope="row">
              <xsl:choose>
                <xsl:when test="$self-assessment">Self-assessment</xsl:when>
                <xsl:otherwise>Appraisal</xsl:otherwise>
              </xsl:choose>
            </th>
            <td>
              <bdi><xsl:value-of select="$ap/a:title"/></bdi>
              <xsl:text> (reference </xsl:text>
              <bdi><xsl:value-of select="$ap/@id"/></bdi>
              <xsl:text>), </xsl:text>
              <xsl:call-template name="date">
                <xsl:with-param name="value" select="$res/r:appraisal/@start"/>
              </xsl:call-template>
              <xsl:text> to </xsl:text>
              <xsl:call-template name="date">
                <xsl:with-param name="value" select="$res/r:appraisal/@end"/>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Led by</th>
            <td>
              <xsl:apply-templates select="$lead" mode="name"/>
              <xsl:if test="$self-assessment">, from within the organization</xsl:if>
            </td>
          </tr>
          <tr>
            <th scope="row">Purpose and class</th>
            <td>
              <xsl:call-template name="purpose-name"/>
              <xsl:if test="$record/a:class">
                <xsl:text>; </xsl:text>
                <bdi><xsl:value-of select="$record/a:class"/></bdi>
              </xsl:if>
            </td>
          </tr>
          <tr>
            <th scope="row">Independence</th>
            <td>
              <xsl:choose>
                <xsl:when test="$record/a:independence">
                  <xsl:text>Lead appraiser </xsl:text>
                  <xsl:call-template name="independence-name">
                    <xsl:with-param name="value" select="$record/a:independence/@lead-appraiser"/>
                  </xsl:call-template>
                  <xsl:text>; team </xsl:text>
                  <xsl:call-template name="independence-name">
                    <xsl:with-param name="value" select="$record/a:independence/@team"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <tr>
            <th scope="row">Method</th>
            <td>
              <xsl:choose>
                <xsl:when test="$res/r:appraisal/@method = 'iso15504'">ISO/IEC 15504 measurement framework, process attributes rated for each process area</xsl:when>
                <xsl:otherwise>SSE-CMM Appraisal Method (SSAM), base and generic practices rated for each process area</xsl:otherwise>
              </xsl:choose>
              <xsl:text>, against </xsl:text>
              <xsl:value-of select="$res/r:model/@standard"/>
            </td>
          </tr>
          <tr>
            <th scope="row">Scope</th>
            <td><xsl:call-template name="scope-sentence"/></td>
          </tr>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template name="scope-sentence">
    <xsl:choose>
      <xsl:when test="$summary/@in-scope = $summary/@areas">
        <xsl:text>All </xsl:text>
        <xsl:value-of select="$summary/@areas"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$summary/@in-scope"/>
        <xsl:text> of the </xsl:text>
        <xsl:value-of select="$summary/@areas"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text> process areas of the model, appraised on </xsl:text>
    <xsl:choose>
      <xsl:when test="$several">
        <xsl:value-of select="$res/r:appraisal/@projects"/>
        <xsl:text> projects (</xsl:text>
        <xsl:for-each select="$res/r:project">
          <xsl:if test="position() &gt; 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <bdi><xsl:value-of select="@name"/></bdi>
        </xsl:for-each>
        <xsl:text>); the level given for each area is the lowest over the projects.</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>the project </xsl:text>
        <bdi><xsl:value-of select="$res/r:project/@name"/></bdi>
        <xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ target -->

  <!-- A small table, which the typesetter never splits across pages. -->
  <xsl:template name="target">
    <section>
      <h2>Target profile</h2>
      <table class="dense">
        <caption>The acquirer's target profile</caption>
        <tbody>
          <tr>
            <th scope="row">Title</th>
            <td><bdi><xsl:value-of select="$target/@title"/></bdi></td>
          </tr>
          <tr>
            <th scope="row">Issued by</th>
            <td><bdi><xsl:value-of select="$target/@issuer"/></bdi></td>
          </tr>
          <tr>
            <th scope="row">Reference</th>
            <td><bdi><xsl:value-of select="$target/@reference"/></bdi></td>
          </tr>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- =========================================================== profile -->

  <!-- The table first: it may run on from the first page, where the chart
       (which is never split) would leave a gap; with every table of the
       statement set dense, it stays within two pages for the model's 22
       areas, on A4 and on US Letter. -->
  <xsl:template name="profile">
    <section>
      <h2>Achieved profile</h2>
      <table class="dense">
        <caption>
          <xsl:text>Achieved capability profile</xsl:text>
          <xsl:if test="$target"> against the target (a dash: an area the target does not
            name)</xsl:if>
        </caption>
        <thead>
          <tr>
            <th scope="col">Process area</th>
            <xsl:if test="$target"><th scope="col">Required</th></xsl:if>
            <th scope="col">Achieved</th>
            <xsl:if test="$target"><th scope="col">Result</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$org/r:area" mode="row"/>
        </tbody>
      </table>
      <figure>
        <div class="chart" data-chart="profile" data-scope="organization"/>
        <figcaption>
          <xsl:text>The achieved profile as a chart</xsl:text>
          <xsl:if test="$target">, with the level the target profile requires</xsl:if>
          <xsl:text>.</xsl:text>
        </figcaption>
      </figure>
      <xsl:call-template name="provenance"/>
    </section>
  </xsl:template>

  <xsl:template match="r:area" mode="row">
    <tr>
      <th scope="row">
        <xsl:value-of select="@ref"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="key('model', @ref)/@title"/>
      </th>
      <xsl:if test="$target">
        <td>
          <xsl:choose>
            <xsl:when test="@target"><xsl:value-of select="@target"/></xsl:when>
            <xsl:otherwise>&#8212;</xsl:otherwise>
          </xsl:choose>
        </td>
      </xsl:if>
      <td><xsl:call-template name="level-badge"/></td>
      <xsl:if test="$target">
        <td><xsl:call-template name="gap-text"/></td>
      </xsl:if>
    </tr>
    <xsl:if test="@status != 'rated'">
      <tr>
        <td colspan="{2 + 2 * boolean($target)}">
          <small><xsl:call-template name="no-level-reason"/></small>
        </td>
      </tr>
    </xsl:if>
  </xsl:template>

  <!-- Why an area has no level, in a row under its own: the scope of the appraisal
       excluded it (with the rationale the scope records), or every practice
       in it was rated not applicable.  Never a finding. -->
  <xsl:template name="no-level-reason">
    <xsl:param name="ref" select="string(@ref)"/>
    <xsl:variable name="excluded" select="$ap/a:scope/a:excluded[@process-area = $ref]"/>
    <xsl:choose>
      <xsl:when test="$excluded">
        <xsl:text>Outside the scope of the appraisal: </xsl:text>
        <bdi><xsl:value-of select="normalize-space($excluded)"/></bdi>
      </xsl:when>
      <xsl:when test="@status = 'not-applicable'">Every practice rated was found not to apply to the work appraised.</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== signatures -->

  <xsl:template name="signatures">
    <section>
      <h2>Signatures</h2>
      <xsl:call-template name="signature-table"/>
    </section>
  </xsl:template>

  <!-- The closing note of the profile: how the levels were computed and
       from which files. -->
  <xsl:template name="provenance">
    <p>
      <small>
        <xsl:text>Levels computed by </xsl:text>
        <xsl:value-of select="$res/@tool"/>
        <xsl:text> from the ratings recorded in the appraisal, by the rules of the method
          stated. Input files and their SHA-256 digests: </xsl:text>
        <xsl:for-each select="$res/r:inputs/r:input">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <bdi><xsl:value-of select="@name"/></bdi>
          <xsl:text> </xsl:text>
          <xsl:call-template name="digest">
            <xsl:with-param name="value" select="@sha256"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </small>
    </p>
  </xsl:template>

  <!-- ============================================================ pieces -->

  <xsl:template match="a:member" mode="name">
    <bdi><xsl:value-of select="@name"/></bdi>
    <xsl:if test="@affiliation">
      <xsl:text> (</xsl:text>
      <bdi><xsl:value-of select="@affiliation"/></bdi>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- "PA05", "PA05 and PA11", "PA03, PA10 and PA22". -->
  <xsl:template name="area-list">
    <xsl:param name="areas"/>
    <xsl:for-each select="$areas">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"> and </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="@ref"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="levels">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = 1">one level</xsl:when>
      <xsl:when test="$n = 2">two levels</xsl:when>
      <xsl:when test="$n = 3">three levels</xsl:when>
      <xsl:when test="$n = 4">four levels</xsl:when>
      <xsl:when test="$n = 5">five levels</xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/> levels</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>

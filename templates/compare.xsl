<?xml version="1.0" encoding="UTF-8"?>
<!-- The comparison of appraisals of one organization over time: levels per
     process area in each appraisal, the practices whose rating changed,
     weaknesses closed and new, and progress against the target.

     Input: <comparison> (urn:ssecmm:result:1) made by the program: one
     <appraisal n="..."> per appraisal, oldest first; per process area an
     <area> with the organization level in each appraisal (<at n>), the
     target where one applies (<target n>) and every rating change
     (<change step>, step k being from appraisal k-1 to k) and the level of
     each project appraised at both ends of a step (<project step id>);
     <step n> for the projects two consecutive appraisals share; <finding>
     for weaknesses closed, new or still open at a step.  All of it computed in C; text from
     the appraisals reaches the output through xsl:value-of only. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:ssecmm:result:1"
                exclude-result-prefixes="r">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="cmp" select="/r:comparison"/>
  <xsl:variable name="apps" select="/r:comparison/r:appraisal"/>
  <xsl:variable name="n" select="count($apps)"/>
  <xsl:variable name="first" select="$apps[1]"/>
  <xsl:variable name="last" select="$apps[last()]"/>
  <xsl:variable name="areas" select="/r:comparison/r:area"/>
  <xsl:variable name="target" select="/r:comparison/r:target"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title"
                      select="concat('SSE-CMM capability over time: ', $last/@organization)"/>
      <xsl:with-param name="description"
                      select="concat('Comparison of ', $n, ' SSE-CMM appraisals, ',
                              $first/@id, ' to ', $last/@id)"/>
      <xsl:with-param name="author" select="string($last/@organization)"/>
      <xsl:with-param name="confidentiality" select="string($last/@confidentiality)"/>
      <xsl:with-param name="content">
        <header>
          <h1>SSE-CMM capability over time</h1>
          <p><bdi><xsl:value-of select="$last/@organization"/></bdi></p>
          <p class="confidential"><bdi><xsl:value-of select="$last/@confidentiality"/></bdi></p>
        </header>
        <main>
          <xsl:call-template name="summary"/>
          <xsl:call-template name="levels"/>
          <xsl:call-template name="changes"/>
          <xsl:call-template name="findings"/>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- =========================================================== summary -->

  <xsl:template name="summary">
    <xsl:variable name="both" select="$areas[r:at[1]/@status = 'rated'
                                             and r:at[last()]/@status = 'rated']"/>
    <xsl:variable name="up" select="$both[r:at[last()]/@level &gt; r:at[1]/@level]"/>
    <xsl:variable name="down" select="$both[r:at[last()]/@level &lt; r:at[1]/@level]"/>
    <section>
      <h2 id="summary">Summary</h2>
      <p>
        <xsl:text>This comparison covers </xsl:text>
        <xsl:value-of select="$n"/>
        <xsl:text> appraisals, oldest first: </xsl:text>
        <xsl:for-each select="$apps">
          <xsl:if test="position() &gt; 1">
            <xsl:choose>
              <xsl:when test="position() = last()">; and </xsl:when>
              <xsl:otherwise>; </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <bdi><xsl:value-of select="@id"/></bdi>
          <xsl:text>, ended </xsl:text>
          <xsl:call-template name="date">
            <xsl:with-param name="value" select="@end"/>
          </xsl:call-template>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="@projects"/>
          <xsl:choose>
            <xsl:when test="@projects = 1"> project)</xsl:when>
            <xsl:otherwise> projects)</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </p>
      <p>
        <strong>
          <xsl:text>From </xsl:text>
          <bdi><xsl:value-of select="$first/@id"/></bdi>
          <xsl:text> to </xsl:text>
          <bdi><xsl:value-of select="$last/@id"/></bdi>
          <xsl:text>, the capability level rose in </xsl:text>
          <xsl:call-template name="areas-count">
            <xsl:with-param name="k" select="count($up)"/>
          </xsl:call-template>
          <xsl:text>, fell in </xsl:text>
          <xsl:call-template name="areas-count">
            <xsl:with-param name="k" select="count($down)"/>
          </xsl:call-template>
          <xsl:text> and stayed the same in </xsl:text>
          <xsl:call-template name="areas-count">
            <xsl:with-param name="k" select="count($both) - count($up) - count($down)"/>
          </xsl:call-template>
          <xsl:text> of the </xsl:text>
          <xsl:value-of select="count($both)"/>
          <xsl:text> rated in both.</xsl:text>
        </strong>
        <xsl:if test="count($areas) &gt; count($both)">
          <xsl:text> No change is given for the other </xsl:text>
          <xsl:call-template name="areas-count">
            <xsl:with-param name="k" select="count($areas) - count($both)"/>
          </xsl:call-template>
          <xsl:text>, not appraised or not applicable in the first or the last.</xsl:text>
        </xsl:if>
      </p>
      <xsl:call-template name="different-projects"/>
      <xsl:if test="$target">
        <xsl:call-template name="progress"/>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The organization's level is the lowest over its projects: when two
       appraisals cover different projects, its change is no like-for-like
       comparison, and the reader is told so. -->
  <xsl:template name="different-projects">
    <xsl:variable name="steps" select="$cmp/r:step[@same = 'false']"/>
    <xsl:if test="$steps">
      <p>
        <xsl:text>The appraisals do not cover the same projects: </xsl:text>
        <xsl:for-each select="$steps">
          <xsl:variable name="k" select="@n"/>
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:if test="@only-before">
            <xsl:value-of select="@only-before"/>
            <xsl:text> only in </xsl:text>
            <bdi><xsl:value-of select="$apps[@n = $k - 1]/@id"/></bdi>
            <xsl:if test="@only-after">, </xsl:if>
          </xsl:if>
          <xsl:if test="@only-after">
            <xsl:value-of select="@only-after"/>
            <xsl:text> only in </xsl:text>
            <bdi><xsl:value-of select="$apps[@n = $k]/@id"/></bdi>
          </xsl:if>
        </xsl:for-each>
        <xsl:text>. The change in the organization's level therefore compares different sets
          of projects; the </xsl:text>
        <a href="#project-levels">levels per project</a>
        <xsl:text> compare like for like.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="areas-count">
    <xsl:param name="k"/>
    <xsl:value-of select="$k"/>
    <xsl:choose>
      <xsl:when test="$k = 1"> process area</xsl:when>
      <xsl:otherwise> process areas</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Against RFP-2026-017 the organization now meets 12 of the 14 required
       levels; the first appraisal met 9." -->
  <xsl:template name="progress">
    <xsl:variable name="required" select="$areas/r:target[@n = $n]"/>
    <xsl:variable name="then" select="$areas/r:target[@n = 1]"/>
    <p>
      <xsl:text>Against the target profile </xsl:text>
      <bdi><xsl:value-of select="$target/@reference"/></bdi>
      <xsl:text> of </xsl:text>
      <bdi><xsl:value-of select="$target/@issuer"/></bdi>
      <xsl:text>, </xsl:text>
      <bdi><xsl:value-of select="$last/@id"/></bdi>
      <xsl:text> meets </xsl:text>
      <xsl:value-of select="count($required[@status = 'meets'])"/>
      <xsl:text> of the </xsl:text>
      <xsl:value-of select="count($required)"/>
      <xsl:text> required levels</xsl:text>
      <xsl:if test="$then">
        <xsl:text>; </xsl:text>
        <bdi><xsl:value-of select="$first/@id"/></bdi>
        <xsl:text> met </xsl:text>
        <xsl:value-of select="count($then[@status = 'meets'])"/>
      </xsl:if>
      <xsl:text>.</xsl:text>
      <xsl:if test="$required[@status = 'short']">
        <xsl:text> Still short: </xsl:text>
        <xsl:for-each select="$required[@status = 'short']">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="../@ref"/>
          <xsl:text> by </xsl:text>
          <xsl:value-of select="@gap"/>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- ============================================================ levels -->

  <xsl:template name="levels">
    <section>
      <h2 id="levels">Capability levels</h2>
      <figure>
        <div class="chart" data-chart="comparison" data-scope="organization"/>
        <figcaption>
          <xsl:text>Capability level in each process area in </xsl:text>
          <bdi><xsl:value-of select="$last/@id"/></bdi>
          <xsl:text> (bars) and in </xsl:text>
          <bdi><xsl:value-of select="$first/@id"/></bdi>
          <xsl:text> (outlines)</xsl:text>
          <xsl:if test="$target">, with the target levels</xsl:if>
          <xsl:text>. The table below gives every appraisal's values.</xsl:text>
        </figcaption>
      </figure>
      <table>
        <caption>Organization capability level per process area in each appraisal</caption>
        <thead>
          <tr>
            <th scope="col">Process area</th>
            <xsl:for-each select="$apps">
              <th scope="col"><bdi><xsl:value-of select="@id"/></bdi></th>
            </xsl:for-each>
            <th scope="col">Change</th>
            <xsl:if test="$target"><th scope="col">Target</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$areas" mode="row"/>
        </tbody>
      </table>
      <p>Each level is the organization's: the lowest over the projects appraised. The change
        is from the first appraisal to the last.</p>
      <xsl:call-template name="project-levels"/>
    </section>
  </xsl:template>

  <!-- Like for like: for each step, the level of every project appraised at
       both ends of it. -->
  <xsl:template name="project-levels">
    <h3 id="project-levels">Levels per project</h3>
    <xsl:choose>
      <xsl:when test="$cmp/r:step[@common]">
        <xsl:for-each select="$cmp/r:step[@common]">
          <xsl:variable name="k" select="@n"/>
          <xsl:variable name="ids" select="$areas[1]/r:project[@step = $k]/@id"/>
          <table>
            <caption>
              <xsl:text>Level of each project appraised in both </xsl:text>
              <bdi><xsl:value-of select="$apps[@n = $k - 1]/@id"/></bdi>
              <xsl:text> and </xsl:text>
              <bdi><xsl:value-of select="$apps[@n = $k]/@id"/></bdi>
              <xsl:text>: before, after</xsl:text>
            </caption>
            <thead>
              <tr>
                <th scope="col">Process area</th>
                <xsl:for-each select="$ids">
                  <th scope="col"><bdi><xsl:value-of select="."/></bdi></th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$areas">
                <tr>
                  <th scope="row"><xsl:value-of select="concat(@ref, ' ', @title)"/></th>
                  <xsl:for-each select="r:project[@step = $k]">
                    <td><xsl:call-template name="project-change"/></td>
                  </xsl:for-each>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p>No project was appraised in two consecutive appraisals: no level compares like
          for like.</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "1 to 2, up 1"; "not appraised to 2". -->
  <xsl:template name="project-change">
    <xsl:call-template name="project-level">
      <xsl:with-param name="status" select="@from-status"/>
      <xsl:with-param name="level" select="@from-level"/>
    </xsl:call-template>
    <xsl:text> to </xsl:text>
    <xsl:call-template name="project-level">
      <xsl:with-param name="status" select="@to-status"/>
      <xsl:with-param name="level" select="@to-level"/>
    </xsl:call-template>
    <xsl:if test="@from-status = 'rated' and @to-status = 'rated'">
      <xsl:choose>
        <xsl:when test="@to-level &gt; @from-level">
          <xsl:text>, </xsl:text>
          <span class="gap gap-meets">up <xsl:value-of select="@to-level - @from-level"/></span>
        </xsl:when>
        <xsl:when test="@to-level &lt; @from-level">
          <xsl:text>, </xsl:text>
          <span class="gap gap-short">down <xsl:value-of select="@from-level - @to-level"/></span>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="project-level">
    <xsl:param name="status"/>
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$status = 'rated'"><xsl:value-of select="$level"/></xsl:when>
      <xsl:when test="$status = 'not-applicable'">not applicable</xsl:when>
      <xsl:otherwise>not appraised</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:area" mode="row">
    <xsl:variable name="a" select="r:at[1]"/>
    <xsl:variable name="b" select="r:at[last()]"/>
    <tr>
      <th scope="row"><xsl:value-of select="concat(@ref, ' ', @title)"/></th>
      <xsl:for-each select="r:at">
        <td><xsl:call-template name="level-badge"/></td>
      </xsl:for-each>
      <td>
        <xsl:choose>
          <xsl:when test="$a/@status != 'rated' or $b/@status != 'rated'">&#8212;</xsl:when>
          <xsl:when test="$b/@level &gt; $a/@level">
            <span class="gap gap-meets">up <xsl:value-of select="$b/@level - $a/@level"/></span>
          </xsl:when>
          <xsl:when test="$b/@level &lt; $a/@level">
            <span class="gap gap-short">down <xsl:value-of select="$a/@level - $b/@level"/></span>
          </xsl:when>
          <xsl:otherwise>same</xsl:otherwise>
        </xsl:choose>
      </td>
      <xsl:if test="$target">
        <td>
          <xsl:variable name="t" select="r:target[@n = $n]"/>
          <xsl:choose>
            <xsl:when test="$t">
              <xsl:value-of select="$t/@level"/>
              <xsl:text>: </xsl:text>
              <xsl:choose>
                <xsl:when test="$t/@status = 'meets'">meets</xsl:when>
                <xsl:when test="$t/@status = 'short'">
                  <xsl:value-of select="concat('short by ', $t/@gap)"/>
                </xsl:when>
                <xsl:otherwise>not appraised</xsl:otherwise>
              </xsl:choose>
            </xsl:when>
            <xsl:otherwise>&#8212;</xsl:otherwise>
          </xsl:choose>
        </td>
      </xsl:if>
    </tr>
  </xsl:template>

  <!-- =========================================================== changes -->

  <xsl:template name="changes">
    <section>
      <h2 id="changes">Practice ratings that changed</h2>
      <xsl:choose>
        <xsl:when test="$areas/r:change">
          <p>
            <xsl:text>Ratings compared project by project, for the projects appraised both
              times. </xsl:text>
            <xsl:value-of select="count($areas/r:change)"/>
            <xsl:text> ratings changed in </xsl:text>
            <xsl:call-template name="areas-count">
              <xsl:with-param name="k" select="count($areas[r:change])"/>
            </xsl:call-template>
            <xsl:text>.</xsl:text>
          </p>
          <xsl:apply-templates select="$areas[r:change]" mode="changes"/>
        </xsl:when>
        <xsl:otherwise>
          <p>No practice rating changed in the projects appraised both times.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="r:area" mode="changes">
    <section>
      <h3 id="changes-{@ref}"><xsl:value-of select="concat(@ref, ' ', @title)"/></h3>
      <table>
        <caption>
          <xsl:value-of select="concat('Rating changes in ', @ref)"/>
        </caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Practice</th>
            <xsl:if test="$n &gt; 2"><th scope="col">Between</th></xsl:if>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="r:change">
            <tr>
              <td><bdi><xsl:value-of select="@project"/></bdi></td>
              <th scope="row"><xsl:value-of select="@label"/></th>
              <xsl:if test="$n &gt; 2">
                <xsl:variable name="step" select="@step"/>
                <td>
                  <bdi><xsl:value-of select="$apps[@n = $step - 1]/@id"/></bdi>
                  <xsl:text> to </xsl:text>
                  <bdi><xsl:value-of select="$apps[@n = $step]/@id"/></bdi>
                </td>
              </xsl:if>
              <td>
                <xsl:call-template name="rating-badge">
                  <xsl:with-param name="rating" select="string(@from)"/>
                </xsl:call-template>
              </td>
              <td>
                <xsl:call-template name="rating-badge">
                  <xsl:with-param name="rating" select="string(@to)"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- ========================================================== findings -->

  <xsl:template name="findings">
    <xsl:variable name="findings" select="$cmp/r:finding"/>
    <section>
      <h2 id="findings">Weaknesses still open, closed and new</h2>
      <p>A weakness counts as still open when the later appraisal records a weakness about the
        same process area and practices; as closed when it records none; as new when the
        earlier one recorded none.</p>
      <section>
        <h3 id="open">Still open</h3>
        <xsl:call-template name="finding-list">
          <xsl:with-param name="list" select="$findings[@change = 'open']"/>
          <xsl:with-param name="none" select="'No weakness was carried over.'"/>
        </xsl:call-template>
      </section>
      <section>
        <h3 id="closed">Closed</h3>
        <xsl:call-template name="finding-list">
          <xsl:with-param name="list" select="$findings[@change = 'closed']"/>
          <xsl:with-param name="none" select="'No weakness was closed.'"/>
        </xsl:call-template>
      </section>
      <section>
        <h3 id="new">New</h3>
        <xsl:call-template name="finding-list">
          <xsl:with-param name="list" select="$findings[@change = 'new']"/>
          <xsl:with-param name="none" select="'No new weakness was recorded.'"/>
        </xsl:call-template>
      </section>
    </section>
  </xsl:template>

  <xsl:template name="finding-list">
    <xsl:param name="list"/>
    <xsl:param name="none"/>
    <xsl:choose>
      <xsl:when test="$list">
        <ul>
          <xsl:for-each select="$list">
            <xsl:variable name="step" select="@step"/>
            <xsl:variable name="in" select="$apps[@n = $step - number(current()/@change = 'closed')]"/>
            <li>
              <strong>
                <bdi><xsl:value-of select="$in/@id"/></bdi>
                <xsl:text> </xsl:text>
                <bdi><xsl:value-of select="@id"/></bdi>
              </strong>
              <xsl:value-of select="concat(' (', @area)"/>
              <xsl:if test="@practices">
                <xsl:text>; </xsl:text>
                <xsl:value-of select="@practices"/>
              </xsl:if>
              <xsl:if test="@project">
                <xsl:text>; project </xsl:text>
                <bdi><xsl:value-of select="@project"/></bdi>
              </xsl:if>
              <xsl:if test="@was">
                <xsl:text>; was </xsl:text>
                <bdi><xsl:value-of select="$apps[@n = $step - 1]/@id"/></bdi>
                <xsl:text> </xsl:text>
                <bdi><xsl:value-of select="@was"/></bdi>
              </xsl:if>
              <xsl:text>): </xsl:text>
              <xsl:value-of select="r:summary"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$none"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>

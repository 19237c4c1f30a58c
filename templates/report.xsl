<?xml version="1.0" encoding="UTF-8"?>
<!-- The formal appraisal report, signed by the lead appraiser.

     Input: the result document (urn:ssecmm:result:1) with <sources> holding the
     model and the appraisal.  Every level, reason, gap and count is taken from
     the result document as computed; this stylesheet only arranges and words
     them.  Text from the appraisal is hostile: it reaches the output through
     xsl:value-of only, short values inside <bdi>, and never in an attribute
     other than title or content.  Appraisal ids become fragments (ev-ID,
     finding-ID, project-ID, profile-ID) only after the character check in
     $id-chars, and a link is made only where its target is written. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:ssecmm:model:1"
                xmlns:a="urn:ssecmm:appraisal:1"
                xmlns:r="urn:ssecmm:result:1"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="m a r str">

  <xsl:import href="common.xsl"/>
  <xsl:import href="record.xsl"/>

  <xsl:variable name="res" select="/r:result"/>
  <xsl:variable name="ap" select="/r:result/r:sources/a:appraisal"/>
  <xsl:variable name="model" select="/r:result/r:sources/m:model"/>
  <xsl:variable name="org" select="/r:result/r:organization"/>
  <xsl:variable name="in-scope" select="$org/r:area[@status != 'out-of-scope']"/>
  <xsl:variable name="lead" select="$ap/a:team/a:member[@role = 'lead-appraiser'][1]"/>
  <xsl:variable name="has-target" select="boolean($res/r:target)"/>
  <xsl:variable name="several" select="$res/r:appraisal/@projects &gt; 1"/>

  <!-- Characters an appraisal id may have to become part of a fragment; the
       same test guards both the id="" and every href="#" made from it. -->
  <xsl:variable name="id-chars"
                select="'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-'"/>

  <xsl:key name="model" match="m:process-area | m:base-practice | m:generic-practice" use="@id"/>
  <xsl:key name="evidence" match="a:evidence/a:item" use="@id"/>
  <xsl:key name="project" match="a:projects/a:project" use="@id"/>
  <xsl:key name="finding" match="a:findings/a:finding" use="@id"/>
  <xsl:key name="project-area" match="r:result/r:project/r:area" use="@ref"/>
  <xsl:key name="findings-of-area" match="a:findings/a:finding" use="@process-area"/>
  <xsl:key name="practice-in-area" match="a:ratings/a:process-area/a:practice"
           use="concat(../@ref, ' ', @ref)"/>
  <xsl:key name="rating" match="a:ratings/a:process-area/a:practice"
           use="concat(../../@project, ' ', ../@ref, ' ', @ref)"/>

  <!-- ================================================================ page -->

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title">
        <xsl:if test="$draft"><xsl:value-of select="concat($draft-label, ': ')"/></xsl:if>
        <xsl:value-of select="$ap/a:title"/>
      </xsl:with-param>
      <xsl:with-param name="status" select="string($record/a:document/@status)"/>
      <xsl:with-param name="version" select="string($record/a:document/@version)"/>
      <xsl:with-param name="date" select="string($res/r:appraisal/@report)"/>
      <xsl:with-param name="description"
                      select="concat('SSE-CMM appraisal report: ', $ap/a:organization/a:name)"/>
      <xsl:with-param name="author" select="string($lead/@name)"/>
      <xsl:with-param name="confidentiality" select="string($ap/a:confidentiality)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="$ap" mode="cover"/>
        <xsl:call-template name="contents"/>
        <main>
          <xsl:call-template name="executive-summary"/>
          <xsl:call-template name="assessment-record"/>
          <xsl:call-template name="scope-method-team"/>
          <xsl:call-template name="capability-profile"/>
          <xsl:call-template name="areas"/>
          <xsl:call-template name="improvement-plan"/>
          <xsl:call-template name="declaration"/>
          <xsl:call-template name="evidence-register"/>
          <xsl:call-template name="exclusions"/>
          <xsl:call-template name="provenance"/>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- =============================================================== cover -->

  <xsl:template match="a:appraisal" mode="cover">
    <header class="cover">
      <xsl:call-template name="draft-mark"/>
      <p>
        <xsl:choose>
          <xsl:when test="$self-assessment">SSE-CMM self-assessment report</xsl:when>
          <xsl:otherwise>SSE-CMM appraisal report</xsl:otherwise>
        </xsl:choose>
      </p>
      <h1><bdi><xsl:value-of select="a:title"/></bdi></h1>
      <p><bdi><xsl:value-of select="a:organization/a:name"/></bdi></p>
      <dl>
        <xsl:if test="a:organization/a:unit">
          <dt>Organizational units</dt>
          <dd><xsl:apply-templates select="a:organization" mode="units"/></dd>
        </xsl:if>
        <dt>Appraisal reference</dt>
        <dd><bdi><xsl:value-of select="@id"/></bdi></dd>
        <dt>Appraisal period</dt>
        <dd><xsl:call-template name="period"/></dd>
        <dt>Report date</dt>
        <dd>
          <xsl:call-template name="date">
            <xsl:with-param name="value" select="$res/r:appraisal/@report"/>
          </xsl:call-template>
        </dd>
        <dt>Results valid until</dt>
        <dd>
          <xsl:call-template name="date">
            <xsl:with-param name="value" select="$res/r:appraisal/@valid-until"/>
          </xsl:call-template>
        </dd>
        <dt>Document</dt>
        <dd><xsl:call-template name="document-status"/></dd>
        <dt>Sponsor</dt>
        <dd><bdi><xsl:value-of select="a:sponsor"/></bdi></dd>
        <dt>Lead appraiser</dt>
        <dd><xsl:apply-templates select="$lead" mode="name"/></dd>
        <dt>Reference model</dt>
        <dd><xsl:value-of select="$res/r:model/@standard"/></dd>
        <dt>Appraisal method</dt>
        <dd><xsl:call-template name="method-name"/></dd>
        <xsl:if test="$has-target">
          <dt>Target profile</dt>
          <dd><xsl:apply-templates select="$res/r:target" mode="name"/></dd>
        </xsl:if>
      </dl>
      <p class="confidential"><bdi><xsl:value-of select="a:confidentiality"/></bdi></p>
    </header>
  </xsl:template>

  <xsl:template match="a:organization" mode="units">
    <ul>
      <xsl:for-each select="a:unit">
        <li><bdi><xsl:value-of select="."/></bdi></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- "Name (affiliation)" of a team member. -->
  <xsl:template match="a:member" mode="name">
    <bdi><xsl:value-of select="@name"/></bdi>
    <xsl:if test="@affiliation">
      <xsl:text> (</xsl:text>
      <bdi><xsl:value-of select="@affiliation"/></bdi>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:target" mode="name">
    <bdi><xsl:value-of select="@title"/></bdi>
    <xsl:text> (</xsl:text>
    <bdi><xsl:value-of select="@issuer"/></bdi>
    <xsl:text>; </xsl:text>
    <bdi><xsl:value-of select="@reference"/></bdi>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <!-- ============================================================ contents -->

  <xsl:template name="contents">
    <nav class="toc" aria-label="Contents">
      <h2>Contents</h2>
      <ol>
        <li><a href="#executive-summary">Executive summary</a></li>
        <li><a href="#assessment-record">Assessment record</a></li>
        <li><a href="#scope">Scope, method and team</a></li>
        <li><a href="#capability-profile">Capability profile</a></li>
        <li>
          <a href="#areas">Results by process area</a>
          <xsl:if test="$in-scope">
            <ol>
              <xsl:for-each select="$in-scope">
                <li>
                  <a href="#{@ref}">
                    <xsl:value-of select="@ref"/>
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="key('model', @ref)/@title"/>
                  </a>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:if>
        </li>
        <li><a href="#improvement-plan">Improvement plan</a></li>
        <li><a href="#declaration">Declaration and signatures</a></li>
        <li><a href="#evidence-register">Appendix A. Evidence register</a></li>
        <li><a href="#exclusions">Appendix B. Not applicable ratings and areas out of scope</a></li>
        <li><a href="#provenance">Appendix C. Provenance</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- =================================================== executive summary -->

  <xsl:template name="executive-summary">
    <section id="executive-summary" class="page-break">
      <h2>Executive summary</h2>
      <p>
        <xsl:text>From </xsl:text>
        <xsl:call-template name="period"/>
        <xsl:choose>
          <xsl:when test="$self-assessment">
            <xsl:text> a team from within the organization, led by </xsl:text>
            <xsl:apply-templates select="$lead" mode="name"/>
            <xsl:text>, made a self-assessment of the security engineering processes of </xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text> an appraisal team led by </xsl:text>
            <xsl:apply-templates select="$lead" mode="name"/>
            <xsl:text> appraised the security engineering processes of </xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <bdi><xsl:value-of select="$ap/a:organization/a:name"/></bdi>
        <xsl:text> against </xsl:text>
        <xsl:value-of select="$res/r:model/@standard"/>
        <xsl:text>, using the </xsl:text>
        <xsl:call-template name="method-name"/>
        <xsl:text>. </xsl:text>
        <xsl:call-template name="scope-sentence"/>
        <xsl:text> This report gives the capability level achieved in each process area, the
          reason it is not higher, and the findings of the team. It is dated </xsl:text>
        <xsl:call-template name="date">
          <xsl:with-param name="value" select="$res/r:appraisal/@report"/>
        </xsl:call-template>
        <xsl:text>; its results may be quoted until </xsl:text>
        <xsl:call-template name="date">
          <xsl:with-param name="value" select="$res/r:appraisal/@valid-until"/>
        </xsl:call-template>
        <xsl:text>.</xsl:text>
      </p>
      <figure>
        <xsl:call-template name="chart">
          <xsl:with-param name="scope" select="'organization'"/>
        </xsl:call-template>
        <figcaption>
          <xsl:text>Capability profile of </xsl:text>
          <bdi><xsl:value-of select="$ap/a:organization/a:name"/></bdi>
          <xsl:text>: for each process area, </xsl:text>
          <xsl:call-template name="profile-content"/>
          <xsl:text>. The values are tabulated under </xsl:text>
          <a href="#capability-profile">Capability profile</a>
          <xsl:text>.</xsl:text>
        </figcaption>
      </figure>
      <xsl:if test="$has-target">
        <xsl:call-template name="target-summary"/>
      </xsl:if>
      <h3>Main strengths</h3>
      <xsl:call-template name="findings-of-kind">
        <xsl:with-param name="kind" select="'strength'"/>
      </xsl:call-template>
      <h3>Main weaknesses</h3>
      <xsl:call-template name="findings-of-kind">
        <xsl:with-param name="kind" select="'weakness'"/>
      </xsl:call-template>
      <p>
        <xsl:text>Opportunities for improvement and the recommendations of the team are
          collected in the </xsl:text>
        <a href="#improvement-plan">improvement plan</a>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:call-template name="bottom-line"/>
    </section>
  </xsl:template>

  <!-- The bottom line, as plan.c computed it: which projects hold the level
       down, the gaps largest first, the actions that close most of them. -->
  <xsl:template name="bottom-line">
    <xsl:variable name="plan" select="$res/r:plan"/>
    <h3>Bottom line</h3>
    <xsl:if test="$plan/r:limit">
      <p>
        <xsl:text>What limits the organization's level: </xsl:text>
        <xsl:for-each select="$plan/r:limit">
          <xsl:choose>
            <xsl:when test="position() = 1">
              <xsl:text>project </xsl:text>
              <xsl:call-template name="project-link">
                <xsl:with-param name="id" select="string(@project)"/>
              </xsl:call-template>
              <xsl:text> is lower than another project, and so sets the organization's level, in </xsl:text>
              <xsl:value-of select="@areas"/>
              <xsl:text> of the </xsl:text>
              <xsl:value-of select="$plan/@rated-areas"/>
              <xsl:text> process areas rated</xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>; project </xsl:text>
              <xsl:call-template name="project-link">
                <xsl:with-param name="id" select="string(@project)"/>
              </xsl:call-template>
              <xsl:text> in </xsl:text>
              <xsl:value-of select="@areas"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
    <xsl:if test="$plan/r:stop">
      <p>
        <xsl:text>What limits the organization's level, appraised on one project: </xsl:text>
        <xsl:call-template name="stops-of-cause">
          <xsl:with-param name="stops" select="$plan/r:stop[@cause = 'ratings']"/>
          <xsl:with-param name="why" select="'their ratings short of the next level'"/>
        </xsl:call-template>
        <xsl:if test="$plan/r:stop[@cause = 'ratings'] and $plan/r:stop[@cause != 'ratings']">
          <xsl:text>; </xsl:text>
        </xsl:if>
        <xsl:call-template name="stops-of-cause">
          <xsl:with-param name="stops" select="$plan/r:stop[@cause = 'not-examined']"/>
          <xsl:with-param name="why" select="'the next level not examined'"/>
        </xsl:call-template>
        <xsl:if test="$plan/r:stop[@cause = 'not-examined'] and $plan/r:stop[@cause = 'nothing-shows']">
          <xsl:text>; </xsl:text>
        </xsl:if>
        <xsl:call-template name="stops-of-cause">
          <xsl:with-param name="stops" select="$plan/r:stop[@cause = 'nothing-shows']"/>
          <xsl:with-param name="why" select="'no applicable practice showing the next level'"/>
        </xsl:call-template>
        <xsl:text>. Each area's reason is in its section.</xsl:text>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="not($has-target)"/>
      <xsl:when test="$plan/r:gap">
        <p>
          <xsl:text>Gaps to the target, largest first: </xsl:text>
          <xsl:for-each select="$plan/r:gap">
            <xsl:if test="position() &gt; 1">
              <xsl:choose>
                <xsl:when test="position() = last()"> and </xsl:when>
                <xsl:otherwise>, </xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <xsl:call-template name="area-link"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="key('model', @ref)/@title"/>
            <xsl:text> (</xsl:text>
            <xsl:value-of select="@size"/>
            <xsl:choose>
              <xsl:when test="@size = 1"> level)</xsl:when>
              <xsl:otherwise> levels)</xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p>No process area appraised is short of its target level.</p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$plan/r:key-action">
        <p>
          <xsl:choose>
            <xsl:when test="$plan/r:gap">The actions of the improvement plan that close most of them:</xsl:when>
            <xsl:otherwise>The actions of the improvement plan that address most findings:</xsl:otherwise>
          </xsl:choose>
        </p>
        <ul>
          <xsl:for-each select="$plan/r:key-action">
            <xsl:variable name="ref" select="string(@ref)"/>
            <xsl:variable name="action" select="$ap/a:actions/a:action[@id = $ref]"/>
            <li>
              <xsl:call-template name="action-link">
                <xsl:with-param name="action" select="$action"/>
              </xsl:call-template>
              <xsl:text> (</xsl:text>
              <bdi><xsl:value-of select="$action/@owner"/></bdi>
              <xsl:text>, due </xsl:text>
              <xsl:call-template name="date">
                <xsl:with-param name="value" select="$action/@due"/>
              </xsl:call-template>
              <xsl:text>): </xsl:text>
              <bdi><xsl:value-of select="normalize-space($action/a:summary)"/></bdi>
              <xsl:if test="$has-target">
                <xsl:text> Closes </xsl:text>
                <xsl:call-template name="count-noun">
                  <xsl:with-param name="n" select="@gaps"/>
                  <xsl:with-param name="one" select="'gap'"/>
                  <xsl:with-param name="many" select="'gaps'"/>
                </xsl:call-template>
                <xsl:text> and addresses </xsl:text>
              </xsl:if>
              <xsl:if test="not($has-target)"> Addresses </xsl:if>
              <xsl:call-template name="count-noun">
                <xsl:with-param name="n" select="@findings"/>
                <xsl:with-param name="one" select="'finding'"/>
                <xsl:with-param name="many" select="'findings'"/>
              </xsl:call-template>
              <xsl:text>.</xsl:text>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p>No improvement action is recorded yet: the <a href="#improvement-plan">improvement
          plan</a> lists what is not yet planned.</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "no gap", "1 gap", "3 gaps". -->
  <xsl:template name="count-noun">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><xsl:value-of select="concat('no ', $one)"/></xsl:when>
      <xsl:when test="$n = 1"><xsl:value-of select="concat('1 ', $one)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($n, ' ', $many)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An action by its id, linked to its row in the plan. -->
  <xsl:template name="action-link">
    <xsl:param name="action" select="."/>
    <xsl:choose>
      <xsl:when test="translate($action/@id, $id-chars, '') = ''
                      and count($ap/a:actions/a:action[@id = $action/@id]) = 1">
        <a href="#action-{$action/@id}"><xsl:value-of select="$action/@id"/></a>
      </xsl:when>
      <xsl:otherwise><bdi><xsl:value-of select="$action/@id"/></bdi></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="scope-sentence">
    <xsl:choose>
      <xsl:when test="$res/r:summary/@in-scope = $res/r:summary/@areas">
        <xsl:text>All </xsl:text>
        <xsl:value-of select="$res/r:summary/@areas"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$res/r:summary/@in-scope"/>
        <xsl:text> of the </xsl:text>
        <xsl:value-of select="$res/r:summary/@areas"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text> process areas of the model were in scope</xsl:text>
    <xsl:choose>
      <xsl:when test="$several">
        <xsl:text>, appraised separately on </xsl:text>
        <xsl:value-of select="$res/r:appraisal/@projects"/>
        <xsl:text> projects; where their levels differ, the level of the organization is the
          lowest of them.</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>, appraised on one project, </xsl:text>
        <bdi><xsl:value-of select="$res/r:project/@name"/></bdi>
        <xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="target-summary">
    <xsl:variable name="s" select="$res/r:summary"/>
    <p>
      <xsl:text>The acquirer's target profile, </xsl:text>
      <xsl:apply-templates select="$res/r:target" mode="name"/>
      <xsl:text>, names </xsl:text>
      <xsl:value-of select="$s/@targets"/>
      <xsl:text> process areas. The organization meets the target level in </xsl:text>
      <xsl:value-of select="$s/@meets"/>
      <xsl:text> of them, is short of it in </xsl:text>
      <xsl:value-of select="$s/@short"/>
      <xsl:text>, and </xsl:text>
      <xsl:value-of select="$s/@not-appraised"/>
      <xsl:choose>
        <xsl:when test="$s/@not-appraised = 1"> was not appraised.</xsl:when>
        <xsl:otherwise> were not appraised.</xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:variable name="open"
                  select="$org/r:area[@gap-status = 'short' or @gap-status = 'not-appraised']"/>
    <xsl:if test="$open">
      <ul>
        <xsl:for-each select="$open">
          <li>
            <xsl:call-template name="area-link"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="key('model', @ref)/@title"/>
            <xsl:text>: target level </xsl:text>
            <xsl:value-of select="@target"/>
            <xsl:text>, </xsl:text>
            <xsl:call-template name="gap-text"/>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- The findings of one kind, in process-area order, one line each. -->
  <xsl:template name="findings-of-kind">
    <xsl:param name="kind"/>
    <xsl:variable name="found" select="$ap/a:findings/a:finding[@kind = $kind]"/>
    <xsl:choose>
      <xsl:when test="$found">
        <ul>
          <xsl:apply-templates select="$found" mode="brief">
            <xsl:sort select="@process-area"/>
          </xsl:apply-templates>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:choose>
            <xsl:when test="$kind = 'strength'">The appraisal team recorded no strength.</xsl:when>
            <xsl:otherwise>The appraisal team recorded no weakness.</xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:finding" mode="brief">
    <li>
      <xsl:call-template name="finding-class"/>
      <strong>
        <xsl:call-template name="area-link">
          <xsl:with-param name="ref" select="@process-area"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="key('model', @process-area)/@title"/>
      </strong>
      <xsl:if test="$several and @project">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="project-link"/>
        <xsl:text>)</xsl:text>
      </xsl:if>
      <xsl:text>: </xsl:text>
      <bdi><xsl:value-of select="normalize-space(a:summary)"/></bdi>
      <xsl:text> (finding </xsl:text>
      <xsl:call-template name="finding-link"/>
      <xsl:text>)</xsl:text>
    </li>
  </xsl:template>

  <!-- =================================================== assessment record -->

  <!-- Everything a formal record of the appraisal must hold, in one place;
       "Not recorded" marks what an older appraisal file lacks. -->
  <xsl:template name="assessment-record">
    <section id="assessment-record" class="page-break">
      <h2>Assessment record</h2>
      <xsl:if test="not($record)">
        <p>The appraisal file holds no assessment record (it is of format 1): each part of the
          record below that the file cannot hold is marked "Not recorded". This report is
          therefore not a complete record of a formal appraisal.</p>
      </xsl:if>
      <h3>Purpose and class</h3>
      <dl>
        <dt>Purpose</dt>
        <dd>
          <xsl:call-template name="purpose-name"/>
          <xsl:if test="$record/a:purpose">
            <xsl:text>: </xsl:text>
            <bdi><xsl:value-of select="normalize-space($record/a:purpose)"/></bdi>
          </xsl:if>
        </dd>
        <dt>Class of assessment</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:class"/>
          </xsl:call-template>
        </dd>
      </dl>

      <h3>Independence</h3>
      <dl>
        <dt>Assessing body</dt>
        <dd>
          <xsl:call-template name="independence-name">
            <xsl:with-param name="value" select="$record/a:independence/@body"/>
          </xsl:call-template>
        </dd>
        <dt>Lead appraiser</dt>
        <dd>
          <xsl:call-template name="independence-name">
            <xsl:with-param name="value" select="$record/a:independence/@lead-appraiser"/>
          </xsl:call-template>
        </dd>
        <dt>Appraisal team</dt>
        <dd>
          <xsl:call-template name="independence-name">
            <xsl:with-param name="value" select="$record/a:independence/@team"/>
          </xsl:call-template>
        </dd>
        <dt>Conflicts of interest declared</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$record/a:independence/a:conflict">
              <ul>
                <xsl:for-each select="$record/a:independence/a:conflict">
                  <li>
                    <bdi><xsl:value-of select="@member"/></bdi>
                    <xsl:text>: </xsl:text>
                    <bdi><xsl:value-of select="normalize-space(.)"/></bdi>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:when test="$record">None</xsl:when>
            <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>

      <h3>Constraints</h3>
      <dl>
        <dt>Resources and time</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:constraints/a:resources"/>
          </xsl:call-template>
        </dd>
        <dt>Exclusions</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$record/a:constraints/a:exclusions">
              <bdi><xsl:value-of select="normalize-space($record/a:constraints/a:exclusions)"/></bdi>
            </xsl:when>
            <xsl:when test="$record">None beyond the scope stated under <a href="#scope">Scope, method and team</a></xsl:when>
            <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Ownership of the outputs</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:constraints/a:ownership"/>
          </xsl:call-template>
        </dd>
        <dt>Restrictions on use</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:constraints/a:use"/>
          </xsl:call-template>
        </dd>
        <dt>Confidentiality marking</dt>
        <dd><bdi><xsl:value-of select="$ap/a:confidentiality"/></bdi></dd>
      </dl>

      <h3>Sponsor and qualifications</h3>
      <dl>
        <dt>Sponsor</dt>
        <dd><bdi><xsl:value-of select="$ap/a:sponsor"/></bdi></dd>
        <dt>Plan approved by the sponsor</dt>
        <dd>
          <xsl:call-template name="recorded-date">
            <xsl:with-param name="value" select="$record/a:sponsorship/@plan-approved"/>
          </xsl:call-template>
        </dd>
        <dt>Results accepted by the sponsor</dt>
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
        <dt>Lead appraiser's qualification</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:qualification/a:lead-appraiser"/>
          </xsl:call-template>
        </dd>
        <dt>Training of the team</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:qualification/a:team"/>
          </xsl:call-template>
        </dd>
      </dl>

      <h3>Validation of the preliminary findings</h3>
      <xsl:choose>
        <xsl:when test="$record/a:validation">
          <p>
            <xsl:text>The preliminary findings were presented to the participants on </xsl:text>
            <xsl:call-template name="date">
              <xsl:with-param name="value" select="$record/a:validation/@date"/>
            </xsl:call-template>
            <xsl:text>; </xsl:text>
            <xsl:value-of select="$record/a:validation/@attendees"/>
            <xsl:choose>
              <xsl:when test="$record/a:validation/@attendees = 1"> person attended. </xsl:when>
              <xsl:otherwise> people attended. </xsl:otherwise>
            </xsl:choose>
            <bdi><xsl:value-of select="normalize-space($record/a:validation)"/></bdi>
          </p>
        </xsl:when>
        <xsl:otherwise><p><xsl:call-template name="not-recorded"/></p></xsl:otherwise>
      </xsl:choose>

      <h3>Organization context</h3>
      <dl>
        <dt>Size</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:context/a:size"/>
          </xsl:call-template>
        </dd>
        <dt>Application domain</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:context/a:domain"/>
          </xsl:call-template>
        </dd>
        <dt>Criticality of what it builds</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:context/a:criticality"/>
          </xsl:call-template>
        </dd>
      </dl>

      <h3>Document control</h3>
      <dl>
        <dt>Version and status</dt>
        <dd><xsl:call-template name="document-status"/></dd>
        <dt>Distribution</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$record/a:document/a:recipient">
              <ul>
                <xsl:for-each select="$record/a:document/a:recipient">
                  <li><bdi><xsl:value-of select="."/></bdi></li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="not-recorded"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Where the record is kept, and for how long</dt>
        <dd>
          <xsl:call-template name="recorded">
            <xsl:with-param name="value" select="$record/a:document/a:retention"/>
          </xsl:call-template>
        </dd>
      </dl>
    </section>
  </xsl:template>

  <!-- ============================================== scope, method and team -->

  <xsl:template name="scope-method-team">
    <section id="scope" class="page-break">
      <h2>Scope, method and team</h2>

      <h3>Scope</h3>
      <p><xsl:value-of select="normalize-space($ap/a:scope/a:description)"/></p>
      <p><xsl:call-template name="scope-sentence"/></p>
      <xsl:choose>
        <xsl:when test="$ap/a:scope/a:excluded">
          <table>
            <caption>Process areas excluded from the scope, with the rationale</caption>
            <thead>
              <tr>
                <th scope="col">Process area</th>
                <th scope="col">Title</th>
                <th scope="col">Rationale</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ap/a:scope/a:excluded" mode="row">
                <xsl:with-param name="anchored" select="true()"/>
              </xsl:apply-templates>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>No process area of the model was excluded from the scope.</p>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Method</h3>
      <xsl:call-template name="method-text"/>
      <table>
        <caption>Rating scale for practices and process attributes</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          <xsl:call-template name="scale-row"><xsl:with-param name="rating" select="'F'"/></xsl:call-template>
          <xsl:call-template name="scale-row"><xsl:with-param name="rating" select="'L'"/></xsl:call-template>
          <xsl:call-template name="scale-row"><xsl:with-param name="rating" select="'P'"/></xsl:call-template>
          <xsl:call-template name="scale-row"><xsl:with-param name="rating" select="'N'"/></xsl:call-template>
          <xsl:call-template name="scale-row"><xsl:with-param name="rating" select="'NA'"/></xsl:call-template>
        </tbody>
      </table>
      <table>
        <caption>Capability levels of the model</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Title</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$model/m:capability-levels/m:level">
            <tr>
              <th scope="row"><span class="level level-{@number}"><xsl:value-of select="@number"/></span></th>
              <td><xsl:value-of select="@title"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>

      <h3>Appraisal team</h3>
      <table>
        <caption>Members of the appraisal team</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Affiliation</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$ap/a:team/a:member" mode="row"/>
        </tbody>
      </table>

      <h3>Participants</h3>
      <p>The following people were interviewed or took part in the appraisal, listed by role.</p>
      <table>
        <caption>Participants in the appraisal</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col" class="numeric">Number</th>
            <th scope="col">Project</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$ap/a:participants/a:participant" mode="row"/>
        </tbody>
      </table>

      <h3>Projects</h3>
      <xsl:choose>
        <xsl:when test="$several">
          <p>Each project was rated separately; its results are shown next to the others in every
            process area.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>The appraisal examined one project.</p>
        </xsl:otherwise>
      </xsl:choose>
      <dl>
        <xsl:apply-templates select="$ap/a:projects/a:project" mode="entry"/>
      </dl>
    </section>
  </xsl:template>

  <!-- A row of the exclusions table; the scope section carries the anchor
       of the excluded area, the appendix repeats the row without it. -->
  <xsl:template match="a:excluded" mode="row">
    <xsl:param name="anchored" select="false()"/>
    <tr>
      <xsl:variable name="area"
                    select="$org/r:area[@ref = current()/@process-area][@status = 'out-of-scope']"/>
      <xsl:if test="$anchored and $area
                    and count(. | ../a:excluded[@process-area = current()/@process-area][1]) = 1">
        <xsl:attribute name="id"><xsl:value-of select="$area/@ref"/></xsl:attribute>
      </xsl:if>
      <th scope="row"><bdi><xsl:value-of select="@process-area"/></bdi></th>
      <td><xsl:value-of select="key('model', @process-area)/@title"/></td>
      <td><xsl:value-of select="normalize-space(.)"/></td>
    </tr>
  </xsl:template>

  <xsl:template name="scale-row">
    <xsl:param name="rating"/>
    <tr>
      <th scope="row">
        <xsl:call-template name="rating-badge">
          <xsl:with-param name="rating" select="$rating"/>
        </xsl:call-template>
      </th>
      <td>
        <xsl:call-template name="rating-name">
          <xsl:with-param name="rating" select="$rating"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="a:member" mode="row">
    <tr>
      <th scope="row"><bdi><xsl:value-of select="@name"/></bdi></th>
      <td>
        <xsl:choose>
          <xsl:when test="@role = 'lead-appraiser'">Lead appraiser</xsl:when>
          <xsl:when test="@role = 'appraiser'">Appraiser</xsl:when>
          <xsl:when test="@role = 'observer'">Observer (does not rate)</xsl:when>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@affiliation"><bdi><xsl:value-of select="@affiliation"/></bdi></xsl:when>
          <xsl:otherwise>&#8212;</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="a:participant" mode="row">
    <tr>
      <th scope="row"><bdi><xsl:value-of select="@role"/></bdi></th>
      <td class="numeric">
        <xsl:choose>
          <xsl:when test="@count"><xsl:value-of select="@count"/></xsl:when>
          <xsl:otherwise>1</xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@project"><xsl:call-template name="project-link"/></xsl:when>
          <xsl:otherwise>Organization-wide</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="a:project" mode="entry">
    <dt>
      <xsl:if test="translate(@id, $id-chars, '') = '' and count(. | key('project', @id)[1]) = 1">
        <xsl:attribute name="id">project-<xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <bdi><xsl:value-of select="@name"/></bdi>
      <xsl:text> (</xsl:text>
      <bdi><xsl:value-of select="@id"/></bdi>
      <xsl:text>)</xsl:text>
    </dt>
    <dd><xsl:value-of select="normalize-space(a:description)"/></dd>
  </xsl:template>

  <!-- How the method works, in the report's own words; the rules are those
       the program applies (README, "Rating rules"). -->
  <xsl:template name="method-text">
    <xsl:choose>
      <xsl:when test="$res/r:appraisal/@method = 'iso15504'">
        <p>The appraisal used the measurement framework of ISO/IEC 15504-2. For each project,
          the appraisal team rated the process attributes of every process area in scope, from
          PA 1.1 up to the highest level it examined, on the evidence listed in the evidence
          register (Appendix A). Base practices were rated, where the team needed them, as
          supporting detail for PA 1.1; they do not determine a level on their own.</p>
        <p>A process area is at capability level 1 when PA 1.1 is rated L or F, and at a higher
          level when the attributes of that level are rated L or F and every attribute of a
          lower level is rated F. A level whose attributes were not rated was not examined and is
          not reached.</p>
      </xsl:when>
      <xsl:otherwise>
        <p>The appraisal followed the SSE-CMM Appraisal Method (SSAM). For each project, the
          appraisal team rated every base practice of every process area in scope, and the
          generic practices of the capability levels it examined, on the evidence listed in the
          evidence register (Appendix A).</p>
        <p>A process area is at capability level 1 when every applicable base practice is rated
          L or F; the base practices themselves show the generic practice of level 1. It is at
          level 2, 3, 4 or 5 when it is at the level below and every applicable generic practice
          of that level is rated L or F. A level whose generic practices were not rated was not
          examined and is not reached.</p>
      </xsl:otherwise>
    </xsl:choose>
    <p>A rating of NA is given with its rationale (Appendix B) and is left out of every
      aggregate; a process area whose
      <xsl:choose>
        <xsl:when test="$res/r:appraisal/@method = 'iso15504'">process attribute 1.1 is rated
          NA</xsl:when>
        <xsl:otherwise>base practices are all rated NA</xsl:otherwise>
      </xsl:choose>
      is reported as not applicable rather than at a level. Every level is reported with its reason: the practices or
      attributes that stop the next level, with their ratings.</p>
    <xsl:if test="$several">
      <p>The projects were rated separately. For each process area, the level of the
        organization is the lowest level achieved by the projects in which the area applies; the
        range from that level to the highest shows how far the projects differ.</p>
    </xsl:if>
    <xsl:if test="$has-target">
      <p>The profile is compared with the acquirer's target profile. A process area meets the
        target when its level is at or above the target level, is short by the number of levels
        it lacks, and is not appraised when it was out of scope or not applicable.</p>
    </xsl:if>
  </xsl:template>

  <!-- ================================================== capability profile -->

  <xsl:template name="capability-profile">
    <section id="capability-profile" class="page-break">
      <h2>Capability profile</h2>
      <p>
        <xsl:text>The chart shows, for each process area, </xsl:text>
        <xsl:call-template name="profile-content"/>
        <xsl:text>. The table after the chart gives the same values.</xsl:text>
      </p>
      <figure>
        <xsl:call-template name="chart">
          <xsl:with-param name="scope" select="'organization'"/>
        </xsl:call-template>
        <figcaption>
          <xsl:text>Capability profile of </xsl:text>
          <bdi><xsl:value-of select="$ap/a:organization/a:name"/></bdi>
          <xsl:if test="$has-target"> against the target profile</xsl:if>
          <xsl:text>.</xsl:text>
        </figcaption>
      </figure>
      <table>
        <caption>
          <xsl:text>Capability profile of the organization</xsl:text>
          <xsl:if test="$several">, with the range over the projects</xsl:if>
        </caption>
        <thead>
          <tr>
            <th scope="col">Process area</th>
            <th scope="col">Level</th>
            <xsl:if test="$several"><th scope="col">Range over projects</th></xsl:if>
            <xsl:if test="$has-target"><th scope="col">Target</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$org/r:area" mode="profile-row"/>
        </tbody>
      </table>

      <section id="summary-of-results">
        <h3>Summary of results</h3>
        <table>
          <caption>Summary of results by process area</caption>
          <thead>
            <tr>
              <th scope="col">Process area</th>
              <th scope="col">Title</th>
              <th scope="col">Level</th>
              <xsl:if test="$has-target">
                <th scope="col">Target</th>
                <th scope="col">Gap</th>
              </xsl:if>
              <th scope="col">Reason the level is not higher</th>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="$org/r:area" mode="summary-row"/>
          </tbody>
        </table>
      </section>

      <xsl:if test="$several">
        <section id="profiles-by-project">
          <h3>Profiles by project</h3>
          <p>The level achieved in each process area by each project, from which the profile of
            the organization above is drawn.</p>
          <xsl:apply-templates select="$res/r:project" mode="profile"/>
        </section>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="r:organization/r:area" mode="profile-row">
    <tr>
      <th scope="row">
        <xsl:call-template name="area-link"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="key('model', @ref)/@title"/>
      </th>
      <td><xsl:call-template name="level-badge"/></td>
      <xsl:if test="$several">
        <td><xsl:call-template name="level-range"/></td>
      </xsl:if>
      <xsl:if test="$has-target">
        <td><xsl:call-template name="target-level"/></td>
      </xsl:if>
    </tr>
  </xsl:template>

  <xsl:template match="r:organization/r:area" mode="summary-row">
    <tr>
      <th scope="row"><xsl:call-template name="area-link"/></th>
      <td><xsl:value-of select="key('model', @ref)/@title"/></td>
      <td><xsl:call-template name="level-badge"/></td>
      <xsl:if test="$has-target">
        <td><xsl:call-template name="target-level"/></td>
        <td><xsl:call-template name="gap-text"/></td>
      </xsl:if>
      <td><xsl:call-template name="organization-reason"/></td>
    </tr>
  </xsl:template>

  <xsl:template match="r:project" mode="profile">
    <xsl:variable name="safe" select="translate(@id, $id-chars, '') = ''
                  and count(key('project', @id)) = 1"/>
    <section>
      <xsl:if test="$safe">
        <xsl:attribute name="id">profile-<xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <h4>
        <bdi><xsl:value-of select="@name"/></bdi>
        <xsl:text> (</xsl:text>
        <bdi><xsl:value-of select="@id"/></bdi>
        <xsl:text>)</xsl:text>
      </h4>
      <xsl:if test="$safe">
        <figure>
          <xsl:call-template name="chart">
            <xsl:with-param name="scope" select="string(@id)"/>
          </xsl:call-template>
          <figcaption>
            <xsl:text>Capability profile of the project </xsl:text>
            <bdi><xsl:value-of select="@name"/></bdi>
            <xsl:text>. The table that follows gives the same values.</xsl:text>
          </figcaption>
        </figure>
      </xsl:if>
      <table>
        <caption>
          <xsl:text>Capability profile of the project </xsl:text>
          <bdi><xsl:value-of select="@name"/></bdi>
        </caption>
        <thead>
          <tr>
            <th scope="col">Process area</th>
            <th scope="col">Level</th>
            <xsl:if test="$has-target"><th scope="col">Target</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="r:area">
            <tr>
              <th scope="row">
                <xsl:call-template name="area-link"/>
                <xsl:text> </xsl:text>
                <xsl:value-of select="key('model', @ref)/@title"/>
              </th>
              <td><xsl:call-template name="level-badge"/></td>
              <xsl:if test="$has-target">
                <td>
                  <xsl:call-template name="target-level">
                    <xsl:with-param name="area" select="$org/r:area[@ref = current()/@ref]"/>
                  </xsl:call-template>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- ============================================ results by process area -->

  <xsl:template name="areas">
    <section id="areas" class="page-break">
      <h2>Results by process area</h2>
      <p>
        <xsl:text>Each process area in scope is reported in turn: the level achieved by </xsl:text>
        <xsl:choose>
          <xsl:when test="$several">each project and by the organization</xsl:when>
          <xsl:otherwise>the project</xsl:otherwise>
        </xsl:choose>
        <xsl:text> with the reason it is not higher, the rating of every practice that was
          rated, with the evidence it rests on, and the findings of the team. Evidence
          identifiers refer to the evidence register in Appendix A. Areas out of scope are
          listed under </xsl:text>
        <a href="#scope">Scope, method and team</a>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:for-each select="$in-scope">
        <xsl:apply-templates select="." mode="section">
          <xsl:with-param name="first" select="position() = 1"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:if test="not($in-scope)">
        <p>No process area was in scope.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The first area follows the chapter heading on the same page. -->
  <xsl:template match="r:organization/r:area" mode="section">
    <xsl:param name="first" select="false()"/>
    <xsl:variable name="pa" select="string(@ref)"/>
    <xsl:variable name="def" select="key('model', $pa)"/>
    <section id="{$pa}">
      <xsl:if test="not($first)">
        <xsl:attribute name="class">page-break</xsl:attribute>
      </xsl:if>
      <h3>
        <xsl:value-of select="$pa"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$def/@title"/>
      </h3>
      <p>
        <em>
          <xsl:call-template name="category-name">
            <xsl:with-param name="category" select="$def/@category"/>
          </xsl:call-template>
        </em>
      </p>
      <xsl:apply-templates select="$def/m:summary/m:p[1]" mode="text"/>

      <h4>Capability level</h4>
      <xsl:call-template name="area-levels"/>

      <h4>Practice ratings</h4>
      <xsl:call-template name="practice-ratings">
        <xsl:with-param name="pa" select="$pa"/>
      </xsl:call-template>

      <h4>Findings and recommendations</h4>
      <xsl:variable name="found" select="key('findings-of-area', $pa)"/>
      <xsl:choose>
        <xsl:when test="$found">
          <xsl:apply-templates select="$found[@kind = 'strength']" mode="detail"/>
          <xsl:apply-templates select="$found[@kind = 'weakness']" mode="detail"/>
          <xsl:apply-templates select="$found[@kind = 'opportunity']" mode="detail"/>
        </xsl:when>
        <xsl:otherwise>
          <p>The appraisal team recorded no finding for this process area.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- Level of one area per project, and for the organization when there
       are several projects.  The context is the organization r:area. -->
  <xsl:template name="area-levels">
    <xsl:variable name="pa" select="@ref"/>
    <table>
      <caption>
        <xsl:text>Capability level of </xsl:text>
        <xsl:value-of select="$pa"/>
        <xsl:choose>
          <xsl:when test="$several"> by project and for the organization</xsl:when>
          <xsl:otherwise> for the project</xsl:otherwise>
        </xsl:choose>
      </caption>
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Level</th>
          <th scope="col">Level claimed</th>
          <th scope="col">Reason the level is not higher</th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="$res/r:project/r:area[@ref = $pa]">
          <tr>
            <th scope="row">
              <xsl:call-template name="project-link">
                <xsl:with-param name="id" select="../@id"/>
              </xsl:call-template>
            </th>
            <td><xsl:call-template name="level-badge"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="@claimed"><xsl:value-of select="@claimed"/></xsl:when>
                <xsl:otherwise>&#8212;</xsl:otherwise>
              </xsl:choose>
            </td>
            <td><xsl:value-of select="r:reason"/></td>
          </tr>
        </xsl:for-each>
        <xsl:if test="$several">
          <tr>
            <th scope="row">Organization</th>
            <td><xsl:call-template name="level-badge"/></td>
            <td>&#8212;</td>
            <td>
              <xsl:choose>
                <xsl:when test="@status = 'rated' and @projects = 1">
                  <xsl:text>The level of the one project in which the area applies.</xsl:text>
                </xsl:when>
                <xsl:when test="@status = 'rated'">
                  <xsl:text>Lowest level over the </xsl:text>
                  <xsl:value-of select="@projects"/>
                  <xsl:text> projects in which the area applies; range </xsl:text>
                  <xsl:call-template name="level-range"/>
                  <xsl:text>.</xsl:text>
                </xsl:when>
                <xsl:otherwise>Not applicable in any project.</xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:if>
      </tbody>
    </table>
    <xsl:if test="@target">
      <p>
        <xsl:text>Target level </xsl:text>
        <xsl:value-of select="@target"/>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="gap-text"/>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Rows are the practices rated in this area by any project: base
       practices, then generic practices, then process attributes. -->
  <xsl:template name="practice-ratings">
    <xsl:param name="pa"/>
    <xsl:variable name="rated"
                  select="$ap/a:ratings/a:process-area[@ref = $pa]/a:practice
                          [count(. | key('practice-in-area', concat($pa, ' ', @ref))[1]) = 1]"/>
    <xsl:choose>
      <xsl:when test="$rated">
        <table>
          <caption>
            <xsl:text>Practice ratings in </xsl:text>
            <xsl:value-of select="$pa"/>
            <xsl:text>, with the evidence cited</xsl:text>
          </caption>
          <thead>
            <tr>
              <th scope="col">Practice</th>
              <xsl:for-each select="$res/r:project">
                <th scope="col">
                  <xsl:call-template name="project-link"/>
                </th>
              </xsl:for-each>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="$rated[starts-with(@ref, 'BP.')]" mode="rating-row">
              <xsl:sort select="@ref"/>
            </xsl:apply-templates>
            <xsl:apply-templates select="$rated[starts-with(@ref, 'GP-')]" mode="rating-row">
              <xsl:sort select="@ref"/>
            </xsl:apply-templates>
            <xsl:apply-templates select="$rated[starts-with(@ref, 'PA')]" mode="rating-row">
              <xsl:sort select="@ref"/>
            </xsl:apply-templates>
          </tbody>
        </table>
        <xsl:variable name="noted" select="$ap/a:ratings/a:process-area[@ref = $pa]/a:practice[a:note]"/>
        <xsl:if test="$noted">
          <p>Notes recorded by the appraisal team with the ratings:</p>
          <dl>
            <xsl:apply-templates select="$noted" mode="note"/>
          </dl>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p>No practice was rated in this process area.</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:practice" mode="rating-row">
    <xsl:variable name="key" select="concat(../@ref, ' ', @ref)"/>
    <tr>
      <th scope="row">
        <xsl:call-template name="practice-name"/>
      </th>
      <xsl:for-each select="$res/r:project">
        <xsl:variable name="rating" select="key('rating', concat(@id, ' ', $key))[1]"/>
        <td>
          <xsl:call-template name="rating-badge">
            <xsl:with-param name="rating" select="string($rating/@rating)"/>
          </xsl:call-template>
          <xsl:if test="normalize-space($rating/@evidence)">
            <br/>
            <small>
              <xsl:call-template name="evidence-links">
                <xsl:with-param name="ids" select="normalize-space($rating/@evidence)"/>
              </xsl:call-template>
            </small>
          </xsl:if>
        </td>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <xsl:template match="a:practice" mode="note">
    <dt>
      <xsl:call-template name="label">
        <xsl:with-param name="id" select="@ref"/>
      </xsl:call-template>
      <xsl:if test="$several">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="project-link">
          <xsl:with-param name="id" select="../../@project"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:text>, rated </xsl:text>
      <xsl:call-template name="rating-badge">
        <xsl:with-param name="rating" select="string(@rating)"/>
      </xsl:call-template>
    </dt>
    <dd><xsl:value-of select="normalize-space(a:note)"/></dd>
  </xsl:template>

  <!-- A finding in full, carrying its anchor. -->
  <xsl:template match="a:finding" mode="detail">
    <div>
      <xsl:call-template name="finding-class"/>
      <xsl:if test="translate(@id, $id-chars, '') = '' and count(. | key('finding', @id)[1]) = 1">
        <xsl:attribute name="id">finding-<xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <p>
        <strong>
          <xsl:call-template name="kind-name"/>
          <xsl:text> </xsl:text>
          <bdi><xsl:value-of select="@id"/></bdi>
        </strong>
        <xsl:choose>
          <xsl:when test="not(@project)">, organization-wide</xsl:when>
          <xsl:when test="$several">
            <xsl:text>, project </xsl:text>
            <xsl:call-template name="project-link"/>
          </xsl:when>
        </xsl:choose>
        <xsl:if test="normalize-space(@practices)">
          <xsl:text>; practices </xsl:text>
          <xsl:call-template name="practice-labels">
            <xsl:with-param name="ids" select="normalize-space(@practices)"/>
          </xsl:call-template>
        </xsl:if>
      </p>
      <p><xsl:value-of select="normalize-space(a:summary)"/></p>
      <xsl:if test="a:recommendation">
        <p>
          <strong>Recommendation: </strong>
          <bdi><xsl:value-of select="normalize-space(a:recommendation)"/></bdi>
        </p>
      </xsl:if>
      <xsl:if test="normalize-space(@evidence)">
        <p>
          <small>
            <xsl:text>Evidence: </xsl:text>
            <xsl:call-template name="evidence-links">
              <xsl:with-param name="ids" select="normalize-space(@evidence)"/>
            </xsl:call-template>
          </small>
        </p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- ==================================================== improvement plan -->

  <xsl:template name="improvement-plan">
    <section id="improvement-plan" class="page-break">
      <h2>Improvement plan</h2>
      <p>The actions the organization has planned, with the weaknesses and target gaps each
        closes; then what no action yet addresses; then the recommendations of the appraisal
        team, finding by finding<xsl:if test="$has-target">, and the gaps between the achieved
        profile and the target profile</xsl:if>.</p>

      <h3>Actions</h3>
      <xsl:choose>
        <xsl:when test="$ap/a:actions/a:action">
          <table>
            <caption>Planned improvement actions, in the order of the plan</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Priority</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Closes</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ap/a:actions/a:action" mode="row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>No improvement action is recorded in the appraisal file.</p>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Not yet planned</h3>
      <xsl:variable name="unplanned" select="$res/r:plan/r:unplanned"/>
      <xsl:choose>
        <xsl:when test="$unplanned">
          <p>No action addresses these weaknesses, opportunities and gaps to the target:</p>
          <ul>
            <xsl:for-each select="$unplanned[@finding]">
              <xsl:apply-templates select="key('finding', @finding)" mode="brief"/>
            </xsl:for-each>
            <xsl:for-each select="$unplanned[@process-area]">
              <xsl:variable name="ref" select="string(@process-area)"/>
              <li>
                <xsl:text>Gap to the target in </xsl:text>
                <xsl:call-template name="area-link">
                  <xsl:with-param name="ref" select="$ref"/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:value-of select="key('model', $ref)/@title"/>
                <xsl:text>: </xsl:text>
                <xsl:call-template name="gap-text">
                  <xsl:with-param name="area" select="$org/r:area[@ref = $ref]"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p>Every weakness, opportunity and gap to the target is addressed by an action.</p>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Recommendations of the team</h3>
      <xsl:variable name="actionable"
                    select="$ap/a:findings/a:finding[@kind = 'weakness' or @kind = 'opportunity']"/>
      <xsl:choose>
        <xsl:when test="$actionable">
          <xsl:for-each select="$in-scope[key('findings-of-area', @ref)
                                [@kind = 'weakness' or @kind = 'opportunity']]">
            <xsl:variable name="found" select="key('findings-of-area', @ref)"/>
            <h4>
              <xsl:call-template name="area-link"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="key('model', @ref)/@title"/>
            </h4>
            <ul>
              <xsl:apply-templates select="$found[@kind = 'weakness']" mode="plan"/>
              <xsl:apply-templates select="$found[@kind = 'opportunity']" mode="plan"/>
            </ul>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <p>The appraisal team recorded no weakness and no opportunity for improvement.</p>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Gaps to the target profile</h3>
      <xsl:choose>
        <xsl:when test="not($has-target)">
          <p>No target profile was given for this appraisal, so no gap is stated. For each
            process area, the reason in the summary of results names what stands between the
            level achieved and the next.</p>
        </xsl:when>
        <xsl:when test="$org/r:area[@gap-status = 'short' or @gap-status = 'not-appraised']">
          <table>
            <caption>Process areas that do not meet the target profile</caption>
            <thead>
              <tr>
                <th scope="col">Process area</th>
                <th scope="col">Level</th>
                <th scope="col">Target</th>
                <th scope="col">Gap</th>
                <th scope="col">What stops the next level</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates mode="gap-row"
                  select="$org/r:area[@gap-status = 'short' or @gap-status = 'not-appraised']"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>The organization meets the target level in every process area the target profile
            names.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="a:finding" mode="plan">
    <li>
      <xsl:call-template name="finding-class"/>
      <p>
        <strong>
          <xsl:call-template name="kind-name"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="finding-link"/>
        </strong>
        <xsl:if test="$several and @project">
          <xsl:text> (project </xsl:text>
          <xsl:call-template name="project-link"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text>: </xsl:text>
        <bdi><xsl:value-of select="normalize-space(a:summary)"/></bdi>
      </p>
      <p>
        <strong>Recommendation: </strong>
        <xsl:choose>
          <xsl:when test="a:recommendation">
            <bdi><xsl:value-of select="normalize-space(a:recommendation)"/></bdi>
          </xsl:when>
          <xsl:otherwise>No recommendation was recorded.</xsl:otherwise>
        </xsl:choose>
      </p>
    </li>
  </xsl:template>

  <xsl:template match="a:action" mode="row">
    <xsl:variable name="act" select="."/>
    <xsl:variable name="findings" select="concat(' ', normalize-space(@findings), ' ')"/>
    <xsl:variable name="areas" select="concat(' ', normalize-space(@process-areas), ' ')"/>
    <tr>
      <th scope="row">
        <xsl:if test="translate(@id, $id-chars, '') = ''
                      and count($ap/a:actions/a:action[@id = $act/@id]) = 1">
          <xsl:attribute name="id">action-<xsl:value-of select="@id"/></xsl:attribute>
        </xsl:if>
        <bdi><xsl:value-of select="@id"/></bdi>
        <xsl:text>: </xsl:text>
        <bdi><xsl:value-of select="normalize-space(a:summary)"/></bdi>
      </th>
      <td><xsl:value-of select="@priority"/></td>
      <td><bdi><xsl:value-of select="@owner"/></bdi></td>
      <td>
        <xsl:call-template name="date">
          <xsl:with-param name="value" select="@due"/>
        </xsl:call-template>
      </td>
      <td>
        <xsl:for-each select="$ap/a:findings/a:finding[contains($findings, concat(' ', @id, ' '))]">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="finding-link"/>
        </xsl:for-each>
        <xsl:if test="@findings and @process-areas">; </xsl:if>
        <xsl:for-each select="$org/r:area[contains($areas, concat(' ', @ref, ' '))]">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="area-link"/>
          <xsl:if test="@gap-status = 'short'">
            <xsl:text> (</xsl:text>
            <xsl:call-template name="gap-text"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="r:organization/r:area" mode="gap-row">
    <tr>
      <th scope="row">
        <xsl:call-template name="area-link"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="key('model', @ref)/@title"/>
      </th>
      <td><xsl:call-template name="level-badge"/></td>
      <td><xsl:value-of select="@target"/></td>
      <td><xsl:call-template name="gap-text"/></td>
      <td><xsl:call-template name="organization-reason"/></td>
    </tr>
  </xsl:template>

  <!-- ========================================================= declaration -->

  <xsl:template name="declaration">
    <section id="declaration" class="page-break">
      <h2>Declaration and signatures</h2>
      <p>
        <xsl:text>I declare that this appraisal was carried out as this report describes; that
          the ratings it records were agreed by the appraisal team on the evidence listed in the
          evidence register; and that the capability levels it reports follow from those ratings
          by the rules of the method stated. The results describe the organization, units and
          projects named, as they were during the appraisal period, and may be quoted until </xsl:text>
        <xsl:call-template name="date">
          <xsl:with-param name="value" select="$res/r:appraisal/@valid-until"/>
        </xsl:call-template>
        <xsl:text>.</xsl:text>
      </p>
      <p>
        <xsl:text>The sponsor's signature accepts the results as this report records them, for
          the purpose stated in the </xsl:text>
        <a href="#assessment-record">assessment record</a>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:call-template name="signature-block"/>
    </section>
  </xsl:template>

  <!-- ========================================================== appendices -->

  <xsl:template name="evidence-register">
    <section id="evidence-register" class="page-break">
      <h2>Appendix A. Evidence register</h2>
      <xsl:choose>
        <xsl:when test="$ap/a:evidence/a:item">
          <table>
            <caption>Evidence examined by the appraisal team</caption>
            <thead>
              <tr>
                <th scope="col">Identifier</th>
                <th scope="col">Kind</th>
                <th scope="col">Date</th>
                <th scope="col">Title</th>
                <th scope="col">Location</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ap/a:evidence/a:item" mode="row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>The evidence register is empty.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="a:item" mode="row">
    <tr>
      <xsl:if test="translate(@id, $id-chars, '') = '' and count(. | key('evidence', @id)[1]) = 1">
        <xsl:attribute name="id">ev-<xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <th scope="row"><bdi><xsl:value-of select="@id"/></bdi></th>
      <td>
        <xsl:choose>
          <xsl:when test="@kind = 'document'">Document</xsl:when>
          <xsl:when test="@kind = 'interview'">Interview</xsl:when>
          <xsl:when test="@kind = 'demonstration'">Demonstration</xsl:when>
          <xsl:when test="@kind = 'record'">Record</xsl:when>
        </xsl:choose>
      </td>
      <td>
        <xsl:call-template name="date">
          <xsl:with-param name="value" select="@date"/>
        </xsl:call-template>
      </td>
      <td><bdi><xsl:value-of select="a:title"/></bdi></td>
      <td><bdi><xsl:value-of select="a:location"/></bdi></td>
    </tr>
  </xsl:template>

  <xsl:template name="exclusions">
    <section id="exclusions" class="page-break">
      <h2>Appendix B. Not applicable ratings and areas out of scope</h2>
      <h3>Practices rated not applicable</h3>
      <xsl:variable name="na" select="$ap/a:ratings/a:process-area/a:practice[@rating = 'NA']"/>
      <xsl:choose>
        <xsl:when test="$na">
          <table>
            <caption>Practices rated NA, with the rationale of the appraisal team</caption>
            <thead>
              <tr>
                <th scope="col">Practice</th>
                <th scope="col">Process area</th>
                <th scope="col">Project</th>
                <th scope="col">Rationale</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$na" mode="na-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>No practice was rated not applicable.</p>
        </xsl:otherwise>
      </xsl:choose>
      <h3>Process areas out of scope</h3>
      <xsl:choose>
        <xsl:when test="$ap/a:scope/a:excluded">
          <table>
            <caption>Process areas excluded from the scope, with the rationale</caption>
            <thead>
              <tr>
                <th scope="col">Process area</th>
                <th scope="col">Title</th>
                <th scope="col">Rationale</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ap/a:scope/a:excluded" mode="row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>Every process area of the model was in scope.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="a:practice" mode="na-row">
    <tr>
      <th scope="row"><xsl:call-template name="practice-name"/></th>
      <td>
        <xsl:call-template name="area-link">
          <xsl:with-param name="ref" select="../@ref"/>
        </xsl:call-template>
      </td>
      <td>
        <xsl:call-template name="project-link">
          <xsl:with-param name="id" select="../../@project"/>
        </xsl:call-template>
      </td>
      <td><xsl:value-of select="normalize-space(a:note)"/></td>
    </tr>
  </xsl:template>

  <xsl:template name="provenance">
    <section id="provenance" class="page-break">
      <h2>Appendix C. Provenance</h2>
      <p>This report was produced from the inputs listed below. The same inputs give the same
        report; the SHA-256 digests identify the exact files.</p>
      <dl>
        <dt>Reference model</dt>
        <dd>
          <xsl:value-of select="$res/r:model/@standard"/>
          <xsl:text>; </xsl:text>
          <xsl:value-of select="$res/r:model/@version"/>
          <xsl:text>; model data version </xsl:text>
          <xsl:value-of select="$res/r:model/@data-version"/>
        </dd>
        <dt>Tool</dt>
        <dd><xsl:value-of select="$res/@tool"/></dd>
      </dl>
      <table>
        <caption>Input files</caption>
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">File name</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$res/r:inputs/r:input" mode="row"/>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template match="r:input" mode="row">
    <tr>
      <th scope="row">
        <xsl:choose>
          <xsl:when test="@role = 'model'">Model</xsl:when>
          <xsl:when test="@role = 'appraisal'">Appraisal</xsl:when>
          <xsl:when test="@role = 'target'">Target profile</xsl:when>
          <xsl:otherwise><bdi><xsl:value-of select="@role"/></bdi></xsl:otherwise>
        </xsl:choose>
      </th>
      <td><bdi><xsl:value-of select="@name"/></bdi></td>
      <td>
        <xsl:call-template name="digest">
          <xsl:with-param name="value" select="@sha256"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

  <!-- ============================================================== pieces -->

  <xsl:template name="chart">
    <xsl:param name="scope"/>
    <div class="chart" data-chart="profile" data-scope="{$scope}"/>
  </xsl:template>

  <!-- What the organization chart shows, as the chart program draws it. -->
  <xsl:template name="profile-content">
    <xsl:choose>
      <xsl:when test="$several">the lowest level achieved over the projects, with the range up to the highest</xsl:when>
      <xsl:otherwise>the capability level achieved</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$has-target">, and the level the target profile requires</xsl:if>
  </xsl:template>

  <xsl:template name="method-name">
    <xsl:choose>
      <xsl:when test="$res/r:appraisal/@method = 'iso15504'">ISO/IEC 15504 measurement framework (process attributes)</xsl:when>
      <xsl:otherwise>SSE-CMM Appraisal Method (SSAM)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="period">
    <xsl:call-template name="date">
      <xsl:with-param name="value" select="$res/r:appraisal/@start"/>
    </xsl:call-template>
    <xsl:text> to </xsl:text>
    <xsl:call-template name="date">
      <xsl:with-param name="value" select="$res/r:appraisal/@end"/>
    </xsl:call-template>
  </xsl:template>


  <xsl:template name="category-name">
    <xsl:param name="category"/>
    <xsl:choose>
      <xsl:when test="$category = 'security'">Security process area</xsl:when>
      <xsl:when test="$category = 'project'">Project process area</xsl:when>
      <xsl:when test="$category = 'organization'">Organization process area</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kind-name">
    <xsl:param name="kind" select="@kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'strength'">Strength</xsl:when>
      <xsl:when test="$kind = 'weakness'">Weakness</xsl:when>
      <xsl:when test="$kind = 'opportunity'">Opportunity</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The class of a finding, from the fixed list, never from the data. -->
  <xsl:template name="finding-class">
    <xsl:param name="kind" select="@kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'strength'"><xsl:attribute name="class">finding-strength</xsl:attribute></xsl:when>
      <xsl:when test="$kind = 'weakness'"><xsl:attribute name="class">finding-weakness</xsl:attribute></xsl:when>
      <xsl:when test="$kind = 'opportunity'"><xsl:attribute name="class">finding-opportunity</xsl:attribute></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "BP.01.01 Establish Security Responsibilities", "GP 2.1.1 Allocate
       Resources", "PA 1.1 Process performance". -->
  <xsl:template name="practice-name">
    <xsl:param name="ref" select="string(@ref)"/>
    <xsl:call-template name="label">
      <xsl:with-param name="id" select="$ref"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="key('model', $ref)">
        <xsl:value-of select="key('model', $ref)/@title"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="attribute-title">
          <xsl:with-param name="ref" select="$ref"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The process attributes of ISO/IEC 15504-2, which the model file does
       not hold. -->
  <xsl:template name="attribute-title">
    <xsl:param name="ref"/>
    <xsl:choose>
      <xsl:when test="$ref = 'PA1.1'">Process performance</xsl:when>
      <xsl:when test="$ref = 'PA2.1'">Performance management</xsl:when>
      <xsl:when test="$ref = 'PA2.2'">Work product management</xsl:when>
      <xsl:when test="$ref = 'PA3.1'">Process definition</xsl:when>
      <xsl:when test="$ref = 'PA3.2'">Process deployment</xsl:when>
      <xsl:when test="$ref = 'PA4.1'">Process measurement</xsl:when>
      <xsl:when test="$ref = 'PA4.2'">Process control</xsl:when>
      <xsl:when test="$ref = 'PA5.1'">Process innovation</xsl:when>
      <xsl:when test="$ref = 'PA5.2'">Process optimization</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The level of an organization r:area as a range over the projects. -->
  <xsl:template name="level-range">
    <xsl:param name="area" select="."/>
    <xsl:choose>
      <xsl:when test="$area/@status = 'rated' and $area/@max-level != $area/@level">
        <xsl:value-of select="$area/@level"/>
        <xsl:text> to </xsl:text>
        <xsl:value-of select="$area/@max-level"/>
      </xsl:when>
      <xsl:when test="$area/@status = 'rated'">
        <xsl:value-of select="$area/@level"/>
        <xsl:text> in every project</xsl:text>
      </xsl:when>
      <xsl:otherwise>&#8212;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="target-level">
    <xsl:param name="area" select="."/>
    <xsl:choose>
      <xsl:when test="$area/@target"><xsl:value-of select="$area/@target"/></xsl:when>
      <xsl:otherwise>&#8212;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Why the organization's level is not higher: the reasons of the
       projects that hold it at that level.  The context is the
       organization r:area. -->
  <xsl:template name="organization-reason">
    <xsl:variable name="area" select="."/>
    <xsl:variable name="holding"
                  select="key('project-area', $area/@ref)[@status = $area/@status]
                          [not($area/@level) or @level = $area/@level]"/>
    <xsl:choose>
      <xsl:when test="@status = 'out-of-scope'">
        <xsl:text>Excluded from the scope of the appraisal; see the rationale under </xsl:text>
        <a href="#scope">Scope</a>
        <xsl:text>.</xsl:text>
      </xsl:when>
      <xsl:when test="count($holding) &gt; 1">
        <ul>
          <xsl:for-each select="$holding">
            <li>
              <xsl:call-template name="project-link">
                <xsl:with-param name="id" select="../@id"/>
              </xsl:call-template>
              <xsl:text>: </xsl:text>
              <xsl:value-of select="r:reason"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:when test="$several and $holding">
        <xsl:call-template name="project-link">
          <xsl:with-param name="id" select="$holding/../@id"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="$holding/r:reason"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$holding[1]/r:reason"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The stops of one cause as one clause: "PA02 and PA06 stop at level 0
       and PA01 at level 1, WHY" (nothing for no stops).  The lists come from
       plan.c; this only words them. -->
  <xsl:template name="stops-of-cause">
    <xsl:param name="stops"/>
    <xsl:param name="why"/>
    <xsl:for-each select="$stops">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"> and </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:for-each select="r:area">
        <xsl:if test="position() &gt; 1">
          <xsl:choose>
            <xsl:when test="position() = last()"> and </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:call-template name="area-link"/>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="position() &gt; 1"> at level </xsl:when>
        <xsl:when test="count(r:area) = 1"> stops at level </xsl:when>
        <xsl:otherwise> stop at level </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="@level"/>
    </xsl:for-each>
    <xsl:if test="$stops">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="$why"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== links -->

  <!-- A process area, linked to its section (in scope) or to its row in the
       exclusions table (out of scope). -->
  <xsl:template name="area-link">
    <xsl:param name="ref" select="string(@ref)"/>
    <xsl:choose>
      <xsl:when test="$in-scope[@ref = $ref]
                      or $org/r:area[@ref = $ref][@status = 'out-of-scope']
                         and $ap/a:scope/a:excluded[@process-area = $ref]">
        <a href="#{$org/r:area[@ref = $ref]/@ref}"><xsl:value-of select="$ref"/></a>
      </xsl:when>
      <xsl:otherwise><bdi><xsl:value-of select="$ref"/></bdi></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A project by its id, linked to its description; the name is the
       tooltip. -->
  <xsl:template name="project-link">
    <xsl:param name="id" select="string(@project | self::r:project/@id)"/>
    <xsl:variable name="project" select="key('project', $id)"/>
    <xsl:choose>
      <xsl:when test="translate($id, $id-chars, '') = '' and count($project) = 1">
        <a href="#project-{$id}">
          <abbr title="{$project/@name}"><xsl:value-of select="$id"/></abbr>
        </a>
      </xsl:when>
      <xsl:otherwise><bdi><xsl:value-of select="$id"/></bdi></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A finding is written in the section of its area, when that area is
       in scope. -->
  <xsl:template name="finding-link">
    <xsl:param name="finding" select="."/>
    <xsl:choose>
      <xsl:when test="translate($finding/@id, $id-chars, '') = ''
                      and count(key('finding', $finding/@id)) = 1
                      and $in-scope[@ref = $finding/@process-area]">
        <a href="#finding-{$finding/@id}"><xsl:value-of select="$finding/@id"/></a>
      </xsl:when>
      <xsl:otherwise><bdi><xsl:value-of select="$finding/@id"/></bdi></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="evidence-link">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="translate($id, $id-chars, '') = '' and key('evidence', $id)">
        <a href="#ev-{$id}"><xsl:value-of select="$id"/></a>
      </xsl:when>
      <xsl:otherwise><bdi><xsl:value-of select="$id"/></bdi></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "E01 E02" as links "E01, E02".  A loop, not a recursion: a rating
       may cite any number of evidence items.  The tokens live in a
       document of their own, so each link is made back in this one, where
       key() finds the evidence. -->
  <xsl:template name="evidence-links">
    <xsl:param name="ids"/>
    <xsl:variable name="here" select="/"/>
    <xsl:for-each select="str:tokenize($ids, ' &#9;&#10;&#13;')">
      <xsl:variable name="id" select="string(.)"/>
      <xsl:if test="position() > 1"><xsl:text>, </xsl:text></xsl:if>
      <xsl:for-each select="$here">
        <xsl:call-template name="evidence-link">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- "GP-3.1.2 BP.05.01" as "GP 3.1.2, BP.05.01", in a loop as above. -->
  <xsl:template name="practice-labels">
    <xsl:param name="ids"/>
    <xsl:for-each select="str:tokenize($ids, ' &#9;&#10;&#13;')">
      <xsl:if test="position() > 1"><xsl:text>, </xsl:text></xsl:if>
      <xsl:call-template name="label">
        <xsl:with-param name="id" select="string(.)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Cross references in model text link only to what this report holds:
       process areas.  Anything else is shown as its name or label. -->
  <xsl:template match="m:ref" mode="text">
    <xsl:choose>
      <xsl:when test="$org/r:area[@ref = current()/@to]">
        <xsl:apply-imports/>
      </xsl:when>
      <xsl:when test="string(.)"><xsl:value-of select="."/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ref-name">
          <xsl:with-param name="id" select="@to"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- The reference handbook: the whole model (namespace urn:ssecmm:model:1)
     as one semantic document in the subset of xhtml-subset.xsd, for process
     groups, trainers and appraisers.  Input: model-xml/sse-cmm.xml. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:ssecmm:model:1"
                exclude-result-prefixes="m">

  <xsl:import href="common.xsl"/>

  <!-- XSLT 1.0 forbids variables in xsl:key, so the case mapping is spelled
       out there; everywhere else it comes from these two. -->
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:key name="work-product" match="m:work-product"
           use="translate(normalize-space(.), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                          'abcdefghijklmnopqrstuvwxyz')"/>
  <xsl:key name="work-product-initial" match="m:work-product"
           use="translate(substring(normalize-space(.), 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                          'abcdefghijklmnopqrstuvwxyz')"/>
  <xsl:key name="process-area-by-category" match="m:process-area" use="@category"/>
  <!-- Relationships are recorded once, on one side; these find the other. -->
  <xsl:key name="related-area-by-target" match="m:related-area" use="@to"/>
  <xsl:key name="relies-on-by-target" match="m:relies-on" use="@to"/>
  <xsl:key name="process-area" match="m:process-area" use="@id"/>

  <xsl:variable name="identity" select="/m:model/m:identity"/>

  <xsl:variable name="title-preface" select="'About this handbook'"/>
  <xsl:variable name="title-overview" select="'How the model is built'"/>
  <xsl:variable name="title-concepts" select="'Key concepts and common misreadings'"/>
  <xsl:variable name="title-levels" select="'Capability levels'"/>
  <xsl:variable name="title-chart" select="'Summary chart'"/>
  <xsl:variable name="title-rules" select="'How ratings become levels'"/>
  <xsl:variable name="title-glossary" select="'Glossary'"/>
  <xsl:variable name="title-index" select="'Index of work products'"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="string($identity/m:title)"/>
      <xsl:with-param name="description"
                      select="concat('Reference handbook of the ', $identity/m:title, ' (',
                                     $identity/m:short-title, ', ', $identity/m:standard, ')')"/>
      <xsl:with-param name="author" select="string($identity/m:publisher)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="m:model"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:model">
    <xsl:apply-templates select="m:identity"/>
    <xsl:call-template name="contents"/>
    <main>
      <xsl:call-template name="preface"/>
      <xsl:apply-templates select="m:overview"/>
      <xsl:apply-templates select="m:concepts"/>
      <xsl:apply-templates select="m:capability-levels"/>
      <xsl:call-template name="summary-chart"/>
      <xsl:call-template name="category-chapter">
        <xsl:with-param name="category" select="'security'"/>
      </xsl:call-template>
      <xsl:call-template name="category-chapter">
        <xsl:with-param name="category" select="'project'"/>
      </xsl:call-template>
      <xsl:call-template name="category-chapter">
        <xsl:with-param name="category" select="'organization'"/>
      </xsl:call-template>
      <xsl:call-template name="rating-rules"/>
      <xsl:apply-templates select="m:glossary"/>
      <xsl:call-template name="work-product-index"/>
    </main>
  </xsl:template>

  <!-- Element children only: the model's indentation between paragraphs
       would otherwise become text between blocks. -->
  <xsl:template name="running-text">
    <xsl:param name="text"/>
    <xsl:apply-templates select="$text/*" mode="text"/>
  </xsl:template>

  <xsl:template match="m:identity">
    <header class="cover">
      <h1><xsl:value-of select="m:title"/></h1>
      <p>Reference handbook</p>
      <xsl:if test="m:edition or m:date">
        <p>
          <xsl:value-of select="m:edition"/>
          <xsl:if test="m:edition and m:date">, </xsl:if>
          <xsl:call-template name="date">
            <xsl:with-param name="value" select="string(m:date)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <dl>
        <dt>Short title</dt>
        <dd><xsl:value-of select="m:short-title"/></dd>
        <dt>Standard</dt>
        <dd><xsl:value-of select="m:standard"/></dd>
        <dt>Model version</dt>
        <dd><xsl:value-of select="m:model-version"/></dd>
        <dt>Data version</dt>
        <dd><xsl:value-of select="m:data-version"/></dd>
        <xsl:if test="m:publisher">
          <dt>Published by</dt>
          <dd><xsl:value-of select="m:publisher"/></dd>
        </xsl:if>
      </dl>
    </header>
  </xsl:template>

  <xsl:template name="contents">
    <nav class="toc" aria-label="Contents">
      <h2>Contents</h2>
      <ol>
        <li><a href="#preface"><xsl:value-of select="$title-preface"/></a></li>
        <li>
          <a href="#overview"><xsl:value-of select="$title-overview"/></a>
          <ol>
            <xsl:apply-templates select="m:overview/m:section" mode="toc"/>
          </ol>
        </li>
        <xsl:if test="m:concepts">
          <li>
            <a href="#concepts"><xsl:value-of select="$title-concepts"/></a>
            <ol>
              <xsl:apply-templates select="m:concepts/m:section" mode="toc"/>
            </ol>
          </li>
        </xsl:if>
        <li>
          <a href="#capability-levels"><xsl:value-of select="$title-levels"/></a>
          <ol>
            <xsl:apply-templates select="m:capability-levels/m:level" mode="toc"/>
          </ol>
        </li>
        <li><a href="#summary-chart"><xsl:value-of select="$title-chart"/></a></li>
        <xsl:call-template name="category-toc">
          <xsl:with-param name="category" select="'security'"/>
        </xsl:call-template>
        <xsl:call-template name="category-toc">
          <xsl:with-param name="category" select="'project'"/>
        </xsl:call-template>
        <xsl:call-template name="category-toc">
          <xsl:with-param name="category" select="'organization'"/>
        </xsl:call-template>
        <li><a href="#rating-rules"><xsl:value-of select="$title-rules"/></a></li>
        <li><a href="#glossary"><xsl:value-of select="$title-glossary"/></a></li>
        <li><a href="#work-product-index"><xsl:value-of select="$title-index"/></a></li>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template match="m:section" mode="toc">
    <li><a href="#{@id}"><xsl:value-of select="@title"/></a></li>
  </xsl:template>

  <xsl:template match="m:level" mode="toc">
    <li><a href="#level-{@number}"><xsl:call-template name="level-name"/></a></li>
  </xsl:template>

  <xsl:template name="category-toc">
    <xsl:param name="category"/>
    <xsl:variable name="areas" select="key('process-area-by-category', $category)"/>
    <xsl:if test="$areas">
      <li>
        <a href="#category-{$category}">
          <xsl:call-template name="category-title">
            <xsl:with-param name="category" select="$category"/>
          </xsl:call-template>
        </a>
        <ol>
          <xsl:apply-templates select="$areas" mode="toc"/>
        </ol>
      </li>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:process-area" mode="toc">
    <li><a href="#{@id}"><xsl:call-template name="process-area-name"/></a></li>
  </xsl:template>

  <xsl:template name="level-name">
    <xsl:value-of select="concat('Level ', @number, ': ', @title)"/>
  </xsl:template>

  <xsl:template name="process-area-name">
    <xsl:value-of select="concat(@id, ' ', @title)"/>
  </xsl:template>

  <xsl:template name="practice-name">
    <xsl:call-template name="label">
      <xsl:with-param name="id" select="@id"/>
    </xsl:call-template>
    <xsl:value-of select="concat(' ', @title)"/>
  </xsl:template>

  <xsl:template name="category-name">
    <xsl:param name="category"/>
    <xsl:choose>
      <xsl:when test="$category = 'security'">Security</xsl:when>
      <xsl:when test="$category = 'project'">Project</xsl:when>
      <xsl:when test="$category = 'organization'">Organization</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="category-title">
    <xsl:param name="category"/>
    <xsl:call-template name="category-name">
      <xsl:with-param name="category" select="$category"/>
    </xsl:call-template>
    <xsl:text> process areas</xsl:text>
  </xsl:template>

  <!-- What the handbook is, and how far to trust each part of it: the
       model file's own account of what is checked against the standard. -->
  <xsl:template name="preface">
    <section id="preface" class="page-break">
      <h2><xsl:value-of select="$title-preface"/></h2>
      <p>This handbook sets out the whole model: first how it is built and used, then its key
        concepts, the capability levels with every generic practice, a one-page summary
        chart, and the process areas with every base practice, followed by the rules by
        which ssecmm turns ratings into levels, a glossary and an index of work products.
        Each process area names the areas it works with most closely and the generic
        practices that rely on it; each generic practice names the process areas it relies
        on.</p>
      <section id="preface-notice">
        <h3>Whose words these are</h3>
        <xsl:call-template name="running-text">
          <xsl:with-param name="text" select="$identity/m:notice"/>
        </xsl:call-template>
      </section>
      <xsl:if test="$identity/m:provenance">
        <section id="preface-provenance">
          <h3>What is checked against the standard</h3>
          <xsl:call-template name="running-text">
            <xsl:with-param name="text" select="$identity/m:provenance"/>
          </xsl:call-template>
        </section>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="m:overview">
    <section id="overview" class="page-break">
      <h2><xsl:value-of select="$title-overview"/></h2>
      <p>This chapter explains how the model is put together: what it covers, the setting of
        security engineering and who uses the model, the three processes the security
        process areas form, the model's two dimensions and how they combine into a
        capability level for each process area, what it leaves to the organization, and how
        it is used in an appraisal. It opens with the model's own summary.</p>
      <xsl:call-template name="running-text">
        <xsl:with-param name="text" select="$identity/m:summary"/>
      </xsl:call-template>
      <xsl:apply-templates select="m:section"/>
    </section>
  </xsl:template>

  <xsl:template match="m:concepts">
    <section id="concepts" class="page-break">
      <h2><xsl:value-of select="$title-concepts"/></h2>
      <p>A capability model is easy to misread, and most misreadings lead to wasted effort or
        to conclusions the evidence does not support. Each section below states one idea the
        rest of the handbook relies on, together with the misreading it guards against.</p>
      <xsl:apply-templates select="m:section"/>
    </section>
  </xsl:template>

  <xsl:template match="m:overview/m:section | m:concepts/m:section">
    <section id="{@id}">
      <h3><xsl:value-of select="@title"/></h3>
      <xsl:call-template name="running-text">
        <xsl:with-param name="text" select="."/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <xsl:template match="m:capability-levels">
    <section id="capability-levels" class="page-break">
      <h2><xsl:value-of select="$title-levels"/></h2>
      <p>The capability dimension describes how well the work of a process area is managed,
        whatever that work is. Each level below is described first; then come its common
        features and, for each generic practice, what it asks for, the evidence that usually
        shows it and notes for appraisers. Every generic practice applies to every process
        area, and a level counts only when all the levels beneath it are met too.</p>
      <xsl:apply-templates select="m:level"/>
    </section>
  </xsl:template>

  <xsl:template match="m:level">
    <section id="level-{@number}">
      <h3><xsl:call-template name="level-name"/></h3>
      <xsl:call-template name="running-text">
        <xsl:with-param name="text" select="m:description"/>
      </xsl:call-template>
      <xsl:apply-templates select="m:common-feature"/>
    </section>
  </xsl:template>

  <xsl:template match="m:common-feature">
    <section id="{@id}">
      <h4><xsl:call-template name="practice-name"/></h4>
      <xsl:call-template name="running-text">
        <xsl:with-param name="text" select="m:description"/>
      </xsl:call-template>
      <xsl:apply-templates select="m:generic-practice"/>
    </section>
  </xsl:template>

  <xsl:template match="m:generic-practice">
    <section id="{@id}">
      <h4><xsl:call-template name="practice-name"/></h4>
      <dl>
        <dt>Description</dt>
        <dd>
          <xsl:call-template name="running-text">
            <xsl:with-param name="text" select="m:description"/>
          </xsl:call-template>
        </dd>
        <dt>Typical evidence</dt>
        <dd>
          <ul>
            <xsl:apply-templates select="m:evidence/m:item"/>
          </ul>
        </dd>
        <xsl:apply-templates select="m:notes"/>
        <xsl:if test="m:relies-on">
          <dt>Relies on</dt>
          <dd>
            <ul>
              <xsl:apply-templates select="m:relies-on"/>
            </ul>
          </dd>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

  <!-- A process area named by a relationship, with the reason it is named. -->
  <xsl:template name="area-link">
    <xsl:param name="to"/>
    <xsl:param name="reason"/>
    <li>
      <a href="#{$to}">
        <xsl:for-each select="key('process-area', $to)">
          <xsl:call-template name="process-area-name"/>
        </xsl:for-each>
      </a>
      <xsl:text>: </xsl:text>
      <xsl:apply-templates select="$reason/node()" mode="text"/>
    </li>
  </xsl:template>

  <xsl:template match="m:relies-on">
    <xsl:call-template name="area-link">
      <xsl:with-param name="to" select="@to"/>
      <xsl:with-param name="reason" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:evidence/m:item">
    <li><xsl:apply-templates mode="text"/></li>
  </xsl:template>

  <xsl:template match="m:notes">
    <dt>Notes</dt>
    <dd>
      <xsl:call-template name="running-text">
        <xsl:with-param name="text" select="."/>
      </xsl:call-template>
    </dd>
  </xsl:template>

  <!-- The subset has no rowspan and the two dimensions have no rows in common,
       so the chart is one row: each dimension a nested list in its own
       column. -->
  <xsl:template name="summary-chart">
    <section id="summary-chart" class="page-break">
      <h2><xsl:value-of select="$title-chart"/></h2>
      <p>The whole model on one page. The left column is the capability dimension: the
        levels, each with its common features and their generic practices. The right column
        is the domain dimension: the process areas in their three categories. Any process
        area can be read against any level; each entry leads to its full description.</p>
      <table>
        <caption>The SSE-CMM at a glance: capability dimension and domain dimension side by
          side</caption>
        <thead>
          <tr>
            <th scope="col">Capability dimension: levels, common features, generic
              practices</th>
            <th scope="col">Domain dimension: process areas by category</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <ul>
                <xsl:apply-templates select="m:capability-levels/m:level" mode="chart"/>
              </ul>
            </td>
            <td>
              <ul>
                <xsl:call-template name="category-chart">
                  <xsl:with-param name="category" select="'security'"/>
                </xsl:call-template>
                <xsl:call-template name="category-chart">
                  <xsl:with-param name="category" select="'project'"/>
                </xsl:call-template>
                <xsl:call-template name="category-chart">
                  <xsl:with-param name="category" select="'organization'"/>
                </xsl:call-template>
              </ul>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template match="m:level" mode="chart">
    <li>
      <a href="#level-{@number}"><xsl:call-template name="level-name"/></a>
      <xsl:if test="m:common-feature">
        <ul>
          <xsl:apply-templates select="m:common-feature" mode="chart"/>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="m:common-feature" mode="chart">
    <li>
      <a href="#{@id}"><xsl:call-template name="practice-name"/></a>
      <ul>
        <xsl:apply-templates select="m:generic-practice" mode="chart"/>
      </ul>
    </li>
  </xsl:template>

  <xsl:template match="m:generic-practice" mode="chart">
    <li><a href="#{@id}"><xsl:call-template name="practice-name"/></a></li>
  </xsl:template>

  <xsl:template name="category-chart">
    <xsl:param name="category"/>
    <xsl:variable name="areas" select="key('process-area-by-category', $category)"/>
    <xsl:if test="$areas">
      <li>
        <a href="#category-{$category}">
          <xsl:call-template name="category-title">
            <xsl:with-param name="category" select="$category"/>
          </xsl:call-template>
        </a>
        <ul>
          <xsl:apply-templates select="$areas" mode="chart"/>
        </ul>
      </li>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:process-area" mode="chart">
    <li><a href="#{@id}"><xsl:call-template name="process-area-name"/></a></li>
  </xsl:template>

  <xsl:template name="category-chapter">
    <xsl:param name="category"/>
    <xsl:variable name="areas" select="key('process-area-by-category', $category)"/>
    <xsl:if test="$areas">
      <section id="category-{$category}" class="page-break">
        <h2>
          <xsl:call-template name="category-title">
            <xsl:with-param name="category" select="$category"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="category-introduction">
          <xsl:with-param name="category" select="$category"/>
        </xsl:call-template>
        <p>Each process area below gives its summary and goals, then every base practice with
          its statement, a description, example work products and notes. The work products
          are illustrations of what performing a practice usually leaves behind, not a
          required set of documents.</p>
        <xsl:apply-templates select="$areas"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="category-introduction">
    <xsl:param name="category"/>
    <xsl:choose>
      <xsl:when test="$category = 'security'">
        <p>The security process areas hold the work that is specific to security engineering:
          understanding impacts, threats and vulnerabilities and the risk they add up to,
          turning security needs into requirements and engineering input, administering and
          monitoring controls, verifying and validating the solution, and building the
          argument that it can be trusted.</p>
      </xsl:when>
      <xsl:when test="$category = 'project'">
        <p>The project process areas come from general systems engineering. They keep a
          single engineering effort under control: its quality, its configurations, its risks,
          its technical progress and its plans. The model reads them with the security of the
          work in mind.</p>
      </xsl:when>
      <xsl:when test="$category = 'organization'">
        <p>The organization process areas concern what an organization provides to all of
          its projects: a defined and improving process, the evolution of its product lines,
          a suitable engineering environment, the skills of its people, and its work with
          suppliers.</p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:process-area">
    <section id="{@id}" class="page-break">
      <h3><xsl:call-template name="process-area-name"/></h3>
      <dl>
        <dt>Category</dt>
        <dd>
          <xsl:call-template name="category-name">
            <xsl:with-param name="category" select="@category"/>
          </xsl:call-template>
        </dd>
      </dl>
      <xsl:call-template name="running-text">
        <xsl:with-param name="text" select="m:summary"/>
      </xsl:call-template>
      <dl>
        <dt>Goals</dt>
        <dd>
          <ul>
            <xsl:apply-templates select="m:goal"/>
          </ul>
        </dd>
        <dt>Base practices</dt>
        <dd>
          <ul>
            <xsl:apply-templates select="m:base-practice" mode="list"/>
          </ul>
        </dd>
        <xsl:call-template name="relationships"/>
      </dl>
      <xsl:apply-templates select="m:base-practice"/>
    </section>
  </xsl:template>

  <!-- Related areas, whichever side recorded the relationship, in id order;
       then the generic practices that rely on this area. -->
  <xsl:template name="relationships">
    <xsl:variable name="id" select="@id"/>
    <xsl:variable name="related"
                  select="m:related-area | key('related-area-by-target', $id)"/>
    <xsl:if test="$related">
      <dt>Related process areas</dt>
      <dd>
        <ul>
          <xsl:for-each select="$related">
            <xsl:sort select="concat(@to[. != $id], ../@id[. != $id])"/>
            <xsl:call-template name="area-link">
              <xsl:with-param name="to" select="concat(@to[. != $id], ../@id[. != $id])"/>
              <xsl:with-param name="reason" select="."/>
            </xsl:call-template>
          </xsl:for-each>
        </ul>
      </dd>
    </xsl:if>
    <xsl:if test="key('relies-on-by-target', $id)">
      <dt>Generic practices that rely on this area</dt>
      <dd>
        <ul>
          <xsl:for-each select="key('relies-on-by-target', $id)">
            <li>
              <a href="#{../@id}">
                <xsl:for-each select="..">
                  <xsl:call-template name="practice-name"/>
                </xsl:for-each>
              </a>
              <xsl:text>: </xsl:text>
              <xsl:apply-templates mode="text"/>
            </li>
          </xsl:for-each>
        </ul>
      </dd>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:goal">
    <li id="{@id}">
      <strong><xsl:value-of select="@id"/></strong>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="text"/>
    </li>
  </xsl:template>

  <xsl:template match="m:base-practice" mode="list">
    <li>
      <a href="#{@id}"><xsl:value-of select="@id"/></a>
      <xsl:value-of select="concat(' ', @title)"/>
    </li>
  </xsl:template>

  <xsl:template match="m:base-practice">
    <section id="{@id}">
      <h4><xsl:value-of select="concat(@id, ' ', @title)"/></h4>
      <dl>
        <dt>Statement</dt>
        <dd><xsl:apply-templates select="m:statement/node()" mode="text"/></dd>
        <dt>Description</dt>
        <dd>
          <xsl:call-template name="running-text">
            <xsl:with-param name="text" select="m:description"/>
          </xsl:call-template>
        </dd>
        <dt>Example work products</dt>
        <dd>
          <ul>
            <xsl:apply-templates select="m:work-products/m:work-product"/>
          </ul>
        </dd>
        <xsl:apply-templates select="m:notes"/>
      </dl>
    </section>
  </xsl:template>

  <xsl:template match="m:work-product">
    <li><xsl:value-of select="."/></li>
  </xsl:template>

  <xsl:template name="rating-rules">
    <section id="rating-rules" class="page-break">
      <h2><xsl:value-of select="$title-rules"/></h2>
      <p>An appraisal team rates practices; ssecmm turns those ratings into a capability
        level for each process area, always by the same rules. This chapter sets the rules
        out so that a reader of an appraisal report can follow how each level was reached
        and check it by hand.</p>
      <xsl:call-template name="rules-scale"/>
      <xsl:call-template name="rules-ssam"/>
      <xsl:call-template name="rules-iso15504"/>
      <xsl:call-template name="rules-not-applicable"/>
      <xsl:call-template name="rules-projects"/>
      <xsl:call-template name="rules-gaps"/>
      <xsl:call-template name="rules-reasons"/>
    </section>
  </xsl:template>

  <xsl:template name="rules-scale">
    <section id="rules-scale">
      <h3>The rating scale</h3>
      <p>Each practice in the scope of an appraisal is rated on the four-point scale of
        ISO/IEC 15504-2, according to how much of its purpose the evidence shows to be
        achieved. A practice that does not apply in the scope is rated not applicable
        instead, and the team has to write down why.</p>
      <table>
        <caption>Practice ratings and the extent of achievement each one stands for</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Meaning</th>
            <th scope="col">Extent achieved</th>
          </tr>
        </thead>
        <tbody>
          <xsl:call-template name="scale-row">
            <xsl:with-param name="rating" select="'F'"/>
            <xsl:with-param name="meaning" select="'Fully achieved'"/>
            <xsl:with-param name="extent" select="'more than 85&#160;% up to 100&#160;%'"/>
          </xsl:call-template>
          <xsl:call-template name="scale-row">
            <xsl:with-param name="rating" select="'L'"/>
            <xsl:with-param name="meaning" select="'Largely achieved'"/>
            <xsl:with-param name="extent" select="'more than 50&#160;% up to 85&#160;%'"/>
          </xsl:call-template>
          <xsl:call-template name="scale-row">
            <xsl:with-param name="rating" select="'P'"/>
            <xsl:with-param name="meaning" select="'Partially achieved'"/>
            <xsl:with-param name="extent" select="'more than 15&#160;% up to 50&#160;%'"/>
          </xsl:call-template>
          <xsl:call-template name="scale-row">
            <xsl:with-param name="rating" select="'N'"/>
            <xsl:with-param name="meaning" select="'Not achieved'"/>
            <xsl:with-param name="extent" select="'0&#160;% up to 15&#160;%'"/>
          </xsl:call-template>
          <xsl:call-template name="scale-row">
            <xsl:with-param name="rating" select="'NA'"/>
            <xsl:with-param name="meaning" select="'Not applicable'"/>
            <xsl:with-param name="extent"
                            select="'not measured; needs a written rationale and is left out of every aggregate'"/>
          </xsl:call-template>
        </tbody>
      </table>
      <p>A practice the team has not rated is reported as not rated. It is never counted as
        if it had a rating.</p>
    </section>
  </xsl:template>

  <xsl:template name="scale-row">
    <xsl:param name="rating"/>
    <xsl:param name="meaning"/>
    <xsl:param name="extent"/>
    <tr>
      <th scope="row">
        <xsl:call-template name="rating-badge">
          <xsl:with-param name="rating" select="$rating"/>
        </xsl:call-template>
      </th>
      <td><xsl:value-of select="$meaning"/></td>
      <td><xsl:value-of select="$extent"/></td>
    </tr>
  </xsl:template>

  <xsl:template name="rules-ssam">
    <section id="rules-ssam">
      <h3>SSE-CMM appraisal method (SSAM)</h3>
      <p>This is the default method, named after the SSE-CMM Appraisal Method
        (<a href="#term-ssam">SSAM</a>) and written <code>ssam</code> in appraisal files.
        The level of a process area is built up one level at
        a time from the practices of the model:</p>
      <ol>
        <li>The area is at <a href="#level-1">level 1</a> when every applicable base practice
          of the area is rated L or F. The generic practice of level 1,
          <a href="#GP-1.1.1">GP 1.1.1</a>, is not rated on its own: the base practices are
          what show it.</li>
        <li>The area is at level 2, 3, 4 or 5 when it is at the level below and every
          applicable generic practice of that level is rated L or F. One generic practice
          rated P or N holds the area at the level beneath, however well the others are
          done.</li>
        <li>Otherwise the area is at <a href="#level-0">level 0</a>.</li>
      </ol>
      <p>Teams rate generic practices only for the levels they chose to examine. A level
        whose generic practices were not rated is not reached, and the reason given for the
        area's level says that they were not rated, so that an unexamined level is not read
        as a failed one.</p>
    </section>
  </xsl:template>

  <xsl:template name="rules-iso15504">
    <section id="rules-iso15504">
      <h3>ISO/IEC 15504 process attributes</h3>
      <p>Written <code>iso15504</code> in appraisal files, this method is the alternative.
        An appraisal can instead rate each process area through the nine process
        attributes of the ISO/IEC 15504 measurement framework, on the same scale as
        practices. PA&#160;1.1 has to be rated for every area in scope. Base practices may
        still be rated as supporting detail, but the level follows from the attributes
        alone; generic practices are not used.</p>
      <table>
        <caption>The nine process attributes and the capability level each belongs
          to</caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Name</th>
            <th scope="col" class="numeric">Level</th>
          </tr>
        </thead>
        <tbody>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA1.1'"/>
            <xsl:with-param name="name" select="'Process performance'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA2.1'"/>
            <xsl:with-param name="name" select="'Performance management'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA2.2'"/>
            <xsl:with-param name="name" select="'Work product management'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA3.1'"/>
            <xsl:with-param name="name" select="'Process definition'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA3.2'"/>
            <xsl:with-param name="name" select="'Process deployment'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA4.1'"/>
            <xsl:with-param name="name" select="'Process measurement'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA4.2'"/>
            <xsl:with-param name="name" select="'Process control'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA5.1'"/>
            <xsl:with-param name="name" select="'Process innovation'"/>
          </xsl:call-template>
          <xsl:call-template name="attribute-row">
            <xsl:with-param name="id" select="'PA5.2'"/>
            <xsl:with-param name="name" select="'Process optimization'"/>
          </xsl:call-template>
        </tbody>
      </table>
      <p>An area reaches level n when every attribute of level n is rated L or F and every
        attribute of each lower level is rated F. The lower levels are held to the stricter
        standard: an area with PA&#160;2.1 and PA&#160;2.2 rated F but PA&#160;1.1 rated only
        L stays at level 1, because level 2 needs PA&#160;1.1 fully achieved. An area whose
        PA&#160;1.1 is rated P or N is at level 0.</p>
    </section>
  </xsl:template>

  <xsl:template name="attribute-row">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <tr>
      <th scope="row">
        <xsl:call-template name="label">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </th>
      <td><xsl:value-of select="$name"/></td>
      <td class="numeric"><xsl:value-of select="substring($id, 3, 1)"/></td>
    </tr>
  </xsl:template>

  <xsl:template name="rules-not-applicable">
    <section id="rules-not-applicable">
      <h3>Areas that do not apply</h3>
      <p>Practices rated NA are left out: a level is decided by the applicable practices
        alone. A process area in which every base practice is rated NA (under the
        <code>iso15504</code> method, one whose process attribute 1.1 is rated NA) is reported
        as not applicable and given no level at all, not even level 0, since any level would
        make a claim about work the organization does not do. Generic practices rated in such
        an area are not used, and <code>validate</code> warns about them.</p>
    </section>
  </xsl:template>

  <xsl:template name="rules-projects">
    <section id="rules-projects">
      <h3>Several projects</h3>
      <p>When an appraisal covers several projects, each project is rated and given levels
        on its own. For the organization as a whole, the level of a process area is the
        lowest level it reaches in any project where it applies, and the report shows the
        range of project levels beside it, so that a spread from level 1 to level 4 is not
        hidden behind the 1.</p>
    </section>
  </xsl:template>

  <xsl:template name="rules-gaps">
    <section id="rules-gaps">
      <h3>Gaps to a target profile</h3>
      <p>A <a href="#term-target-profile">target profile</a> states the level an acquirer
        requires in some process areas. For each of those areas the report compares the
        level required with the level achieved and shows one of three results:</p>
      <ul>
        <li><strong>short by n</strong> when the target is higher than the level achieved, n
          being the difference;</li>
        <li><strong>meets</strong> when the level achieved is equal to the target or above
          it;</li>
        <li><strong>not appraised</strong> when the area was out of the appraisal's scope or
          is not applicable, so that there is no level to compare.</li>
      </ul>
    </section>
  </xsl:template>

  <xsl:template name="rules-reasons">
    <section id="rules-reasons">
      <h3>Reasons</h3>
      <p>Every level is reported together with its reason: the practices or attributes that
        keep the area from the next level up. A reason such as <code>level 2: GP 3.1.1 rated
        P, needs L or F for level 3</code> tells the organization where to start if it wants
        the next level, and tells an acquirer what stands between the level achieved and the
        one it asked for.</p>
    </section>
  </xsl:template>

  <xsl:template match="m:glossary">
    <section id="glossary" class="page-break">
      <h2><xsl:value-of select="$title-glossary"/></h2>
      <p>The terms below are used in this handbook, in the model's text and in the reports
        ssecmm writes, with the meanings given here.</p>
      <dl>
        <xsl:apply-templates select="m:term"/>
      </dl>
    </section>
  </xsl:template>

  <xsl:template match="m:term">
    <dt id="{@id}"><xsl:value-of select="@name"/></dt>
    <dd>
      <xsl:call-template name="running-text">
        <xsl:with-param name="text" select="."/>
      </xsl:call-template>
    </dd>
  </xsl:template>

  <!-- Muenchian grouping with count() rather than generate-id(), which
       would make the output depend on the processor's node ids. -->
  <xsl:template name="work-product-index">
    <section id="work-product-index" class="page-break">
      <h2><xsl:value-of select="$title-index"/></h2>
      <p>Every example work product named in the process areas, in alphabetical order, with
        the base practices that name it. Use it to find which practices a document an
        organization already has may help to show, remembering that a work product is
        evidence only of what it actually records.</p>
      <xsl:for-each select="//m:work-product[count(. | key('work-product-initial',
                              translate(substring(normalize-space(.), 1, 1), $upper, $lower))[1]) = 1]">
        <xsl:sort select="translate(substring(normalize-space(.), 1, 1), $upper, $lower)"/>
        <xsl:call-template name="index-letter">
          <xsl:with-param name="initial"
                          select="translate(substring(normalize-space(.), 1, 1), $upper, $lower)"/>
        </xsl:call-template>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="index-letter">
    <xsl:param name="initial"/>
    <section>
      <h3><xsl:value-of select="translate($initial, $lower, $upper)"/></h3>
      <ul class="index">
        <xsl:for-each select="key('work-product-initial', $initial)[count(. | key('work-product',
                                translate(normalize-space(.), $upper, $lower))[1]) = 1]">
          <xsl:sort select="translate(normalize-space(.), $upper, $lower)"/>
          <xsl:call-template name="index-entry"/>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- The context node is the first work product with this text; a practice
       that lists the same text twice is linked once. -->
  <xsl:template name="index-entry">
    <xsl:variable name="text" select="translate(normalize-space(.), $upper, $lower)"/>
    <li>
      <xsl:value-of select="."/>
      <xsl:text> &#8211; </xsl:text>
      <xsl:for-each select="key('work-product', $text)[not(preceding-sibling::m:work-product
                              [translate(normalize-space(.), $upper, $lower) = $text])]">
        <xsl:if test="position() != 1">, </xsl:if>
        <a href="#{../../@id}" title="{../../@title}"><xsl:value-of select="../../@id"/></a>
      </xsl:for-each>
    </li>
  </xsl:template>

</xsl:stylesheet>

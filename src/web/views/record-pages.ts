import { STEP_LIST, appraisalTable } from './console-pages.js';

/** A matter's public record: what was decided, by which steps, and what was made public. */
export const PUBLIC_MATTER = `
<p class="muted"><%= it.procedure.title %>（第 <%= it.procedure.version %> 版）；当前步骤：<%= it.step %></p>
<p><a href="/p/<%= it.village.id %>">返回<%= it.village.name %>公开栏</a></p>
<h2>公开内容</h2>
<% for (const item of it.disclosures) { %><article class="card" id="<%= item.id %>"><h3><%= item.title %></h3><p><%= item.body %></p><p class="muted">公示期：<%= item.publishedOn %><% if (item.lastDay) { %> 至 <%= item.lastDay %><% } %></p>
<% if (item.objections.length) { %><h4>村民异议</h4><ul><% for (const objection of item.objections) { %><li><%= objection.content %>（<%= it.objectionStatuses[objection.status] || '' %>）<% if (objection.answer) { %><br>答复：<%= objection.answer %><% } %></li><% } %></ul><% } %></article><% } %>
<h2>会议与表决</h2>
<% if (it.meetings.length === 0) { %><p>暂无</p><% } %>
<% for (const meeting of it.meetings) { %><div class="card"><h3><%= meeting.bodyTitle %>（<%= meeting.heldOn %>）</h3>
<% if (meeting.appraisal) { %><p>应到 <%= meeting.counts.roster %> 人，实到 <%= meeting.counts.present %> 人；收回测评票 <%= meeting.appraisal.ballotsReturned %> 张（无记名）</p>
${appraisalTable('meeting.appraisal')}
<% } else { %><p>应到 <%= meeting.counts.roster %> 人，实到 <%= meeting.counts.present %> 人；赞成 <%= meeting.counts.yes %>，反对 <%= meeting.counts.no %>，弃权 <%= meeting.counts.abstain %>；<%= meeting.ballotMode === 'secret' ? '无记名投票' : '公开表决' %></p><% } %>
<p>结果：<strong><%= it.outcomes[meeting.outcome] || '' %></strong><span class="muted">（<%= meeting.ruleSet %>）</span></p></div><% } %>
<% if (it.supervisorObjections.length) { %><h2>监督委员会异议</h2><ul><% for (const objection of it.supervisorObjections) { %><li><%= objection.at %>，在“<%= objection.step %>”：<%= objection.reason %></li><% } %></ul><% } %>
<h2>办理步骤</h2>
${STEP_LIST}
<h2>办理经过</h2>
<ol><% for (const step of it.steps) { %><li><%= step.at %> <%= step.role %>：<%= step.act %></li><% } %></ol>
<details class="chart"><summary>查看流程图（已走过的路径加粗）</summary><div class="scroll" tabindex="0"><%~ it.flowchart %></div></details>`;

export const CATALOG = `
<p>区级基本目录：每个事项的流程图与系统实际执行的流程是同一份定义（看图办事、按图监督）。</p>
<% for (const category of it.categories) { %>
<h2><%= category.code %> <%= category.title %></h2>
<ul><% for (const item of category.items) { %><li><a href="/p/catalog/<%= item.code %>"><%= item.code %> <%= item.title %></a><% if (item.statutoryClasses.length === 1) { %><span class="muted">（法定事项：<%= item.statutoryClasses[0] %>）</span><% } else if (item.statutoryClasses.length > 1) { %><span class="muted">（按事项的法定类别确定表决主体和规则）</span><% } %></li><% } %></ul>
<% } %>`;

export const CATALOG_ITEM = `
<p class="muted"><%= it.category.title %>；责任主体：<%= it.responsible || '—' %>；第 <%= it.version %> 版</p>
<% if (it.description) { %><p><%= it.description %></p><% } %>
<h2>办理步骤</h2>
<ol><% for (const step of it.steps) { %><li><%= step.title %><% if (step.roles && step.roles.length) { %>（<%= step.roles.map((role) => role.title).join('、') %>）<% } %></li><% } %></ol>
<h2>流程图</h2>
<div class="scroll" tabindex="0"><%~ it.flowchart %></div>
<% if (it.statutoryClasses.length) { %>
<h2>法定事项类别与表决规则</h2>
<p>事项属于哪一类由法律确定，表决主体、表决规则和通知期随之确定，村里不能降低。</p>
<% for (const entry of it.statutoryClasses) { %><article class="card"><h3><%= entry.title %></h3>
<% if (entry.decidedBy) { %><p>由<%= entry.decidedBy %>决定；村级协助受理、调查、评议和公示，不得终止申请。</p><% } else if (!entry.deciders.length) { %><p>无须集体表决。</p><% } else { %><ul><% for (const decider of entry.deciders) { %><li><strong><%= decider.bodyTitle %></strong>：<%= decider.rule %>；会前通知<%= decider.noticeDays ? ' ' + decider.noticeDays + ' 天' : '无法定天数' %></li><% } %></ul><% } %>
<p class="muted">依据：<%= entry.legalBasis %><% if (entry.note) { %>。<%= entry.note %><% } %></p></article><% } %>
<% } %>
<h2>法律依据</h2>
<ul><% for (const basis of it.legalBasis) { %><li><%= basis.law %><%= basis.version ? '（' + basis.version + '）' : '' %><%= basis.article ? ' ' + basis.article : '' %><%= basis.localPractice ? '（地方实践）' : '' %><% if (basis.note) { %><span class="muted">（<%= basis.note %>）</span><% } %></li><% } %></ul>
<h2>廉政风险点</h2>
<ul><% for (const risk of it.riskPoints) { %><li><%= risk %></li><% } %></ul>`;

/**
 * The X-item editor: the item's particulars, its steps in order (each with its parameters, the checker's
 * findings beside it, and buttons to move or remove it), a step to add, and the chart as it would run.
 * Every button posts the whole form; the script re-checks on each change without leaving the page.
 */
export const X_ITEM = `
<p>用共用步骤制定本村自有事项（X）：添加、排序、设定参数，每次修改都重新做准入审查并更新流程图。沿用已有编号即修改该事项，新流程自生效日期起用于新发起的事项，办理中的事项仍按原流程办结。提交后进入清单调整程序：监督委员会意见、乡镇审核、区级批准。</p>
<div id="x-general"><% if (it.general.length) { %><div class="flash error" role="alert"><p>准入审查未通过：</p><ul><% for (const issue of it.general) { %><li><%= issue %></li><% } %></ul></div><% } %></div>
<form method="post" action="/c/v/<%= it.villageId %>/x-item" class="stack" data-x-editor>
  <button type="submit" name="op" value="check" class="skip" tabindex="-1">审查</button>
  <label for="x-code">编号（如 X1）</label><input type="text" id="x-code" name="code" required pattern="X[0-9]{1,3}" value="<%= it.form.code %>">
  <label for="x-title">事项名称</label><input type="text" id="x-title" name="title" required value="<%= it.form.title %>">
  <label for="x-category">类别</label>
  <select id="x-category" name="category"><% for (const category of it.categories) { %><option value="<%= category.code %>" <%= category.code === it.form.category ? 'selected' : '' %>><%= category.code %> <%= category.title %></option><% } %></select>
  <p class="muted">A（重大事项）、D（集体资产资源）类事项的表决主体和规则由法律确定，请以基本目录事项为模板调整。</p>
  <label for="x-description">说明</label><textarea id="x-description" name="description" required><%= it.form.description %></textarea>
  <label for="x-basis">依据（村规民约等）</label><input type="text" id="x-basis" name="basis" required value="<%= it.form.basis %>">
  <fieldset><legend>谁可以申请</legend><% for (const role of it.applicants) { %><label><input type="checkbox" name="startRoles" value="<%= role.value %>" <%= it.form.startRoles.includes(role.value) ? 'checked' : '' %>> <%= role.label %></label><% } %></fieldset>
  <label for="x-from">生效日期</label><input type="date" id="x-from" name="effectiveFrom" required value="<%= it.form.effectiveFrom %>">
  <h2>步骤</h2>
  <ol class="editor-steps">
  <% for (const step of it.steps) { %><li class="card" id="x-step-<%= step.index %>"><input type="hidden" name="kind.<%= step.index %>" value="<%= step.kind %>">
    <h3>第 <%= step.index + 1 %> 步：<%= step.title %></h3><p class="muted"><%= step.hint %></p>
    <% for (const parameter of step.parameters) { %><label for="x-<%= parameter.name %>-<%= step.index %>"><%= parameter.label %></label>
    <% if (parameter.options) { %><select id="x-<%= parameter.name %>-<%= step.index %>" name="<%= parameter.name %>.<%= step.index %>"><% for (const option of parameter.options) { %><option value="<%= option.value %>" <%= option.value === parameter.value ? 'selected' : '' %>><%= option.label %></option><% } %></select>
    <% } else { %><input type="number" id="x-<%= parameter.name %>-<%= step.index %>" name="<%= parameter.name %>.<%= step.index %>" min="<%= parameter.min %>" max="<%= parameter.max %>" value="<%= parameter.value %>"><% } %><% } %>
    <div class="step-issues" data-step="<%= step.index %>"><% for (const issue of step.issues) { %><p class="field-problem" role="alert"><%= issue %></p><% } %></div>
    <button type="submit" name="op" value="up:<%= step.index %>" aria-label="上移第 <%= step.index + 1 %> 步 <%= step.title %>" <%= step.index === 0 ? 'disabled' : '' %>>上移</button>
    <button type="submit" name="op" value="down:<%= step.index %>" aria-label="下移第 <%= step.index + 1 %> 步 <%= step.title %>" <%= step.index === it.steps.length - 1 ? 'disabled' : '' %>>下移</button>
    <button type="submit" name="op" value="remove:<%= step.index %>" class="danger" aria-label="删除第 <%= step.index + 1 %> 步 <%= step.title %>">删除</button>
  </li><% } %>
  <li class="card"><h3>办结</h3><div id="x-end"><% for (const issue of it.atEnd) { %><p class="field-problem" role="alert"><%= issue %></p><% } %></div></li>
  </ol>
  <label for="x-add">添加步骤</label>
  <select id="x-add" name="addKind"><% for (const entry of it.palette) { %><option value="<%= entry.kind %>"><%= entry.title %>：<%= entry.hint %></option><% } %></select>
  <button type="submit" name="op" value="add">添加到最后</button>
  <div id="x-verdict" role="status"><% if (it.passed) { %><p class="flash ok">准入审查：通过，可以提交</p><% } else { %><p class="flash error">准入审查：未通过，请按步骤旁的提示修改</p><% } %></div>
  <button type="submit" name="op" value="submit">提交调整申请</button>
</form>
<h2>流程图预览</h2>
<div id="x-preview"><% if (it.flowchart) { %><details class="chart" open><summary>流程图（按当前步骤生成）</summary><div class="scroll" tabindex="0"><%~ it.flowchart %></div></details><% } else { %><p class="muted">步骤有误，改正后显示流程图</p><% } %></div>`;

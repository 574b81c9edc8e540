/** A matter's procedure as a list: steps done, the current one marked for screen readers, those ahead. */
export const STEP_LIST = `<ol class="steps"><% for (const step of it.stepList) { %><li class="<%= step.status %>"<%~ step.status === 'current' ? ' aria-current="step"' : '' %>><%= step.title %><% if (step.status === 'current') { %><strong>（当前）</strong><% } else if (step.status === 'done') { %>（已办）<% } else if (step.status === 'skipped') { %>（本事项不经过）<% } %></li><% } %></ol>`;

/**
 * Renders one form control, filled with what the person entered before (`it.values`) so that a refused
 * form comes back as they left it. Files upload as they are chosen (app.js) and travel as their ids.
 */
export const FIELD = `
<% const f = it.field; const id = it.prefix + '-' + f.name; const v = (it.values || {})[f.name]; const list = v === undefined ? [] : [].concat(v); const problem = (it.problems || {})[f.name]; %>
<% if (problem) { %><p class="field-problem" id="<%= id %>-problem"><%= f.label %>：<%= problem %></p><% } %>
<% if (f.kind === 'people') { %>
<fieldset><legend><%= f.label %><% if (f.required) { %>（必填）<% } %></legend>
<% for (const option of f.options) { %><label><input type="checkbox" name="<%= f.name %>" value="<%= option.value %>"<%= list.includes(option.value) ? ' checked' : '' %>> <%= option.label %></label><% } %>
</fieldset>
<% } else if (f.kind === 'files') { %>
<label for="<%= id %>"><%= f.label %>（每个不超过 5 MB）</label>
<input type="file" id="<%= id %>" multiple data-upload="<%= it.uploadTo %>" data-field="<%= f.name %>">
<progress class="upload-progress" hidden max="100" value="0" aria-label="<%= f.label %>上传进度"></progress>
<p class="upload-error flash error" role="alert" hidden></p>
<ul class="files" aria-live="polite"><% for (const file of (it.files || []).filter((file) => list.includes(file.id))) { %><li><%= file.filename %>（<%= file.size %> 字节）<input type="hidden" name="<%= f.name %>" value="<%= file.id %>"></li><% } %></ul>
<noscript><p class="muted">上传附件需要浏览器允许运行脚本。</p></noscript>
<% } else if (f.kind === 'ratings') { %>
<fieldset><legend><%= f.label %>（按计票单逐项填写票数）</legend>
<% for (const option of f.options) { const line = list.find((entry) => entry && entry.subject === option.value) || {}; %><div class="rating-line"><p><strong><%= option.label %></strong></p>
<% for (const [rating, word] of [['satisfied', '满意'], ['basicallySatisfied', '基本满意'], ['dissatisfied', '不满意']]) { %><label><%= word %> <input type="number" min="0" step="1" inputmode="numeric" name="<%= f.name %>.<%= option.value %>.<%= rating %>" value="<%= line[rating] ?? '' %>" required></label> <% } %></div><% } %>
</fieldset>
<% } else if (f.kind === 'choices') { %>
<fieldset><legend><%= f.label %><% if (f.required) { %>（必填）<% } %></legend>
<% for (const option of f.options) { %><label><input type="checkbox" name="<%= f.name %>" value="<%= option.value %>"<%= list.includes(option.value) ? ' checked' : '' %>> <%= option.label %></label><% } %>
</fieldset>
<% } else if (f.kind === 'lines') { %>
<label for="<%= id %>"><%= f.label %><% if (f.required) { %>（必填）<% } %></label>
<textarea id="<%= id %>" name="<%= f.name %>" rows="3" <%= f.required ? 'required' : '' %>><%= list.join('\\n') %></textarea>
<% } else if (f.kind === 'checkbox') { %>
<label for="<%= id %>"><input type="checkbox" id="<%= id %>" name="<%= f.name %>" value="true"<%= v === true ? ' checked' : '' %>> <%= f.label %></label>
<% } else { %>
<label for="<%= id %>"><%= f.label %><% if (f.required) { %>（必填）<% } %></label>
<% if (f.kind === 'textarea') { %><textarea id="<%= id %>" name="<%= f.name %>" <%= f.required ? 'required' : '' %>><%= v ?? '' %></textarea>
<% } else if (f.kind === 'select' || f.kind === 'person') { %><select id="<%= id %>" name="<%= f.name %>" <%= f.required ? 'required' : '' %>><% if (!f.required) { %><option value="">（<%= f.emptyLabel || '不选' %>）</option><% } else { %><option value="" disabled<%= v === undefined ? ' selected' : '' %>>（请选择）</option><% } %><% for (const option of f.options) { %><option value="<%= option.value %>"<%= v === option.value ? ' selected' : '' %>><%= option.label %></option><% } %></select>
<% } else { %><input type="<%= f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text' %>" id="<%= id %>" name="<%= f.name %>" value="<%= v ?? '' %>"<% if (f.kind === 'number') { %> step="any" inputmode="decimal"<% } %> <%= f.required ? 'required' : '' %>>
<% } %>
<% } %>`;

/** Scanned files of the matter, each with its SHA-256 (what the paper said, checkable against its copy). */
const fileList = (files: string, label = '') =>
  `<ul><% for (const file of ${files}) { %><li>${label}<a href="/api/villages/<%= it.villageId %>/attachments/<%= file.id %>" data-download><%= file.filename %></a> <span class="hash">SHA-256 <%= file.sha256 %></span></li><% } %></ul>`;

/** The paper a meeting held: its sign-in sheet, the written proxies, the count's tally sheets. */
const meetingPapers = (meeting: string) => `<% const papers = [
  ...(${meeting}.countedAttendance ? ${meeting}.countedAttendance.signInSheet.map((file) => ({ ...file, kind: '签到表' })) : []),
  ...(${meeting}.proxyLetters || []).map((file) => ({ ...file, kind: '委托书' })),
  ...(${meeting}.voteCount ? ${meeting}.voteCount.tallySheet.map((file) => ({ ...file, kind: '计票单' })) : []),
  ...(${meeting}.appraisal && ${meeting}.appraisal.count ? ${meeting}.appraisal.count.tallySheet.map((file) => ({ ...file, kind: '测评计票单' })) : []),
]; %><% if (papers.length) { %><p>会议材料：</p>${fileList('papers', '<%= file.kind %>：')}<% } %>`;

/**
 * A 民主测评's rates as the server computed them, subject by subject, against the 90% standards. */
export const appraisalTable = (
  result: string,
) => `<div class="scroll" tabindex="0"><table><thead><tr><th>测评对象</th><th>满意</th><th>基本满意</th><th>不满意</th><th>满意率</th></tr></thead><tbody>
<% for (const subject of ${result}.subjects) { %><tr><td><%= subject.label %><% if (subject.twiceIncompetent) { %><strong>（连续两次不称职）</strong><% } else if (subject.incompetent) { %><strong>（不称职）</strong><% } %></td><td><%= subject.satisfied %></td><td><%= subject.basicallySatisfied %></td><td><%= subject.dissatisfied %></td><td class="<%= subject.rate.meetsStandard ? '' : 'due' %>"><%= subject.rate.percent === null ? '—' : subject.rate.percent + '%' %></td></tr><% } %>
</tbody></table></div>
<p>村干部满意率 <strong><%= ${result}.cadres.percent %>%</strong>，三务公开满意率 <strong><%= ${result}.disclosure.percent %>%</strong>。<%= ${result}.standards.cadres %>；<%= ${result}.standards.disclosure %>。满意率＝（满意＋基本满意）÷ 对该项作出评价的票数；不满意票达到 <%= ${result}.incompetentPercent %>% 的为不称职；<%= ${result}.standards.twiceIncompetent %>。</p>`;

export const CONSOLE = `
<p>您好，<%= it.me.name %>。</p>
<% for (const village of it.villages) { %>
<section class="card">
  <h2 class="card-title"><a href="/c/v/<%= village.id %>"><%= village.name %></a></h2>
  <p class="muted">身份：<%= village.roles %></p>
  <p><% if (village.waiting > 0) { %><strong class="due">待办 <%= village.waiting %> 件</strong><% } else { %>暂无待办<% } %></p>
</section>
<% } %>
<% for (const region of it.regions) { %>
<section class="card">
  <h2 class="card-title"><a href="/c/r/<%= region.id %>"><%= region.name %></a></h2>
  <p class="muted"><%= region.roles %></p>
</section>
<% } %>`;

export const VILLAGE = `
<p><a href="/p/catalog">基本目录</a> · <a href="/p/<%= it.village.id %>">本村公开栏</a> · <a href="/p/<%= it.village.id %>/lists">三张清单</a><% if (it.canLedger) { %> · <a href="/api/villages/<%= it.village.id %>/ledger.xlsx?quarter=<%= it.quarter %>" data-download>下载本季度监督台账</a><% } %><% if (it.canRegisters) { %> · <a href="/c/v/<%= it.village.id %>/registers">村民花名册</a> · <a href="/c/v/<%= it.village.id %>/people">人员与身份</a><% } %></p>
<h2>待我办理</h2>
<% if (it.inbox.matters.length === 0) { %><p>暂无</p><% } %>
<% for (const item of it.inbox.matters) { %>
<article class="card">
  <h3><a href="/c/v/<%= it.village.id %>/m/<%= item.matterId %>"><%= item.title %></a></h3>
  <p>当前步骤：<%= item.step %>（自 <%= item.since %>）</p>
  <p>可办理：<%= item.actions.map((action) => action.title).join('、') %></p>
  <% for (const deadline of item.deadlines) { %><p class="<%= item.overdue ? 'due' : 'muted' %>">期限：<%= deadline.dueAt %></p><% } %>
  <% if (item.objection) { %><p class="objection">监督委员会异议（<%= item.objection.by %>）：<%= item.objection.reason %></p><% } %>
</article>
<% } %>
<% if (it.inbox.documentRequests.length) { %><h2>调阅资料要求</h2><ul><% for (const request of it.inbox.documentRequests) { %><li><a href="/c/v/<%= it.village.id %>/m/<%= request.matterId %>"><%= request.request %></a></li><% } %></ul><% } %>
<h2>小微权力清单</h2>
<p><a href="/c/v/<%= it.village.id %>/list">本村小微权力清单（基本目录 + 本村自有事项）<%= it.canAdjust ? '，在此提出调整' : '' %></a></p>
<h2>发起事项</h2>
<form method="get" action="/c/v/<%= it.village.id %>/start" class="stack">
  <label for="code">清单事项</label>
  <select id="code" name="code"><% for (const item of it.startable) { %><option value="<%= item.code %>"><%= item.code %> <%= item.title %></option><% } %></select>
  <button type="submit">下一步</button>
</form>
<h2>本村事项</h2>
<div class="scroll" tabindex="0"><table><thead><tr><th>事项</th><th>状态</th><th>更新</th></tr></thead><tbody>
<% for (const matter of it.matters) { %><tr><td><a href="/c/v/<%= it.village.id %>/m/<%= matter.id %>"><%= matter.title %></a></td><td><%= matter.status === 'done' ? '已办结' : '办理中' %></td><td><%= matter.updatedAt %></td></tr><% } %>
</tbody></table></div>`;

export const START = `
<form method="post" action="/c/v/<%= it.villageId %>/start" class="stack">
  <input type="hidden" name="code" value="<%= it.code %>">
  <% for (const field of it.fields) { %><%~ include('@field', { field, prefix: 'start', values: it.values, problems: it.problems, files: it.files, uploadTo: it.uploadTo }) %><% } %>
  <fieldset>
    <legend>利害关系回避（申报后，该人员不参加本事项的表决和审批）</legend>
    <p class="muted">如有村干部、代表或党员是申请人、投标人、收款人或其近亲属，请逐一申报。</p>
    <% it.conflicts.forEach((conflict, index) => { %>
    <div class="conflict">
      <label for="conflict-person-<%= index %>">回避人员 <%= index + 1 %></label>
      <select id="conflict-person-<%= index %>" name="conflictPerson"><option value="">（无）</option><% for (const person of it.people) { %><option value="<%= person.id %>"<%= conflict.personId === person.id ? ' selected' : '' %>><%= person.name %></option><% } %></select>
      <label for="conflict-relation-<%= index %>">关系</label>
      <select id="conflict-relation-<%= index %>" name="conflictRelation"><% for (const relation of it.relations) { %><option value="<%= relation.value %>"<%= conflict.relation === relation.value ? ' selected' : '' %>><%= relation.label %></option><% } %></select>
      <label for="conflict-note-<%= index %>">说明</label>
      <input type="text" id="conflict-note-<%= index %>" name="conflictNote" value="<%= conflict.note ?? '' %>" maxlength="500">
    </div>
    <% }) %>
  </fieldset>
  <button type="submit">发起</button>
</form>`;

export const MATTER = `
<p class="muted"><%= it.matter.procedure.id %> <%= it.matter.procedure.title %>（第 <%= it.matter.procedure.version %> 版）</p>
<p>当前步骤：<strong><%= it.matter.step.title %></strong><% if (it.matter.outcome) { %>；结果：<strong><%= it.matter.outcome.title %></strong><% } %></p>
<% if (it.objection) { %><div class="flash error"><p><strong>监督委员会最近一次异议</strong>（<%= it.objection.by %>，<%= it.objection.at %>）：<%= it.objection.reason %></p><% if (it.objection.backTo) { %><p>退回到：<%= it.objection.backTo %></p><% } %></div><% } %>
<% if (it.myConflict) { %><p class="flash error" role="status">您已被申报回避（<%= it.myConflict.relation %>）：<%= it.myConflict.note %>。申报人：<%= it.myConflict.declaredBy %>。您不参加本事项的表决和审批；如有异议，可向村务监督委员会反映。</p><% } %>
<% if (it.conflicts.length) { %><p>回避人员（不参加本事项的表决和审批）：<%= it.conflicts.map((conflict) => conflict.name + '（' + conflict.relation + '）').join('、') %></p><% } %>
<% if (it.listChange) { %>
<h2>清单调整内容</h2>
<div class="scroll" tabindex="0"><table><thead><tr><th>调整</th><th>事项</th><th>说明</th></tr></thead><tbody>
<% for (const change of it.listChange.changes) { %><tr><td><%= change.kind %></td><td><%= change.code %> <%= change.title %></td><td><%= change.detail %></td></tr><% } %>
</tbody></table></div>
<% for (const item of it.listChange.items) { %><article class="card"><h3><%= item.replaces ? '修改' : '新增' %>事项的流程：<%= item.code %> <%= item.title %></h3>
<% if (item.replaces) { %><p class="muted">取代现行 <%= item.replaces %>；标“新增”的是新流程增加的步骤。</p><% } %>
<p>事项类别：<%= item.category %></p>
<% if (item.statutoryClasses.length) { %><p>村里申报的法定事项类别（决定由哪个会议、按什么规则表决）：</p><ul><% for (const words of item.statutoryClasses) { %><li><%= words %></li><% } %></ul><% } else { %><p><strong>未申报法定事项类别</strong>：由谁决定、按什么规则表决只看下面的步骤。请核对该事项是否属于法律规定须由村民会议、村民代表会议或集体经济组织成员（代表）大会决定的事项（如土地承包、征地补偿分配、集体资产处置）。</p><% } %>
<ol class="steps"><% for (const step of item.steps) { %><li><%= step.title %><% if (step.added) { %> <strong>（新增）</strong><% } %></li><% } %><li>办结</li></ol>
<% if (item.dropped.length) { %><p>去掉的步骤：<%= item.dropped.join('、') %></p><% } %>
<details class="chart"><summary>查看该事项的流程图</summary><div class="scroll" tabindex="0"><%~ item.flowchart %></div></details></article><% } %>
<% if (it.listChange.preview) { %>
<h3>与现行清单相比</h3>
<% if (it.listChange.preview.issues.length) { %><div class="flash error" role="alert"><p>准入审查未通过：</p><ul><% for (const issue of it.listChange.preview.issues) { %><li><%= issue %></li><% } %></ul></div><% } else { %><p>准入审查：通过</p><% } %>
<ul>
<% for (const item of it.listChange.preview.added) { %><li>新增：<%= item.code %> <%= item.title %></li><% } %>
<% for (const item of it.listChange.preview.removed) { %><li>停用：<%= item.code %> <%= item.title %></li><% } %>
<% for (const item of it.listChange.preview.changed) { %><li>变更：<%= item.code %> <%= item.title %><% if (item.versions) { %>（流程第 <%= item.versions.from %> 版 → 第 <%= item.versions.to %> 版）<% } %><% for (const parameter of item.parameters) { %>；<%= parameter.name %>：<%= parameter.from %> → <%= parameter.to %><% } %><% if (item.responsible) { %>；责任人变更<% } %></li><% } %>
</ul>
<% } %>
<% } %>
<h2>可办理的操作</h2>
<% if (it.actions.length === 0) { %><p>当前没有您可以办理的操作。</p><% } %>
<% for (const action of it.actions) { %>
<section class="card">
  <h3><%= action.title %></h3>
  <% const running = it.panel && it.panel.running; %>
  <% if (running && ['RECORD_ATTENDANCE', 'CAST_BALLOT', 'RECORD_COUNT', 'CLOSE_VOTE'].includes(action.type)) { %>
  <p class="panel">到会 <strong><%= running.present %></strong> / 应到 <%= running.roster %> · 已投 <strong><%= running.voted %></strong><% if (running.choices) { %> · 赞成 <%= running.choices.yes %> · 反对 <%= running.choices.no %> · 弃权 <%= running.choices.abstain %><% } %></p>
  <% if (action.type === 'CLOSE_VOTE' && it.panel.warning) { %><p class="flash error"><%= it.panel.warning %></p><% } %>
  <% } %>
  <form method="post" action="/c/v/<%= it.villageId %>/m/<%= it.matter.id %>/act" class="stack">
    <input type="hidden" name="type" value="<%= action.type %>">
    <% for (const field of action.fields) { %><%~ include('@field', { field, prefix: action.type, values: action.values, problems: action.problems, files: it.files, uploadTo: it.uploadTo }) %><% } %>
    <button type="submit" class="<%= action.danger ? 'danger' : '' %>">下一步：核对</button>
  </form>
</section>
<% } %>
<h2>办理步骤</h2>
${STEP_LIST}
<details class="chart"><summary>查看流程图</summary><div class="scroll" tabindex="0"><%~ it.flowchart %></div></details>
<h2>会议</h2>
<% if (it.matter.meetings.length === 0) { %><p>暂无</p><% } %>
<% for (const meeting of it.matter.meetings) { %>
<div class="card"><h3><%= meeting.bodyTitle %></h3>
<p><%= meeting.heldOn %> <%= meeting.ballotMode === 'secret' ? '无记名投票' : '公开表决' %>；结果：<%= ({ passed: '通过', lost: '未通过', noQuorum: '未达到法定人数', counted: '测评有效，已计算满意率' })[meeting.outcome] || '进行中' %></p>
<% const online = !meeting.appraisal; /* appraisal ballots are on paper only: nobody votes here */ %>
<div class="scroll" tabindex="0"><table><thead><tr><th>应到人员</th><th>到会</th><% if (online) { %><th>已投票</th><% } %></tr></thead><tbody>
<% for (const person of meeting.roster) { %><tr><td><%= person.name %><%= person.entitled ? '' : '（无表决权）' %><%= person.recused ? '（回避）' : '' %></td><td><%= person.present ? (person.byProxy ? '委托同户成员' : '是') : '—' %></td><% if (online) { %><td><%= person.voted ? '是' : '—' %></td><% } %></tr><% } %>
</tbody></table></div>
<% if (meeting.observers.length) { %><p>列席：<%= meeting.observers.map((observer) => observer.name).join('、') %></p><% } %>
${meetingPapers('meeting')}
<% if (meeting.appraisal) { %><p>测评对象：<%= meeting.appraisal.subjects.map((subject) => subject.label).join('、') %></p><% if (meeting.appraisal.count) { %><p>计票人已登记收回测评票 <%= meeting.appraisal.count.ballotsReturned %> 张；<%= meeting.appraisal.count.confirmedBy ? '监票人已确认' : '待监票人确认' %></p><% } %><% if (meeting.appraisal.result) { %>${appraisalTable('meeting.appraisal.result')}<% } %><% } else if (meeting.tally) { %><p>计票（由系统按表决规则计算）：赞成 <%= meeting.tally.counts.yes %>，反对 <%= meeting.tally.counts.no %>，弃权 <%= meeting.tally.counts.abstain %></p><ul><% for (const check of [...meeting.tally.quorum, meeting.tally.pass]) { %><li><%= check.explanation %></li><% } %><% if (meeting.tally.recusal) { %><li><%= meeting.tally.recusal.explanation %>（<%= meeting.roster.filter((person) => meeting.tally.recusal.personIds.includes(person.personId)).map((person) => person.name).join('、') %>）</li><% } %></ul><% } %></div>
<% } %>
<h2>公开</h2>
<% if (it.matter.disclosures.length === 0) { %><p>暂无</p><% } %>
<% for (const disclosure of it.matter.disclosures) { %><div class="card"><h3><%= disclosure.title %></h3><p><%= disclosure.body %></p><% if (disclosure.attachments && disclosure.attachments.length) { %>${fileList('disclosure.attachments')}<% } %><p class="muted">状态：<%= it.disclosureStatuses[disclosure.status] || disclosure.status %><% if (disclosure.supervisorOpinion) { %>；监督委员会意见：<%= disclosure.supervisorOpinion %><% } %></p>
<% if (disclosure.objections && disclosure.objections.length) { %><h4>群众异议</h4><ul><% for (const objection of disclosure.objections) { %><li><%= it.names[objection.filedBy] || '村民' %>：<%= objection.content %>（<%= it.objectionStatuses[objection.status] || objection.status %>）<% if (objection.answer) { %><br>答复：<%= objection.answer %><% } %></li><% } %></ul><% } %></div><% } %>
<h2 id="documents">调阅资料</h2>
<% const documents = it.documents; const draft = documents.draft; %>
<% if (documents.requests.length === 0) { %><p>暂无调阅要求</p><% } %>
<% for (const request of documents.requests) { %><div class="card">
<p><strong><%= request.requestedBy %></strong>（<%= request.requestedAt %>）要求调阅：<%= request.request %></p>
<% if (request.status === 'answered') { %><p>答复（<%= request.answeredBy %>，<%= request.answeredAt %>）：<%= request.answer %></p>
<% if (request.attachments.length) { %>${fileList('request.attachments')}<% } %>
<% } else if (documents.answerFields) { %><form method="post" action="/c/v/<%= it.villageId %>/m/<%= it.matter.id %>/documents/<%= request.id %>/answer" class="stack">
<% const mine = draft.requestId === request.id; %><% for (const field of documents.answerFields) { %><%~ include('@field', { field, prefix: 'answer-' + request.id, values: mine ? draft.values : {}, problems: mine ? draft.problems : {}, files: it.files, uploadTo: it.uploadTo }) %><% } %>
<button type="submit">提交答复</button></form>
<% } else { %><p class="muted">待村两委答复</p><% } %></div><% } %>
<% if (documents.requestFields) { %><form method="post" action="/c/v/<%= it.villageId %>/m/<%= it.matter.id %>/documents" class="stack">
<% const fresh = draft.requestId === null; %><% for (const field of documents.requestFields) { %><%~ include('@field', { field, prefix: 'document-request', values: fresh ? draft.values : {}, problems: fresh ? draft.problems : {}, files: [], uploadTo: it.uploadTo }) %><% } %>
<button type="submit">提出调阅要求</button></form><% } %>
<h2>办理记录（谁、何时、做了什么）</h2>
<ol><% for (const step of it.matter.history) { %><li><%= step.at %> <%= step.actor.name %>：<%= step.title %></li><% } %></ol>
<p><a href="/api/villages/<%= it.villageId %>/matters/<%= it.matter.id %>/dossier.pdf" data-download>档案（PDF）</a></p>`;

export const CONFIRM = `
<p>请核对以下内容。提交后将记入留痕，不能撤回。</p>
<% if (it.warning) { %><p class="flash error" role="alert"><%= it.warning %></p><% } %>
<dl>
<% for (const row of it.rows) { %><dt><%= row.label %></dt><dd><%= row.value || '（空）' %></dd><% } %>
</dl>
<form method="post" action="<%= it.action %>">
  <% for (const hidden of it.hidden) { %><input type="hidden" name="<%= hidden.name %>" value="<%= hidden.value %>"><% } %>
  <input type="hidden" name="confirmed" value="yes">
  <button type="submit" class="<%= it.danger ? 'danger' : '' %>">确认提交：<%= it.actTitle %></button>
</form>
<form method="post" action="<%= it.action %>">
  <% for (const hidden of it.hidden) { %><input type="hidden" name="<%= hidden.name %>" value="<%= hidden.value %>"><% } %>
  <input type="hidden" name="edit" value="yes">
  <button type="submit" class="secondary">返回修改</button>
</form>`;

export const REGION = `
<div class="scroll" tabindex="0"><table class="cards"><thead><tr><th>村</th><th>办理中</th><th>已办结</th><th>超时限</th><th>逾期未公开</th><th>监委会异议</th><th>问题未销号</th><th>投诉（逾期）</th><th>民主测评满意率（干部／三务公开）</th><th>需关注</th></tr></thead><tbody>
<% for (const row of it.villages) { %><tr><td><%= row.township.name %> <a href="/c/v/<%= row.village.id %>"><%= row.village.name %></a></td><td data-label="办理中"><%= row.matters.active %></td><td data-label="已办结"><%= row.matters.done %></td><td data-label="超时限" class="<%= row.steps.overdueNow ? 'due' : '' %>"><%= row.steps.late %></td><td data-label="逾期未公开" class="<%= row.disclosures.overdueNow ? 'due' : '' %>"><%= row.disclosures.overdueNow %></td><td data-label="监委会异议"><%= row.objections.bySupervisors %></td><td data-label="问题未销号"><%= row.problems.open %></td><td data-label="投诉（逾期）" class="wide<%= row.complaints.overdueNow ? ' due' : '' %>"><%= row.complaints.filed %>（<%= row.complaints.overdueNow %>）</td><td data-label="民主测评满意率（干部／三务公开）" class="wide"><% if (row.appraisal) { %><span class="<%= row.appraisal.cadres.meetsStandard ? '' : 'due' %>"><%= row.appraisal.cadres.percent === null ? '—' : row.appraisal.cadres.percent + '%' %></span>／<span class="<%= row.appraisal.disclosure.meetsStandard ? '' : 'due' %>"><%= row.appraisal.disclosure.percent === null ? '—' : row.appraisal.disclosure.percent + '%' %></span><% } else { %>未测评<% } %></td><td data-label="需关注" class="wide<%= row.flags.length ? ' due' : '' %>"><%= row.flags.join('；') || '—' %></td></tr><% } %>
</tbody></table></div>
<p><a href="/api/regions/<%= it.region.id %>/overview.xlsx" data-download>下载对比表（五好评比参考）</a> · <a href="/c/r/<%= it.region.id %>/calendar">工作日历</a><% if (it.handlesComplaints) { %> · <a href="/c/r/<%= it.region.id %>/complaints">投诉举报</a><% } %></p>
<h2>待我办理</h2>
<% if (it.inbox.matters.length === 0) { %><p>暂无</p><% } %>
<% for (const item of it.inbox.matters) { %><article class="card"><h3><a href="/c/v/<%= item.village.id %>/m/<%= item.matterId %>"><%= item.village.name %>：<%= item.title %></a></h3><p>当前步骤：<%= item.step %></p></article><% } %>`;

/** The village's power list, and where its adjustments start (the editor for X items, retiring an item). */
export const LIST = `
<p class="muted">现行清单：本村第 <%= it.version.village %> 版（基本目录第 <%= it.version.base %> 版），自 <%= it.version.effectiveFrom %> 起施行。调整须经监督委员会提出意见、乡镇审核、区级批准后生效。</p>
<% if (it.canAdjust) { %><p><a class="button" href="/c/v/<%= it.villageId %>/x-item">制定新的自有事项（X）</a></p><% } %>
<div class="scroll" tabindex="0"><table><thead><tr><th>编号</th><th>事项</th><th>类别</th><th>来源</th><% if (it.canAdjust) { %><th>调整</th><% } %></tr></thead><tbody>
<% for (const item of it.items) { %><tr><td><%= item.code %></td><td><% if (item.origin === 'village') { %><%= item.title %><% } else { %><a href="/p/catalog/<%= item.code %>"><%= item.title %></a><% } %></td><td><%= item.category.title %></td><td><%= item.origin === 'village' ? '本村自有' : '基本目录' %>（流程第 <%= item.procedure.version %> 版）</td>
<% if (it.canAdjust) { %><td><% if (item.origin === 'village') { %><a href="/c/v/<%= it.villageId %>/x-item?code=<%= item.code %>" aria-label="修改 <%= item.code %> <%= item.title %>">修改流程</a><% } %></td><% } %></tr><% } %>
</tbody></table></div>
<% if (it.responsibilities.length) { %><h2>责任清单</h2><ul><% for (const entry of it.responsibilities) { %><li><%= entry.code %> <%= entry.title %>：<%= entry.person %>（<%= entry.duty %>）</li><% } %></ul><% } %>
<% if (it.canAdjust) { %>
<h2>停用清单事项</h2>
<form method="post" action="/c/v/<%= it.villageId %>/list/retire" class="stack">
  <label for="retire-code">事项</label>
  <select id="retire-code" name="code" required><option value="" disabled <%= it.retiring.code ? '' : 'selected' %>>（请选择）</option><% for (const item of it.items) { %><option value="<%= item.code %>" <%= item.code === it.retiring.code ? 'selected' : '' %>><%= item.code %> <%= item.title %></option><% } %></select>
  <label for="retire-reason">理由（必填）</label><textarea id="retire-reason" name="reason" required><%= it.retiring.reason %></textarea>
  <label for="retire-from">生效日期</label><input type="date" id="retire-from" name="effectiveFrom" required value="<%= it.retiring.effectiveFrom %>">
  <button type="submit" class="danger">提交停用申请</button>
</form>
<% } %>`;

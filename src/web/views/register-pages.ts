/**
 * A village's registers (花名册) in the console: how they measure up to the law's composition rules,
 * download as Excel or CSV, load from the village's own file (all rows or none, each problem named by
 * row and column), and the people on a date, filtered by name or villager group.
 */
export const REGISTERS = `
<p><a href="/c/v/<%= it.village.id %>">返回<%= it.village.name %></a></p>
<p class="muted"><%= it.on %> 的花名册：<%= it.counts.people %> 人，<%= it.counts.households %> 户，集体经济组织成员 <%= it.counts.members %> 人，村民代表 <%= it.counts.representatives %> 人。</p>
<h2>组成核对</h2>
<% if (it.warnings.length === 0) { %><p>村民代表会议和成员代表大会的组成符合法定比例。</p><% } %>
<% for (const warning of it.warnings) { %><p class="flash error"><%= warning %></p><% } %>
<h2>导出</h2>
<p><a href="/api/villages/<%= it.village.id %>/registers/export.xlsx?on=<%= it.on %>" data-download>下载 Excel（.xlsx）</a> · <a href="/api/villages/<%= it.village.id %>/registers/export.csv?on=<%= it.on %>" data-download>下载 CSV</a></p>
<p class="muted">导出的文件可以直接修改后再导入；身份证号只保存加密摘要，导出时显示为打码号码。</p>
<% if (it.canImport) { %>
<h2>导入花名册</h2>
<p>每人一行，表头依次为：<%= it.columns.join('、') %>。只有“姓名”必填；同名的人请填写身份证号或出生日期加以区分。</p>
<p class="muted">文件中任何一行有问题时，整份文件都不导入，并逐行列出问题；改好后重新选择文件即可。</p>
<% if (!it.importsVoters) { %><p class="muted">村民代表、成员代表和党员的增减由乡镇（街道）干部凭选举结果或党组织的材料导入；集体经济组织成员经成员大会确认（请发起“集体经济组织成员身份确认”事项）后记入成员名册，依备案名册补登或注销也由乡镇（街道）办理。文件改变了这些身份时，整份文件不导入。</p><% } %>
<form method="post" action="/c/v/<%= it.village.id %>/registers/import" class="stack" data-register-import>
  <label for="register-from">身份（代表、成员、党员等）自哪一天起生效</label>
  <input type="date" id="register-from" name="from" value="<%= it.today %>" required>
  <label for="register-file">选择花名册文件（.xlsx、.csv 或制表符分隔的文本文件，不超过 5 MB）</label>
  <input type="file" id="register-file" name="file" accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/plain">
  <progress class="import-progress" hidden max="100" value="0" aria-label="花名册上传进度"></progress>
  <p class="import-status muted" role="status" aria-live="polite"></p>
  <div class="import-problems flash error" role="alert" hidden></div>
  <noscript><p class="muted">导入花名册需要浏览器允许运行脚本。</p></noscript>
</form>
<% } %>
<h2>人员</h2>
<form method="get" action="/c/v/<%= it.village.id %>/registers" class="stack">
  <label for="register-q">按姓名查找</label>
  <input type="text" id="register-q" name="q" value="<%= it.query.q %>">
  <label for="register-group">村民小组</label>
  <select id="register-group" name="group"><option value="">（全部）</option><% for (const group of it.groups) { %><option value="<%= group %>"<%= it.query.group === group ? ' selected' : '' %>><%= group %></option><% } %></select>
  <label for="register-on">日期</label>
  <input type="date" id="register-on" name="on" value="<%= it.on %>">
  <button type="submit">查看</button>
</form>
<p class="muted">共 <%= it.rows.length %> 人<% if (it.rows.length > it.shown.length) { %>，显示前 <%= it.shown.length %> 人，请按姓名或小组查找<% } %>。</p>
<div class="scroll" tabindex="0"><table class="register"><thead><tr><% for (const column of it.tableColumns) { %><th scope="col"><%= column %></th><% } %></tr></thead><tbody>
<% for (const row of it.shown) { %><tr><% for (const cell of row) { %><td><%= cell %></td><% } %></tr><% } %>
</tbody></table></div>`;

export const HOME = `
<p>各村依清单办事、按流程用权，全程留痕。村民无需登录即可查看本村公开栏、三张清单，并核验记录未被改写。</p>
<% for (const village of it.villages) { %>
<section class="card">
  <h2 class="card-title"><%= village.name %></h2>
  <p class="muted"><%= village.district %> <%= village.township %></p>
  <p><a href="/p/<%= village.id %>">公开栏</a> · <a href="/p/<%= village.id %>/lists">三张清单</a> · <a href="/p/<%= village.id %>/verify">核验记录</a></p>
</section>
<% } %>`;

export const BOARD = `
<p><a class="button" href="/p/<%= it.village.id %>/complain">我要投诉</a> <a href="/p/<%= it.village.id %>/complaint">查询投诉</a> · <a href="/p/<%= it.village.id %>/subscribe">订阅村情月报（邮件或短信）</a></p>
<p><a href="/p/<%= it.village.id %>/lists">三张清单</a> · <a href="/p/<%= it.village.id %>/verify">核验记录</a> · <a href="/p/<%= it.village.id %>/bulletin?month=<%= it.month %>">村情月报</a> · <a href="/api/public/villages/<%= it.village.id %>/feed.atom">订阅公开栏（Atom）</a> · <a href="/p/catalog">基本目录与流程图</a></p>
<h2>正在公示</h2>
<% if (it.current.length === 0) { %><p>暂无</p><% } %>
<% for (const item of it.current) { %>
<article class="card" id="<%= item.id %>">
  <h3><%= item.title %></h3>
  <p class="due">公示期还剩 <%= item.daysLeft %> 天（<%= item.publishedOn %> 至 <%= item.lastDay %>）</p>
  <p><%= item.body %></p>
  <% if (item.attachments.length) { %><ul><% for (const file of item.attachments) { %><li><a href="/api/public/villages/<%= it.village.id %>/attachments/<%= file.id %>"><%= file.filename %></a> <span class="hash">SHA-256 <%= file.sha256 %></span></li><% } %></ul><% } %>
  <p class="muted">事项：<a href="/p/<%= it.village.id %>/m/<%= item.matterId %>"><%= item.matterTitle %></a></p>
</article>
<% } %>
<h2>逾期未办</h2>
<% if (it.overdue.length === 0) { %><p>暂无</p><% } %>
<ul><% for (const item of it.overdue) { %><li class="due"><%= item.title %>（应于 <%= item.dueAt %> 前）</li><% } %></ul>
<h2>已结束的公示</h2>
<% if (it.past.length === 0) { %><p>暂无</p><% } %>
<ul><% for (const item of it.past) { %><li><a href="/p/<%= it.village.id %>/m/<%= item.matterId %>#<%= item.id %>"><%= item.title %></a>（<%= item.matterTitle %>；<%= item.publishedOn %><% if (item.lastDay) { %> 至 <%= item.lastDay %><% } %>）</li><% } %></ul>
<h2>记录指纹（日终哈希）</h2>
<p class="muted">每天结束时公布本村全部记录的哈希。请抄录保存：日后若有人改写历史记录，将与此不符。</p>
<p>当前：第 <%= it.chain.current.seq %> 条 <span class="hash"><%= it.chain.current.hash || '' %></span></p>
<% if (it.chain.daily.length) { %><div class="scroll" tabindex="0"><table><thead><tr><th>日期</th><th>条数</th><th>哈希</th></tr></thead><tbody>
<% for (const head of it.chain.daily) { %><tr><td><%= head.day %></td><td><%= head.seq %></td><td class="hash"><%= head.hash %></td></tr><% } %>
</tbody></table></div><% } %>`;

export const LISTS = `
<p class="muted">第 <%= it.version.village %> 版（基本目录第 <%= it.version.base %> 版），自 <%= it.version.effectiveFrom %> 起施行。
<a href="/p/<%= it.village.id %>/lists?on=">查看其他日期</a></p>
<form method="get" class="stack"><label for="on">查看某一天施行的清单</label><input type="date" id="on" name="on" value="<%= it.on %>"><button type="submit">查看</button></form>
<h2>小微权力清单</h2>
<div class="scroll" tabindex="0"><table><thead><tr><th>编号</th><th>事项</th><th>类别</th><th>流程图</th></tr></thead><tbody>
<% for (const item of it.powerList) { %><tr><td><%= item.code %></td><td><%= item.title %><% if (item.origin === 'village') { %>（本村自有）<% } %></td><td><%= item.category.title %></td><td><a href="<%= item.flowchart %>">流程图</a></td></tr><% } %>
</tbody></table></div>
<h2>责任清单</h2>
<% if (it.responsibilityList.length === 0) { %><p>暂无</p><% } %>
<ul><% for (const entry of it.responsibilityList) { %><li><%= entry.code %> <%= entry.title %>：<%= entry.person %>，<%= entry.duty %></li><% } %></ul>
<h2>负面清单</h2>
<ul><% for (const entry of it.negativeList) { %><li><%= entry.text %><span class="muted">（<%= entry.basis %>）</span><% if (entry.enforced) { %> <strong>系统强制</strong><% } %></li><% } %></ul>`;

export const VERIFY = `
<% if (it.report.ok) { %>
<p class="flash ok" role="status">核验通过：<% if (it.report.from > 0) { %>最近公布的日终哈希（第 <%= it.report.from %> 条）仍然相符，其后 <%= it.report.checked %> 条新记录<% } else { %>本村 <%= it.report.checked %> 条记录<% } %>哈希相连、一致。</p>
<% } else { %>
<p class="flash error" role="alert">核验未通过：第 <%= it.report.firstBroken.seq %> 条记录不符（<%= it.report.firstBroken.reason %>）。请向乡镇反映。</p>
<% } %>
<p>链头：第 <%= it.report.head.seq %> 条 <span class="hash"><%= it.report.head.hash %></span></p>
<p class="muted">核验时间 <%= it.report.verifiedAt %>。核验只比对序号和哈希，不显示记录内容。此处从最近公布的日终哈希核验起；从第一条起的完整核验由本村成员在工作台进行，或用命令行（npm run verify -- --head 序号:哈希，可比对自己抄存的日终哈希）。</p>`;

/** A refusal of a page opened in the browser: the reason, and the way back. */
export const REFUSAL = `
<p class="flash error" role="alert"><%= it.message %></p>
<p><a href="<%= it.back %>"><%= it.backWords %></a></p>`;

export const LOGIN = `
<form method="post" action="/login" class="stack">
  <input type="hidden" name="next" value="<%= it.next %>">
  <label for="username">用户名</label><input type="text" id="username" name="username" autocomplete="username" required value="<%= it.username %>">
  <label for="password">密码</label><input type="password" id="password" name="password" autocomplete="current-password" required>
  <button type="submit">登录</button>
</form>`;

/** A login someone else opened: its holder replaces the password they were handed before anything else. */
export const OWN_PASSWORD = `
<% if (it.openedByOther) { %><p>这个账号是别人为您开通的，开通的人知道现在的密码。请先设置一个只有您自己知道的新密码，之后才能办理事项、参加表决。</p><% } %>
<form method="post" action="/password" class="stack">
  <input type="hidden" name="next" value="<%= it.next %>">
  <label for="currentPassword"><%= it.openedByOther ? '开通时拿到的密码' : '现在的密码' %></label><input type="password" id="currentPassword" name="currentPassword" autocomplete="current-password" required>
  <label for="newPassword">新密码（至少 8 位）</label><input type="password" id="newPassword" name="newPassword" autocomplete="new-password" minlength="8" required>
  <label for="repeatPassword">再输一遍新密码</label><input type="password" id="repeatPassword" name="repeatPassword" autocomplete="new-password" minlength="8" required>
  <button type="submit">设置新密码</button>
</form>`;

export const BULLETIN = `
<p><a href="/p/<%= it.village.id %>">返回公开栏</a> · <a href="/p/<%= it.village.id %>/bulletin?month=<%= it.previous %>">上个月</a> · <a href="/p/<%= it.village.id %>/bulletin?month=<%= it.next %>">下个月</a></p>
<h2>本月公开事项（<%= it.disclosures.length %> 项）</h2>
<% if (it.disclosures.length === 0) { %><p>暂无</p><% } %>
<ol><% for (const item of it.disclosures) { %><li><a href="/p/<%= it.village.id %>/m/<%= item.matterId %>#<%= item.id %>"><%= item.title %></a>（<%= item.matterTitle %>）</li><% } %></ol>
<h2>本月表决通过事项（<%= it.decisions.length %> 项）</h2>
<% if (it.decisions.length === 0) { %><p>暂无</p><% } %>
<ol><% for (const decision of it.decisions) { %><li><a href="/p/<%= it.village.id %>/m/<%= decision.matterId %>"><%= decision.matterTitle %></a>：到会 <%= decision.present %> 人，赞成 <%= decision.yes %> 人</li><% } %></ol>
<h2>转发到微信群的文字</h2>
<p class="muted">长按下面的文字可全选复制。</p>
<pre class="bulletin-text"><%= it.text %></pre>`;

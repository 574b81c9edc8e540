/**
 * Villagers' complaints on a phone: filing (anonymously unless they choose to sign), the receipt code shown
 * once, tracking and rating with it; and the list the township's discipline inspector works from.
 */
export const COMPLAIN = `
<p>投诉举报直接交乡镇纪检委员办理，<strong>村干部看不到投诉人是谁</strong>。不登录即为匿名投诉，提交后会得到一个回执码，凭回执码查询办理进度、评价答复。</p>
<p><a href="/p/<%= it.village.id %>/complaint">已投诉过？凭回执码查询</a></p>
<form method="post" action="/p/<%= it.village.id %>/complain" class="stack">
<fieldset><legend>投诉什么（必填）</legend>
<% for (const subject of it.subjects) { %><label><input type="radio" name="subject" value="<%= subject.key %>" required <%= subject.key === it.typed.subject ? 'checked' : '' %>> <%= subject.title %></label><% } %>
</fieldset>
<label for="cadre">被投诉的村干部（投诉村干部时选择）</label>
<select id="cadre" name="cadre"><option value="">（不涉及）</option><% for (const cadre of it.cadres) { %><option value="<%= cadre.id %>" <%= cadre.id === it.typed.cadre ? 'selected' : '' %>><%= cadre.name %>（<%= cadre.title %>）</option><% } %></select>
<label for="disclosure">涉及的公开内容或事项（投诉公开内容或事项办理时选择）</label>
<select id="disclosure" name="disclosure"><option value="">（不涉及）</option><% for (const item of it.disclosures) { %><option value="<%= item.id %>" <%= item.id === it.typed.disclosure ? 'selected' : '' %>><%= item.title %>（<%= item.matterTitle %>）</option><% } %></select>
<label for="body">具体情况（必填，5 至 2000 字）</label>
<textarea id="body" name="body" required minlength="5" maxlength="2000"><%= it.typed.body %></textarea>
<% if (it.signedIn) { %><fieldset><legend>是否署名</legend><label><input type="checkbox" name="named" value="on" <%= it.typed.named ? 'checked' : '' %>> 署名投诉（只有乡镇纪检委员能看到我的姓名）</label></fieldset><% } %>
<button type="submit">提交投诉</button>
</form>`;

export const COMPLAINT_RECEIPT = `
<p class="flash ok" role="status">投诉已提交，乡镇纪检委员将于 <%= it.acknowledgeBy %> 前受理。</p>
<h2>回执码</h2>
<p class="receipt-code" aria-label="回执码"><%= it.receiptCode %></p>
<p><strong>请抄下或截图保存回执码。</strong>它只显示这一次，丢失后无法找回；凭它查询进度、评价答复。</p>
<form method="post" action="/p/<%= it.village.id %>/complaint"><input type="hidden" name="code" value="<%= it.receiptCode %>"><button type="submit">查看办理进度</button></form>`;

export const COMPLAINT_TRACK = `
<form method="post" action="/p/<%= it.village.id %>/complaint" class="stack">
<label for="code">回执码</label><input type="text" id="code" name="code" required autocomplete="off" value="<%= it.code %>">
<p class="muted">回执码不会出现在网址里：用别人的手机查询，不会留在浏览记录中。</p>
<button type="submit">查询</button>
</form>
<% if (it.complaint) { const c = it.complaint; %>
<section class="card">
<h2 class="card-title"><%= c.statusTitle %></h2>
<% if (c.overdue) { %><p class="due">已超过办理时限，已标记逾期。</p><% } %>
<ol class="steps">
<li>提交：<%= c.filedAt %>（<%= c.subjectTitle %>）</li>
<li>受理：<%= c.acknowledgedAt || ('应于 ' + c.acknowledgeBy + ' 前') %></li>
<% if (c.acknowledgedAt) { %><li>答复：<%= c.answeredAt || ('应于 ' + c.answerBy + ' 前') %></li><% } %>
<% if (c.reviewBy) { %><li>区级复查：<%= c.reviewedAt || ('应于 ' + c.reviewBy + ' 前') %></li><% } %>
</ol>
<% if (c.reply) { %><h3>乡镇纪检委员答复（<%= c.handlingTitle %>）</h3><p><%= c.reply %></p><% } %>
<% if (c.reviewReply) { %><h3>区级复查意见</h3><p><%= c.reviewReply %></p><% } %>
<% if (c.ratingTitle) { %><p>我的评价：<%= c.ratingTitle %></p><% } %>
<% if (['filed', 'acknowledged'].includes(c.status) && c.evidence.length < 3) { %>
<label for="evidence">补充证据（照片或 PDF，每个不超过 5 MB，最多 3 个；只交乡镇纪检委员）</label>
<input type="file" id="evidence" multiple accept="image/jpeg,image/png,image/webp,application/pdf" data-upload="/api/public/villages/<%= it.village.id %>/complaints/evidence" data-receipt="<%= it.code %>" data-field="evidence">
<progress class="upload-progress" hidden max="100" value="0" aria-label="证据上传进度"></progress>
<p class="upload-error flash error" role="alert" hidden></p>
<noscript><p class="muted">上传证据需要浏览器允许运行脚本。</p></noscript>
<% } else if (c.evidence.length) { %><h3>已附证据</h3><% } %>
<ul class="files" aria-live="polite"><% for (const file of c.evidence) { %><li><%= file.filename %>（<%= Math.max(1, Math.round(file.size / 1024)) %> KB）</li><% } %></ul>
</section>
<% if (c.status === 'answered') { %>
<form method="post" action="/p/<%= it.village.id %>/complaint/rating" class="stack">
<input type="hidden" name="code" value="<%= it.code %>">
<fieldset><legend>对答复的评价（必填，只能评价一次）</legend>
<% for (const rating of it.ratings) { %><label><input type="radio" name="rating" value="<%= rating.key %>" required> <%= rating.title %></label><% } %>
</fieldset>
<label for="comment">补充意见（可不填）</label><textarea id="comment" name="comment" maxlength="500"></textarea>
<p class="muted">选“不满意”的，转区级复查一次。</p>
<button type="submit">提交评价</button>
</form>
<% } %>
<% } %>`;

export const COMPLAINTS = `
<% if (it.rows.length === 0) { %><p>暂无投诉</p><% } %>
<% for (const row of it.rows) { %>
<article class="card" id="c-<%= row.id %>">
<h2 class="card-title"><%= row.village.name %>：<%= row.subjectTitle %></h2>
<p><strong><%= row.statusTitle %></strong><% if (row.overdue) { %> <span class="due">逾期</span><% } %> · 提交于 <%= row.filedAt %></p>
<p>投诉人：<%= row.complainant ? row.complainant.name : '匿名' %><% if (row.subjectName) { %> · 对象：<%= row.subjectName %><% } %></p>
<p><%= row.body %></p>
<% if (row.evidence.length) { %><p>证据：<% for (const file of row.evidence) { %><a href="/api/villages/<%= row.village.id %>/complaints/<%= row.id %>/evidence/<%= file.id %>" data-download><%= file.filename %></a> <% } %></p><% } %>
<% if (row.reply) { %><p class="muted">答复（<%= row.handlingTitle %>）：<%= row.reply %></p><% } %>
<% if (row.ratingTitle) { %><p class="muted">评价：<%= row.ratingTitle %><% if (row.ratingComment) { %>（<%= row.ratingComment %>）<% } %></p><% } %>
<% if (it.isInspector && row.status === 'filed') { %>
<form method="post" action="/c/v/<%= row.village.id %>/complaints/<%= row.id %>/acknowledge" class="inline"><input type="hidden" name="back" value="<%= it.region.id %>"><button type="submit">受理</button></form>
<% } %>
<% if (it.isInspector && row.status === 'acknowledged') { %>
<form method="post" action="/c/v/<%= row.village.id %>/complaints/<%= row.id %>/answer" class="stack">
<input type="hidden" name="back" value="<%= it.region.id %>">
<label for="handling-<%= row.id %>">处理方式</label>
<select id="handling-<%= row.id %>" name="handling" required><option value="" disabled selected>（请选择）</option><% for (const handling of it.handlings) { %><option value="<%= handling.key %>"><%= handling.title %></option><% } %></select>
<label for="rectification-<%= row.id %>">责令整改的问题整改事项（选“责令整改”时）</label>
<select id="rectification-<%= row.id %>" name="rectificationMatterId"><option value="">（不涉及）</option><% for (const matter of (it.rectifications[row.village.id] || [])) { %><option value="<%= matter.id %>"><%= matter.title %></option><% } %></select>
<p><a href="/c/v/<%= row.village.id %>/start?code=S1">先启动问题整改（S1）</a></p>
<label for="reply-<%= row.id %>">答复（必填，5 字以上）</label><textarea id="reply-<%= row.id %>" name="reply" required minlength="5" maxlength="5000"></textarea>
<button type="submit">答复投诉人</button>
</form>
<% } %>
<% if (it.isDistrict && row.status === 'inReview') { %>
<form method="post" action="/c/v/<%= row.village.id %>/complaints/<%= row.id %>/review" class="stack">
<input type="hidden" name="back" value="<%= it.region.id %>">
<label for="review-<%= row.id %>">复查意见（必填）</label><textarea id="review-<%= row.id %>" name="reply" required minlength="5" maxlength="5000"></textarea>
<button type="submit">提交复查意见</button>
</form>
<% } %>
</article>
<% } %>`;

export const SUBSCRIBE = `
<p>在外务工、求学的村民，可以每月收到本村的村情月报：上个月公开了什么、表决通过了什么。提交后会先发一条确认信息到您填写的邮箱或手机，确认后才开始发送；每条消息都附有退订链接。</p>
<% if (it.done) { %><p class="flash ok" role="status">已收到。如果这个地址还没有订阅，我们已向它发送一条确认信息：请在 <%= it.confirmationDays %> 天内打开其中的链接，确认后每月 <%= it.bulletinDay %> 日起发送上个月的村情月报。没有确认的地址不会收到村情月报。</p><% } %>
<form method="post" action="/p/<%= it.village.id %>/subscribe" class="stack">
<fieldset><legend>接收方式（必填）</legend>
<label><input type="radio" name="channel" value="email" required <%= it.typed.channel === 'email' ? 'checked' : '' %>> 电子邮件</label>
<label><input type="radio" name="channel" value="sms" required <%= it.typed.channel === 'sms' ? 'checked' : '' %>> 手机短信</label>
</fieldset>
<label for="address">邮箱或手机号码（必填）</label><input type="text" id="address" name="address" required maxlength="254" autocomplete="email" value="<%= it.typed.address %>">
<button type="submit">订阅村情月报</button>
</form>`;

export const CONFIRM_SUBSCRIPTION = `
<% if (it.done) { %><p class="flash ok" role="status">订阅已确认。每月 <%= it.bulletinDay %> 日起发送上个月的村情月报，每条消息都附有退订链接。</p><% } else { %>
<form method="post" action="/p/<%= it.village.id %>/confirm" class="stack">
<input type="hidden" name="token" value="<%= it.token %>">
<p>确认后，每月会收到<%= it.village.name %>的村情月报。</p>
<button type="submit">确认订阅</button>
</form><% } %>`;

export const UNSUBSCRIBE = `
<% if (it.done) { %><p class="flash ok" role="status">已退订，不会再收到本村的村情月报。</p><% } else { %>
<form method="post" action="/p/<%= it.village.id %>/unsubscribe" class="stack">
<input type="hidden" name="token" value="<%= it.token %>">
<p>退订后不会再收到<%= it.village.name %>的村情月报。</p>
<button type="submit" class="danger">确认退订</button>
</form><% } %>`;

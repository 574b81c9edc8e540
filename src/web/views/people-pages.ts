/**
 * A village's people and their roles in the console: found by name, then one person's roles from today on
 * (given and ended here), and their login (opened here, or its password set again by the township).
 */
export const PEOPLE = `
<p><a href="/c/v/<%= it.village.id %>">返回<%= it.village.name %></a> · <a href="/c/v/<%= it.village.id %>/registers">村民花名册</a></p>
<p class="muted"><%= it.whoDoesWhat %></p>
<form method="get" action="/c/v/<%= it.village.id %>/people" class="stack">
  <label for="people-q">按姓名查找</label>
  <input type="search" id="people-q" name="q" value="<%= it.query %>" maxlength="100">
  <button type="submit">查找</button>
</form>
<p class="muted">共 <%= it.total %> 人<% if (it.total > it.people.length) { %>，显示前 <%= it.people.length %> 人，请按姓名查找<% } %>。</p>
<ul class="people">
<% for (const person of it.people) { %><li><a href="/c/v/<%= it.village.id %>/people/<%= person.id %>"><%= person.name %></a> <span class="muted"><%= person.roles.length ? person.roles.join('、') : '无身份' %><%= person.hasLogin ? ' · 有登录账号' : '' %></span></li>
<% } %></ul>`;

export const PERSON = `
<p><a href="/c/v/<%= it.village.id %>/people">返回人员与身份</a></p>
<h2>当前和今后的身份</h2>
<% if (it.roles.length === 0) { %><p>暂无</p><% } %>
<% for (const role of it.roles) { %>
<article class="card">
  <h3><%= role.title %></h3>
  <p class="muted">自 <%= role.validFrom %> 起<%= role.validTo ? '，至 ' + role.validTo + ' 止' : '' %></p>
  <% if (role.mayEnd && !role.validTo) { %>
  <form method="post" action="/c/v/<%= it.village.id %>/people/<%= it.person.id %>/roles/<%= role.membershipId %>/end" class="stack">
    <label for="end-<%= role.membershipId %>">担任到哪一天（含当天）</label>
    <input type="date" id="end-<%= role.membershipId %>" name="validTo" value="<%= it.today %>"<%= it.may.backdate ? '' : ' min=' + it.today %> required>
    <button type="submit">结束该身份</button>
  </form>
  <% } %>
</article>
<% } %>
<% if (it.may.grant.length) { %>
<h2>授予身份</h2>
<form method="post" action="/c/v/<%= it.village.id %>/people/<%= it.person.id %>/roles" class="stack">
  <label for="grant-role">身份</label>
  <select id="grant-role" name="role" required><option value="">（请选择）</option><% for (const option of it.may.grant) { %><option value="<%= option.role %>"<%= it.form.role === option.role ? ' selected' : '' %>><%= option.title %></option><% } %></select>
  <label for="grant-from">自哪一天起</label>
  <input type="date" id="grant-from" name="validFrom" value="<%= it.form.validFrom %>"<%= it.may.backdate ? '' : ' min=' + it.today %> required>
  <% if (it.may.backdate) { %>
  <fieldset><legend>兼任和表决权（按需勾选）</legend>
  <label><input type="checkbox" name="probationary" value="1"<%= it.form.probationary ? ' checked' : '' %>> 预备党员（列席，无表决权；仅用于党员）</label>
  <label><input type="checkbox" name="vcChair" value="1"<%= it.form.vcChair ? ' checked' : '' %>> 兼任村民委员会主任（仅用于两委成员）</label>
  <label><input type="checkbox" name="supervisorChair" value="1"<%= it.form.supervisorChair ? ' checked' : '' %>> 村务监督委员会主任（仅用于监督委员会成员）</label>
  </fieldset>
  <% } %>
  <button type="submit">授予</button>
</form>
<% } %>
<% if (!it.may.backdate) { %><p class="muted">村民代表、成员代表、党员，以及两委和监督委员会成员，由乡镇（街道）干部凭选举结果、任命文件或党组织的材料登记。</p><% } %>
<h2>登录账号</h2>
<% if (it.login) { %>
<p><%= it.login.username ? '用户名：' + it.login.username + '。' : '已开通登录账号。' %><%= it.login.ownPasswordSet ? '本人已设置自己的密码。' : '本人尚未设置自己的密码，下次登录时须先设置。' %></p>
<% if (it.login.openedInVillage) { %><p class="flash error">该账号由村干部开通：授予村民代表、成员代表或党员身份前，须由乡镇（街道）干部重设密码。</p><% } %>
<% if (it.may.resetPassword) { %>
<form method="post" action="/c/v/<%= it.village.id %>/people/<%= it.person.id %>/password" class="stack">
  <label for="reset-password">新的初始密码（<%= it.passwordRule %>；交本人登录后改为自己的密码）</label>
  <input type="password" id="reset-password" name="password" autocomplete="new-password" minlength="8" maxlength="256" required>
  <button type="submit">重设密码</button>
</form>
<p class="muted">重设后，该账号已登录的设备全部退出。</p>
<% } %>
<% } else if (it.may.openLogin) { %>
<form method="post" action="/c/v/<%= it.village.id %>/people/<%= it.person.id %>/account" class="stack">
  <label for="open-username">用户名（小写字母、数字、点、横线或下划线，3 到 64 位）</label>
  <input type="text" id="open-username" name="username" value="<%= it.form.username %>" autocomplete="off" autocapitalize="none" maxlength="64" required>
  <label for="open-password">初始密码（<%= it.passwordRule %>；交本人登录后改为自己的密码）</label>
  <input type="password" id="open-password" name="password" autocomplete="new-password" minlength="8" maxlength="256" required>
  <button type="submit">开通登录账号</button>
</form>
<% } else { %><p>未开通登录账号。</p><% } %>`;

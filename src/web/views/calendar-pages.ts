/**
 * A district's working-day calendar for one year: the national holidays and 调休 with the district's own
 * days, and (for its administrators) the form that adds one.
 */
export const CALENDAR = `
<p class="muted">法定节假日和调休上班日按国务院办公厅的通知；区里可以增加本地的放假日或上班日，同一天以区里登记的为准。以“工作日”计算的公示期和办理时限，都按这份日历计算。</p>
<p><a href="/c/r/<%= it.district.id %>/calendar?year=<%= it.year - 1 %>">上一年</a> · <strong><%= it.year %> 年</strong> · <a href="/c/r/<%= it.district.id %>/calendar?year=<%= it.year + 1 %>">下一年</a></p>
<% if (it.days.length === 0) { %><p>本年还没有节假日记录<%= it.year > it.thisYear ? '（国务院办公厅的通知一般在上一年年底发布）' : '' %>。</p><% } else { %>
<div class="scroll" tabindex="0"><table><thead><tr><th>日期</th><th>安排</th><th>名称</th></tr></thead><tbody>
<% for (const day of it.days) { %><tr><td class="nowrap"><%= day.label %></td><td class="nowrap"><%= day.kind === 'holiday' ? '放假' : '上班' %></td><td><%= day.name %><%= day.district ? '（区定）' : '' %><%= day.provisional ? '（暂定，待国务院通知）' : '' %></td></tr><% } %>
</tbody></table></div>
<% } %>
<% if (it.mayAdjust) { %>
<h2>登记本区的放假日或上班日</h2>
<form method="post" action="/c/r/<%= it.district.id %>/calendar" class="stack">
  <label for="calendar-date">日期</label>
  <input type="date" id="calendar-date" name="date" value="<%= it.form.date %>" required>
  <label for="calendar-kind">安排</label>
  <select id="calendar-kind" name="kind" required><option value="">（请选择）</option><option value="holiday"<%= it.form.kind === 'holiday' ? ' selected' : '' %>>放假</option><option value="workday"<%= it.form.kind === 'workday' ? ' selected' : '' %>>上班（调休）</option></select>
  <label for="calendar-name">名称（如“地方节日”）</label>
  <input type="text" id="calendar-name" name="name" value="<%= it.form.name %>" maxlength="50" required>
  <button type="submit">登记</button>
</form>
<p class="muted">登记后，本区各村以工作日计算的期限从此按新的日历计算，这次登记记入区级留痕链。</p>
<% } %>`;

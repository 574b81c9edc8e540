/** Every page: Chinese first, one column on a phone, large type; the body is already rendered. */
export const LAYOUT = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %> · 村级小微权力</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top">
  <a class="brand" href="/">村级小微权力</a>
  <nav aria-label="主导航">
  <% if (it.me) { %>
    <a href="/c">我的工作台</a>
    <form method="post" action="/logout" class="inline"><button type="submit" class="link">退出（<%= it.me.name %>）</button></form>
  <% } else { %>
    <a href="/login">登录</a>
  <% } %>
  </nav>
</header>
<main id="main">
<% if (it.flash) { %><p class="flash <%= it.flash.kind %>" role="<%= it.flash.kind === 'error' ? 'alert' : 'status' %>"><%= it.flash.text %></p><% } %>
<h1><%= it.title %></h1>
<%~ it.body %>
</main>
</body>
</html>`;

/** Phone-first, high contrast (text ≥ 7:1 on white), focus always visible, no outside fonts. */
export const STYLESHEET = `
*{box-sizing:border-box}
html{font-size:112.5%}
body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;line-height:1.7;color:#111;background:#fff}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:2}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#8b0000;color:#fff}
.top a,.top .link{color:#fff}.brand{font-weight:700;text-decoration:none}
nav{display:flex;gap:1rem;align-items:center}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.3}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #8b0000}
a{color:#0b3d91}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f5a623;outline-offset:2px}
.card{border:1px solid #666;border-radius:.4rem;padding:.8rem 1rem;margin:.8rem 0}
.card-title{border:0;margin:0}
.muted{color:#444}.due{color:#8b0000;font-weight:700}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #666;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f0f0f0}
.scroll{overflow-x:auto}
/* A wide comparison table becomes one card per row on a phone: each cell under its column's name. */
@media (max-width:40rem){table.cards thead{position:absolute;left:-9999px}table.cards,table.cards tbody,table.cards td{display:block}table.cards tr{display:grid;grid-template-columns:1fr 1fr;column-gap:.5rem;border:1px solid #666;margin:.75rem 0;padding:.25rem .5rem}table.cards td{border:0;padding:.15rem 0}table.cards td:first-child,table.cards td.wide{grid-column:1/-1}table.cards td:first-child{font-weight:bold}table.cards td[data-label]::before{content:attr(data-label) "：";color:#444;font-weight:400}}
table.register th,table.register td,td.nowrap{white-space:nowrap}
form.stack label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input,select,textarea,button{font:inherit}
input[type=text],input[type=password],input[type=date],input[type=number],select,textarea{width:100%;padding:.55rem;border:1px solid #333;border-radius:.3rem}
textarea{min-height:6rem}
fieldset{border:1px solid #666;border-radius:.3rem;margin:.8rem 0}
fieldset label{display:flex;gap:.5rem;align-items:center;font-weight:400}
input[type=file]{max-width:100%}
.rating-line{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.4rem;margin-bottom:.6rem}
.rating-line p{grid-column:1/-1;margin:.3rem 0 0}
.rating-line label{flex-direction:column;align-items:stretch;gap:.2rem}
button,.button{display:inline-block;margin-top:1rem;padding:.65rem 1.2rem;border:0;border-radius:.3rem;background:#0b3d91;color:#fff;text-decoration:none;cursor:pointer;min-height:2.75rem}
button.danger{background:#8b0000}button:disabled{background:#6b6b6b;cursor:not-allowed}button.link{background:none;padding:0;margin:0;min-height:0;text-decoration:underline}button.secondary{background:#fff;color:#0b3d91;border:1px solid #0b3d91}
form.inline{display:inline}
.flash{padding:.6rem .8rem;border-radius:.3rem}.flash.ok{background:#e6f4ea;border:1px solid #1e6b34}.flash.error{background:#fdecea;border:1px solid #8b0000}
.field-problem,.objection{color:#8b0000;font-weight:600;margin:.2rem 0}
.receipt-code{font-size:1.35rem;font-weight:700;letter-spacing:.08em;white-space:nowrap;font-family:ui-monospace,monospace;background:#f0f0f0;padding:.5rem .8rem;border-radius:.3rem;display:inline-block}
.steps{padding-left:1.4rem}.steps li{padding:.3rem 0}.steps li.done{color:#3d4a5c}.steps li.current{font-weight:700;color:#0b3d91;background:#eef3fb}.steps li.todo{color:#4a4a4a}.steps li.skipped{color:#595959;text-decoration:line-through}
details.chart summary{cursor:pointer;padding:.5rem 0;color:#0b3d91;text-decoration:underline}details.chart svg{max-width:none;width:auto;height:auto}
.bulletin-text{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.7rem;border-radius:.3rem;font-size:1rem;user-select:all}
.panel{background:#eef3fb;border:1px solid #0b3d91;border-radius:.3rem;padding:.5rem .7rem;font-size:1.05rem}
.hash{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all}
svg{max-width:100%;height:auto}
progress{width:100%;height:1.2rem}ul.files{padding-left:1.2rem}
`;

/**
 * The console pages a page leads to, as a person would follow them: its links into the console (not
 * downloads), and a start form for each item its 发起事项 list offers.
 */
export function consoleLinks(html: string, path: string): string[] {
  const links: string[] = [];
  for (const [, attributes] of html.matchAll(/<a\b([^>]*)>/g)) {
    const href = /\bhref="(\/c[^"#]*)"/.exec(attributes)?.[1];
    if (href && !attributes.includes('data-download')) links.push(href.replace(/&amp;/g, '&'));
  }
  const start = html.match(/<select id="code" name="code">([\s\S]*?)<\/select>/);
  for (const [, code] of start?.[1].matchAll(/<option value="([^"]+)"/g) ?? [])
    links.push(`${path}/start?code=${code}`);
  return links;
}

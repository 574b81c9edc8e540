const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text without the characters XML 1.0 forbids (C0 controls but tab and line breaks, unpaired surrogates,
 * U+FFFE and U+FFFF): one of them in a disclosure's body would make the whole feed, sheet or chart
 * unreadable to every reader, so they are dropped wherever text is written as markup.
 */
export const withoutXmlForbidden = (text: string): string =>
  text.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );

/** Text as HTML or XML that shows it as typed, in element content and in quoted attributes alike. */
export const escapeMarkup = (text: string): string =>
  withoutXmlForbidden(text).replace(/[&<>"']/g, (char) => ESCAPES[char]);

import type { Response } from 'express';

export interface Download {
  filename: string;
  contentType: string;
  body: Buffer;
  /** e.g. X-Content-SHA256, so a downloader can check the file against the published hash. */
  headers?: Record<string, string>;
  /** Someone's upload, with the type they declared: active types are sent as plain bytes. */
  uploaded?: boolean;
}

/**
 * Types a browser would run or render as this site's own page (a script, HTML, SVG, XML) are sent as
 * plain bytes: an uploaded attachment served from this origin must never become a script the CSP's
 * `'self'` allows, nor a page on this site. With nosniff, the browser keeps to the type sent.
 */
const ACTIVE_CONTENT = /(java|ecma)script|html|xml|svg|x-sh\b/i;

export const servedContentType = (contentType: string) =>
  ACTIVE_CONTENT.test(contentType) ? 'application/octet-stream' : contentType;

/** Sends a file, its Chinese name kept (RFC 6266 / 5987) so it is saved as 监督台账-….xlsx. */
export function sendDownload(
  response: Response,
  file: Download,
  disposition: 'attachment' | 'inline' = 'attachment',
): void {
  response
    .status(200)
    .setHeader('Content-Type', file.uploaded ? servedContentType(file.contentType) : file.contentType)
    .setHeader(
      'Content-Disposition',
      `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
  for (const [name, value] of Object.entries(file.headers ?? {})) response.setHeader(name, value);
  response.send(file.body);
}

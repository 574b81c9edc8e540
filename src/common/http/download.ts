import type { Response } from 'express';

export interface Download {
  filename: string;
  contentType: string;
  body: Buffer;
  /** e.g. X-Content-SHA256, so a downloader can check the file against the published hash. */
  headers?: Record<string, string>;
}

/** Sends a file, its Chinese name kept (RFC 6266 / 5987) so it is saved as 监督台账-….xlsx. */
export function sendDownload(
  response: Response,
  file: Download,
  disposition: 'attachment' | 'inline' = 'attachment',
): void {
  response
    .status(200)
    .setHeader('Content-Type', file.contentType)
    .setHeader(
      'Content-Disposition',
      `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
  for (const [name, value] of Object.entries(file.headers ?? {})) response.setHeader(name, value);
  response.send(file.body);
}

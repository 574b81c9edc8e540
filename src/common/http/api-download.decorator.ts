import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

interface FileOptions {
  /** Bytes a client saves as they come (a workbook, a PDF); otherwise text it reads as a string. */
  binary?: boolean;
  /** Sent by `sendDownload`, with the file's name. */
  named?: boolean;
  /** The published SHA-256 of an uploaded file. */
  hashed?: boolean;
}

const header = (description: string) => ({ description, schema: { type: 'string' as const } });

/**
 * A file answer with its media type and the right schema (text or bytes), so a generated client reads a
 * string or a blob instead of parsing JSON. Refusals still come as the JSON error shape (see ApiErrors).
 */
export const ApiFile = (mediaType: string, description: string, options: FileOptions = {}) =>
  applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({
      description,
      content: {
        [mediaType]: { schema: options.binary ? { type: 'string', format: 'binary' } : { type: 'string' } },
      },
      ...((options.named || options.hashed) && {
        headers: {
          ...(options.named && {
            'Content-Disposition': header("the file's name, kept in Chinese (RFC 6266: filename*=UTF-8''…)"),
          }),
          ...(options.hashed && {
            'X-Content-SHA256': header('the SHA-256 published with the file: check a copy against it'),
          }),
        },
      }),
    }),
  );

/** An uploaded file as it was stored, under the media type it was uploaded with. */
export const ApiAttachmentFile = () =>
  ApiFile('*/*', 'the file as uploaded, with the Content-Type it was uploaded with', {
    binary: true,
    named: true,
    hashed: true,
  });

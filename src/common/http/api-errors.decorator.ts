import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CATALOG, type ErrorCode } from '../errors/error-catalog.js';
import type { ErrorBody } from './error-body.js';

/** The one error shape as the API description shows it; the exception filter sends it for every refusal. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({
    enum: Object.keys(ERROR_CATALOG),
    enumName: 'ErrorCode',
    description: 'stable once published: clients switch on it',
  })
  code: ErrorCode;
  @ApiProperty({ description: 'for people: Chinese, or English with `Accept-Language: en`' })
  message: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what the refusal is about, e.g. `problems` naming each field at fault',
  })
  details: Record<string, unknown>;
}

/** The statuses the exception filter answers with (see HTTP_STATUS_OF), each in a client's words. */
const MEANING = {
  400: 'The request is malformed: a path id, query or body field fails its check (REQUEST.INVALID).',
  401: 'Not logged in, or the token expired or was revoked.',
  403: 'The caller may not do this here (their role, a conflict of interest, the negative list…).',
  404: 'No such thing, or not one the caller may see (another village reads as not found).',
  409: 'The current state refuses it (the step, an open meeting, a finished matter…).',
  413: 'The body is larger than the server accepts.',
  422: 'Well-formed, but its content is refused (inputs, payload, file or definition).',
  429: 'Too many attempts from this address or account (failed logins, public reads): wait Retry-After seconds.',
  503: 'The database does not answer; try again later.',
} as const;

export type ErrorStatus = keyof typeof MEANING;

/**
 * Declares an operation's coded refusals in one line: each status answers with the one error shape, as
 * JSON even where the operation answers a file.
 */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: MEANING[status],
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
      }),
    ),
  );

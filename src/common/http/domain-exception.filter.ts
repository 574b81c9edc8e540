import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database-errors.js';
import { DomainError } from '../errors/domain-error.js';
import type { ErrorCode } from '../errors/error-catalog.js';
import type { ErrorBody } from './error-body.js';
import { HTTP_STATUS_OF } from './error-statuses.js';

/** Maps whatever was thrown to `{ code, message, details }` and a status; nothing else knows HTTP. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'zh';
    const error = this.domainErrorOf(exception, request);
    const body: ErrorBody = { code: error.code, message: error.messageIn(language), details: error.details };
    // Routes that declare their own Content-Type (an SVG, a feed) must not label the error as one.
    if (!response.headersSent) {
      this.sayWhenToRetry(response, error);
      response.status(HTTP_STATUS_OF[error.code]).type('application/json').json(body);
    }
  }

  /** A refusal for asking too often says when to ask again. */
  protected sayWhenToRetry(response: Response, error: DomainError): void {
    const wait = error.details.retryAfterSeconds;
    if (typeof wait === 'number') response.setHeader('Retry-After', String(wait));
  }

  /** What was thrown as a domain error; an unexpected one is logged with its stack (the answer hides it). */
  protected domainErrorOf(exception: unknown, request: Request): DomainError {
    const error = this.toDomainError(exception);
    if (error.code === 'INTERNAL') {
      this.logger.error(
        `${request.method} ${request.url}: ${(exception as Error)?.stack ?? String(exception)}`,
      );
    }
    return error;
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (isDatabaseUnavailable(exception)) return new DomainError('SERVICE.UNAVAILABLE');
    // Nest hands a body parser's failure over wrapped in an HttpException, the parser's error as its cause.
    const thrown = exception as { type?: string; cause?: { type?: string } };
    const bodyParserType = thrown?.type ?? thrown?.cause?.type;
    if (bodyParserType === 'entity.too.large') return new DomainError('REQUEST.TOO_LARGE');
    if (bodyParserType === 'entity.parse.failed') {
      return new DomainError('REQUEST.INVALID', {}, '请求正文不是有效的 JSON');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code: ErrorCode =
        status === 404
          ? 'REQUEST.NOT_FOUND'
          : status === 413
            ? 'REQUEST.TOO_LARGE'
            : status < 500
              ? 'REQUEST.INVALID'
              : 'INTERNAL';
      return new DomainError(code);
    }
    return new DomainError('INTERNAL');
  }
}

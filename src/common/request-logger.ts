import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentRequestId } from './http/request-context.js';

/** What Nest passes to `getJsonLogObject` (its own declaration, which is protected). */
interface JsonLogOptions {
  context: string;
  logLevel: LogLevel;
  writeStreamType?: 'stdout' | 'stderr';
  errorStack?: unknown;
  params?: Record<string, unknown>;
  error?: Error;
}

/**
 * Nest's console logger, in JSON lines (one object per line, for a log shipper) or plain text, with the id
 * of the request being served on every line, and secrets masked wherever they appear in a logged object.
 */
export class RequestLogger extends ConsoleLogger {
  protected override getJsonLogObject(message: unknown, options: JsonLogOptions) {
    const line = super.getJsonLogObject(message, options);
    const requestId = currentRequestId();
    return requestId ? { ...line, requestId } : line;
  }
}

export const createLogger = (format: 'json' | 'text', logLevels: LogLevel[]) =>
  new RequestLogger({
    json: format === 'json',
    logLevels,
    redact: ['password', 'currentPassword', 'newPassword', 'token', 'authorization', 'cookie'],
  });

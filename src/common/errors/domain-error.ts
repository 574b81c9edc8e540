import { ERROR_CATALOG, type ErrorCode } from './error-catalog.js';

/**
 * An expected refusal with a stable code. Domain code throws it; it knows nothing of HTTP.
 * `detail` is an optional sentence (Chinese) that makes the message specific.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    readonly detail?: string,
  ) {
    super(detail ? `${ERROR_CATALOG[code].zh}：${detail}` : ERROR_CATALOG[code].zh);
    this.name = 'DomainError';
  }

  messageIn(language: 'zh' | 'en'): string {
    const base = ERROR_CATALOG[this.code][language];
    return this.detail && language === 'zh' ? `${base}：${this.detail}` : base;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

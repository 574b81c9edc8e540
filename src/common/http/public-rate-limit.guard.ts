import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';

/** What anyone may read without logging in: the public board, lists, records, feeds, chain checks, catalog. */
/** Express matches routes whatever their case: so does this (`/API/PUBLIC/…` is the same page). */
const PUBLIC_READS = /^\/(?:$|p\/|api\/public\/|api\/catalog(?:\/|$))/i;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Addresses kept before idle ones are dropped (an idle bucket is full, so dropping it forgets nothing). */
const MAX_ADDRESSES = 50_000;

/**
 * A token bucket per client address over the pages and API that need no login: `PUBLIC_RATE_LIMIT`
 * requests a minute, a minute's worth at once. A scraper or a loop is answered 429
 * `REQUEST.RATE_LIMITED` with `Retry-After` before it costs the database anything; villagers reading
 * the board never meet it. Per process: behind N processes an address may make N times as many.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly config: AppConfig) {
    this.perMs = config.publicRateLimit / 60_000;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!PUBLIC_READS.test(request.path)) return true;
    const now = Date.now();
    const address = request.ip ?? 'unknown';
    const capacity = this.config.publicRateLimit;
    const bucket = this.buckets.get(address) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    if (this.buckets.size >= MAX_ADDRESSES) this.forgetIdle(now);
    this.buckets.set(address, bucket);
    if (bucket.tokens < 1) {
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / this.perMs / 1000);
      throw new DomainError('REQUEST.RATE_LIMITED', { retryAfterSeconds });
    }
    bucket.tokens -= 1;
    return true;
  }

  private forgetIdle(now: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.config.publicRateLimit) {
        this.buckets.delete(address);
      }
    }
  }
}

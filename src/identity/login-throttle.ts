import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LoginSecurityRepository } from './login-security.repository.js';

/**
 * How many wrong passwords cost nothing, per account and per address, before each further attempt waits
 * twice as long as the one before (30 s, 1 min, 2 min … at most 15 min). An address gets more: a
 * township office's clerks log in from one address. A day without attempts starts the count over.
 */
export const LOGIN_THROTTLE = {
  freeFailuresPerAccount: 5,
  freeFailuresPerAddress: 20,
  firstWaitMs: 30_000,
  longestWaitMs: 15 * 60_000,
  quietMs: 24 * 3600_000,
} as const;

const waitAfter = (failuresBeyondFree: number) =>
  Math.min(LOGIN_THROTTLE.longestWaitMs, LOGIN_THROTTLE.firstWaitMs * 2 ** (failuresBeyondFree - 1));

export interface LoginKeys {
  account: string;
  address: string;
  /** A device the account logged in from before (`KnownDevices`): its own back-off, not the account's. */
  device?: string | null;
}

export const loginKeys = (username: string, address: string, device: string | null = null): LoginKeys => ({
  account: `account:${username.trim().toLowerCase().slice(0, 128)}`,
  address: `ip:${address}`,
  device,
});

/** The key an attempt is counted on besides its address: the known device it came from, else the account. */
const accountSide = (keys: LoginKeys) => keys.device ?? keys.account;

const tooMany = (until: Date, now: Date) =>
  new DomainError('AUTH.TOO_MANY_ATTEMPTS', {
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  });

/**
 * Login back-off kept in the database, so it holds across app processes and restarts. An attempt on an
 * account is counted before its password is checked, under the row's lock: a burst of parallel guesses
 * gets no more tries than a sequence would. Wall-clock time, not the business clock: moving the demo
 * clock does not lift a block.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rows: LoginSecurityRepository,
  ) {}

  /**
   * Refuses (`AUTH.TOO_MANY_ATTEMPTS`, with the wait) while the address or the account is blocked; else
   * counts the attempt on both, each under its row's lock, before the password is checked: a burst of
   * parallel guesses, at one account or sprayed over many, gets no more tries than a sequence would.
   * The attempt past the free ones is still checked; the next one waits, unless this one is right.
   * From a known device the device stands in for the account, with the same allowance: guesses from
   * elsewhere that keep the account waiting do not lock its owner out.
   */
  async admit(keys: LoginKeys, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await this.count(db, keys.address, LOGIN_THROTTLE.freeFailuresPerAddress, now);
      await this.count(db, accountSide(keys), LOGIN_THROTTLE.freeFailuresPerAccount, now);
    });
  }

  /**
   * The right password: the failures of the account (or of the known device it came from) are
   * forgotten, and the attempt is not held against the address. The owner's login from their own device
   * leaves the account's back-off as the guesses from elsewhere made it.
   */
  async succeeded(keys: LoginKeys): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await this.rows.forget(db, accountSide(keys));
      await this.rows.uncount(db, keys.address);
    });
  }

  private async count(db: EntityManager, key: string, free: number, now: Date): Promise<void> {
    const row = await this.rows.countAttempt(db, key, now, LOGIN_THROTTLE.quietMs);
    if (row.blockedUntil && row.blockedUntil > now) throw tooMany(row.blockedUntil, now);
    const beyond = row.failures - free;
    if (beyond > 0) await this.rows.block(db, key, new Date(now.getTime() + waitAfter(beyond)));
  }
}

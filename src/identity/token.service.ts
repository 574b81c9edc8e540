import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { AppSettingRepository } from './app-setting.repository.js';
import { verifyHs256 } from './hs256.js';
import { LoginSecurityRepository } from './login-security.repository.js';

export interface TokenClaims {
  accountId: string;
  personId: string;
  /** The login session (`login_session`) the token belongs to; revoking it ends the token. */
  sessionId: string;
}

const ISSUER = 'micropower';

/**
 * Signed bearer tokens (HS256 JWT), each the key to one row of `login_session`: the signature proves the
 * token was issued here, the row that it has not been revoked (logout, a new password). The key comes
 * from AUTH_SECRET, or is generated once and kept in the database so that every app process on it
 * accepts the same tokens. Lifetimes run on real time, not on the business clock: moving the demo clock
 * through a public period logs nobody out.
 */
@Injectable()
export class TokenService {
  private key?: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly settings: AppSettingRepository,
    private readonly sessions: LoginSecurityRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** A new token and its session row, written through `db` (the caller's transaction, when it has one). */
  async issue(
    claims: Omit<TokenClaims, 'sessionId'>,
    db: EntityManager = this.dataSource.manager,
  ): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = new Date((issuedAt + this.config.tokenTtlMinutes * 60) * 1000);
    const sessionId = randomUUID();
    await this.sessions.insertSession(db, {
      id: sessionId,
      accountId: claims.accountId,
      issuedAt: new Date(issuedAt * 1000),
      expiresAt,
    });
    const token = await new SignJWT({ pid: claims.personId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(claims.accountId)
      .setJti(sessionId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.signingKey());
    return { token, expiresAt, sessionId };
  }

  /** The claims of a well-signed, unexpired token, or null; whether its session still lives is the guard's. */
  async verify(token: string): Promise<TokenClaims | null> {
    const payload = verifyHs256(token, await this.signingKey(), {
      issuer: ISSUER,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (!payload) return null;
    const { sub, pid, jti } = payload;
    if (typeof sub !== 'string' || typeof pid !== 'string' || typeof jti !== 'string') return null;
    return { accountId: sub, personId: pid, sessionId: jti };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.revokeSession(this.dataSource.manager, sessionId, new Date());
  }

  async revokeAllOf(accountId: string): Promise<void> {
    await this.sessions.revokeSessionsOf(this.dataSource.manager, accountId, new Date());
  }

  /**
   * A MAC of `text` for one `purpose` (e.g. a device cookie), under a key derived from the signing key:
   * nothing signed for one purpose passes for another, nor for a token.
   */
  async macOf(purpose: string, text: string): Promise<string> {
    const key = createHmac('sha256', await this.signingKey())
      .update(purpose)
      .digest();
    return createHmac('sha256', key).update(text).digest('base64url');
  }

  private async signingKey(): Promise<Uint8Array> {
    if (!this.key) {
      const secret =
        this.config.authSecret ??
        (await this.settings.getOrCreate('auth.token-key', randomBytes(32).toString('base64')));
      this.key = new TextEncoder().encode(secret);
    }
    return this.key;
  }
}

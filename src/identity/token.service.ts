import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { AppSettingRepository } from './app-setting.repository.js';

export interface TokenClaims {
  accountId: string;
  personId: string;
}

const ISSUER = 'micropower';

/**
 * Signed bearer tokens (HS256 JWT). The key comes from AUTH_SECRET, or is generated once and kept in
 * the database so that every app process on it accepts the same tokens. Lifetimes run on real time,
 * not on the business clock: moving the demo clock through a public period logs nobody out.
 */
@Injectable()
export class TokenService {
  private key?: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly settings: AppSettingRepository,
  ) {}

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = new Date((issuedAt + this.config.tokenTtlMinutes * 60) * 1000);
    const token = await new SignJWT({ pid: claims.personId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(claims.accountId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.signingKey());
    return { token, expiresAt };
  }

  /** The claims of a valid token, or null for anything expired, forged or malformed. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.signingKey(), {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.pid !== 'string') return null;
      return { accountId: payload.sub, personId: payload.pid };
    } catch {
      return null;
    }
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

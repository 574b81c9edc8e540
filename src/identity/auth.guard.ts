import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { hostCookie } from '../common/http/cookies.js';
import { BEFORE_OWN_PASSWORD, IS_PUBLIC } from '../common/http/public.decorator.js';
import type { PersonActor } from './actor.js';
import { LoginSecurityRepository } from './login-security.repository.js';
import { TokenService } from './token.service.js';

/**
 * `actor`: who is logged in. `pendingActor`: a login that must first replace the password its opener gave
 * it; pages see nobody logged in but the one where it sets its own (`requireActor` sends it there).
 */
export type AuthenticatedRequest = Request & { actor?: PersonActor; pendingActor?: PersonActor };

/**
 * The web console's session cookie: the same signed token as the API's, HttpOnly and SameSite=Strict,
 * `__Host-` prefixed over HTTPS (`hostCookieName`).
 */
export const SESSION_COOKIE = 'mp_session';

export const sessionCookie = (request: Request): string | null => hostCookie(request, SESSION_COOKIE);

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every route needs a valid bearer token (or, to read, the session cookie) unless marked `@Public()`. Public routes still learn who is
 * asking when a session cookie (web pages) or token comes with the request, so a page can greet them.
 * A token counts only while its login session lives (one indexed lookup, never cached: a logout or a new
 * password ends it at once, in every process) and its account is not disabled. A login still on the
 * password its opener gave it may use only the routes marked `@AllowedBeforeOwnPassword()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: LoginSecurityRepository,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPublic) {
      const session = sessionCookie(request);
      const actor = session ? await this.actorOf(session) : null;
      if (actor?.mustChangePassword) request.pendingActor = actor;
      else if (actor) request.actor = actor;
      return true;
    }
    const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
    // The console's downloads (ledger, dossier, attachments) are API reads made with the page's cookie;
    // only reads: every write of the API needs the bearer token.
    const readsWithCookie = !bearer && SAFE_METHODS.has(request.method);
    const token = scheme === 'Bearer' && bearer ? bearer : readsWithCookie ? sessionCookie(request) : null;
    const actor = token ? await this.actorOf(token) : null;
    if (!actor) throw new DomainError('AUTH.UNAUTHENTICATED');
    if (actor.mustChangePassword && !this.allowsOpenersPassword(context)) {
      throw new DomainError('AUTH.OWN_PASSWORD_FIRST');
    }
    request.actor = actor;
    return true;
  }

  /**
   * A login opened for someone else has a password its opener knows: until its holder replaces it, it
   * acts in nobody's name, so a secretary who opened a representative's login cannot vote with it.
   */
  private allowsOpenersPassword(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(BEFORE_OWN_PASSWORD, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }

  private async actorOf(token: string): Promise<PersonActor | null> {
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    const actor = await this.sessions.actorOfSession(this.dataSource.manager, claims.sessionId, new Date());
    return actor && actor.accountId === claims.accountId && actor.personId === claims.personId ? actor : null;
  }
}

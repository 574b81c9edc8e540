import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { IS_PUBLIC } from '../common/http/public.decorator.js';
import type { PersonActor } from './actor.js';
import { PeopleRepository } from './people.repository.js';
import { TokenService } from './token.service.js';

export type AuthenticatedRequest = Request & { actor?: PersonActor };

interface CachedAccount {
  actor: PersonActor | null;
  until: number;
}

/** Account lookups are cached briefly; disabling an account takes effect within this time. */
const ACCOUNT_CACHE_MS = 10_000;

/** The web console's session cookie: the same signed token as the API's, HttpOnly and SameSite=Strict. */
export const SESSION_COOKIE = 'mp_session';

const sessionCookie = (header: string | undefined): string | null =>
  (header ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === SESSION_COOKIE)?.[1] ?? null;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every route needs a valid bearer token (or, to read, the session cookie) unless marked `@Public()`. Public routes still learn who is
 * asking when a session cookie (web pages) or token comes with the request, so a page can greet them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly accounts = new Map<string, CachedAccount>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly people: PeopleRepository,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPublic) {
      const session = sessionCookie(request.headers.cookie);
      const claims = session ? await this.tokens.verify(session) : null;
      const actor = claims ? await this.actorOf(claims.accountId) : null;
      if (actor && actor.personId === claims?.personId) request.actor = actor;
      return true;
    }
    const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
    // The console's downloads (ledger, dossier, attachments) are API reads made with the page's cookie;
    // only reads: every write of the API needs the bearer token.
    const readsWithCookie = !bearer && SAFE_METHODS.has(request.method);
    const token =
      scheme === 'Bearer' && bearer ? bearer : readsWithCookie ? sessionCookie(request.headers.cookie) : null;
    const claims = token ? await this.tokens.verify(token) : null;
    const actor = claims ? await this.actorOf(claims.accountId) : null;
    if (!actor || actor.personId !== claims?.personId) throw new DomainError('AUTH.UNAUTHENTICATED');
    request.actor = actor;
    return true;
  }

  private async actorOf(accountId: string): Promise<PersonActor | null> {
    const now = Date.now();
    const cached = this.accounts.get(accountId);
    if (cached && cached.until > now) return cached.actor;
    const db = this.dataSource.manager;
    const account = await this.people.findAccount(db, accountId);
    const person = account && !account.disabledAt ? await this.people.findPerson(db, account.personId) : null;
    const actor: PersonActor | null =
      account && person
        ? { kind: 'person', accountId: account.id, personId: person.id, name: person.name }
        : null;
    if (this.accounts.size > 10_000) this.accounts.clear();
    this.accounts.set(accountId, { actor, until: now + ACCOUNT_CACHE_MS });
    return actor;
  }
}

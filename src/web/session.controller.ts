import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DAY_MS } from '../common/clock.js';
import { clearHostCookie, setHostCookie } from '../common/http/cookies.js';
import { Public } from '../common/http/public.decorator.js';
import { loginClientOf } from '../identity/login-client.js';
import { SESSION_COOKIE } from '../identity/auth.guard.js';
import { AuthService } from '../identity/auth.service.js';
import { DEVICE_COOKIE, DEVICE_DAYS, KnownDevices } from '../identity/known-devices.js';
import { actorOf, messageOf, sendPage } from './web-request.js';

/**
 * Only paths inside this site: `next` must not send a person elsewhere after logging in. Browsers read a
 * backslash as a slash (`/\evil.example` is `//evil.example`) and drop tabs and newlines, so neither may
 * appear anywhere in it.
 */
const safeNext = (next: unknown) =>
  typeof next === 'string' &&
  /^\/(?![/\\])/.test(next) &&
  !next.includes('\\') &&
  ![...next].some((character) => character < ' ' || character === '\u007f')
    ? next
    : '/c';

/**
 * Logging in and out of the web console: the API's token, kept in an HttpOnly, SameSite=Strict cookie,
 * and on each login a device cookie (`KnownDevices`) that keeps this browser's way in open when someone
 * else guesses at the account.
 */
@ApiExcludeController()
@Public()
@Controller()
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly devices: KnownDevices,
  ) {}

  @Get('login')
  page(@Query('next') next: string | undefined, @Req() request: Request, @Res() response: Response) {
    sendPage(
      response,
      '@login',
      { title: '登录', me: actorOf(request) },
      { next: safeNext(next), username: '' },
    );
  }

  @Post('login')
  @HttpCode(303)
  async login(@Body() body: Record<string, string>, @Req() request: Request, @Res() response: Response) {
    try {
      const username = String(body.username ?? '');
      const session = await this.auth.login(username, String(body.password ?? ''), loginClientOf(request));
      setHostCookie(response, SESSION_COOKIE, session.token, { expires: new Date(session.expiresAt) });
      // This browser is now one the account logged in from: guesses elsewhere will not lock it out.
      setHostCookie(response, DEVICE_COOKIE, await this.devices.issue(username), {
        maxAge: DEVICE_DAYS * DAY_MS,
      });
      response.redirect(303, safeNext(body.next));
    } catch (error) {
      const frame = { title: '登录', flash: { kind: 'error' as const, text: messageOf(error) } };
      sendPage(response, '@login', frame, { next: safeNext(body.next), username: body.username ?? '' }, 401);
    }
  }

  /** Ends the session for good: the token is revoked, not only forgotten by this browser. */
  @Post('logout')
  async logout(@Req() request: Request, @Res() response: Response) {
    const actor = actorOf(request);
    if (actor) await this.auth.logout(actor);
    clearHostCookie(response, SESSION_COOKIE).redirect(303, '/');
  }
}

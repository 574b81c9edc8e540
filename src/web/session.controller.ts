import { Body, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DAY_MS } from '../common/clock.js';
import { clearHostCookie, setHostCookie } from '../common/http/cookies.js';
import { Public } from '../common/http/public.decorator.js';
import { loginClientOf } from '../identity/login-client.js';
import { SESSION_COOKIE } from '../identity/auth.guard.js';
import { AuthService } from '../identity/auth.service.js';
import { DEVICE_COOKIE, DEVICE_DAYS, KnownDevices } from '../identity/known-devices.js';
import type { PersonActor } from '../identity/actor.js';
import {
  actorOf,
  flashOf,
  holderOf,
  loginPath,
  markRefusal,
  messageOf,
  ownPasswordPath,
  redirectWithFlash,
  sendPage,
  textOf,
} from './web-request.js';
import { PageController } from './page-controller.decorator.js';

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

const ownPasswordForm = (holder: PersonActor, next: string) => ({
  next,
  openedByOther: holder.mustChangePassword === true,
});

/**
 * Logging in and out of the web console: the API's token, kept in an HttpOnly, SameSite=Strict cookie,
 * and on each login a device cookie (`KnownDevices`) that keeps this browser's way in open when someone
 * else guesses at the account.
 */
@Public()
@PageController()
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
      { title: '登录', me: actorOf(request), flash: flashOf(request, response) },
      { next: safeNext(next), username: '' },
    );
  }

  @Post('login')
  @HttpCode(303)
  async login(@Body() body: Record<string, string>, @Req() request: Request, @Res() response: Response) {
    try {
      const username = String(body.username ?? '');
      const session = await this.auth.login(username, String(body.password ?? ''), loginClientOf(request));
      await this.startSession(response, username, session);
      const next = safeNext(body.next);
      response.redirect(303, session.mustChangePassword ? ownPasswordPath(next) : next);
    } catch (error) {
      const frame = { title: '登录', flash: { kind: 'error' as const, text: messageOf(error) } };
      sendPage(response, '@login', frame, { next: safeNext(body.next), username: body.username ?? '' }, 401);
    }
  }

  /** A login someone else opened, still on the password they were handed: the holder sets their own. */
  @Get('password')
  ownPasswordPage(
    @Query('next') next: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const holder = holderOf(request);
    if (!holder) return response.redirect(303, loginPath(safeNext(next)));
    const frame = { title: '设置自己的密码', me: holder, flash: flashOf(request, response) };
    sendPage(response, '@own-password', frame, ownPasswordForm(holder, safeNext(next)));
  }

  /** The new password ends every session of the login, this one too: the browser logs in with it anew. */
  @Post('password')
  async ownPassword(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const holder = holderOf(request);
    const next = safeNext(textOf(body, 'next'));
    if (!holder) return response.redirect(303, loginPath(next));
    const newPassword = typeof body.newPassword === 'string' ? body.newPassword : '';
    if (newPassword !== body.repeatPassword) {
      return redirectWithFlash(
        response,
        ownPasswordPath(next),
        'error',
        '两次输入的新密码不一致，请重新输入',
      );
    }
    try {
      const current = typeof body.currentPassword === 'string' ? body.currentPassword : '';
      const { username } = await this.auth.changePassword(holder, current, newPassword);
      // Every session of the login ended with the old password: this browser goes on with the new one.
      await this.startSession(
        response,
        username,
        await this.auth.login(username, newPassword, loginClientOf(request)),
      );
    } catch (error) {
      const flash = { kind: 'error' as const, text: messageOf(error) };
      const frame = { title: '设置自己的密码', me: holder, flash };
      return sendPage(
        response,
        '@own-password',
        frame,
        ownPasswordForm(holder, next),
        markRefusal(response, error),
      );
    }
    redirectWithFlash(response, next, 'ok', '新密码已设置，以后请用新密码登录');
  }

  private async startSession(
    response: Response,
    username: string,
    session: { token: string; expiresAt: Date },
  ) {
    setHostCookie(response, SESSION_COOKIE, session.token, { expires: new Date(session.expiresAt) });
    // This browser is now one the account logged in from: guesses elsewhere will not lock it out.
    setHostCookie(response, DEVICE_COOKIE, await this.devices.issue(username), {
      maxAge: DEVICE_DAYS * DAY_MS,
    });
  }

  /** Ends the session for good: the token is revoked, not only forgotten by this browser. */
  @Post('logout')
  async logout(@Req() request: Request, @Res() response: Response) {
    // A login that has not set its own password yet is logged out all the same.
    const holder = holderOf(request);
    if (holder) await this.auth.logout(holder);
    clearHostCookie(response, SESSION_COOKIE).redirect(303, '/');
  }
}

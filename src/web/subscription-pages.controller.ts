import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../common/http/public.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { BulletinOutboxService } from '../notifications/bulletin-outbox.service.js';
import { PublicBoardService } from '../public/public-board.service.js';
import { CONFIRMATION_DAYS } from '../notifications/confirmation-window.js';
import type { PageName } from './templates.js';
import { actorOf, messageOf, redirectWithFlash, sendPage, textOf, markRefusal } from './web-request.js';
import { PageController } from './page-controller.decorator.js';

type TokenAction = 'confirm' | 'unsubscribe';

/** The two pages a message's link opens: confirming a subscription (double opt-in) and leaving it. */
const TOKEN_PAGES: Record<TokenAction, { page: PageName; title: string; invalid: string }> = {
  confirm: {
    page: '@confirmSubscription',
    title: '确认订阅村情月报',
    invalid: '确认链接无效或已过期，请重新订阅',
  },
  unsubscribe: { page: '@unsubscribe', title: '退订村情月报', invalid: '退订链接无效或已退订' },
};

/**
 * Subscribing to the village's monthly bulletin by email or SMS, confirming it by the link sent to that
 * address, and leaving it by the link in every message.
 */
@Public()
@PageController('p/:villageId')
export class SubscriptionPagesController {
  constructor(
    private readonly outbox: BulletinOutboxService,
    private readonly board: PublicBoardService,
    private readonly config: AppConfig,
  ) {}

  @Get('subscribe')
  async form(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    await this.send(request, response, villageId, { channel: '', address: '' }, false);
  }

  @Post('subscribe')
  async subscribe(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const typed = { channel: textOf(body, 'channel'), address: textOf(body, 'address').slice(0, 254) };
    try {
      await this.outbox.subscribe(villageId, typed.channel, typed.address);
      await this.send(request, response, villageId, { channel: '', address: '' }, true);
    } catch (error) {
      await this.send(
        request,
        response,
        villageId,
        typed,
        false,
        { kind: 'error', text: messageOf(error) },
        markRefusal(response, error),
      );
    }
  }

  /** The link in the confirmation: a page with a button, for mail scanners open links on their own. */
  @Get('confirm')
  confirmForm(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.tokenForm('confirm', villageId, token, request, response);
  }

  @Post('confirm')
  confirm(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.tokenAct('confirm', villageId, body, request, response);
  }

  @Get('unsubscribe')
  unsubscribeForm(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.tokenForm('unsubscribe', villageId, token, request, response);
  }

  @Post('unsubscribe')
  unsubscribe(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.tokenAct('unsubscribe', villageId, body, request, response);
  }

  /** A link's page: what the button will do, nothing done yet. */
  private async tokenForm(
    kind: TokenAction,
    villageId: string,
    token: unknown,
    request: Request,
    response: Response,
  ) {
    try {
      const village = await this.board.village(villageId);
      const typed = typeof token === 'string' ? token.slice(0, 64) : '';
      this.sendTokenPage(kind, request, response, { village, token: typed, done: false });
    } catch (error) {
      redirectWithFlash(response, '/', 'error', messageOf(error));
    }
  }

  /** The button: done, or the page again with why not (404: the token matches nothing it may act on). */
  private async tokenAct(
    kind: TokenAction,
    villageId: string,
    body: Record<string, unknown>,
    request: Request,
    response: Response,
  ) {
    try {
      const village = await this.board.village(villageId);
      const token = textOf(body, 'token');
      const done =
        kind === 'confirm'
          ? await this.outbox.confirm(villageId, token)
          : await this.outbox.unsubscribe(villageId, token);
      if (!done) {
        const flash = { kind: 'error' as const, text: TOKEN_PAGES[kind].invalid };
        this.sendTokenPage(kind, request, response, { village, token, done: false }, flash, 404);
        return;
      }
      this.sendTokenPage(kind, request, response, { village, token: '', done: true });
    } catch (error) {
      redirectWithFlash(response, '/', 'error', messageOf(error));
    }
  }

  private sendTokenPage(
    kind: TokenAction,
    request: Request,
    response: Response,
    data: { village: { id: string; name: string }; token: string; done: boolean },
    flash: { kind: 'ok' | 'error'; text: string } | null = null,
    status = 200,
  ) {
    const { page, title } = TOKEN_PAGES[kind];
    sendPage(
      response,
      page,
      { title, me: actorOf(request), flash },
      { ...data, bulletinDay: this.config.notifications.bulletinDay },
      status,
    );
  }

  private async send(
    request: Request,
    response: Response,
    villageId: string,
    typed: { channel: string; address: string },
    done: boolean,
    flash: { kind: 'ok' | 'error'; text: string } | null = null,
    status = 200,
  ) {
    try {
      const village = await this.board.village(villageId);
      sendPage(
        response,
        '@subscribe',
        { title: `${village.name} · 订阅村情月报`, me: actorOf(request), flash },
        {
          village,
          typed,
          done,
          bulletinDay: this.config.notifications.bulletinDay,
          confirmationDays: CONFIRMATION_DAYS,
        },
        status,
      );
    } catch (error) {
      redirectWithFlash(response, '/', 'error', messageOf(error));
    }
  }
}

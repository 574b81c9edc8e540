import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/http/public.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { BulletinOutboxService } from '../notifications/bulletin-outbox.service.js';
import { PublicBoardService } from '../public/public-board.service.js';
import { actorOf, messageOf, redirectWithFlash, sendPage, textOf } from './web-request.js';

/** Subscribing to the village's monthly bulletin by email or SMS, and leaving it by the message's link. */
@ApiExcludeController()
@Public()
@Controller('p/:villageId')
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
        422,
      );
    }
  }

  @Get('unsubscribe')
  async confirm(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    try {
      const village = await this.board.village(villageId);
      const typed = typeof token === 'string' ? token.slice(0, 64) : '';
      sendPage(
        response,
        '@unsubscribe',
        { title: '退订村情月报', me: actorOf(request) },
        { village, token: typed, done: false },
      );
    } catch (error) {
      redirectWithFlash(response, '/', 'error', messageOf(error));
    }
  }

  @Post('unsubscribe')
  async unsubscribe(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    try {
      const village = await this.board.village(villageId);
      const token = textOf(body, 'token');
      if (!(await this.outbox.unsubscribe(villageId, token))) {
        sendPage(
          response,
          '@unsubscribe',
          {
            title: '退订村情月报',
            me: actorOf(request),
            flash: { kind: 'error', text: '退订链接无效或已退订' },
          },
          { village, token, done: false },
          404,
        );
        return;
      }
      sendPage(
        response,
        '@unsubscribe',
        { title: '退订村情月报', me: actorOf(request) },
        { village, token: '', done: true },
      );
    } catch (error) {
      redirectWithFlash(response, '/', 'error', messageOf(error));
    }
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
        { village, typed, done, bulletinDay: this.config.notifications.bulletinDay },
        status,
      );
    } catch (error) {
      redirectWithFlash(response, '/', 'error', messageOf(error));
    }
  }
}

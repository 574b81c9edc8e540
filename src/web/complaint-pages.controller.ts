import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ComplaintRating, ComplaintSubject } from '../../workflows/index.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { progressOf } from '../complaints/complaint-views.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { PublicBoardService } from '../public/public-board.service.js';
import { FORM_SUBJECTS, progressWords, RATING_CHOICES } from './complaint-words.js';
import {
  actorOf,
  flashOf,
  messageOf,
  redirectWithFlash,
  sendPage,
  textOf,
  markRefusal,
} from './web-request.js';
import { PageController } from './page-controller.decorator.js';

type Typed = { subject: string; cadre: string; disclosure: string; body: string; named: boolean };

/**
 * 我要投诉 on the village's public pages: no login needed, so the form files anonymously unless a
 * logged-in villager chooses to sign. A refused form comes back as it was typed, with the reason.
 */
@Public()
@PageController('p/:villageId')
export class ComplaintPagesController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly board: PublicBoardService,
    private readonly time: LocalTime,
  ) {}

  @Get('complain')
  async form(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    try {
      const empty = { subject: '', cadre: '', disclosure: '', body: '', named: false };
      await this.sendForm(request, response, villageId, empty, flashOf(request, response));
    } catch (error) {
      redirectWithFlash(response, '/', 'error', messageOf(error));
    }
  }

  @Post('complain')
  async file(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const typed: Typed = {
      subject: textOf(body, 'subject'),
      cadre: textOf(body, 'cadre'),
      disclosure: textOf(body, 'disclosure'),
      body: textOf(body, 'body'),
      named: textOf(body, 'named') === 'on',
    };
    const me = actorOf(request);
    try {
      const subject = typed.subject as ComplaintSubject;
      const subjectId = { cadre: typed.cadre, disclosure: typed.disclosure }[
        subject as 'cadre' | 'disclosure'
      ];
      const { complaint, receiptCode } = await this.complaints.file({
        villageId,
        subject,
        ...(subjectId ? { subjectId } : {}),
        body: typed.body,
        ...(typed.named && me ? { complainant: me } : { address: request.ip }),
      });
      const village = await this.board.village(villageId);
      const words = progressWords(progressOf(complaint, this.time.now()), this.time.timeZone);
      sendPage(
        response,
        '@complaintReceipt',
        { title: '投诉已提交', me },
        { village, receiptCode, ...words },
        201,
      );
    } catch (error) {
      await this.sendForm(
        request,
        response,
        villageId,
        typed,
        { kind: 'error', text: messageOf(error) },
        markRefusal(response, error),
      );
    }
  }

  /** The tracking form; the code is posted, never put in the address (a shared phone keeps its history). */
  @Get('complaint')
  async trackForm(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    await this.sendTrack(request, response, villageId, '', null);
  }

  @Post('complaint')
  async track(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    await this.sendTrack(request, response, villageId, textOf(body, 'code').slice(0, 40), null);
  }

  @Post('complaint/rating')
  async rate(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const code = textOf(body, 'code').slice(0, 40);
    const rating = textOf(body, 'rating');
    try {
      const comment = textOf(body, 'comment').slice(0, 500);
      await this.complaints.rate(villageId, code, rating as ComplaintRating, comment || undefined);
      const next = rating === 'dissatisfied' ? '已转区级复查，请留意复查意见' : '感谢您的评价';
      await this.sendTrack(request, response, villageId, code, { kind: 'ok', text: `评价已提交。${next}` });
    } catch (error) {
      await this.sendTrack(
        request,
        response,
        villageId,
        code,
        { kind: 'error', text: messageOf(error) },
        markRefusal(response, error),
      );
    }
  }

  /** The tracking page for a code (none: the form alone); a wrong code reads as a missing complaint. */
  private async sendTrack(
    request: Request,
    response: Response,
    villageId: string,
    code: string,
    flash: { kind: 'ok' | 'error'; text: string } | null,
    status = 200,
  ) {
    const frame = { title: '投诉办理进度', me: actorOf(request), flash: flash ?? flashOf(request, response) };
    const data = { code, ratings: RATING_CHOICES };
    try {
      const village = await this.board.village(villageId);
      const found = code ? await this.complaints.byReceipt(villageId, code) : null;
      const complaint = found && progressWords(progressOf(found, this.time.now()), this.time.timeZone);
      sendPage(response, '@complaintTrack', frame, { ...data, village, complaint }, status);
    } catch (error) {
      const failed = { ...frame, flash: flash ?? { kind: 'error' as const, text: messageOf(error) } };
      sendPage(
        response,
        '@complaintTrack',
        failed,
        { ...data, village: { id: villageId }, complaint: null },
        markRefusal(response, error),
      );
    }
  }

  private async sendForm(
    request: Request,
    response: Response,
    villageId: string,
    typed: Typed,
    flash: ReturnType<typeof flashOf>,
    status = 200,
  ) {
    const [board, choices] = await Promise.all([
      this.board.current(villageId),
      this.complaints.filingChoices(villageId),
    ]);
    const me = actorOf(request);
    sendPage(
      response,
      '@complain',
      { title: `${board.village.name} · 我要投诉`, me, flash },
      {
        village: board.village,
        subjects: FORM_SUBJECTS,
        cadres: choices.cadres,
        disclosures: [...board.current, ...board.past],
        typed,
        signedIn: me !== null,
      },
      status,
    );
  }
}

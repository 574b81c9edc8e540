import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ComplaintHandling } from '../../workflows/index.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { isUuid } from '../common/uuid.js';
import { handledOf } from '../complaints/complaint-views.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { HANDLING_CHOICES, progressWords } from './complaint-words.js';
import { flashOf, messageOf, redirectWithFlash, requireActor, sendPage, textOf } from './web-request.js';
import { PageController } from './page-controller.decorator.js';

/** The township's discipline inspector's list of complaints and their acts; the district's reviews. */
@Public()
@PageController('c')
export class ConsoleComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly time: LocalTime,
  ) {}

  @Get('r/:regionId/complaints')
  async list(
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    try {
      const { region, villages, rows, postRoles, now } = await this.complaints.underRegion(actor, regionId);
      const names = new Map(villages.map((village) => [village.id, village.name]));
      const rectifications = await this.complaints.rectificationsIn([
        ...new Set(rows.map((row) => row.villageId)),
      ]);
      const handled = rows.map((row) =>
        progressWords(
          handledOf(row, { id: row.villageId, name: names.get(row.villageId) ?? '' }, now),
          this.time.timeZone,
        ),
      );
      sendPage(
        response,
        '@complaints',
        { title: `${region.name}投诉举报`, me: actor, flash: flashOf(request, response) },
        {
          region,
          rows: handled,
          rectifications,
          handlings: HANDLING_CHOICES,
          isInspector: postRoles.has('discipline_inspector'),
          isDistrict: postRoles.has('district_admin'),
        },
      );
    } catch (error) {
      redirectWithFlash(response, '/c', 'error', messageOf(error));
    }
  }

  @Post('v/:villageId/complaints/:complaintId/:act')
  async act(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('complaintId', ParseUUIDPipe) complaintId: string,
    @Param('act') act: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const region = textOf(body, 'back');
    const back = isUuid(region) ? `/c/r/${region}/complaints#c-${complaintId}` : '/c';
    try {
      if (act === 'acknowledge') {
        await this.complaints.acknowledge(actor, villageId, complaintId);
      } else if (act === 'answer') {
        const rectificationMatterId = textOf(body, 'rectificationMatterId');
        await this.complaints.answer(actor, villageId, complaintId, {
          handling: textOf(body, 'handling') as ComplaintHandling,
          reply: textOf(body, 'reply'),
          ...(rectificationMatterId ? { rectificationMatterId } : {}),
        });
      } else if (act === 'review') {
        await this.complaints.review(actor, villageId, complaintId, textOf(body, 'reply'));
      } else {
        redirectWithFlash(response, back, 'error', '没有这项操作');
        return;
      }
      redirectWithFlash(
        response,
        back,
        'ok',
        { acknowledge: '已受理', answer: '已答复投诉人', review: '已提交复查意见' }[act],
      );
    } catch (error) {
      redirectWithFlash(response, back, 'error', messageOf(error));
    }
  }
}

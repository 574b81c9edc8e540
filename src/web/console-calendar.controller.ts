import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../common/http/public.decorator.js';
import { isCalendarDay } from '../common/is-calendar-date.js';
import { LocalTime } from '../common/local-time.js';
import type { PersonActor } from '../identity/actor.js';
import { CalendarService } from '../time/calendar.service.js';
import { PageController } from './page-controller.decorator.js';
import {
  flashOf,
  markRefusal,
  messageOf,
  redirectWithFlash,
  requireActor,
  sendPage,
  textOf,
  formFieldRefused,
} from './web-request.js';
import type { PageFrame } from './templates.js';

type Form = Record<string, unknown>;
/** What the form was filled with, shown again when it is refused. */
interface Typed {
  date: string;
  kind: string;
  name: string;
}
const NAME_MAX_LENGTH = 50;
const WEEKDAYS = '日一二三四五六';

/** 10月12日 周一: short enough for a phone's column, the year being the page's. */
const dayLabel = (date: string) => {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
};

/**
 * 工作日历: a district's holidays and working days for its staff, read from any region's page, and the
 * district administrator's form adding a local day (the same service, rules and chain as the API's).
 */
@Public()
@PageController('c/r/:regionId/calendar')
export class ConsoleCalendarController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly time: LocalTime,
  ) {}

  @Get()
  async page(
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Query('year') year: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const asked = typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : NaN;
    await this.send(response, actor, regionId, asked, flashOf(request, response));
  }

  @Post()
  async add(
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const typed = { date: textOf(body, 'date'), kind: textOf(body, 'kind'), name: textOf(body, 'name') };
    try {
      if (!isCalendarDay(typed.date)) throw formFieldRefused('date', '日期应为 年-月-日');
      if (typed.kind !== 'holiday' && typed.kind !== 'workday')
        throw formFieldRefused('kind', '请选择放假还是上班');
      if (!typed.name) throw formFieldRefused('name', '请填写名称');
      // PostgreSQL stores no U+0000: refused here as the API's DTO refuses it, not failed as a server error.
      if (typed.name.includes('\u0000')) throw formFieldRefused('name', '名称含有无法保存的控制字符');
      if ([...typed.name].length > NAME_MAX_LENGTH)
        throw formFieldRefused('name', `名称不能超过 ${NAME_MAX_LENGTH} 个字`);
      await this.calendars.add(actor, regionId, { date: typed.date, kind: typed.kind, name: typed.name });
      const done = `已登记：${typed.date} ${typed.kind === 'holiday' ? '放假' : '上班'}（${typed.name}）`;
      redirectWithFlash(response, `/c/r/${regionId}/calendar?year=${typed.date.slice(0, 4)}`, 'ok', done);
    } catch (error) {
      const status = markRefusal(response, error);
      const flash = { kind: 'error' as const, text: messageOf(error) };
      const year = isCalendarDay(typed.date) ? Number(typed.date.slice(0, 4)) : NaN;
      await this.send(response, actor, regionId, year, flash, typed, status);
    }
  }

  private async send(
    response: Response,
    actor: PersonActor,
    regionId: string,
    asked: number,
    flash: PageFrame['flash'],
    form: Typed = { date: '', kind: '', name: '' },
    status = 200,
  ) {
    const thisYear = Number(this.time.today().slice(0, 4));
    // Years the calendar can hold; anything else (a typed 0 or 99999) shows this year.
    const year = asked >= 2000 && asked <= 2100 ? asked : thisYear;
    const { district, days, mayAdjust } = await this.calendars.districtYear(actor, regionId, year);
    sendPage(
      response,
      '@calendar',
      { title: `${district.name}工作日历`, me: actor, flash },
      {
        district,
        year,
        thisYear,
        mayAdjust,
        form,
        days: days.map((day) => ({ ...day, label: dayLabel(day.date) })),
      },
      status,
    );
  }
}

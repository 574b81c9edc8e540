import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error.js';
import { isCalendarDay } from '../common/is-calendar-date.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import type { PersonActor } from '../identity/actor.js';
import { USERNAME } from '../identity/identity.dto.js';
import { VILLAGE_ROLES, type VillageRole } from '../identity/membership.entity.js';
import { PASSWORD_RULE } from '../identity/password-rule.js';
import { PeopleDirectory } from '../identity/people-directory.service.js';
import { VillagePeopleService } from '../identity/village-people.service.js';
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
import { PageController } from './page-controller.decorator.js';

type Form = Record<string, unknown>;
/** A form posted to a person's page: who it is about, and what was sent. */
interface FormPost {
  request: Request;
  response: Response;
  villageId: string;
  personId: string;
  body: Form;
}
/** What the grant and login forms were filled with, shown again when refused (never a password). */
interface Typed {
  role: string;
  validFrom: string;
  probationary: boolean;
  vcChair: boolean;
  supervisorChair: boolean;
  username: string;
}
const PASSWORD_MAX_LENGTH = 256;

const dayOf = (form: Form, field: string) => {
  const value = textOf(form, field);
  if (!isCalendarDay(value)) throw formFieldRefused(field, '日期应为 年-月-日');
  return value;
};
const passwordOf = (form: Form) => {
  const password = typeof form.password === 'string' ? form.password : '';
  if (password.length > PASSWORD_MAX_LENGTH)
    throw formFieldRefused('password', `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  return password;
};

/**
 * 人员与身份: a village's people found by name, and one person's roles and login, for its cadres,
 * supervisors and the township. Each change goes through `VillagePeopleService`, as over the API, so the
 * same rules refuse it (who gives which role, from which day, whose login) and the same chain records it.
 */
@Public()
@PageController('c/v/:villageId/people')
export class ConsolePeopleController {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly villagePeople: VillagePeopleService,
    private readonly time: LocalTime,
  ) {}

  @Get()
  async list(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('q') q: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
    const found = await this.directory.search(actor, villageId, query);
    sendPage(
      response,
      '@people',
      { title: '人员与身份', me: actor, flash: flashOf(request, response) },
      {
        ...found,
        query,
        whoDoesWhat:
          '村党组织书记登记村民身份、为村民开通登录账号；村民代表、成员代表、党员、两委和监督委员会成员的登记和变动，以及重设登录密码，由乡镇（街道）干部办理。每次变动都记入本村的留痕链。',
      },
    );
  }

  @Get(':personId')
  async person(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    await this.sendPerson(response, actor, villageId, personId, flashOf(request, response));
  }

  @Post(':personId/roles')
  grant(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.act({ request, response, villageId, personId, body }, '已授予身份', async (actor, typed) => {
      if (!(VILLAGE_ROLES as readonly string[]).includes(typed.role))
        throw formFieldRefused('role', '请选择身份');
      await this.villagePeople.addMembership(actor, villageId, {
        personId,
        role: typed.role as VillageRole,
        validFrom: dayOf(body, 'validFrom'),
        ...(typed.probationary ? { votingRights: false } : {}),
        ...(typed.vcChair ? { vcChair: true } : {}),
        ...(typed.supervisorChair ? { supervisorChair: true } : {}),
      });
    });
  }

  @Post(':personId/roles/:membershipId/end')
  end(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Param('membershipId', ParseUUIDPipe) membershipId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.act({ request, response, villageId, personId, body }, '该身份已结束', async (actor) => {
      const held = await this.directory.person(actor, villageId, personId);
      // The membership must be this person's: the address names both.
      if (!held.roles.some((role) => role.membershipId === membershipId)) {
        throw new DomainError('MEMBERSHIP.NOT_FOUND', { membershipId });
      }
      await this.villagePeople.endMembership(actor, villageId, membershipId, dayOf(body, 'validTo'));
    });
  }

  @Post(':personId/account')
  openLogin(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const done = '已开通登录账号，请把用户名和初始密码当面交给本人';
    return this.act({ request, response, villageId, personId, body }, done, async (actor, typed) => {
      if (!USERNAME.test(typed.username)) {
        throw formFieldRefused(
          'username',
          '用户名应为 3 到 64 位小写字母、数字、点、横线或下划线，以字母或数字开头',
        );
      }
      await this.villagePeople.createAccount(actor, villageId, personId, {
        username: typed.username,
        password: passwordOf(body),
      });
    });
  }

  @Post(':personId/password')
  resetPassword(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const done = '密码已重设，该账号已登录的设备全部退出；请把新的初始密码当面交给本人';
    return this.act({ request, response, villageId, personId, body }, done, async (actor) => {
      await this.villagePeople.resetPassword(actor, villageId, personId, { password: passwordOf(body) });
    });
  }

  /**
   * Does `change` as the logged-in caller; then back to the person's page with `done`, or the page again
   * with the refusal and what was typed (never a password).
   */
  private async act(
    { request, response, villageId, personId, body }: FormPost,
    done: string,
    change: (actor: PersonActor, typed: Typed) => Promise<void>,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const typed = this.typedOf(body);
    try {
      await change(actor, typed);
      redirectWithFlash(response, `/c/v/${villageId}/people/${personId}`, 'ok', done);
    } catch (error) {
      const status = markRefusal(response, error);
      const flash = { kind: 'error' as const, text: messageOf(error) };
      await this.sendPerson(response, actor, villageId, personId, flash, typed, status);
    }
  }

  private typedOf(body: Form): Typed {
    return {
      role: textOf(body, 'role'),
      validFrom: textOf(body, 'validFrom') || this.time.today(),
      probationary: textOf(body, 'probationary') !== '',
      vcChair: textOf(body, 'vcChair') !== '',
      supervisorChair: textOf(body, 'supervisorChair') !== '',
      username: textOf(body, 'username'),
    };
  }

  private async sendPerson(
    response: Response,
    actor: PersonActor,
    villageId: string,
    personId: string,
    flash: ReturnType<typeof flashOf>,
    typed: Typed = this.typedOf({}),
    status = 200,
  ) {
    const view = await this.directory.person(actor, villageId, personId);
    sendPage(
      response,
      '@person',
      { title: `${view.person.name}：身份与账号`, me: actor, flash },
      { ...view, form: typed, passwordRule: PASSWORD_RULE },
      status,
    );
  }
}

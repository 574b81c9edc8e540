import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/http/public.decorator.js';
import type { PersonActor } from './actor.js';
import { ChangePasswordDto, LoginDto } from './auth.dto.js';
import { AuthService, type LoginClient } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';

/** The address a login comes from (the proxy's client when TRUST_PROXY names the proxy) and its browser. */
export const loginClientOf = (request: Request): LoginClient => ({
  address: request.ip ?? 'unknown',
  userAgent: request.headers['user-agent']?.slice(0, 200),
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: Request) {
    return this.auth.login(body.username, body.password, loginClientOf(request));
  }

  /** Revokes the token this request carries. */
  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: PersonActor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: PersonActor) {
    return this.auth.me(actor);
  }

  /** Sets a new password and revokes every token of the account, this one included. */
  @ApiBearerAuth()
  @Post('auth/password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: PersonActor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }
}

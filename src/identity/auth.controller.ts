import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { AllowedBeforeOwnPassword, Public } from '../common/http/public.decorator.js';
import type { PersonActor } from './actor.js';
import { LoginAnswerDto, MeDto } from './auth-responses.dto.js';
import { ChangePasswordDto, LoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import { loginClientOf } from './login-client.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginAnswerDto })
  @ApiErrors(400, 401, 429)
  login(@Body() body: LoginDto, @Req() request: Request) {
    return this.auth.login(body.username, body.password, loginClientOf(request));
  }

  /** Revokes the token this request carries. */
  @ApiBearerAuth()
  @AllowedBeforeOwnPassword()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the token is revoked' })
  @ApiErrors(401)
  async logout(@CurrentActor() actor: PersonActor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @AllowedBeforeOwnPassword()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentActor() actor: PersonActor) {
    return this.auth.me(actor);
  }

  /** Sets a new password and revokes every token of the account, this one included. */
  @ApiBearerAuth()
  @AllowedBeforeOwnPassword()
  @Post('auth/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'every token of the account is revoked, this one included' })
  @ApiErrors(400, 401, 422)
  async changePassword(@CurrentActor() actor: PersonActor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }
}

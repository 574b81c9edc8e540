import { Controller, Headers, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error.js';
import { Public } from '../common/http/public.decorator.js';
import { AttachmentsService } from '../disclosure/attachments.service.js';
import { actorOf } from './web-request.js';

/**
 * The console's file upload: the page's script sends each chosen file as the raw body (so it can show
 * progress) and puts the returned id into the form. Answers JSON, like the API it mirrors.
 */
@ApiExcludeController()
@Public()
@Controller('c/v/:villageId/attachments')
export class ConsoleUploadsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  async upload(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('filename') filename: unknown,
    @Headers('content-type') mediaType: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const actor = actorOf(request);
    if (!actor) throw new DomainError('AUTH.UNAUTHENTICATED');
    const file = await this.attachments.upload(actor, villageId, {
      filename: typeof filename === 'string' ? filename : undefined,
      mediaType,
      content: request.body,
    });
    response.status(201);
    return file;
  }
}

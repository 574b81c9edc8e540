import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import type { Response } from 'express';
import { sendDownload } from '../common/http/download.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { renderDossierHtml } from './dossier-html.js';
import { renderDossierPdf } from './dossier-pdf.js';
import type { Dossier } from './dossier.js';
import { DossierDto } from './dossier.dto.js';
import { DossierService } from './dossier.service.js';

const fileName = (dossier: Dossier, extension: string) => `${dossier.matter.title}-档案.${extension}`;

/** A matter's dossier (档案) as data, as a printable page, and as PDF. */
@ApiTags('records')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('villages/:villageId/matters/:matterId')
export class RecordsController {
  constructor(private readonly dossiers: DossierService) {}

  @Get('dossier')
  @ApiOkResponse({ type: DossierDto })
  dossier(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
  ) {
    return this.dossiers.build(actor, villageId, matterId);
  }

  /** Opens in the browser, ready to print (A4). */
  @Get('dossier.html')
  @ApiFile('text/html', 'the dossier as a page ready to print (A4)', { named: true })
  async html(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Res() response: Response,
  ) {
    const dossier = await this.dossiers.build(actor, villageId, matterId);
    const body = Buffer.from(renderDossierHtml(dossier), 'utf8');
    sendDownload(
      response,
      { filename: fileName(dossier, 'html'), contentType: 'text/html; charset=utf-8', body },
      'inline',
    );
  }

  @Get('dossier.pdf')
  @ApiFile('application/pdf', 'the dossier as PDF', { binary: true, named: true })
  async pdf(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Res() response: Response,
  ) {
    const dossier = await this.dossiers.build(actor, villageId, matterId);
    const body = renderDossierPdf(dossier);
    sendDownload(response, { filename: fileName(dossier, 'pdf'), contentType: 'application/pdf', body });
  }
}

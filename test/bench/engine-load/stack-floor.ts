import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Body, Controller, HttpCode, Inject, Module, Param, Post, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SendEventDto } from '../../../src/engine/matter.dto.js';
import { ExpressServerAdapter } from '../../../src/common/http/express-server-adapter.js';
import { createValidationPipe } from '../../../src/common/http/validation.pipe.js';
import { cpuMeter, type CpuSpent } from '../common/machine.js';
import { JsonClient } from './http-client.js';
import { onWorkers } from './workload.js';

/** What the floor's one route answers: the bytes of a real answer. */
const FLOOR_ANSWER = Symbol('FLOOR_ANSWER');

/** The events route's shape and DTO, doing nothing: no guard, no session, no engine, no view. */
@Controller('villages/:villageId/matters/:matterId/events')
class FloorController {
  constructor(@Inject(FLOOR_ANSWER) private readonly answer: unknown) {}

  @Post()
  @HttpCode(200)
  send(@Param('villageId') _village: string, @Body() _body: SendEventDto): unknown {
    return this.answer;
  }
}

@Module({})
class FloorModule {
  static answering(answer: unknown): DynamicModule {
    return {
      module: FloorModule,
      controllers: [FloorController],
      providers: [{ provide: FLOOR_ANSWER, useValue: answer }],
    };
  }
}

export interface StackFloor {
  requests: number;
  answerBytes: number;
  cpu: CpuSpent;
}

/**
 * The least an event can cost over HTTP on this stack: Nest on Express (the app's adapter, JSON body
 * parser and validation pipe) with the events route answering a real answer's bytes, from the bench's
 * client in the same process, at the same concurrency. Whatever the API adds (the session's check, the
 * engine, the caller's view) comes on top, so the HTTP ratio cannot pass raw ÷ (engine + floor).
 */
export async function measureStackFloor(
  answer: unknown,
  { clients, requests }: { clients: number; requests: number },
): Promise<StackFloor> {
  const floor = FloorModule.answering(answer);
  const app = await NestFactory.create<NestExpressApplication>(floor, new ExpressServerAdapter(), {
    logger: false,
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalPipes(createValidationPipe());
  app.setGlobalPrefix('api');
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const client = new JsonClient(`http://127.0.0.1:${port}/api`, clients);
  const body = { type: 'REPORT_PROGRESS', payload: { note: '第 1 次进展：路基完成 1%，材料已到场' } };
  const path =
    '/villages/00000000-0000-4000-8000-000000000000/matters/00000000-0000-4000-8000-000000000001/events';
  const post = () => client.post(path, 'token', body).then(() => undefined);
  try {
    await onWorkers(Array.from({ length: Math.min(requests, 500) }), clients, post);
    global.gc?.();
    const meter = cpuMeter();
    await onWorkers(Array.from({ length: requests }), clients, post);
    return { requests, answerBytes: Buffer.byteLength(JSON.stringify(answer)), cpu: meter() };
  } finally {
    client.close();
    await app.close();
  }
}

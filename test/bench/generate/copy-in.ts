import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';

/** The part of pg's protocol connection a COPY … FROM STDIN needs. */
interface ProtocolConnection {
  stream: Writable;
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * `COPY … FROM STDIN` on a pg client, written as a pg "submittable" over the protocol messages pg already
 * has (pg has no COPY stream of its own, and pg-copy-streams is not a dependency of the project). The
 * chunks are sent as the server asks for data, with the socket's backpressure respected.
 */
class CopyFromStdin {
  private failure?: Error;
  private producerError?: Error;
  private rowCount = 0;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };
  readonly done = new Promise<number>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<Buffer>,
  ) {}

  submit(connection: ProtocolConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: ProtocolConnection): void {
    void this.pump(connection);
  }

  private async pump(connection: ProtocolConnection): Promise<void> {
    try {
      for (const chunk of this.chunks) {
        if (this.failure) return;
        connection.sendCopyFromChunk(chunk);
        if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
      }
      connection.endCopyFrom();
    } catch (error) {
      this.producerError = error as Error;
      connection.sendCopyFail(this.producerError.message);
    }
  }

  handleCommandComplete(message: { text: string }): void {
    this.rowCount = Number(message.text.split(' ')[1] ?? 0);
  }

  handleReadyForQuery(): void {
    if (this.producerError) this.settle.reject(this.producerError);
    else this.settle.resolve(this.rowCount);
  }

  handleError(error: Error): void {
    this.failure = error;
    this.settle.reject(error);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY <table> (<columns>) FROM STDIN` with the given text-format chunks; resolves to the row count. */
export function copyIn(client: pg.ClientBase, text: string, chunks: Iterable<Buffer>): Promise<number> {
  const copy = new CopyFromStdin(text, chunks);
  client.query(copy as unknown as pg.Submittable);
  return copy.done;
}

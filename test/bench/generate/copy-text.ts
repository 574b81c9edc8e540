/** A value as COPY's text format writes it; `null` is `\N`. */
export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIALS, (char) => ESCAPES[char]) : value;
}

const CHUNK_BYTES = 1 << 20;

/** The rows of one table waiting for their COPY, as text-format lines gathered into ~1 MB chunks. */
export class CopyBuffer {
  private readonly chunks: Buffer[] = [];
  private lines: string[] = [];
  private pendingLength = 0;
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(values: readonly CopyValue[]): void {
    let line = '';
    for (let index = 0; index < values.length; index++) {
      line += (index === 0 ? '' : '\t') + copyField(values[index]);
    }
    this.addLine(line);
  }

  /** A line whose fields are already escaped (cloned template rows keep their escaped text). */
  addLine(line: string): void {
    this.lines.push(line);
    this.pendingLength += line.length + 1;
    this.rows++;
    if (this.pendingLength >= CHUNK_BYTES) this.flushLines();
  }

  get statement(): string {
    return `COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`;
  }

  /** The gathered chunks; the buffer is empty afterwards. */
  take(): Buffer[] {
    this.flushLines();
    const taken = this.chunks.splice(0);
    this.rows = 0;
    return taken;
  }

  private flushLines(): void {
    if (this.lines.length === 0) return;
    this.chunks.push(Buffer.from(`${this.lines.join('\n')}\n`, 'utf8'));
    this.lines = [];
    this.pendingLength = 0;
  }
}

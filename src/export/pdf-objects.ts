import { createHash } from 'node:crypto';
import { utf16Hex } from './pdf-text.js';

/** An indirect object's body: PDF source for a dictionary or array, or a stream with its dictionary entries. */
export type PdfObject = string | { entries: string; data: Buffer };

export const ref = (id: number): string => `${id} 0 R`;

/** Two decimals are finer than any printer resolves; `Number` drops trailing zeros and "-0". */
export const num = (value: number): string => String(Number(value.toFixed(2)) || 0);

/** A text string (Info, /Lang…) as UTF-16BE hex with BOM: hex needs no escaping and holds any character. */
export const textString = (text: string): string => `<FEFF${utf16Hex(text)}>`;

/** PDF date in UTC ("Z"), so the file is the same whichever time zone the server runs in. */
export function pdfDate(date: Date): string {
  const digits = date.toISOString().replace(/\D/g, '').slice(0, 14);
  return `(D:${digits}Z)`;
}

/** The header's second line has bytes above 127 so that transfer tools treat the file as binary. */
const HEADER = Buffer.concat([
  Buffer.from('%PDF-1.7\n%', 'latin1'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
]);

function serialize(id: number, body: PdfObject): Buffer {
  if (typeof body === 'string') return Buffer.from(`${id} 0 obj\n${body}\nendobj\n`, 'latin1');
  return Buffer.concat([
    Buffer.from(`${id} 0 obj\n<< ${body.entries} /Length ${body.data.length} >>\nstream\n`, 'latin1'),
    body.data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}

/** Indirect objects numbered from 1 in the order they are reserved, written with an exact xref table. */
export class PdfObjects {
  private readonly bodies: PdfObject[] = [];

  /** Takes a number now so that objects can refer to each other before their bodies exist. */
  reserve(): number {
    this.bodies.push('null');
    return this.bodies.length;
  }

  set(id: number, body: PdfObject): void {
    this.bodies[id - 1] = body;
  }

  add(body: PdfObject): number {
    const id = this.reserve();
    this.set(id, body);
    return id;
  }

  toBuffer(rootId: number, infoId: number): Buffer {
    const chunks: Buffer[] = [HEADER];
    const offsets: number[] = [];
    let length = HEADER.length;
    this.bodies.forEach((body, index) => {
      const chunk = serialize(index + 1, body);
      offsets.push(length);
      chunks.push(chunk);
      length += chunk.length;
    });
    // Content-derived, so the same document always gets the same /ID (and the same bytes).
    const fileId = createHash('md5').update(Buffer.concat(chunks)).digest('hex').toUpperCase();
    // Each entry is exactly 20 bytes: the space before '\n' is part of the two-byte end of line.
    const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `);
    const tail = [
      'xref',
      `0 ${this.bodies.length + 1}`,
      '0000000000 65535 f ',
      ...entries,
      'trailer',
      `<< /Size ${this.bodies.length + 1} /Root ${ref(rootId)} /Info ${ref(infoId)} /ID [<${fileId}> <${fileId}>] >>`,
      'startxref',
      String(length),
      '%%EOF',
      '',
    ].join('\n');
    return Buffer.concat([...chunks, Buffer.from(tail, 'latin1')]);
  }
}

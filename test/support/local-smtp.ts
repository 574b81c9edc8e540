import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export { freePort };

/** Debian's aiosmtpd (package python3-aiosmtpd), for the system Python; CI installs it. */
const PYTHON = '/usr/bin/python3';

export const hasLocalSmtp = (): boolean =>
  spawnSync(PYTHON, ['-c', 'import aiosmtpd'], { stdio: 'ignore' }).status === 0;

/**
 * A real SMTP server on a local port that files every message it accepts into a Maildir, for tests to
 * read as a mailbox: `python3 -m aiosmtpd` with its Mailbox handler.
 */
export class LocalSmtpServer {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly maildir: string,
  ) {}

  static async start(): Promise<LocalSmtpServer> {
    const port = await freePort();
    const root = mkdtempSync(join(tmpdir(), 'micropower-smtp-'));
    const maildir = join(root, 'mail');
    const child = spawn(
      PYTHON,
      ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
      { stdio: 'ignore' },
    );
    for (let tries = 0; tries < 100; tries++) {
      if (await accepts(port)) return new LocalSmtpServer(port, child, maildir);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill();
    throw new Error('aiosmtpd did not start');
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The raw messages delivered so far, oldest first. */
  messages(): string[] {
    const folder = join(this.maildir, 'new');
    try {
      return readdirSync(folder)
        .sort((a, b) => deliveryOrder(a) - deliveryOrder(b))
        .map((name) => readFileSync(join(folder, name), 'utf8'));
    } catch {
      return [];
    }
  }

  stop(): void {
    this.child.kill();
    rmSync(join(this.maildir, '..'), { recursive: true, force: true });
  }
}

/**
 * Where a Maildir file stands in the order of delivery: Python names it `<seconds>.M<microseconds>P<pid>
 * Q<count>.<host>`, the count rising with each message of the one server process; the microseconds are
 * not zero-padded, so the names do not sort by time within a second.
 */
function deliveryOrder(name: string): number {
  const count = /Q(\d+)/.exec(name);
  if (!count) throw new Error(`not a Maildir file name: ${name}`);
  return Number(count[1]);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A delivered message as a reader sees it: the Subject and the text, decoded (RFC 2047, QP, base64). */
export function readMail(raw: string): { subject: string; messageId: string; to: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')),
    );
  const body = rest.join('\n\n');
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body.replace(/=\r?\n/g, ''))
        : body;
  return {
    subject: words(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    to: headers.get('to') ?? '',
    text,
  };
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(...Buffer.from(text[index], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error.js';
import { MAX_ATTACHMENT_BYTES } from '../disclosure/attachments.service.js';

/** What a complaint keeps of each file added to it; the content is stored apart. */
export interface EvidenceRef {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedAt: string;
}

/** A complaint carries at most this many files: enough for photos of a notice board, not a file store. */
export const MAX_EVIDENCE_FILES = 3;

/**
 * The kinds of file a complainant may add, known by their first bytes, never by the name or the type the
 * sender claims: a file that only says it is a photo is refused.
 */
const SIGNATURES: { mediaType: string; matches: (content: Buffer) => boolean }[] = [
  { mediaType: 'image/jpeg', matches: (c) => c.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  { mediaType: 'image/png', matches: (c) => c.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  {
    mediaType: 'image/webp',
    matches: (c) =>
      c.subarray(0, 4).toString('latin1') === 'RIFF' && c.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mediaType: 'application/pdf', matches: (c) => c.subarray(0, 5).toString('latin1') === '%PDF-' },
];

const ACCEPTED = '照片（JPEG、PNG、WebP）或 PDF，每个不超过 5 MB';

/** A file as it may be added to a complaint, with its name cleaned (no path, no control characters). */
export function evidenceFile(
  content: unknown,
  claimedName: string | undefined,
  now: Date,
): { ref: EvidenceRef; content: Buffer } {
  if (!Buffer.isBuffer(content) || content.length === 0 || content.length > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('ATTACHMENT.INVALID', {}, ACCEPTED);
  }
  const mediaType = SIGNATURES.find((signature) => signature.matches(content))?.mediaType;
  if (!mediaType) throw new DomainError('ATTACHMENT.INVALID', {}, `只接受${ACCEPTED}`);
  // The name as shown to the inspector: no folders, no control characters (a code point below a space).
  const filename = [...((claimedName ?? '').split(/[\\/]/).at(-1) ?? '')]
    .filter((character) => character.codePointAt(0)! >= 0x20 && character !== '\u007f')
    .join('')
    .trim();
  return {
    ref: {
      id: randomUUID(),
      filename: [...(filename || '证据')].slice(0, 100).join(''),
      mediaType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      addedAt: now.toISOString(),
    },
    content,
  };
}

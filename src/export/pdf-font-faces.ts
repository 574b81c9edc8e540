import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The faces our PDFs embed: Noto Sans CJK Regular (SIL Open Font License 1.1) as the `@embedpdf/fonts-*`
 * packages ship it, whole OpenType (CFF) files. The Simplified Chinese face holds GB 18030's characters
 * and nearly all of CJK Extension A; the Traditional face, used only for what the first lacks, adds some
 * 1,700 Extension B characters (those of Hong Kong's HKSCS), so that a rare character in a name prints.
 */
export type FaceKey = 'hans' | 'hant';

/** In the order text looks for a glyph. */
export const FACE_KEYS: readonly FaceKey[] = ['hans', 'hant'];

const FACE_FILES: Record<FaceKey, { fontPackage: string; file: string }> = {
  hans: { fontPackage: '@embedpdf/fonts-sc', file: 'NotoSansHans-Regular.otf' },
  hant: { fontPackage: '@embedpdf/fonts-tc', file: 'NotoSansHant-Regular.otf' },
};

/** The packages export only their file list; the fonts sit in `fonts/` beside `dist/`. */
function fontPath(face: FaceKey): string {
  const { fontPackage, file } = FACE_FILES[face];
  const entry = createRequire(import.meta.url).resolve(fontPackage);
  return join(dirname(entry), '..', 'fonts', file);
}

const opened = new Map<FaceKey, fontkit.Font>();

/**
 * A face, read and parsed on first use and kept for the life of the process: the files are megabytes, and
 * the Traditional one is opened only by a document that needs a character the Simplified one lacks.
 */
export function fontFace(face: FaceKey): fontkit.Font {
  let font = opened.get(face);
  if (!font) {
    const loaded = fontkit.openSync(fontPath(face));
    if (!('unitsPerEm' in loaded)) throw new Error(`${FACE_FILES[face].file} is a font collection`);
    font = loaded;
    opened.set(face, font);
  }
  return font;
}

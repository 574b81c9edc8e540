import { FACE_KEYS, type FaceKey } from './pdf-font-faces.js';
import type { GlyphChoice } from './pdf-glyphs.js';

/** One glyph of a face's subset: CID n is the n-th glyph drawn (CID 0 is .notdef, which is never drawn). */
export interface UsedGlyph {
  glyphId: number;
  text: string;
  /** Advance in thousandths of an em, the unit of the font dictionary's /W. */
  width: number;
}

/**
 * The glyphs a document draws, per face, numbered as its embedded subset numbers them: the content streams
 * show these numbers (Identity-H), so they are handed out as text is drawn, in drawing order, and the same
 * document always gets the same numbers.
 */
export class UsedGlyphs {
  private readonly byFace = new Map<FaceKey, Map<number, number>>();
  private readonly lists = new Map<FaceKey, UsedGlyph[]>();

  cidOf(glyph: GlyphChoice): number {
    // PDF/A forbids drawing .notdef; pdf-glyphs.ts draws a stand-in mark instead, so this is a bug.
    if (glyph.glyphId === 0) throw new Error(`No glyph for ${JSON.stringify(glyph.text)}`);
    let cids = this.byFace.get(glyph.face);
    let list = this.lists.get(glyph.face);
    if (!cids || !list) {
      cids = new Map();
      list = [];
      this.byFace.set(glyph.face, cids);
      this.lists.set(glyph.face, list);
    }
    let cid = cids.get(glyph.glyphId);
    if (cid === undefined) {
      list.push({ glyphId: glyph.glyphId, text: glyph.text, width: Math.round(glyph.ems * 1000) });
      cid = list.length;
      cids.set(glyph.glyphId, cid);
    }
    return cid;
  }

  /** The faces drawn with, in a fixed order so that resource names and objects do not depend on the text. */
  faces(): FaceKey[] {
    return FACE_KEYS.filter((face) => this.lists.has(face));
  }

  /** A face's glyphs in CID order, starting at CID 1. */
  glyphs(face: FaceKey): readonly UsedGlyph[] {
    return this.lists.get(face) ?? [];
  }
}

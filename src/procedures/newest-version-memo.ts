/** How long a public read may show a procedure's newest version without asking the database again. */
export const NEWEST_VERSION_FRESH_MS = 2_000;

/**
 * The newest version number of each procedure, as public reads (the catalog's item pages and charts)
 * last found it. Those reads ask "which version is the newest?" on every request, and the answer changes
 * only when a village or the district registers a version. A registration in this process forgets the
 * entry at once; one in another app process (or one whose transaction was still open when a read asked)
 * is shown within `NEWEST_VERSION_FRESH_MS`. Starting a matter never reads through this: it must start
 * on the newest version there is.
 */
export class NewestVersionMemo {
  private readonly known = new Map<string, { version: number; foundAt: number }>();

  constructor(
    private readonly freshMs = NEWEST_VERSION_FRESH_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async get(procedureId: string, find: () => Promise<number | undefined>): Promise<number | undefined> {
    const entry = this.known.get(procedureId);
    if (entry && this.now() - entry.foundAt < this.freshMs) return entry.version;
    const foundAt = this.now();
    const version = await find();
    if (version === undefined) this.known.delete(procedureId);
    else this.known.set(procedureId, { version, foundAt });
    return version;
  }

  forget(procedureId: string): void {
    this.known.delete(procedureId);
  }
}

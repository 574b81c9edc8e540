import { duration, int } from '../common/output.js';

/** One line redrawn in place: done of total, rate and time left. Redraws at most a few times a second. */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDrawn = 0;
  private done = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit: string,
  ) {}

  advance(by: number, note = ''): void {
    this.done += by;
    const now = performance.now();
    if (now - this.lastDrawn < 250 && this.done < this.total) return;
    this.lastDrawn = now;
    this.draw(note);
  }

  finish(note = ''): void {
    this.draw(note);
    process.stdout.write('\n');
  }

  private draw(note: string): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = this.done / Math.max(seconds, 1e-3);
    const share = Math.min(1, this.done / Math.max(this.total, 1));
    const width = 28;
    const filled = Math.round(share * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const left = rate > 0 ? (this.total - this.done) / rate : Infinity;
    const text =
      `${this.label} [${bar}] ${(share * 100).toFixed(1).padStart(5)}% ${int(this.done)}/${int(this.total)} ` +
      `${this.unit}  ${int(rate)} ${this.unit}/s  elapsed ${duration(seconds)}  ETA ${duration(left)} ${note}`;
    process.stdout.write(`\r${text}\u001b[K`);
  }
}

/**
 * The one source of "now". Injected everywhere so that tests never sleep and the demo can move time
 * forward through a public period.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * Real time plus an offset that only grows (time never runs backwards for timers). Tests stand it on a
 * clock of their own (`underlying`) so that what the demo's clock does can be checked without sleeping.
 */
export class AdjustableClock extends Clock {
  constructor(
    private offsetMs = 0,
    private readonly underlying: () => number = Date.now,
  ) {
    super();
  }

  now(): Date {
    return new Date(this.underlying() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('The clock only moves forward');
    this.offsetMs += ms;
  }
}

/** A clock that stands still until told to move: for tests. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

import { DAY_MS } from '../common/clock.js';

/** How long the link in a confirmation works: a week, counted from the subscription. */
export const CONFIRMATION_DAYS = 7;

/** A subscription made at or before this instant and not confirmed has lapsed. */
export const confirmationLapsedBefore = (now: Date) => new Date(now.getTime() - CONFIRMATION_DAYS * DAY_MS);

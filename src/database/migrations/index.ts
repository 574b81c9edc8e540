import { InitialSchema1764288000000 } from './1764288000000-initial-schema.js';
import { Conflicts1764374400000 } from './1764374400000-conflicts.js';
import { Calendar1764460800000 } from './1764460800000-calendar.js';

/** Migrations in order; listed explicitly so the ESM build needs no file globbing. */
export const MIGRATIONS = [InitialSchema1764288000000, Conflicts1764374400000, Calendar1764460800000];

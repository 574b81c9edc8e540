/**
 * Excel stores a date as a serial number of days, the time of day as its fraction, with no time zone: the
 * number is a wall time. Workbooks count from 1900 (Windows, WPS, LibreOffice) or, rarely, from 1904 (old
 * Mac Excel); `readXlsxSheets` reports which.
 */
export type ExcelDateSystem = 1900 | 1904;

const MS_PER_DAY = 86_400_000;
// Day 0 for serials from 61 (1900-03-01) on; earlier ones count from a day later (see below).
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const PHANTOM_LEAP_DAY = 60;
const LAST_MOMENT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** `YYYY-MM-DD` of a serial date, or null when Excel would not show a real date (below 1, 1900-02-29, past 9999). */
export function excelSerialToIsoDate(serial: number, system: ExcelDateSystem = 1900): string | null {
  return excelSerialToWallTime(serial, system)?.toISOString().slice(0, 10) ?? null;
}

/** `YYYY-MM-DDTHH:mm:ss` of a serial date and time, without a zone; null as for `excelSerialToIsoDate`. */
export function excelSerialToIsoDateTime(serial: number, system: ExcelDateSystem = 1900): string | null {
  return excelSerialToWallTime(serial, system)?.toISOString().slice(0, 19) ?? null;
}

/** The serial's wall time, as a Date whose UTC fields read it. */
function excelSerialToWallTime(serial: number, system: ExcelDateSystem): Date | undefined {
  if (!Number.isFinite(serial) || serial < (system === 1900 ? 1 : 0)) return undefined;
  let days = Math.floor(serial);
  // To the millisecond, so that 13:59:59.9999 stored a hair low by some writers reads as 14:00.
  let milliseconds = Math.round((serial - days) * MS_PER_DAY);
  if (milliseconds === MS_PER_DAY) {
    days++;
    milliseconds = 0;
  }
  if (system === 1900 && days === PHANTOM_LEAP_DAY) return undefined;
  // Lotus 1-2-3 took 1900 for a leap year, and Excel kept the bug to read Lotus files: serial 60 is a
  // 1900-02-29 that never was, so serials after it stand one day further from their epoch than those before.
  const epoch = system === 1904 ? EPOCH_1904 : days < PHANTOM_LEAP_DAY ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
  const wallTime = epoch + days * MS_PER_DAY + milliseconds;
  return wallTime > LAST_MOMENT ? undefined : new Date(wallTime);
}

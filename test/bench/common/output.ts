/** Bench output goes to stdout as plain lines (the lint keeps console.* for errors). */
export const say = (line = ''): void => void process.stdout.write(`${line}\n`);

export const heading = (title: string): void => say(`\n== ${title} ==`);

export const verdict = (met: boolean): string => (met ? 'MET' : 'MISSED');

export const fixed = (value: number, digits = 1): string => value.toFixed(digits);

export const int = (value: number): string => Math.round(value).toLocaleString('en-US');

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

export const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Seconds as a person reads them: `12.3 s`, `4m05s`, `2h07m`. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

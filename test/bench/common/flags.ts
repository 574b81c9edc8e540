import { parseArgs } from 'node:util';

/** A wrong command line: `flagsOrExit` shows it with the usage instead of a stack. */
class UsageError extends Error {}

/**
 * Reads `--name value` (or `--name=value`) options and `--flag` switches, typed by their defaults;
 * anything else on the command line is refused with the usage, so a typo never runs a long bench with
 * the defaults.
 */
export function readFlags<Flags extends Record<string, string | boolean>>(
  defaults: Flags,
  usage: string,
  argv: string[] = process.argv.slice(2),
): Flags {
  const options = Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [
      name,
      { type: typeof value === 'boolean' ? ('boolean' as const) : ('string' as const) },
    ]),
  );
  try {
    const { values } = parseArgs({ args: argv, options, strict: true });
    return { ...defaults, ...values };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** Whole-number flags, 1 or more (or 0 for those in `mayBeZero`); `1_000_000` is read as written. */
export function integerFlags<Name extends string>(
  defaults: Record<Name, number>,
  usage: string,
  mayBeZero: readonly NoInfer<Name>[] = [],
  argv: string[] = process.argv.slice(2),
): Record<Name, number> {
  const names = Object.keys(defaults) as Name[];
  const given = readFlags(
    Object.fromEntries(names.map((name) => [name, String(defaults[name])])) as Record<Name, string>,
    usage,
    argv,
  );
  const flags = { ...defaults };
  for (const name of names) {
    const value = Number(given[name].replaceAll('_', ''));
    const least = mayBeZero.includes(name) ? 0 : 1;
    if (!Number.isInteger(value) || value < least) {
      throw new UsageError(`--${name} must be a whole number of at least ${least}\n${usage}`);
    }
    flags[name] = value;
  }
  return flags;
}

export function positiveNumber(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name} must be a positive number`);
  return number;
}

/** Flags are read before anything runs: a wrong one ends the process with the usage, not a stack. */
export function flagsOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/**
 * Runs a bench's `main`. A failure is printed and sets the exit code instead of calling process.exit, so
 * output still on its way to a pipe or file is not cut off.
 */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

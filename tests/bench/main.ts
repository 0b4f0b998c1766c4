/** A bench script's entry: runs it, exits 0 when it resolves, prints the error and exits 1 when it throws. */
export function runMain(main: () => Promise<unknown>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

/** This script's arguments: `opt('clients', '10000')` reads `--clients N`, `flag('json')` whether `--json` is given. */
export const args = process.argv.slice(2);
export const flag = (n: string): boolean => args.includes(`--${n}`);
export const opt = (n: string, d: string): string => {
  const i = args.indexOf(`--${n}`);
  return i >= 0 ? (args[i + 1] ?? d) : d;
};

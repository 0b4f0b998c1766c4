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

/**
 * Electron's event object (`Electron.Event<Params>`): `preventDefault()` plus the event's own
 * fields, built from the package's types so a change there breaks the double's build.
 */
export function electronEvent<P extends object = object>(params: P = {} as P): Electron.Event<P> {
  let prevented = false;
  const base = {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
  return Object.defineProperties(
    Object.assign({}, params),
    Object.getOwnPropertyDescriptors(base),
  ) as Electron.Event<P>;
}

/** Electron serialises IPC replies with the structured clone algorithm; functions and classes do not survive. */
export function ipcClone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

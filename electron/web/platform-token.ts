/**
 * Where browser mode's CLI takes the platform token from, safest first: standard input
 * (`--token-stdin`, one line), the environment (`PARTNER_DESK_PLATFORM_TOKEN`), or `--token T`,
 * which still works but is visible to every user of the machine (`ps`), so it earns a warning.
 */
import type { Readable } from 'node:stream';

export const TOKEN_ENV = 'PARTNER_DESK_PLATFORM_TOKEN';

export const TOKEN_ARG_WARNING =
  'Warning: --token shows the platform token to other users of this computer (ps); use --token-stdin or PARTNER_DESK_PLATFORM_TOKEN instead.';

export interface TokenChoice {
  token: string | null;
  /** Set when the token came from where others can read it. */
  warning: string | null;
  /** Set when the sources are used wrongly (more than one, or an empty line). */
  error: string | null;
}

/** Reads the first line of `input` (without its line end), or null at end of input without one. */
export function readFirstLine(input: Readable): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (line: string | null) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', reject);
      input.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) done(text.slice(0, nl).replace(/\r$/, ''));
      else if (text.length > 64 * 1024) done(null);
    };
    const onEnd = () => done(text.length > 0 ? text.replace(/\r$/, '') : null);
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('error', reject);
  });
}

/** Picks the token from the CLI's sources; exactly one may be used. */
export async function choosePlatformToken(opts: {
  arg: string | undefined;
  fromStdin: boolean;
  env: NodeJS.ProcessEnv;
  stdin: Readable;
}): Promise<TokenChoice> {
  const envToken = opts.env[TOKEN_ENV];
  const sources = [opts.arg !== undefined, opts.fromStdin, envToken !== undefined && envToken !== ''].filter(Boolean);
  if (sources.length > 1) {
    return { token: null, warning: null, error: `Give the platform token one way only: --token-stdin, ${TOKEN_ENV} or --token` };
  }
  if (opts.fromStdin) {
    const line = (await readFirstLine(opts.stdin))?.trim() ?? '';
    if (!line) return { token: null, warning: null, error: '--token-stdin: standard input held no token line' };
    return { token: line, warning: null, error: null };
  }
  if (envToken) return { token: envToken.trim(), warning: null, error: null };
  if (opts.arg !== undefined) return { token: opts.arg, warning: TOKEN_ARG_WARNING, error: null };
  return { token: null, warning: null, error: null };
}

/**
 * The host side of the platform connection, shared by browser mode and the desktop app: which
 * platform the core talks to, where its token is kept (browser mode: connection.json 0600;
 * desktop: safeStorage), and the handling of `connection.set` before the core records it.
 * The token never reaches the core's database or the renderer.
 */
import { AppError } from '../../shared/contract/rpc/errors';
import { CONNECTION_PRESETS, ConnectionInput } from '../../shared/contract/rpc/app';
import { localMethods } from '../../shared/contract/rpc/local';
import type { ConnectionConfig, CoreHandle } from '../core/core-handle';
import type { SavedConnection } from './connection-store';

/**
 * The platform's base address as the core wants it: without trailing slashes and without the API
 * path, so both `https://host` and the `https://host/partner/api/v1` the demo platform prints work.
 */
export function platformBaseUrl(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/partner\/api\/v1$/, '');
}

export interface ConnectionStorage {
  read(): SavedConnection | null;
  write(conn: SavedConnection): void;
  /** Removes the saved connection and its token. */
  clear(): void;
}

export interface ConnectionManagerOptions {
  storage: ConnectionStorage;
  /** Starts (once) the built-in demo platform, or returns the one already running. */
  ensureDemo(): Promise<ConnectionConfig>;
}

export class ConnectionManager {
  constructor(private readonly opts: ConnectionManagerOptions) {}

  /** At start: the explicit connection, else the saved one (the demo when nothing is saved). */
  async initial(explicit?: ConnectionConfig | null, preferDemo = false): Promise<ConnectionConfig | null> {
    if (explicit) {
      this.save(explicit);
      return explicit;
    }
    const saved = this.opts.storage.read();
    if (preferDemo || !saved || saved.kind === 'demo') {
      const demo = await this.opts.ensureDemo();
      this.save(demo);
      return demo;
    }
    if (saved.url && saved.token) return { kind: saved.kind, url: saved.url, token: saved.token };
    return null;
  }

  private save(conn: ConnectionConfig): void {
    this.opts.storage.write(
      conn.kind === 'demo'
        ? { kind: 'demo', url: null, token: null }
        : { kind: conn.kind, url: conn.url, token: conn.token },
    );
  }

  /**
   * `connection.set` from the UI: resolve the address, keep the token here, give the core the new
   * connection, then let the core record kind and address (without the token) and answer.
   */
  async set(core: CoreHandle, rawInput: unknown): Promise<unknown> {
    const parsed = ConnectionInput.safeParse(rawInput ?? {});
    if (!parsed.success) return core.call('connection.set', rawInput); // the core names the fields
    const input = parsed.data;
    let conn: ConnectionConfig;
    if (input.kind === 'demo') {
      conn = await this.opts.ensureDemo();
    } else {
      const url =
        input.kind === 'custom'
          ? input.url
            ? platformBaseUrl(input.url)
            : undefined
          : CONNECTION_PRESETS[input.kind];
      if (!url)
        throw new AppError('invalid_input', 'A custom connection needs an address', {
          fields: { url: 'required' },
        });
      const saved = this.opts.storage.read();
      const token =
        input.token ?? (saved && saved.kind === input.kind && saved.url === url ? saved.token : null);
      if (!token)
        throw new AppError('invalid_input', 'The connection needs a token', {
          fields: { token: 'required' },
        });
      conn = { kind: input.kind, url, token };
    }
    this.save(conn);
    await core.setConnection(conn);
    const { token: _secret, ...rest } = input;
    return core.call('connection.set', {
      ...rest,
      ...(conn.kind === 'demo' || conn.kind === 'custom' ? { url: conn.url } : {}),
    });
  }

  /**
   * `localData.forget` from the UI: the token goes first (the core stops talking to the platform,
   * the saved connection is removed), then the core forgets the whole cache. A request the
   * contract refuses changes nothing.
   */
  async forget(core: CoreHandle, rawInput: unknown): Promise<unknown> {
    if (!localMethods['localData.forget'].input.safeParse(rawInput ?? {}).success) {
      return core.call('localData.forget', rawInput); // the core names what is wrong
    }
    this.opts.storage.clear();
    await core.setConnection(null);
    return core.call('localData.forget', rawInput);
  }
}

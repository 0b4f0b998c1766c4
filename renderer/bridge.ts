/**
 * The renderer's one way to the core: `call(method, input)` and `onEvent(listener)`.
 * Desktop: the preload's `window.partnerDesk` (IPC). Browser mode: `POST /rpc` with the per-run
 * token in a header, and server-sent events from `/events`. Errors always reject as AppError.
 */
import { WEB_TOKEN_HEADER, type AppCommand, type PartnerDeskBridge, type RpcReply } from '../shared/contract/bridge';
import type { CoreEvent } from '../shared/contract/events';
import { AppError, AppErrorShape } from '../shared/contract/rpc/errors';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/rpc/index';

declare global {
  interface Window {
    partnerDesk?: PartnerDeskBridge;
  }
}

const TOKEN_KEY = 'partnerDesk.token';
type Listener = (e: CoreEvent) => void;

function desktop(): PartnerDeskBridge | undefined {
  return typeof window !== 'undefined' ? window.partnerDesk : undefined;
}

/** 'desktop' inside Electron, 'browser' in browser mode. */
export const bridgeMode: 'desktop' | 'browser' = desktop() ? 'desktop' : 'browser';

/**
 * Browser mode: the token arrives once in the address (`?token=`). Keep it for this tab in
 * sessionStorage and take it out of the address bar so it is not bookmarked or shared.
 */
function takeToken(): string | null {
  if (typeof window === 'undefined') return null;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      /* storage disabled: keep it in memory only */
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
const webToken: string | null = bridgeMode === 'browser' ? takeToken() : null;

function toAppError(reply: unknown, fallback: string): AppError {
  const parsed = AppErrorShape.safeParse(reply);
  return parsed.success ? AppError.from(parsed.data) : new AppError('internal', fallback);
}

function unwrap(reply: RpcReply | unknown, method: string): unknown {
  const r = reply as Partial<RpcReply> | null;
  if (r && r.ok === true) return (r as { result: unknown }).result;
  if (r && r.ok === false) throw toAppError((r as { error: unknown }).error, `${method} failed`);
  throw new AppError('internal', `Malformed reply to ${method}`);
}

// ---------- events ----------
const listeners = new Set<Listener>();
function emitLocal(e: CoreEvent): void {
  for (const l of [...listeners]) {
    try {
      l(e);
    } catch (err) {
      console.error('event listener failed', err);
    }
  }
}
/** The browser-mode server itself is unreachable: tell the UI as if the core had said so. */
let serverGone = false;
function reportServerGone(message: string): void {
  if (serverGone) return;
  serverGone = true;
  emitLocal({
    event: 'connectivity',
    payload: { state: 'offline', since: new Date().toISOString(), message },
  });
}
async function reportServerBack(): Promise<void> {
  if (!serverGone) return;
  serverGone = false;
  try {
    const s = (await call('sync.status', {})) as {
      connectivity: CoreEvent<'connectivity'>['payload']['state'];
    };
    emitLocal({
      event: 'connectivity',
      payload: { state: s.connectivity, since: new Date().toISOString(), message: null },
    });
  } catch {
    /* the next event or call will tell */
  }
}

let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 500;
function openEvents(): void {
  if (source || retryTimer || listeners.size === 0) return;
  const es = new EventSource(`/events?token=${encodeURIComponent(webToken ?? '')}`);
  source = es;
  es.onopen = () => {
    retryDelay = 500;
    void reportServerBack();
  };
  es.onmessage = (m: MessageEvent<string>) => {
    try {
      emitLocal(JSON.parse(m.data) as CoreEvent);
    } catch {
      /* ignore a malformed frame */
    }
  };
  es.onerror = () => {
    // EventSource retries by itself while CONNECTING; once CLOSED (server gone or refused) we do.
    reportServerGone('Partner Desk server unreachable');
    if (es.readyState === EventSource.CLOSED) {
      source = null;
      scheduleReconnect();
    }
  };
}
function scheduleReconnect(): void {
  if (retryTimer || listeners.size === 0) return;
  const delay = retryDelay + Math.random() * retryDelay * 0.3;
  retryDelay = Math.min(retryDelay * 2, 10_000);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    openEvents();
  }, delay);
}
function closeEvents(): void {
  source?.close();
  source = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
}

/** Subscribes to core events (data.changed, sync.progress, connectivity, actions.progress). */
export function onEvent(listener: Listener): () => void {
  const d = desktop();
  if (d) return d.onEvent(listener);
  listeners.add(listener);
  openEvents();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) closeEvents();
  };
}

// ---------- calls ----------
/** Calls a contract method; rejects with AppError. */
/** The native menu's commands (desktop only; browser mode has no native menu: nothing arrives). */
export function onCommand(listener: (command: AppCommand) => void): () => void {
  return desktop()?.onCommand(listener) ?? (() => undefined);
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const d = desktop();
  if (d) {
    let reply: RpcReply;
    try {
      reply = await d.call(method, input);
    } catch (err) {
      throw new AppError('internal', err instanceof Error ? err.message : String(err));
    }
    return unwrap(reply, method) as MethodOutput<M>;
  }
  let res: Response;
  try {
    // The method is named in the address too: the server picks its body limit before reading.
    res = await fetch(`/rpc?method=${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [WEB_TOKEN_HEADER]: webToken ?? '' },
      body: JSON.stringify({ method, input }),
    });
  } catch {
    reportServerGone('Partner Desk server unreachable');
    scheduleReconnect();
    throw new AppError('offline', 'The Partner Desk server is not reachable');
  }
  void reportServerBack();
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new AppError('internal', `HTTP ${res.status} from /rpc`);
  }
  return unwrap(body, method) as MethodOutput<M>;
}

export { AppError };

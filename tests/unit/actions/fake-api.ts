/** An in-memory platform for the runner's unit tests: honours idempotency keys, injects faults. */
import type { BulkAction, BulkResult, Client, InviteBody } from '../../../shared/contract/platform';
import { ApiError } from '../../../electron/core/partner-api/errors';
import type { ActionsApi } from '../../../electron/core/actions/runner';

export class FakePlatform implements ActionsApi {
  status = new Map<string, 'active' | 'blocked' | 'invited' | 'deleted'>();
  /** State changes actually applied per client (a replayed key applies nothing). */
  applied = new Map<string, number>();
  calls: { kind: string; ids: string[]; key: string | undefined }[] = [];
  replies = new Map<string, unknown>();
  /** Each entry is thrown by the next call, in order. */
  faults: ApiError[] = [];
  /** Ids refused in bulk answers (ok: false). */
  refuse = new Set<string>();
  /** When set, calls wait for this before answering. */
  gate: Promise<void> | null = null;
  offline = false;

  constructor(ids: string[], status: (i: number) => 'active' | 'blocked' | 'invited' = () => 'active') {
    ids.forEach((id, i) => this.status.set(id, status(i)));
  }

  private async enter(kind: string, ids: string[], key: string | undefined) {
    this.calls.push({ kind, ids, key });
    if (this.gate) await this.gate;
    if (this.offline) throw new ApiError('network', 'connect ECONNREFUSED');
    const f = this.faults.shift();
    if (f) throw f;
  }

  private applyOne(action: BulkAction, id: string): { ok: boolean; error?: string } {
    const s = this.status.get(id);
    if (!s || s === 'deleted') return { ok: false, error: 'not_found' };
    if (this.refuse.has(id)) return { ok: false, error: 'invalid_state' };
    const next = action === 'block' ? 'blocked' : action === 'unblock' ? 'active' : 'deleted';
    if (s !== next) {
      this.status.set(id, next);
      this.applied.set(id, (this.applied.get(id) ?? 0) + 1);
    }
    return { ok: true };
  }

  async bulk(action: BulkAction, ids: string[], key?: string): Promise<BulkResult> {
    await this.enter('bulk', ids, key);
    if (key && this.replies.has(key)) return this.replies.get(key) as BulkResult;
    const res: BulkResult = { results: ids.map((id) => ({ id, ...this.applyOne(action, id) })) };
    if (key) this.replies.set(key, res);
    return res;
  }

  private async single(action: BulkAction, id: string, key?: string): Promise<unknown> {
    await this.enter(action, [id], key);
    if (key && this.replies.has(key)) return this.replies.get(key);
    const r = this.applyOne(action, id);
    if (!r.ok) throw new ApiError('http', r.error ?? 'refused', { status: r.error === 'not_found' ? 404 : 409, code: r.error ?? 'invalid_state' });
    const out = action === 'delete' ? { id, deleted_at: new Date().toISOString() } : this.client(id);
    if (key) this.replies.set(key, out);
    return out;
  }
  block(id: string, key?: string) {
    return this.single('block', id, key) as Promise<Client>;
  }
  unblock(id: string, key?: string) {
    return this.single('unblock', id, key) as Promise<Client>;
  }
  deleteClient(id: string, key?: string) {
    return this.single('delete', id, key) as Promise<{ id: string; deleted_at: string }>;
  }

  /** Invites: a known email is refused with client_exists; a replayed key answers the same client. */
  async invite(body: InviteBody, key?: string): Promise<Client> {
    const id = `inv-${body.email}`;
    await this.enter('invite', [id], key);
    if (key && this.replies.has(key)) return this.replies.get(key) as Client;
    if (this.status.has(id)) throw new ApiError('http', 'exists', { status: 409, code: 'client_exists' });
    this.status.set(id, 'invited');
    this.applied.set(id, 1);
    const c = { ...this.client(id), email: body.email, name: body.name ?? null, status: 'invited' as const };
    if (key) this.replies.set(key, c);
    return c;
  }

  private client(id: string): Client {
    const t = '2026-01-01T00:00:00Z';
    const m = { amount_minor: 0, currency: 'RUB' as const };
    const s = this.status.get(id);
    return {
      id,
      email: `${id}@example.com`,
      name: null,
      phone: null,
      external_id: null,
      status: s === 'deleted' || !s ? 'active' : s,
      payment_model: 'prepaid',
      invited_at: t,
      registered_at: null,
      updated_at: t,
      balance: { payment: m, bonus: m, as_of: t },
      projects_count: 0,
    };
  }
}

/**
 * The platform's state over its SQLite file: the clock, the change sequence, and the row -> wire
 * conversions used on the hot paths (plain objects, no per-row zod parsing; tests validate shapes).
 */
import type { Currency, PlatformInfo, Region } from '../../shared/contract/platform';
import { clientId, getMeta, invitationId, setMeta, txId, type Db } from './db';
import { SERVICE_TEXT } from './names';

/** ISO 8601 UTC without milliseconds (the rows hold whole seconds); cheaper than a regex per call. */
export const isoUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

export interface ClientRow {
  n: number;
  email: string;
  name: string | null;
  phone: string | null;
  external_id: string | null;
  status: 'invited' | 'active' | 'blocked';
  payment_model: 'prepaid' | 'postpaid';
  invited_at: number;
  registered_at: number | null;
  updated_at: number;
  opening_payment: number;
  payment: number;
  bonus: number;
  projects_count: number;
  deleted_at: number | null;
  seq: number;
}
export interface TxRow {
  seq: number;
  client_n: number;
  pid: string | null;
  at_ms: number;
  kind: number;
  amount: number;
  service: string | null;
  sub: string | null;
}
export interface InvitationRow {
  n: number;
  client_n: number;
  token: string;
  sent_at: number;
  expires_at: number;
  resent_count: number;
  state: 'pending' | 'revoked' | 'accepted';
}

export interface StoreOptions {
  region: Region;
  policies: 'seed' | 'vk-2025';
  /** A fixed clock start (tests); otherwise the wall clock. */
  now?: number | undefined;
}

export class Store {
  readonly currency: Currency;
  readonly platform: PlatformInfo;
  private offsetMs = 0;
  private seq: number;
  readonly q;

  constructor(
    readonly db: Db,
    private readonly opts: StoreOptions,
  ) {
    this.currency = opts.region === 'kazakhstan' ? 'KZT' : 'RUB';
    const keepBlock = { resources: 'keep_running', days: null, can_log_in: false } as const;
    this.platform = {
      region: opts.region,
      time_zone: opts.region === 'kazakhstan' ? '+06:00' : 'Europe/Moscow',
      currency: this.currency,
      policies: {
        block: keepBlock,
        delete:
          opts.policies === 'vk-2025'
            ? { resources: 'deleted_after_days', days: 3, can_log_in: false }
            : { resources: 'kept', days: null, can_log_in: false },
      },
    };
    this.offsetMs = Number(getMeta(db, 'clock_offset_ms') ?? 0);
    this.seq = (db.prepare('SELECT MAX(seq) AS m FROM clients').get() as { m: number | null }).m ?? 0;
    this.q = {
      client: db.prepare('SELECT * FROM clients WHERE n = ?'),
      liveByEmail: db.prepare('SELECT n FROM clients WHERE email_lc = ? AND deleted_at IS NULL'),
      touch: db.prepare('UPDATE clients SET seq = ?, updated_at = ? WHERE n = ?'),
      setStatus: db.prepare('UPDATE clients SET status = ?, seq = ?, updated_at = ? WHERE n = ?'),
      projects: db.prepare('SELECT pid, name, status, created_at FROM projects WHERE client_n = ? ORDER BY created_at, pid'),
      invitation: db.prepare('SELECT * FROM invitations WHERE n = ?'),
      invitationByToken: db.prepare('SELECT * FROM invitations WHERE token = ?'),
      pendingInvitationOf: db.prepare("SELECT * FROM invitations WHERE client_n = ? AND state = 'pending' ORDER BY n DESC LIMIT 1"),
      insTx: db.prepare('INSERT INTO transactions (client_n, pid, at_ms, kind, amount, service, sub) VALUES (?,?,?,?,?,?,?)'),
      insProject: db.prepare('INSERT INTO projects (pid, client_n, name, status, created_at) VALUES (?,?,?,?,?)'),
      setBalance: db.prepare('UPDATE clients SET payment = ?, bonus = ? WHERE n = ?'),
    };
  }

  /** Platform time (ms, whole seconds): the fixed start or the wall clock, plus simulated days. */
  now(): number {
    const base = this.opts.now ?? Date.now();
    return Math.floor((base + this.offsetMs) / 1000) * 1000;
  }
  /** Whether now() follows the wall clock (no fixed start was given). */
  runsOnWallClock(): boolean {
    return this.opts.now === undefined;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
    setMeta(this.db, 'clock_offset_ms', String(this.offsetMs));
  }

  /** The next change sequence number; call inside the writing transaction. */
  nextSeq(): number {
    return ++this.seq;
  }
  touch(n: number): void {
    this.q.touch.run(this.nextSeq(), this.now(), n);
  }
  counter(name: 'clients_next' | 'pid_next' | 'inv_next'): number {
    const v = Number(getMeta(this.db, name) ?? 1);
    setMeta(this.db, name, String(v + 1));
    return v;
  }
  newPid(): string {
    const n = this.counter('pid_next');
    return `mcs${String(n).padStart(6, '0')}${1000 + ((n * 7919) % 9000)}`;
  }

  client(n: number): ClientRow | undefined {
    return this.q.client.get(n) as ClientRow | undefined;
  }
  liveClient(n: number): ClientRow | undefined {
    const c = this.client(n);
    return c && c.deleted_at === null ? c : undefined;
  }

  clientWire(c: ClientRow) {
    const cur = this.currency;
    return {
      id: clientId(c.n),
      email: c.email,
      name: c.name,
      phone: c.phone,
      external_id: c.external_id,
      status: c.status,
      payment_model: c.payment_model,
      invited_at: isoUtc(c.invited_at),
      registered_at: c.registered_at === null ? null : isoUtc(c.registered_at),
      updated_at: isoUtc(c.updated_at),
      balance: {
        payment: { amount_minor: c.payment, currency: cur },
        bonus: { amount_minor: c.bonus, currency: cur },
        as_of: isoUtc(c.updated_at),
      },
      projects_count: c.projects_count,
    };
  }

  txWire(t: TxRow) {
    return {
      id: txId(t.seq),
      client_id: clientId(t.client_n),
      project_pid: t.pid,
      at: isoUtc(t.at_ms),
      kind: t.kind === 0 ? 'debit' : 'credit',
      amount_minor: t.amount,
      currency: this.currency,
      service: t.service,
      description: SERVICE_TEXT[t.service ?? t.sub ?? 'topup'] ?? '',
    };
  }

  invitationWire(i: InvitationRow, email: string) {
    return {
      id: invitationId(i.n),
      client_id: clientId(i.client_n),
      email,
      status: i.expires_at <= this.now() ? 'expired' : 'pending',
      sent_at: isoUtc(i.sent_at),
      expires_at: isoUtc(i.expires_at),
      resent_count: i.resent_count,
    } as const;
  }

  /** Append a ledger row and move the client's balance with it (inside a transaction). */
  addTx(c: ClientRow, pid: string | null, at: number, kind: 0 | 1, amount: number, service: string | null, sub: string | null): void {
    this.q.insTx.run(c.n, pid, at, kind, amount, service, sub);
    if (sub === 'bonus') c.bonus += amount;
    else c.payment += kind === 1 ? amount : -amount;
    this.q.setBalance.run(c.payment, c.bonus, c.n);
  }

  /** Accept an invitation: active, registered, a new project; all through the change sequence. */
  acceptInvitation(inv: InvitationRow): { client: ClientRow; pid: string } | undefined {
    return this.db.transaction(() => {
      const c = this.liveClient(inv.client_n);
      if (!c || c.status !== 'invited') return undefined;
      const now = this.now();
      this.db.prepare("UPDATE invitations SET state = 'accepted' WHERE n = ?").run(inv.n);
      const pid = this.newPid();
      this.q.insProject.run(pid, c.n, `Project ${c.projects_count + 1}`, 'active', now);
      this.db
        .prepare("UPDATE clients SET status = 'active', registered_at = ?, projects_count = projects_count + 1, seq = ?, updated_at = ? WHERE n = ?")
        .run(now, this.nextSeq(), now, c.n);
      return { client: this.client(c.n) as ClientRow, pid };
    })();
  }
}

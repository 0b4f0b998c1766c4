/** Synthetic platform clients for unit tests of the cache (deterministic from a seed). */
import type { Client } from '../../../shared/contract/platform';
import type { SortColumn } from '../../../shared/contract/rpc/clients';
import { rng } from '../../../electron/demo-platform/prng';

const NAMES = ['ООО «Ромашка»', 'АО «Вектор»', 'ИП Иванов', 'Acme Ltd', 'ООО «Северный ветер»', 'Globex Ltd', 'АО «Техно»', 'ИП Петрова'];

export function makeClients(n: number, seed = 1): Client[] {
  const r = rng(seed).next;
  const out: Client[] = [];
  for (let i = 0; i < n; i++) {
    const id = `c${String(i).padStart(6, '0')}`;
    const status = (['invited', 'active', 'blocked'] as const)[Math.floor(r() * 3)]!;
    const day = 1 + Math.floor(r() * 28);
    const hasName = r() > 0.05;
    out.push({
      id,
      email: `user${i}@example${i % 7}.ru`,
      name: hasName ? `${NAMES[i % NAMES.length]} ${i}` : null,
      phone: r() > 0.1 ? `+7 (9${String(i % 100).padStart(2, '0')}) ${String(1000000 + i).slice(1, 4)}-${String(i % 100).padStart(2, '0')}-00` : null,
      external_id: r() > 0.3 ? `EXT-${i * 7}` : null,
      status,
      payment_model: r() > 0.5 ? 'prepaid' : 'postpaid',
      invited_at: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00Z`,
      registered_at: status === 'invited' ? null : `2025-12-${String(day).padStart(2, '0')}T10:00:00Z`,
      updated_at: '2026-01-01T00:00:00Z',
      balance: {
        payment: { amount_minor: Math.floor((r() - 0.2) * 10_000_00), currency: 'RUB' },
        bonus: { amount_minor: Math.floor(r() * 50_000), currency: 'RUB' },
        as_of: '2026-01-01T00:00:00Z',
      },
      projects_count: Math.floor(r() * 5),
    });
  }
  return out;
}

/** Each sort column as a plain reference query orders by it (what the list's plans must equal). */
export const SORT_SQL: Record<SortColumn, string> = {
  name: 'name COLLATE NOCASE',
  email: 'email',
  phone: 'phone',
  externalId: 'external_id',
  status: 'status',
  paymentModel: 'payment_model',
  payment: 'payment_minor',
  bonus: 'bonus_minor',
  projectsCount: 'projects_count',
  invitedAt: 'invited_at',
  registeredAt: 'registered_at',
};

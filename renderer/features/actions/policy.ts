/**
 * The consequence sentences of a confirmation, from the platform's declared policies (GET /platform):
 * seed rules — a blocked client cannot log in and their resources keep running; deleting detaches the
 * client and keeps the resources; vk-2025 — resources are deleted after N days.
 */
import type { BulkAction, ResourcePolicy } from '../../../shared/contract/platform';

export interface Line {
  key: string;
  params?: Record<string, number>;
}

export function consequences(
  action: BulkAction,
  policies: { block: ResourcePolicy | null; delete: ResourcePolicy | null } | undefined,
): Line[] {
  if (action === 'unblock') return [{ key: 'actions:confirm.consequence.unblock' }];
  const p = policies?.[action] ?? null;
  if (!p) return [{ key: 'actions:confirm.consequence.unknown' }];
  const lines: Line[] = [];
  if (action === 'block') {
    lines.push({ key: p.can_log_in ? 'actions:confirm.consequence.canLogIn' : 'actions:confirm.consequence.cannotLogIn' });
    if (p.resources === 'keep_running') lines.push({ key: 'actions:confirm.consequence.blockKeepRunning' });
    else if (p.resources === 'kept') lines.push({ key: 'actions:confirm.consequence.blockKept' });
    else lines.push({ key: 'actions:confirm.consequence.blockDeletedAfter', params: { count: p.days ?? 0 } });
  } else {
    lines.push({ key: 'actions:confirm.consequence.deleteDetach' });
    if (p.resources === 'keep_running') lines.push({ key: 'actions:confirm.consequence.deleteKeepRunning' });
    else if (p.resources === 'kept') lines.push({ key: 'actions:confirm.consequence.deleteKept' });
    else lines.push({ key: 'actions:confirm.consequence.deleteDeletedAfter', params: { count: p.days ?? 0 } });
  }
  return lines;
}

/** Whether the typed text confirms `count` (digits only, spaces and separators ignored). */
export function typedMatches(typed: string, count: number): boolean {
  return typed.replace(/[\s\u00a0\u202f,.]/g, '') === String(count);
}

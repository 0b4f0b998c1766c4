/** Checks of the settings form before it is sent (the core checks again with the contract). */
import { CONNECTION_PRESETS, type ConnectionKind } from '../../../shared/contract/rpc/app';
import { platformAddressProblem } from '../../../shared/domain/address';

export interface ConnectionDraft {
  kind: ConnectionKind;
  url: string;
  token: string;
}

/** field -> reason (a key of FIELD_KEY in ui/labels.ts). */
export function validateConnection(d: ConnectionDraft, saved: { kind: ConnectionKind; hasToken: boolean }): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.kind === 'custom') {
    const url = d.url.trim();
    if (!url) out.url = 'required';
    else {
      // https:// only, except this computer: the token must not cross the network in clear text.
      const problem = platformAddressProblem(url);
      if (problem) out.url = problem;
    }
  }
  // The demo platform needs no token; any other connection keeps a saved token only while its kind stays.
  const needsToken = d.kind !== 'demo' && !(saved.hasToken && saved.kind === d.kind);
  if (needsToken && d.token.trim() === '') out.token = 'required';
  if (d.token.length > 500) out.token = 'too_big';
  return out;
}

export function presetUrl(kind: ConnectionKind): string | null {
  return kind === 'vk' || kind === 'vk_mcs' ? CONNECTION_PRESETS[kind] : null;
}

/** An integer in [min, max] typed in a field, else the reason it is refused. */
export function parseIntField(text: string, min: number, max: number): { value: number } | { reason: string } {
  const t = text.trim();
  if (t === '') return { reason: 'required' };
  if (!/^-?\d+$/.test(t)) return { reason: 'not_integer' };
  const n = Number(t);
  if (n < min) return { reason: 'too_small' };
  if (n > max) return { reason: 'too_big' };
  return { value: n };
}

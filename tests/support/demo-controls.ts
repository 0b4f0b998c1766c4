/**
 * A typed client of the demo platform's controls (`--allow-demo-controls`): faults, simulated
 * days and the invitation link of a pending invite. Inputs are the contract's own zod schemas
 * (`DemoFaults`, `DemoTick` in shared/contract/platform), answers are parsed; every call sends the
 * platform token and `Content-Type: application/json`. A refused call throws with its status.
 */
import { z } from 'zod';
import { DemoFaults, DemoTick } from '../../shared/contract/platform';
import type { TickResult } from '../../electron/demo-platform/tick';

/** What a started demo platform gives: its address and token. */
export interface DemoPlatformAddress {
  url: string;
  token: string;
}

const InvitationLink = z.object({ url: z.string() });

export interface DemoControls {
  /** Sets every fault at once; fields left out are off. Resolves to the faults now in force. */
  setFaults(faults: z.input<typeof DemoFaults>): Promise<DemoFaults>;
  /** Turns every fault off. */
  clearFaults(): Promise<DemoFaults>;
  faults(): Promise<DemoFaults>;
  /** Lets simulated days pass (charges, top-ups, accepted invitations). */
  tick(t?: z.input<typeof DemoTick>): Promise<TickResult>;
  /** The invitation page of the newest pending invitation for this email. */
  invitationUrl(email: string): Promise<string>;
  /** The bare answer to a control path (POST with a body, GET without), for tests of refusals. */
  raw(path: string, body?: unknown): Promise<Response>;
}

export function demoControls(platform: DemoPlatformAddress): DemoControls {
  const raw = (path: string, body?: unknown) =>
    fetch(platform.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Access-Token': platform.token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  async function call(path: string, body?: unknown): Promise<unknown> {
    const res = await raw(path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  }
  const setFaults = async (f: z.input<typeof DemoFaults>) =>
    DemoFaults.parse(await call('/__demo/faults', DemoFaults.parse(f)));
  return {
    raw,
    setFaults,
    clearFaults: () => setFaults({}),
    faults: async () => DemoFaults.parse(await call('/__demo/faults')),
    tick: async (t = {}) => (await call('/__demo/tick', DemoTick.parse(t))) as TickResult,
    invitationUrl: async (email) =>
      InvitationLink.parse(await call(`/__demo/invitations?email=${encodeURIComponent(email)}`)).url,
  };
}

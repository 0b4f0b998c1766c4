/**
 * DESIGN.md's desktop security statements, asserted on what the real main process passed to the
 * Electron test double (the same list tests/e2e/electron asserts on the real binary).
 */
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { SECURITY_STATEMENTS } from '../../support/desktop-security';
import { startDesktop, type DesktopRun } from '../../support/desktop-double';

vi.mock('electron', async () => (await import('../../support/electron-double')).electronModule);

describe('desktop security statements (main process on the Electron double)', () => {
  let run: DesktopRun;
  beforeAll(async () => {
    run = await startDesktop({ systemLanguages: ['en-US'] });
  });
  afterAll(async () => {
    await run?.quit();
  });

  for (const s of SECURITY_STATEMENTS) {
    it(`${s.id}: ${s.design}`, () => s.check(run.probe));
  }
});

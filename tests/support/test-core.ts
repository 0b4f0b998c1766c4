/**
 * A core in the test's own process on a test platform (the fake one or a demo platform): browser
 * mode, no scheduled sync, and no waiting between retries unless the test asks for it. The test
 * still owns the data folder and the platform, and closes the core.
 */
import { createCore, type Core, type CreateCoreExtras } from '../../electron/core/create-core';
import type { ConnectionKind } from '../../shared/contract/rpc/app';

export interface TestPlatform {
  url: string;
  token: string;
}

export function testCore(dataDir: string, platform: TestPlatform, kind: ConnectionKind, extras: CreateCoreExtras = {}): Promise<Core> {
  return createCore({
    dataDir,
    mode: 'browser',
    version: 'test',
    connection: { kind, url: platform.url, token: platform.token },
    autoSync: false,
    ...extras,
  });
}

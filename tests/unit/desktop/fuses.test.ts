/**
 * The installer configuration sets every Electron fuse the app relies on. Read with
 * electron-builder's own loader and schema check, so a misspelt key fails here, not in a release.
 */
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { projectRoot } from '../../support/electron';

type Fuses = NonNullable<Configuration['electronFuses']>;

/** What DESIGN.md's "Security" list and the README promise for packaged builds. */
const REQUIRED: Required<
  Pick<
    Fuses,
    | 'runAsNode'
    | 'enableNodeOptionsEnvironmentVariable'
    | 'enableNodeCliInspectArguments'
    | 'enableCookieEncryption'
    | 'enableEmbeddedAsarIntegrityValidation'
    | 'onlyLoadAppFromAsar'
    | 'grantFileProtocolExtraPrivileges'
  >
> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(
    config: Configuration,
    debug: { isEnabled: boolean; add(k: string, v: unknown): void },
  ): Promise<void>;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and flips every required fuse', async () => {
    // electron-builder's loader (the one `npm run dist` uses) and its JSON-schema validation.
    const { getConfig, validateConfiguration } =
      (await import('app-builder-lib/out/util/config/config.js')) as ConfigModule;
    const config = await getConfig(projectRoot, 'electron-builder.yml', null);
    await validateConfiguration(config, { isEnabled: false, add: () => undefined });
    const fuses = config.electronFuses ?? {};
    const missing = Object.entries(REQUIRED).filter(([k, v]) => fuses[k as keyof Fuses] !== v);
    expect(missing, 'fuses not set as required (name, wanted value)').toEqual([]);
    // The app code is packed into app.asar (the asar fuses above are meaningless otherwise).
    expect(config.asar).not.toBe(false);
  }, 60_000);
});

/**
 * What GET /platform answers for a Moscow platform with the seed policies: the demo platform's
 * default, and what the unit tests' stand-in platforms serve.
 */
import type { PlatformInfo } from '../../shared/contract/platform';

export const MOSCOW_SEED_PLATFORM: PlatformInfo = {
  region: 'moscow',
  time_zone: 'Europe/Moscow',
  currency: 'RUB',
  policies: {
    block: { resources: 'keep_running', days: null, can_log_in: false },
    delete: { resources: 'kept', days: null, can_log_in: false },
  },
};

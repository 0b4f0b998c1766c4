/** Service codes -> literal catalogue keys, for the screens and the exports alike. */
import type { ServiceCode } from '../../contract/platform';

export const SERVICE_KEY: Record<ServiceCode | 'none', string> = {
  compute: 'balance:service.compute',
  block_storage: 'balance:service.block_storage',
  object_storage: 'balance:service.object_storage',
  kubernetes: 'balance:service.kubernetes',
  dbaas: 'balance:service.dbaas',
  network: 'balance:service.network',
  licenses: 'balance:service.licenses',
  none: 'balance:service.none',
};

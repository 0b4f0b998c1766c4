/** The bulk bar's enqueue of a confirmed action. */
import { AppError, call } from '../../bridge';
import type { BulkAction } from '../../../shared/contract/platform';

/**
 * The confirmed action over the selection the dialog checked (the core kept it: neither its ids nor
 * their check go again); its ids when the core no longer keeps it (not_found).
 */
export async function enqueueChecked(action: BulkAction, selection: string, ids: string[]): Promise<void> {
  try {
    await call('actions.enqueue', { action, selection });
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
    await call('actions.enqueue', { action, ids });
  }
}

/**
 * Balance alerts as native notifications from the main process, so they arrive while the window
 * is hidden or minimised. After each sync and each change of clients, ledger or deals it reads
 * `alerts.summary`, shows the alerts not notified yet in the user's language (one each up to three,
 * else one summary) and marks them notified. Clicking a notification brings the window forward.
 */
import { Notification } from 'electron';
import type { AlertRow } from '../../shared/contract/rpc/partner';
import { alertDetail } from '../../shared/i18n/alert-text';
import type { Lang } from '../../shared/i18n/index';
import type { CoreHandle } from '../core/core-handle';
import { mainT } from './i18n';
import { log } from './log';

export function watchBalanceAlerts(
  core: CoreHandle,
  language: () => Lang,
  showWindow: () => void,
): () => void {
  let running = false;
  let again = false;
  const check = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const { fresh, freshCount } = (await core.call('alerts.summary', {})) as { fresh: AlertRow[]; freshCount: number };
        if (!freshCount || !Notification.isSupported()) continue;
        const lang = language();
        const t = mainT(lang);
        const title = t('partner:alerts.notifyTitle');
        const bodies =
          freshCount <= fresh.length
            ? fresh.map((a) =>
                t('partner:alerts.notifyOne', { client: a.name ?? a.email, what: alertDetail(t, a, lang) }),
              )
            : [t('partner:alerts.notifyMany', { count: freshCount })];
        for (const body of bodies) {
          const n = new Notification({ title, body });
          n.on('click', showWindow);
          n.show();
        }
        await core.call('alerts.notified', freshCount <= fresh.length ? { ids: fresh.map((a) => a.id) } : { ids: [], allFresh: true });
      } while (again);
    } catch (err) {
      log.warn('balance alerts could not be checked:', err);
    } finally {
      running = false;
    }
  };
  const off = core.onEvent((e) => {
    if (e.event === 'sync.progress' && (e.payload as { phase: string }).phase === 'done') void check();
    if (e.event !== 'data.changed') return;
    const { tables } = e.payload as { tables: string[] };
    if (tables.some((x) => x === 'alerts' || x === 'deals')) void check();
  });
  void check();
  return off;
}

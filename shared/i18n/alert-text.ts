/** An alert's detail line in the user's language (the alerts screen and the desktop notifications). */
import type { TFunction } from 'i18next';
import type { AlertRow } from '../contract/rpc/partner';
import { formatMoney } from '../domain/money';

export function alertDetail(t: TFunction, a: AlertRow, lang: string): string {
  const balance = formatMoney(a.balanceMinor, a.currency, lang);
  switch (a.kind) {
    case 'negative':
      return t('partner:alerts.detail.negative', { balance });
    case 'below_threshold':
      return t('partner:alerts.detail.below_threshold', {
        balance,
        threshold: formatMoney(a.thresholdMinor ?? 0, a.currency, lang),
      });
    case 'freeze_soon':
      return t('partner:alerts.detail.freeze_soon', { count: a.days ?? 0, limit: a.limitDays ?? 0 });
  }
}

/** Thresholds: the rule for all clients and rules for single clients (a client's rule wins). */
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { AlertRule } from '../../../shared/contract/rpc/partner';
import { minorToDecimalString, parseMoney } from '../../../shared/domain/money';
import type { Currency } from '../../../shared/contract/platform';
import { errorText, fieldMessage } from '../../ui/errors';
import { useRegion } from '../../app/data';

function RuleEditor({ rule, currency, onSaved, testId }: { rule: AlertRule; currency: Currency; onSaved: () => void; testId: string }) {
  const { t } = useTranslation();
  const [threshold, setThreshold] = useState(rule.thresholdMinor === null ? '' : minorToDecimalString(rule.thresholdMinor, currency));
  const [negative, setNegative] = useState(rule.negative);
  const [days, setDays] = useState(rule.freezeDays === null ? '' : String(rule.freezeDays));
  const [msg, setMsg] = useState<string | null>(null);
  const [bad, setBad] = useState<string | null>(null);

  async function save() {
    const th = threshold.trim() ? parseMoney(threshold, currency) : null;
    const d = days.trim() ? Number(days) : null;
    if (threshold.trim() && th === null) return setBad(fieldMessage(t, 'invalid_amount'));
    if (d !== null && (!Number.isInteger(d) || d < 1 || d > 365)) return setBad(fieldMessage(t, Number.isInteger(d) ? 'invalid_value' : 'not_integer'));
    setBad(null);
    try {
      await call('alerts.saveRule', { clientId: rule.clientId, thresholdMinor: th, negative, freezeDays: d });
      setMsg(t('partner:alerts.rules.saved'));
      onSaved();
    } catch (e) {
      setBad(errorText(t, e));
    }
  }

  return (
    <div className="pt-inline" data-testid={testId}>
      <div className="field">
        <label htmlFor={`${testId}-threshold`}>{t('partner:alerts.rules.threshold', { currency })}</label>
        <input id={`${testId}-threshold`} inputMode="decimal" value={threshold} placeholder={t('partner:alerts.rules.none')} onChange={(e) => setThreshold(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${testId}-days`}>{t('partner:alerts.rules.freezeDays')}</label>
        <input id={`${testId}-days`} inputMode="numeric" value={days} placeholder={t('partner:alerts.rules.none')} onChange={(e) => setDays(e.target.value)} />
      </div>
      <label className="pt-check">
        <input type="checkbox" checked={negative} onChange={(e) => setNegative(e.target.checked)} />
        {t('partner:alerts.rules.negative')}
      </label>
      <button type="button" className="btn btn-small btn-primary" onClick={() => void save()} data-testid={`${testId}-save`}>
        {t('partner:alerts.rules.save')}
      </button>
      {bad ? <span className="field-error">{bad}</span> : msg ? <span className="muted">{msg}</span> : null}
    </div>
  );
}

export function AlertRules() {
  const { t } = useTranslation();
  const { currency } = useRegion();
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ['alerts', 'rules'], queryFn: () => call('alerts.rules', {}) });
  const [newId, setNewId] = useState('');
  const [extra, setExtra] = useState<string[]>([]);
  useEffect(() => setExtra([]), [rules.data]);
  const saved = () => void qc.invalidateQueries({ queryKey: ['alerts'] });
  if (!rules.data) return null;
  const [all, ...own] = rules.data.rules;
  const clientIds = [...own.map((r) => r.clientId as string), ...extra.filter((x) => !own.some((r) => r.clientId === x))];
  return (
    <div className="card stack" data-testid="alert-rules">
      <h2>{t('partner:alerts.rules.title')}</h2>
      <div className="pt-rules">
        <strong>{t('partner:alerts.rules.all')}</strong>
        {all ? <RuleEditor key={JSON.stringify(all)} rule={all} currency={currency} onSaved={saved} testId="rule-all" /> : null}
        {clientIds.map((id) => {
          const r = own.find((x) => x.clientId === id) ?? { clientId: id, thresholdMinor: null, negative: true, freezeDays: null };
          return (
            <div key={id}>
              <strong>{t('partner:alerts.rules.client', { id })}</strong>
              <RuleEditor rule={r} currency={currency} onSaved={saved} testId={`rule-${id}`} />
            </div>
          );
        })}
        <div className="pt-inline">
          <div className="field">
            <label htmlFor="rule-new-client">{t('partner:alerts.rules.clientId')}</label>
            <input id="rule-new-client" value={newId} onChange={(e) => setNewId(e.target.value)} />
          </div>
          <button
            type="button"
            className="btn btn-small"
            disabled={!newId.trim()}
            onClick={() => {
              setExtra((x) => [...x, newId.trim()]);
              setNewId('');
            }}
          >
            {t('partner:alerts.rules.addClient')}
          </button>
        </div>
      </div>
    </div>
  );
}

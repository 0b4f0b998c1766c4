/**
 * Register a deal: customer, INN (checksum checked as the user types), decision maker, project
 * PIDs, amount without VAT (in the platform's currency, kept as minor units), year, quarter and a
 * description. The request id makes a retried submit register the deal once.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { LIMITS } from '../../../shared/contract/platform';
import type { DealRow } from '../../../shared/contract/rpc/partner';
import { checkText, isValidInn } from '../../../shared/domain/validation';
import { parseMoney } from '../../../shared/domain/money';
import { errorText, fieldMessage } from '../../ui/errors';
import { useRegion } from '../../app/data';
import { TextField } from '../../ui/TextField';

type Field = 'customerName' | 'inn' | 'decisionMaker' | 'pids' | 'amount' | 'year' | 'quarter' | 'description';

function newRequestId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `r${Date.now()}${Math.random().toString(36).slice(2)}`;
}

export function DealForm({ onDone, onCancel }: { onDone: (d: DealRow) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { currency } = useRegion();
  const now = new Date();
  const [v, setV] = useState<Record<Field, string>>({
    customerName: '',
    inn: '',
    decisionMaker: '',
    pids: '',
    amount: '',
    year: String(now.getFullYear()),
    quarter: String(Math.floor(now.getMonth() / 3) + 1),
    description: '',
  });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [remote, setRemote] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [requestId] = useState(newRequestId);

  const local = (f: Field): string | null => {
    const x = v[f].trim();
    switch (f) {
      case 'customerName':
      case 'decisionMaker':
        return checkText(x, LIMITS.name, true);
      case 'inn':
        return !x ? 'required' : isValidInn(x) ? null : 'invalid_inn';
      case 'amount': {
        const m = parseMoney(x, currency);
        return !x ? 'required' : m === null || m <= 0 ? 'invalid_amount' : null;
      }
      case 'description':
        return x.length > 4000 ? 'too_long' : null;
      default:
        return null;
    }
  };
  const errorOf = (f: Field) => {
    const r = remote[f];
    if (r) return fieldMessage(t, r);
    if (!touched[f]) return null;
    const l = local(f);
    return l ? fieldMessage(t, l) : null;
  };
  const set = (f: Field) => (x: string) => {
    setV((s) => ({ ...s, [f]: x }));
    setRemote((r) => ({ ...r, [f]: undefined }));
    if (x.trim()) setTouched((s) => ({ ...s, [f]: true }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const all = Object.keys(v) as Field[];
    setTouched(Object.fromEntries(all.map((f) => [f, true])));
    if (all.some((f) => local(f))) return;
    setBusy(true);
    setFormError(null);
    try {
      const d = await call('deals.create', {
        customerName: v.customerName.trim(),
        inn: v.inn.trim(),
        decisionMaker: v.decisionMaker.trim(),
        pids: v.pids.split(/[\s,;]+/).map((p) => p.trim()).filter(Boolean),
        amountMinor: parseMoney(v.amount, currency) ?? 0,
        year: Number(v.year),
        quarter: Number(v.quarter),
        description: v.description,
        requestId,
      });
      onDone(d);
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields ?? {};
      const mapped: Partial<Record<Field, string>> = {};
      for (const [k, r] of Object.entries(fields)) mapped[(k === 'amountMinor' ? 'amount' : k) as Field] = r;
      if (Object.keys(mapped).length) setRemote(mapped);
      else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  const year = now.getFullYear();
  return (
    <form className="card stack" onSubmit={submit} noValidate data-testid="deal-form">
      <h2>{t('partner:deals.form.title')}</h2>
      <div className="pt-form">
        <TextField id="deal-customerName" label={t('partner:deals.form.customerName')} value={v.customerName} onChange={set('customerName')} error={errorOf('customerName')} onBlur={() => setTouched((s) => ({ ...s, customerName: true }))} />
        <TextField id="deal-inn" label={t('partner:deals.form.inn')} value={v.inn} inputMode="numeric" maxLength={12} onChange={set('inn')} error={errorOf('inn')} onBlur={() => setTouched((s) => ({ ...s, inn: true }))} />
        <TextField id="deal-decisionMaker" label={t('partner:deals.form.decisionMaker')} value={v.decisionMaker} onChange={set('decisionMaker')} error={errorOf('decisionMaker')} onBlur={() => setTouched((s) => ({ ...s, decisionMaker: true }))} />
        <TextField id="deal-pids" label={t('partner:deals.form.pids')} value={v.pids} onChange={set('pids')} hint={t('partner:deals.form.pidsHint')} />
        <TextField id="deal-amount" label={t('partner:deals.form.amount', { currency })} value={v.amount} inputMode="decimal" onChange={set('amount')} error={errorOf('amount')} onBlur={() => setTouched((s) => ({ ...s, amount: true }))} />
        <div className="pt-inline">
          <div className="field">
            <label htmlFor="deal-year">{t('partner:deals.form.year')}</label>
            <select id="deal-year" value={v.year} onChange={(e) => set('year')(e.target.value)}>
              {[year - 1, year, year + 1, year + 2].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="deal-quarter">{t('partner:deals.form.quarter')}</label>
            <select id="deal-quarter" value={v.quarter} onChange={(e) => set('quarter')(e.target.value)}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="pt-wide">
          <TextField id="deal-description" label={t('partner:deals.form.description')} value={v.description} multiline onChange={set('description')} error={errorOf('description')} />
        </div>
      </div>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="deal-submit">
          {busy ? t('partner:deals.form.sending') : t('partner:deals.form.submit')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('partner:deals.form.cancel')}
        </button>
      </div>
    </form>
  );
}

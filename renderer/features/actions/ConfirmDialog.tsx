/**
 * Confirmation of a block / unblock / delete: how many clients, the consequence the platform
 * declares in its policies, the skipped ones; over 50 clients the user types the number.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { BulkAction } from '../../../shared/contract/platform';
import { TYPE_TO_CONFIRM_OVER } from '../../../shared/contract/rpc/actions';
import { useLive } from '../../state/live';
import { Dialog } from '../../ui/Dialog';
import { CONFIRM_BUTTON_KEY, CONFIRM_ONE_KEY, CONFIRM_ONE_TITLE_KEY, CONFIRM_QUESTION_KEY, CONFIRM_TITLE_KEY } from './labels';
import { consequences, typedMatches } from './policy';
import { countParams, useLang } from '../../ui/format';

export function ConfirmDialog(props: {
  action: BulkAction;
  count: number;
  skipped: number;
  /** A one-client action names the client instead of counting. */
  clientName?: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: policies } = useQuery({ queryKey: ['platform', 'policies'], queryFn: () => call('actions.policies', {}) });
  const offline = useLive((s) => s.connectivity?.state === 'offline');
  const [typed, setTyped] = useState('');
  const mustType = props.count > TYPE_TO_CONFIRM_OVER;
  const ok = !props.busy && (!mustType || typedMatches(typed, props.count));
  return (
    <Dialog
      title={props.clientName !== undefined ? t(CONFIRM_ONE_TITLE_KEY[props.action]) : t(CONFIRM_TITLE_KEY[props.action])}
      onClose={props.onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="btn" data-close onClick={props.onClose}>
            {t('actions:confirm.cancel')}
          </button>
          <button
            type="button"
            className={props.action === 'unblock' ? 'btn btn-primary' : 'btn btn-danger'}
            disabled={!ok}
            data-testid="confirm-action"
            onClick={props.onConfirm}
          >
            {t(CONFIRM_BUTTON_KEY[props.action])}
          </button>
        </>
      }
    >
      <p data-testid="confirm-question">
        <strong>
          {props.clientName !== undefined
            ? t(CONFIRM_ONE_KEY[props.action], { name: props.clientName })
            : t(CONFIRM_QUESTION_KEY[props.action], countParams(props.count, lang))}
        </strong>
      </p>
      <ul className="consequences" data-testid="confirm-consequences">
        {consequences(props.action, policies).map((l) => (
          <li key={l.key}>{t(l.key, l.params ?? {})}</li>
        ))}
      </ul>
      {props.skipped > 0 ? <p className="note">{t('actions:confirm.skipped', countParams(props.skipped, lang))}</p> : null}
      {offline ? <div className="alert alert-warn">{t('actions:confirm.consequence.offline')}</div> : null}
      {mustType ? (
        <div className="field">
          <label htmlFor="confirm-type-count">{t('actions:confirm.typeToConfirm', { count: props.count })}</label>
          <input
            id="confirm-type-count"
            inputMode="numeric"
            autoComplete="off"
            aria-label={t('actions:confirm.typeLabel')}
            data-testid="confirm-type"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && ok) props.onConfirm();
            }}
          />
        </div>
      ) : null}
    </Dialog>
  );
}

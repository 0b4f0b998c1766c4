/**
 * "Forget this partner": after the person types the word shown, the platform token, the whole
 * cache, the audit log, alert rules, unsent actions, saved views, preferences and the daily
 * copies are removed (localData.forget), and the app starts again from its start screen.
 */
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../ui/errors';

/** Starts the page again on its start screen (a reload: every store and query starts empty). */
function restartApp(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  location.reload();
}

export function ForgetPartner() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('reliability:forget.word');
  const matches = typed.trim().toLocaleLowerCase() === word.toLocaleLowerCase();
  const forget = useMutation({ mutationFn: () => call('localData.forget', { confirmed: true }), onSuccess: restartApp });
  const close = () => {
    setOpen(false);
    setTyped('');
    forget.reset();
  };
  const go = () => {
    if (matches && !forget.isPending) forget.mutate();
  };
  return (
    <div className="forget-partner">
      <p className="hint">{t('reliability:forget.hint')}</p>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)} data-testid="forget-open">
        {t('reliability:forget.open')}
      </button>
      {open ? (
        <Dialog
          title={t('reliability:forget.title')}
          onClose={close}
          testId="forget-dialog"
          footer={
            <>
              <button type="button" className="btn" data-close onClick={close}>
                {t('reliability:forget.cancel')}
              </button>
              <button type="button" className="btn btn-danger" disabled={!matches || forget.isPending} onClick={go} data-testid="forget-confirm">
                {t('reliability:forget.confirm')}
              </button>
            </>
          }
        >
          <p>
            <strong>{t('reliability:forget.question')}</strong>
          </p>
          <ul className="consequences" data-testid="forget-consequences">
            <li>{t('reliability:forget.token')}</li>
            <li>{t('reliability:forget.cache')}</li>
            <li>{t('reliability:forget.audit')}</li>
            <li>{t('reliability:forget.copies')}</li>
          </ul>
          <div className="field">
            <label htmlFor="forget-type">{t('reliability:forget.typeToConfirm', { word })}</label>
            <input
              id="forget-type"
              autoComplete="off"
              spellCheck={false}
              data-testid="forget-type"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') go();
              }}
            />
          </div>
          {forget.error ? (
            <p className="field-error" role="alert" data-testid="forget-error">
              {errorText(t, forget.error)}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </div>
  );
}

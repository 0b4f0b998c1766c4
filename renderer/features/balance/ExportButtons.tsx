/** XLSX and CSV of the current view, filters respected, built by the core and saved through a Blob. */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { ExportInput } from '../../../shared/contract/rpc/balance';
import { errorText } from '../../ui/errors';
import { useLang } from '../../ui/format';
import { saveFile } from '../../ui/files';

type ViewInput = ExportInput extends infer U ? (U extends { format: unknown; lang: unknown } ? Omit<U, 'format' | 'lang'> : never) : never;

export function ExportButtons({ input }: { input: ViewInput }) {
  const { t } = useTranslation();
  const lang = useLang() as 'ru' | 'en';
  const run = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') => call('balance.export', { ...input, format, lang } as ExportInput),
    onSuccess: (f) => saveFile(f),
  });
  return (
    <div className="export-buttons">
      <button type="button" className="btn btn-small" disabled={run.isPending} onClick={() => run.mutate('xlsx')} data-testid="export-xlsx">
        {t('balance:export.xlsx')}
      </button>
      <button type="button" className="btn btn-small" disabled={run.isPending} onClick={() => run.mutate('csv')} data-testid="export-csv">
        {t('balance:export.csv')}
      </button>
      {run.error ? <span className="field-error">{t('balance:export.failed', { message: errorText(t, run.error) })}</span> : null}
    </div>
  );
}

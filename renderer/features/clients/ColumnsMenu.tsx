/**
 * The "Columns" menu of the client list: each column with a box that shows or hides it and
 * buttons that move it left or right (the keyboard's way to reorder; headers also drag), and
 * "Reset columns" back to the default set, order and widths.
 */
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COLUMNS } from '../../../shared/contract/rpc/views';
import { usePrefs } from '../../state/prefs';
import { COLUMN_KEY } from '../../ui/labels';
import { moveColumn, orderedColumns, setHidden } from './columns';

export function ColumnsMenu() {
  const { t } = useTranslation();
  const columns = usePrefs((s) => s.columns);
  const setColumns = usePrefs((s) => s.setColumns);
  const order = orderedColumns(columns);
  const shownCount = order.filter((id) => !columns.hidden.includes(id)).length;
  return (
    <DialogTrigger>
      <Button className="btn btn-small" data-testid="columns-menu">
        {t('clients:columns.menu')}
      </Button>
      <Popover className="popover" placement="bottom end" offset={4}>
        <Dialog className="dialog columns-dialog" aria-label={t('clients:columns.title')} data-testid="columns-dialog">
          <ul className="columns-list">
            {order.map((id, i) => {
              const label = t(COLUMN_KEY[id]);
              const shown = !columns.hidden.includes(id);
              return (
                <li key={id} className="columns-item" data-testid={`columns-item-${id}`}>
                  <label className="columns-check">
                    <input
                      type="checkbox"
                      checked={shown}
                      disabled={shown && shownCount === 1}
                      data-testid={`column-show-${id}`}
                      onChange={(e) => setColumns(setHidden(usePrefs.getState().columns, id, !e.target.checked))}
                    />
                    {label}
                  </label>
                  <button
                    type="button"
                    className="btn btn-small btn-icon"
                    aria-label={t('clients:columns.moveLeft', { name: label })}
                    title={t('clients:columns.moveLeft', { name: label })}
                    disabled={i === 0}
                    data-testid={`column-left-${id}`}
                    onClick={() => setColumns(moveColumn(usePrefs.getState().columns, id, -1))}
                  >
                    {'←'}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-icon"
                    aria-label={t('clients:columns.moveRight', { name: label })}
                    title={t('clients:columns.moveRight', { name: label })}
                    disabled={i === order.length - 1}
                    data-testid={`column-right-${id}`}
                    onClick={() => setColumns(moveColumn(usePrefs.getState().columns, id, 1))}
                  >
                    {'→'}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="btn btn-small" data-testid="columns-reset" onClick={() => setColumns(DEFAULT_COLUMNS)}>
            {t('clients:columns.reset')}
          </button>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

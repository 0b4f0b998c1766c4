/** The header's "Search or jump… Ctrl K" button: the palette for mouse users, and its shortcut shown. */
import { useTranslation } from 'react-i18next';
import { IS_MAC, openPalette } from './store';
import './palette.css';

export function PaletteButton() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="palette-open"
      onClick={openPalette}
      aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'}
      aria-haspopup="dialog"
      data-testid="palette-open"
    >
      <span>{t('palette:open')}</span>
      <kbd>{IS_MAC ? t('palette:shortcutMac') : t('palette:shortcut')}</kbd>
    </button>
  );
}

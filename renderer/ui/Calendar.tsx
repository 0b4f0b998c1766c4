/**
 * The date field's month calendar (a popover): weeks start on Monday, month and weekday names in
 * the app's language. Keyboard: arrows move by a day or a week, PageUp / PageDown by a month,
 * Home / End to the week's ends, Enter or Space picks, Escape closes.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from './dateText';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`;
const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'ru');

/** Local "today" as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return iso(now.getFullYear(), now.getMonth(), now.getDate());
}

function monthTitle(y: number, m: number, lang: string): string {
  const s = new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m, 1));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function longDate(d: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', weekday: 'long', timeZone: 'UTC' }).format(new Date(d + 'T00:00:00Z'));
}

function weekdays(lang: string): string[] {
  const f = new Intl.DateTimeFormat(locale(lang), { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2024, 0, 1 + i)));
}

/** Monday = 0 … Sunday = 6. */
const weekday = (d: string) => (new Date(d + 'T00:00:00Z').getUTCDay() + 6) % 7;

function addMonths(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(t.getUTCFullYear(), t.getUTCMonth(), Math.min(day, last));
}

export interface CalendarProps {
  value: string;
  min?: string | undefined;
  max?: string | undefined;
  lang: string;
  /** Opens above the field. */
  up?: boolean;
  onPick(value: string): void;
  onClose(): void;
  testId?: string | undefined;
}

export function Calendar({ value, min, max, lang, up = false, onPick, onClose, testId }: CalendarProps) {
  const { t } = useTranslation();
  const today = localToday();
  const [focus, setFocus] = useState(value || today);
  const grid = useRef<HTMLDivElement>(null);
  const y = Number(focus.slice(0, 4));
  const m = Number(focus.slice(5, 7)) - 1;
  const first = iso(y, m, 1);
  const start = addDays(first, -weekday(first));
  const days = Array.from({ length: 42 }, (_, i) => addDays(start, i));
  const outOfRange = (d: string) => (!!min && d < min) || (!!max && d > max);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${focus}"]`)?.focus();
  }, [focus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focus, e.shiftKey ? 12 : 1),
      Home: () => addDays(focus, -weekday(focus)),
      End: () => addDays(focus, 6 - weekday(focus)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setFocus(move());
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className={up ? 'calendar up' : 'calendar'} role="dialog" aria-label={t('common:date.calendar')} data-testid={testId} onKeyDown={onKeyDown}>
      <div className="calendar-head">
        <button type="button" className="calendar-nav" aria-label={t('common:date.prevMonth')} onClick={() => setFocus(addMonths(focus, -1))}>
          ‹
        </button>
        <div className="calendar-title" aria-live="polite">
          {monthTitle(y, m, lang)}
        </div>
        <button type="button" className="calendar-nav" aria-label={t('common:date.nextMonth')} onClick={() => setFocus(addMonths(focus, 1))}>
          ›
        </button>
      </div>
      <div className="calendar-grid" role="grid" ref={grid}>
        <div role="row" className="calendar-row">
          {weekdays(lang).map((w) => (
            <div key={w} role="columnheader" className="calendar-wd">
              {w}
            </div>
          ))}
        </div>
        {[0, 1, 2, 3, 4, 5].map((row) => (
          <div role="row" className="calendar-row" key={row}>
            {days.slice(row * 7, row * 7 + 7).map((d) => {
              const cls = ['calendar-day'];
              if (Number(d.slice(5, 7)) - 1 !== m) cls.push('other');
              if (d === value) cls.push('selected');
              if (d === today) cls.push('today');
              return (
                <div role="gridcell" key={d} aria-selected={d === value}>
                  <button
                    type="button"
                    className={cls.join(' ')}
                    data-date={d}
                    tabIndex={d === focus ? 0 : -1}
                    disabled={outOfRange(d)}
                    aria-label={longDate(d, lang)}
                    aria-current={d === today ? 'date' : undefined}
                    onClick={() => onPick(d)}
                  >
                    {Number(d.slice(8, 10))}
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

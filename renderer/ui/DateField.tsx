/**
 * A calendar date typed in the language's own format (DD.MM.YYYY in Russian, "22 Nov 2026" in
 * English) instead of the browser's date input, which follows the system locale whatever the
 * app's language. The value stays 'YYYY-MM-DD' (a region-time calendar date). A whole, valid date
 * is applied as it is typed; anything else is flagged on Enter or on leaving the field and the
 * last good value comes back with Escape. ArrowUp / ArrowDown move the date by a day; the button
 * beside it (or Alt+ArrowDown) opens React Aria's month calendar in a popover, in the app's
 * locale (ui/locale.ts): arrows, PageUp / PageDown, Home / End, Enter to pick, Escape to close,
 * focus kept inside while it is open and given back when it closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Calendar, CalendarCell, CalendarGrid, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { useLang } from './format';
import { addDays } from '../../shared/domain/time';
import { formatDateText, isIsoDate, parseDateText } from './dateText';

function CalendarIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="4" width="18" height="18" rx="2" />
      <path d="M16 2v4M8 2v4M3 10h18" />
    </svg>
  );
}

const calendarDate = (iso: string | undefined): CalendarDate | undefined => (iso && isIsoDate(iso) ? parseDate(iso) : undefined);

/** A month grid of React Aria's Calendar with the app's classes; `value` and `onPick` are YYYY-MM-DD. */
export function MonthCalendar({ value, min, max, onPick }: { value: string; min?: string | undefined; max?: string | undefined; onPick(value: string): void }) {
  const { t } = useTranslation();
  const minValue = calendarDate(min);
  const maxValue = calendarDate(max);
  const picked = calendarDate(value) ?? null;
  return (
    <Calendar
      className="calendar"
      aria-label={t('common:date.calendar')}
      autoFocus
      value={picked}
      {...(minValue ? { minValue } : {})}
      {...(maxValue ? { maxValue } : {})}
      onChange={(d) => onPick(d.toString())}
    >
      <header>
        <Button slot="previous" className="calendar-nav" aria-label={t('common:date.prevMonth')}>
          {'‹'}
        </Button>
        <Heading className="calendar-title" />
        <Button slot="next" className="calendar-nav" aria-label={t('common:date.nextMonth')}>
          {'›'}
        </Button>
      </header>
      <CalendarGrid className="calendar-grid">{(date) => <CalendarCell date={date} className="calendar-day" />}</CalendarGrid>
    </Calendar>
  );
}

export interface DateFieldProps {
  label: string;
  /** 'YYYY-MM-DD' or '' (nothing chosen yet). */
  value: string;
  onChange(value: string): void;
  min?: string | undefined;
  max?: string | undefined;
  /** Clearing the field sets ''; otherwise an emptied field gets its value back. */
  allowEmpty?: boolean;
  testId?: string;
  className?: string;
}

export function DateField({ label, value, onChange, min, max, allowEmpty = false, testId, className }: DateFieldProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const [draft, setDraft] = useState(() => formatDateText(value, lang));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // Follow the value from outside (presets, the other end of a range) and the language; while
  // the user is typing a date that already means this value, leave their text alone.
  useEffect(() => {
    if (focused.current && parseDateText(draftRef.current, lang) === value) return;
    setDraft(formatDateText(value, lang));
    setError(null);
  }, [value, lang]);

  const pick = (d: string) => {
    setDraft(formatDateText(d, lang));
    setError(null);
    setOpen(false);
    if (d !== value) onChange(d);
  };

  const example = formatDateText('2026-11-22', lang);
  const rangeError = (iso: string): string | null => {
    if (min && iso < min) return t('common:date.tooEarly', { date: formatDateText(min, lang) });
    if (max && iso > max) return t('common:date.tooLate', { date: formatDateText(max, lang) });
    return null;
  };

  /** Applies the text; `final` (Enter, leaving the field) also reports and tidies it. */
  const commit = (text: string, final: boolean): boolean => {
    if (!text.trim()) {
      if (allowEmpty) {
        if (value !== '') onChange('');
        setError(null);
        return true;
      }
      if (final) {
        setDraft(formatDateText(value, lang));
        setError(null);
      }
      return false;
    }
    const iso = parseDateText(text, lang);
    const problem = iso === null ? t('common:date.invalid', { format: t('common:date.placeholder'), example }) : rangeError(iso);
    if (iso === null || problem) {
      if (final) setError(problem);
      return false;
    }
    setError(null);
    if (iso !== value) onChange(iso);
    if (final) setDraft(formatDateText(iso, lang));
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      if (!commit(draft, true)) e.preventDefault();
    } else if (e.key === 'Escape') {
      if (error || parseDateText(draft, lang) !== value) {
        e.stopPropagation();
        setDraft(formatDateText(value, lang));
        setError(null);
      }
    } else if (e.key === 'ArrowDown' && e.altKey) {
      e.preventDefault();
      setOpen(true);
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey) {
      const base = parseDateText(draft, lang) ?? value;
      if (!base) return;
      e.preventDefault();
      let next = addDays(base, e.key === 'ArrowUp' ? 1 : -1);
      if (min && next < min) next = min;
      if (max && next > max) next = max;
      setDraft(formatDateText(next, lang));
      setError(null);
      if (next !== value) onChange(next);
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={className ? `date-field ${className}` : 'date-field'}>
      <label htmlFor={id}>{label}</label>
      <span className="date-box" ref={box}>
        <input
          id={id}
          type="text"
          className="date-input"
          inputMode={lang === 'ru' ? 'decimal' : 'text'}
          autoComplete="off"
          spellCheck={false}
          maxLength={24}
          value={draft}
          placeholder={t('common:date.placeholder')}
          title={t('common:date.hint', { example })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          data-testid={testId}
          data-value={value}
          onFocus={() => (focused.current = true)}
          onBlur={() => {
            focused.current = false;
            commit(draft, true);
          }}
          onChange={(e) => {
            setDraft(e.target.value);
            if (error) setError(null);
            commit(e.target.value, false);
          }}
          onKeyDown={onKeyDown}
        />
        <DialogTrigger isOpen={open} onOpenChange={setOpen}>
          <Button className="date-pick" aria-label={t('common:date.pick')} data-testid={testId ? `${testId}-pick` : undefined}>
            <CalendarIcon />
          </Button>
          <Popover className="popover" triggerRef={box} placement="bottom start" offset={4}>
            <Dialog className="dialog" aria-label={t('common:date.calendar')} data-testid={testId ? `${testId}-calendar` : undefined}>
              <MonthCalendar value={parseDateText(draft, lang) ?? value} min={min} max={max} onPick={pick} />
            </Dialog>
          </Popover>
        </DialogTrigger>
        {error ? (
          <span className="date-error" id={errorId} role="alert" data-testid={testId ? `${testId}-error` : undefined}>
            {error}
          </span>
        ) : null}
      </span>
      <span id={hintId} className="sr-only">
        {t('common:date.hint', { example })}
      </span>
    </div>
  );
}

/**
 * A calendar date typed in the language's own format (DD.MM.YYYY in Russian, "22 Nov 2026" in
 * English) instead of the browser's date input, which follows the system locale whatever the
 * app's language. The value stays 'YYYY-MM-DD'. A whole, valid date is applied as it is typed;
 * anything else is flagged on Enter or on leaving the field and the last good value comes back
 * with Escape. ArrowUp / ArrowDown move the date by a day; the button beside it (or Alt+ArrowDown)
 * opens a month calendar.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from './format';
import { addDays, formatDateText, parseDateText } from './dateText';
import { Calendar } from './Calendar';

function CalendarIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="4" width="18" height="18" rx="2" />
      <path d="M16 2v4M8 2v4M3 10h18" />
    </svg>
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
  const input = useRef<HTMLInputElement>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // Follow the value from outside (presets, the other end of a range) and the language; while
  // the user is typing a date that already means this value, leave their text alone.
  useEffect(() => {
    if (focused.current && parseDateText(draftRef.current, lang) === value) return;
    setDraft(formatDateText(value, lang));
    setError(null);
  }, [value, lang]);

  // A click anywhere outside the field closes its calendar.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  // Opens upwards when the window has no room for the month below the field.
  const [up, setUp] = useState(false);
  const openCalendar = (next: boolean) => {
    if (next && box.current) setUp(box.current.getBoundingClientRect().bottom + 290 > window.innerHeight);
    setOpen(next);
  };

  const pick = (d: string) => {
    setDraft(formatDateText(d, lang));
    setError(null);
    setOpen(false);
    if (d !== value) onChange(d);
    input.current?.focus();
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
      openCalendar(true);
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
      <span
        className="date-box"
        ref={box}
        onBlur={(e) => {
          // Tabbing out of the field and its calendar closes the calendar.
          if (open && !box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <input
          ref={input}
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
        <button
          type="button"
          className="date-pick"
          aria-label={t('common:date.pick')}
          title={t('common:date.pick')}
          aria-haspopup="dialog"
          aria-expanded={open}
          data-testid={testId ? `${testId}-pick` : undefined}
          onClick={() => openCalendar(!open)}
        >
          <CalendarIcon />
        </button>
        {open ? (
          <Calendar
            value={parseDateText(draft, lang) ?? value}
            min={min}
            max={max}
            lang={lang}
            up={up}
            onPick={pick}
            onClose={() => {
              setOpen(false);
              input.current?.focus();
            }}
            testId={testId ? `${testId}-calendar` : undefined}
          />
        ) : null}
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

/**
 * A labelled input (or textarea) with its error or hint under it, the one text field of every form.
 * The message line's test id is `<id>-msg`; `aria-describedby` points to it.
 */
import type { InputHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null | undefined;
  hint?: string | undefined;
  multiline?: boolean;
  /** The message line's test id; `<id>-msg` when not given. */
  msgTestId?: string;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  multiline,
  msgTestId,
  className,
  ...rest
}: TextFieldProps) {
  const msg = error ?? hint ?? '';
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          name={rest.name}
          value={value}
          rows={4}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={`${id}-msg`}
          onChange={(e) => onChange(e.target.value)}
          onBlur={rest.onBlur as never}
          placeholder={rest.placeholder}
        />
      ) : (
        <input
          id={id}
          {...rest}
          value={value}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={`${id}-msg`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span
        id={`${id}-msg`}
        className={error ? 'field-error' : 'field-hint'}
        data-testid={msgTestId ?? `${id}-msg`}
      >
        {msg}
      </span>
    </div>
  );
}

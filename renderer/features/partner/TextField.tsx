/** A labelled input with its error or hint under it (the partner forms). */
import type { InputHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null | undefined;
  hint?: string | undefined;
  multiline?: boolean;
}

export function TextField({ id, label, value, onChange, error, hint, multiline, ...rest }: TextFieldProps) {
  const msg = error ?? hint ?? '';
  return (
    <div className="pt-field">
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
      <span id={`${id}-msg`} className={error ? 'pt-field-error' : 'pt-field-hint'} data-testid={`${id}-msg`}>
        {msg}
      </span>
    </div>
  );
}

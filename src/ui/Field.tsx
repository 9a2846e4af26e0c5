import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** A labelled form control with its help text and its error, wired for screen readers. */
interface FieldFrameProps {
  label: string;
  help?: string;
  error?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldFrame({ label, help, error, children }: FieldFrameProps) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ label, help, error, ...input }: { label: string; help?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />}
    </FieldFrame>
  );
}

/** Text of a few lines; with `maxLength`, how many characters are left is said under it, so nothing is cut off unseen. */
export function TextAreaField({ label, help, error, ...area }: { label: string; help?: string; error?: string; value: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const left = area.maxLength === undefined ? undefined : area.maxLength - area.value.length;
  return (
    <FieldFrame label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <>
          <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} rows={3} {...area} />
          {left !== undefined && left < 50 && (
            <p className="field-help" aria-live="polite">
              {left}
            </p>
          )}
        </>
      )}
    </FieldFrame>
  );
}

/** A new PIN: digits on the phone's number pad, hidden, never filled in by the browser's saved passwords. */
export function NewPinField(props: { label: string; help?: string; error?: string; value: string; onChange: (value: string) => void }) {
  const { onChange, ...rest } = props;
  return <TextField {...rest} type="password" inputMode="numeric" autoComplete="new-password" onChange={(e) => onChange(e.target.value)} />;
}

export function SelectField({ label, help, error, children, ...select }: { label: string; help?: string; error?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

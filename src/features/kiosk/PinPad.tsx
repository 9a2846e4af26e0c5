import { useEffect, useId } from 'react';
import { useT } from '../../i18n';
import { PIN_LENGTH } from '../../domain/thresholds';
import { Icon } from '../../ui/Icon';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const PIN_MAX = PIN_LENGTH.max;

/**
 * A PIN pad with big keys for the wall tablet; a physical keyboard works too. The digits
 * show as dots; the count is announced, never the digits.
 */
export function PinPad({ label, value, onChange, onSubmit, disabled = false }: { label: string; value: string; onChange: (v: string) => void; onSubmit: () => void; disabled?: boolean }) {
  const t = useT();
  const labelId = useId();
  const press = (digit: string) => !disabled && value.length < PIN_MAX && onChange(value + digit);
  const erase = () => !disabled && onChange(value.slice(0, -1));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === 'Backspace') erase();
      else if (e.key === 'Enter' && value.length >= PIN_LENGTH.min) onSubmit();
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  return (
    <div className="pin-pad" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="pin-label">
        {label}
      </p>
      {/* A <p> may not carry a name (axe: aria-prohibited-attr): the count is its hidden text. */}
      <p className="pin-dots" role="status">
        {Array.from({ length: Math.max(PIN_LENGTH.min, value.length) }, (_, i) => (
          <span key={i} className={i < value.length ? 'dot filled' : 'dot'} aria-hidden="true" />
        ))}
        <span className="visually-hidden">{t('kiosk.pinEntered', { count: value.length })}</span>
      </p>
      <div className="pin-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" className="pin-key" onClick={() => press(k)} disabled={disabled}>
            {k}
          </button>
        ))}
        <button type="button" className="pin-key" onClick={erase} disabled={disabled} aria-label={t('kiosk.erase')}>
          <Icon name="backspace" size={28} />
        </button>
        <button type="button" className="pin-key" onClick={() => press('0')} disabled={disabled}>
          0
        </button>
        <button type="button" className="pin-key ok" onClick={onSubmit} disabled={disabled || value.length < PIN_LENGTH.min}>
          {t('kiosk.ok')}
        </button>
      </div>
    </div>
  );
}

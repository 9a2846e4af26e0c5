import { useState } from 'react';
import { type CommandResult } from '../data/commands';
import { translateLoose, useT } from '../i18n';

/**
 * Runs a command from a form and keeps its field errors, translated. A form without a
 * field for an error (field '') shows it as a form-level message.
 */
export function useCommandForm<T>(onDone: (value: T) => void) {
  const t = useT();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (run: () => Promise<CommandResult<T>>) => {
    setBusy(true);
    try {
      const result = await run();
      if (result.ok) {
        setErrors({});
        onDone(result.value);
      } else {
        const next: Record<string, string> = {};
        for (const e of result.errors) next[e.field] ??= translateLoose(t, e.key, e.params);
        setErrors(next);
      }
    } catch {
      setErrors({ '': t('error.unexpected') });
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}

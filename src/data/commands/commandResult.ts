import type { z } from 'zod/mini';

/** A problem with input, as an i18n key the screen translates, tied to a form field. */
export interface FieldError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export type CommandResult<T = void> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: FieldError[]): CommandResult<T> => ({ ok: false, errors });

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const key = issue.message.startsWith('error.') ? issue.message : 'error.invalid';
    const params: Record<string, string | number> = {};
    if ('maximum' in issue && typeof issue.maximum === 'number') params.max = issue.maximum;
    if ('minimum' in issue && typeof issue.minimum === 'number') params.min = issue.minimum;
    return { field: issue.path.map(String).join('.'), key, params };
  });
}

/**
 * A full disk shows up as QuotaExceededError, or as an AbortError/Dexie error whose inner
 * cause is one (the transaction aborted because a write inside it hit the quota).
 */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const err = e as { name?: string; inner?: unknown; cause?: unknown; message?: string };
    if (err.name === 'QuotaExceededError') return true;
    if (typeof err.message === 'string' && /quota/i.test(err.message)) return true;
    e = err.inner ?? err.cause;
  }
  return false;
}

/** Turns a storage failure into a result the screen can show; other errors are bugs and rethrown. */
export function storageFailure<T>(error: unknown): CommandResult<T> {
  if (isQuotaError(error)) return fail({ field: '', key: 'error.storageFull' });
  throw error;
}

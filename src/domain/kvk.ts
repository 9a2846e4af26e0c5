import { KVK_NUMBER_DIGITS } from './thresholds';

/**
 * The company's KvK number (Dutch company register), as printed on fund reports: exactly
 * KVK_NUMBER_DIGITS digits. People type it with spaces or dots ("1234 5678"); those go.
 * Empty means "not filled in" and is allowed.
 */
export function normaliseKvk(input: string): string {
  return input.replace(/[\s.]/g, '');
}

export function isValidKvk(normalised: string): boolean {
  return normalised === '' || new RegExp(`^\\d{${KVK_NUMBER_DIGITS}}$`).test(normalised);
}

import { describe, expect, it } from 'vitest';
import { isValidKvk, normaliseKvk } from './kvk';
import { KVK_NUMBER_DIGITS } from './thresholds';

describe('KvK number', () => {
  it('is exactly 8 digits as typed with spaces or dots, or empty', () => {
    expect(KVK_NUMBER_DIGITS).toBe(8);
    expect(normaliseKvk(' 1234 56.78 ')).toBe('12345678');
    expect(isValidKvk(normaliseKvk('1234 5678'))).toBe(true);
    expect(isValidKvk('')).toBe(true);
    for (const wrong of ['1234567', '123456789', '1234567a', 'NL123456', '１２３４５６７８']) expect(isValidKvk(normaliseKvk(wrong)), wrong).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import { confirmRefusal } from './permissions';

const NOW = Date.UTC(2026, 10, 29);
const at = (ms: number) => formatHlc({ wall: ms, counter: 0 }, 'd');
const worker = { id: 'w', role: 'worker' as const, archived: false };
const lead = { id: 'lead', role: 'lead' as const, archived: false };
const noExpiry = { validityMonths: null };

describe('who may confirm', () => {
  it('the lead may confirm anyone but themselves', () => {
    expect(confirmRefusal(lead, 'w', undefined, noExpiry, NOW)).toBeNull();
    expect(confirmRefusal(lead, 'lead', undefined, noExpiry, NOW)).toBe('self');
  });

  it('a colleague at O may confirm; at U or below may not', () => {
    expect(confirmRefusal(worker, 'x', { level: 'O', at: at(NOW - 1) }, noExpiry, NOW)).toBeNull();
    expect(confirmRefusal(worker, 'x', { level: 'U', at: at(NOW - 1) }, noExpiry, NOW)).toBe('notQualified');
    expect(confirmRefusal(worker, 'x', undefined, noExpiry, NOW)).toBe('notQualified');
  });

  it('nobody confirms their own claim, and an expired O does not count', () => {
    expect(confirmRefusal(worker, 'w', { level: 'O', at: at(NOW - 1) }, noExpiry, NOW)).toBe('self');
    expect(confirmRefusal(worker, 'x', { level: 'O', at: at(Date.UTC(2020, 0, 1)) }, { validityMonths: 12 }, NOW)).toBe('notQualified');
  });

  it('nobody signed in, or an archived person, may not confirm', () => {
    expect(confirmRefusal(undefined, 'x', undefined, noExpiry, NOW)).toBe('notSignedIn');
    expect(confirmRefusal({ ...lead, archived: true }, 'x', undefined, noExpiry, NOW)).toBe('notSignedIn');
  });
});

import { describe, expect, it } from 'vitest';
import { nameClash, nameKey, sameName } from './names';

describe('names', () => {
  it('treats composed and decomposed letters, case and spacing as one name', () => {
    expect(sameName('Zo\u00eb  de Vries', ' zoe\u0308 de vries')).toBe(true);
    expect(nameKey('  Jan   Jansen ')).toBe('jan jansen');
    expect(sameName('Jan', 'Jans')).toBe(false);
  });

  it('finds a clash only among other active rows', () => {
    const rows = [
      { id: 'a', name: 'Zaag', archived: false },
      { id: 'b', name: 'Frees', archived: true },
    ];
    expect(nameClash(rows, 'zaag', 'x')).toBe(true);
    expect(nameClash(rows, 'zaag', 'a')).toBe(false);
    expect(nameClash(rows, 'frees', 'x')).toBe(false);
  });
});

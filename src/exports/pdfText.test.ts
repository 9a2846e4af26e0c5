import { describe, expect, it } from 'vitest';
import { winAnsi } from './pdfText';

describe('text for the standard PDF fonts', () => {
  it('keeps Windows-1252 letters and drops only the accents it cannot show', () => {
    expect(winAnsi('Joël Zoë café — 5€')).toBe('Joël Zoë café — 5€');
    expect(winAnsi('Mehmet Yılmaz, Tomasz Ćwikła, Ştefan Ţurcanu')).toBe('Mehmet Yilmaz, Tomasz Cwikla, Stefan Turcanu');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { HEADER_SCREENS, headerScreenOf, HOME_SCREEN, isScreen, MANAGE_SCREENS, mayOpen, SCREEN_IDS, SCREENS } from './screens';

describe('the screen registry', () => {
  it('gives every screen a label and hint in both catalogs', () => {
    for (const id of SCREEN_IDS) {
      const s = SCREENS[id];
      expect(nl[s.label], id).toBeTruthy();
      expect(en[s.label], id).toBeTruthy();
      if (s.place.in === 'manage') expect(nl[s.place.hint] && en[s.place.hint], id).toBeTruthy();
    }
  });

  it('routes by id, and only known ids', () => {
    expect(isScreen('people')).toBe(true);
    expect(isScreen('toString')).toBe(false);
    expect(isScreen('')).toBe(false);
    expect(HOME_SCREEN).toBe('matrix');
    expect(SCREENS[HOME_SCREEN].who).toBe('everyone');
  });

  it('puts the lead screens behind "Beheer" and keeps the header short', () => {
    expect(HEADER_SCREENS).toEqual(['matrix', 'board', 'mine', 'confirm', 'manage', 'settings']);
    expect(MANAGE_SCREENS.map((s) => s.screen)).toEqual(['plan', 'overview', 'people', 'skills', 'qualifications', 'data', 'audit']);
    expect(MANAGE_SCREENS.every((s) => SCREENS[s.screen].who === 'lead')).toBe(true);
    expect(headerScreenOf('print')).toBe('manage');
    expect(headerScreenOf('people')).toBe('manage');
    expect(headerScreenOf('mine')).toBe('mine');
  });

  it('shows each screen only to who may open it', () => {
    const visitor = { signedIn: false, lead: false };
    const worker = { signedIn: true, lead: false };
    const lead = { signedIn: true, lead: true };
    expect(HEADER_SCREENS.filter((s) => mayOpen(s, visitor))).toEqual(['matrix', 'board', 'settings']);
    expect(HEADER_SCREENS.filter((s) => mayOpen(s, worker))).toEqual(['matrix', 'board', 'mine', 'confirm', 'settings']);
    expect(HEADER_SCREENS.filter((s) => mayOpen(s, lead))).toEqual(HEADER_SCREENS);
  });

  it('is the only list of screens: every screen has a view, and no other file lists them', () => {
    const views = readFileSync(join(__dirname, 'screenViews.tsx'), 'utf8');
    for (const id of SCREEN_IDS) expect(views, id).toMatch(new RegExp(`^  ${id}: `, 'm'));
    const app = readFileSync(join(__dirname, 'App.tsx'), 'utf8');
    expect(app).not.toMatch(/screen === '/);
    expect(readdirSync(join(__dirname, '../features/manage'))).not.toContain('leadScreens.ts');
  });
});

import { readFileSync } from 'node:fs';

/**
 * The 1EdTech Open Badges 3.0 schemas the exports must validate against, vendored in the
 * repository (tests/standards/openbadges-3.0/, see its README for origin, version and licence).
 */
const DIR = new URL('./standards/openbadges-3.0/', import.meta.url);

const readJson = (name: string): object => JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));

/** JSON Schema (2019-09) of an OB 3.0 AchievementCredential / OpenBadgeCredential. */
export const openBadgesSchema = (): object => readJson('achievementcredential.schema.json');

/** JSON Schema (2019-09) of an OB 3.0 Profile (issuer). */
export const openBadgesProfileSchema = (): object => readJson('profile.schema.json');

/** The OB 3.0.3 JSON-LD context. */
export const openBadgesContext = (): object => readJson('context-3.0.3.json');

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The 1EdTech Open Badges 3.0 schema the exports must validate against. It lives in the
 * project's shared folder beside the repository (../shared/standards), not in the repository;
 * VAARDIG_STANDARDS_DIR points elsewhere if needed.
 */
export function openBadgesSchema(): object {
  const dir = process.env.VAARDIG_STANDARDS_DIR ?? join(fileURLToPath(new URL('../..', import.meta.url)), 'shared', 'standards');
  const file = join(dir, 'openbadges-3.0', 'achievementcredential.schema.json');
  if (!existsSync(file)) throw new Error(`The Open Badges 3.0 schema was not found at ${file}. Put the shared/ folder beside the repository, or set VAARDIG_STANDARDS_DIR.`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

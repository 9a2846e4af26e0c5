/**
 * A piece of a file name from a person's or a thing's name: lower case, accents off, anything
 * else a dash ("Zoë van Dijk" → "zoe-van-dijk"), short enough for every file system.
 */
export function fileSlug(text: string, fallback = 'vaardig'): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return slug || fallback;
}

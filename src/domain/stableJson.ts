/**
 * JSON with keys in a fixed order at every depth: the same value always reads the same. Written
 * out by hand rather than with a `JSON.stringify` replacer: it is on the path of every event's
 * hash, and the replacer's copy of every object costs more than the hashing. Like
 * `JSON.stringify`, it leaves out properties that are `undefined` (and functions).
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? (undefined as unknown as string);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return stableJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = stableJson(value[i]);
      out += (i ? ',' : '') + (item === undefined ? 'null' : item);
    }
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = stableJson((value as Record<string, unknown>)[key]);
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${item}`;
    first = false;
  }
  return `${out}}`;
}

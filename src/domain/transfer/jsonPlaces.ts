/**
 * Where things are in a JSON text, for messages a person can act on: the line and column at
 * which a text stops being JSON, and the line on which a value (by its path) starts. The same
 * in every browser (their own JSON.parse messages differ, and some give no position). Only
 * run after JSON.parse or the schema has said no, so speed is not the point; nesting deeper
 * than any real file is not followed.
 */
export interface TextPlace {
  /** 1-based, counting \r\n, \n and \r as one line break each. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

const MAX_DEPTH = 256;

class Stop {
  constructor(readonly offset: number) {}
}

type Path = readonly (string | number)[];
const keyOf = (path: Path) => path.join('\u0000');

/**
 * A JSON reader that only checks and, for the paths it is asked about, notes where their values
 * start. `wanted` holds every asked path and all its ancestors, so children of a value nobody
 * asked about are not tracked.
 */
class Scanner {
  i = 0;
  readonly found = new Map<string, number>();
  constructor(
    private readonly s: string,
    private readonly wanted: ReadonlySet<string> = new Set(),
  ) {}

  run() {
    this.value('', this.wanted.has(''), 0);
    this.space();
    if (this.i < this.s.length) throw new Stop(this.i);
  }

  private space() {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  private expect(ch: string) {
    if (this.s[this.i] !== ch) throw new Stop(this.i);
    this.i++;
  }

  private value(path: string, track: boolean, depth: number) {
    this.space();
    if (track) this.found.set(path, this.i);
    if (depth > MAX_DEPTH) throw new Stop(-1);
    const ch = this.s[this.i];
    if (ch === '{') return this.object(path, track, depth);
    if (ch === '[') return this.array(path, track, depth);
    if (ch === '"') return void this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    // Point at the first letter that differs from the word it began ("tru" → after "tru").
    const word = ['true', 'false', 'null'].find((w) => w[0] === ch);
    if (word) {
      let k = 0;
      while (this.s[this.i + k] === word[k]) k++;
      throw new Stop(this.i + k);
    }
    throw new Stop(this.i);
  }

  private child(path: string, track: boolean, key: string | number): [string, boolean] {
    if (!track) return ['', false];
    const next = path === '' ? String(key) : `${path}\u0000${key}`;
    return [next, this.wanted.has(next)];
  }

  private object(path: string, track: boolean, depth: number) {
    this.i++;
    this.space();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.s[this.i] !== '"') throw new Stop(this.i);
      const start = this.i;
      this.string();
      const key = track ? (JSON.parse(this.s.slice(start, this.i)) as string) : '';
      this.space();
      this.expect(':');
      const [childPath, childTrack] = this.child(path, track, key);
      this.value(childPath, childTrack, depth + 1);
      this.space();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect('}');
      return;
    }
  }

  private array(path: string, track: boolean, depth: number) {
    this.i++;
    this.space();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (let index = 0; ; index++) {
      const [childPath, childTrack] = this.child(path, track, index);
      this.value(childPath, childTrack, depth + 1);
      this.space();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect(']');
      return;
    }
  }

  private string() {
    this.i++;
    for (;;) {
      const ch = this.s[this.i];
      if (ch === undefined || ch < ' ') throw new Stop(this.i);
      this.i++;
      if (ch === '"') return;
      if (ch === '\\') {
        const esc = this.s[this.i];
        if (esc !== undefined && '"\\/bfnrt'.includes(esc)) this.i++;
        else if (esc === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(this.s[this.i + k] ?? '')) throw new Stop(this.i + k);
          this.i += 5;
        } else throw new Stop(this.i);
      }
    }
  }

  private number() {
    const digits = () => {
      const start = this.i;
      while (this.s[this.i]! >= '0' && this.s[this.i]! <= '9') this.i++;
      if (this.i === start) throw new Stop(this.i);
    };
    if (this.s[this.i] === '-') this.i++;
    if (this.s[this.i] === '0') this.i++;
    else digits();
    if (this.s[this.i] === '.') {
      this.i++;
      digits();
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      digits();
    }
  }
}

/** Line and column of a character offset. */
export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  for (const m of text.slice(0, offset).matchAll(/\r\n?|\n/g)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

/** Where the text stops being JSON; null when it is JSON (or nested too deep to follow). */
export function jsonSyntaxError(text: string): TextPlace | null {
  try {
    new Scanner(text).run();
    return null;
  } catch (e) {
    if (e instanceof Stop && e.offset >= 0) return placeOf(text, e.offset);
    if (e instanceof Stop || e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * The line on which the value at each path starts; a path the text does not have (a missing
 * field) gets the line of its nearest ancestor that is there. 0 when the text is not JSON.
 */
export function jsonLines(text: string, paths: readonly Path[]): number[] {
  const wanted = new Set<string>(['']);
  for (const path of paths) for (let n = 1; n <= path.length; n++) wanted.add(keyOf(path.slice(0, n)));
  const scanner = new Scanner(text, wanted);
  try {
    scanner.run();
  } catch (e) {
    if (!(e instanceof Stop) && !(e instanceof RangeError)) throw e;
    return paths.map(() => 0);
  }
  return paths.map((path) => {
    for (let n = path.length; n >= 0; n--) {
      const offset = scanner.found.get(keyOf(path.slice(0, n)));
      if (offset !== undefined) return placeOf(text, offset).line;
    }
    return 0;
  });
}

/**
 * Every number that sets a limit or a default, once, with why. Change one here and every
 * screen, export, message and check that uses it follows.
 */

/** A day in milliseconds (for "n days ago" arithmetic on timestamps). */
export const DAY_MS = 86_400_000;

/**
 * Coverage: how many people at U or higher a skill needs unless the lead sets another target
 * (the lean "1-3 rule", DESIGN §3).
 */
export const DEFAULT_TARGET_COVERAGE = 3;

/**
 * The fund report leaves out any group of fewer participants than this, the total included,
 * and hides more groups where needed so none can be worked out (k-anonymity, DESIGN §5).
 */
export const FUND_REPORT_MIN_GROUP = 5;

/** Confirmed levels that expire within this many days are listed for the lead to renew. */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * People archived longer than this are proposed for forgetting (AVG: keep personal data no
 * longer than needed; 24 months covers a returning seasonal worker and a late fund claim).
 */
export const RETENTION_MONTHS = 24;

/** After this many days without a backup, the lead is reminded. */
export const BACKUP_REMIND_DAYS = 30;

export interface Range {
  min: number;
  max: number;
}

/** The longest name (person, team, station, skill) and free text (notes, descriptions, what was practised). */
export const NAME_MAX_LENGTH = 80;
export const TEXT_MAX_LENGTH = 500;
/** The company's name, as it appears on portfolios and fund reports. */
export const COMPANY_NAME_MAX_LENGTH = 120;
/** A KvK number (Kamer van Koophandel, the Dutch company register) has exactly this many digits. */
export const KVK_NUMBER_DIGITS = 8;
/** The company's leerbedrijf-ID at SBB is a number; longer than this is a typing error. */
export const LEERBEDRIJF_ID_MAX_DIGITS = 12;

/** A PIN has this many digits (the catalogs' PIN help texts say "4 tot 6" in words). */
export const PIN_LENGTH: Range = { min: 4, max: 6 };

/** Kiosk PIN rules a lead can change in settings: the defaults, and the ranges allowed. */
export const KIOSK_DEFAULTS = {
  /** Wrong PINs in a row before the name locks. */
  maxAttempts: 5,
  /** Minutes a name stays locked. */
  lockMinutes: 5,
  /** Seconds without a touch before the signed-in person is signed out. */
  idleSeconds: 60,
} as const;

export const KIOSK_LIMITS: Readonly<Record<keyof typeof KIOSK_DEFAULTS, Range>> = {
  maxAttempts: { min: 3, max: 20 },
  lockMinutes: { min: 1, max: 120 },
  idleSeconds: { min: 15, max: 3600 },
};

/** Wall mode: back to the overview after this many seconds without a touch, and the range allowed. */
export const DEFAULT_WALL_IDLE_SECONDS = 120;
export const WALL_IDLE_LIMITS: Range = { min: 15, max: 3600 };
/** How long the wall shows one page when the team does not fit on one (seconds). */
export const DEFAULT_WALL_PAGE_SECONDS = 20;
export const WALL_PAGE_LIMITS: Range = { min: 5, max: 600 };

/** A whole number within the range. */
export function inRange(value: number, range: Range): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/**
 * What the gate (src/domain/gate) lets into the log. Sized for real companies with room to
 * spare; each refusal names its limit. Files are checked by size before they are read.
 */
export const LIMITS = {
  /** A file a person brings in (a matrix, a qualification file). */
  fileBytes: 10 * 1024 * 1024,
  /**
   * A backup: Vaardig's own file, as large as the log it holds (a change is about 400 bytes, so
   * 500,000 changes); every backup Vaardig makes can be restored.
   */
  backupBytes: 256 * 1024 * 1024,
  /** One event as stored and sent to every device. */
  eventBytes: 256 * 1024,
  /** People in one workshop (imports and backups). */
  people: 5_000,
  /** Skills in one workshop. */
  skills: 2_000,
  /** Work processes (werkprocessen) in one qualification file. */
  werkprocessen: 200,
  /** Events in one backup file. */
  backupEvents: 500_000,
} as const;

/**
 * Clock sanity for stamps from elsewhere. Ahead of this device's clock by more than
 * `holdMs`: held until its time comes (it never moves the local clock). Ahead by more than
 * `refuseMs`: refused as impossible.
 */
export const CLOCK_BOUNDS = {
  holdMs: 10 * 60_000,
  refuseMs: 7 * DAY_MS,
} as const;

/**
 * Photos (work instruction steps, evidence of finished work). A phone's photo is resized on
 * the device before it is stored: small enough to sync to every device and to fill a card.
 * A file larger than `fileBytes`, or with more pixels than `maxPixels` (a 50-megapixel photo),
 * is refused before it is decoded: decoding it could take all of a phone's memory.
 */
export const PHOTO = {
  /** The longest side after resizing, in pixels. */
  longSide: 1600,
  /** At most this many bytes after resizing (JPEG). */
  maxBytes: 300 * 1024,
  /** A file brought in larger than this is refused without reading it. */
  fileBytes: 20 * 1024 * 1024,
  /** More pixels than this (width × height) are refused before decoding: 40 megapixels. */
  maxPixels: 40_000_000,
  /** JPEG qualities tried in turn until the photo fits `maxBytes`. */
  qualities: [0.85, 0.75, 0.65, 0.55, 0.45],
} as const;

/** A work instruction: at most this many main steps; each step's texts as short as a card can hold. */
export const INSTRUCTION = {
  maxSteps: 12,
  titleLength: 80,
  textLength: 300,
} as const;

/**
 * How long a matrix row or column that came into view while the matrix scrolled must stay in
 * view before it reads its data (ms): a slow drag shows rows far longer, a fling a frame or two.
 */
export const STAY_IN_VIEW_MS = 120;

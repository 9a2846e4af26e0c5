import { z } from 'zod/mini';

/**
 * A person's key as the company server keeps it: a document of its own beside the events
 * (`personkey-<person>`), written once, and the one kind of document a device may delete —
 * when the person is forgotten. The app's sync and the server's rules (src/server/designDoc.ts)
 * read this one definition.
 */
export const KEY_DOC_PREFIX = 'personkey-';
export const KEY_DOC_KIND = 'personKey';
/** 32 bytes in base64url, unpadded. */
export const KEY_TEXT_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const keyDocId = (workerId: string) => `${KEY_DOC_PREFIX}${workerId}`;

export const isKeyDoc = (doc: unknown): boolean => {
  const id = doc && typeof doc === 'object' ? (doc as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.startsWith(KEY_DOC_PREFIX);
};

export const keyDocSchema = z.object({
  id: z.string().check(z.maxLength(KEY_DOC_PREFIX.length + 64)),
  kind: z.literal(KEY_DOC_KIND),
  workerId: z.string().check(z.minLength(1), z.maxLength(64)),
  key: z.string().check(z.regex(KEY_TEXT_PATTERN)),
});

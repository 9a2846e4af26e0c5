/**
 * The one event that is not named by its hash: the company's first device enrolling itself.
 * A fixed id means a log — and a server, which refuses to overwrite a document — holds at
 * most one, so nobody can slip in a second "first device" dated earlier.
 */
export const ROOT_EVENT_ID = 'vaardig-root';

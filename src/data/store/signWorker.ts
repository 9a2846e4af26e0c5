/**
 * Signs many event hashes with the device key on a thread of its own. Chromium's WebCrypto
 * signs ECDSA on the thread that asks (about 0.1 ms each): 16,000 events held the page's
 * thread for 2 s, and 110,000 for 15 s. A non-extractable key can be handed to a worker
 * (structured clone), its bytes still out of every script's reach.
 */
export interface SignRequest {
  /** deviceKey.ts's SIGNING (passed in: the worker imports nothing of the store). */
  algorithm: EcdsaParams;
  key: CryptoKey;
  /** 32-byte hashes one after another. */
  hashes: Uint8Array<ArrayBuffer>;
}

/** The worker's own global (the DOM types the project compiles with do not describe it). */
export type SignReply = { signatures: Uint8Array<ArrayBuffer>; error?: undefined } | { error: string; signatures?: undefined };

const scope = self as unknown as {
  onmessage: (event: MessageEvent<SignRequest>) => void;
  postMessage(message: SignReply, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data }: MessageEvent<SignRequest>) => {
  try {
    const count = data.hashes.length / 32;
    const out = new Uint8Array(count * 64);
    const signatures = await Promise.all(Array.from({ length: count }, (_, i) => crypto.subtle.sign(data.algorithm, data.key, data.hashes.subarray(i * 32, (i + 1) * 32))));
    signatures.forEach((s, i) => out.set(new Uint8Array(s), i * 64));
    scope.postMessage({ signatures: out }, [out.buffer]);
  } catch (error) {
    scope.postMessage({ error: String(error) });
  }
};

import { useMemo } from 'react';
import { toBase64 } from '../domain/photoDocs';

/**
 * A JPEG's bytes as an address an <img> can show: a data URL, so nothing has to be released
 * again (an object URL would, and React may run an effect's cleanup while the image still shows).
 */
export function usePhotoUrl(bytes: Uint8Array | undefined): string | undefined {
  return useMemo(() => (bytes ? `data:image/jpeg;base64,${toBase64(bytes)}` : undefined), [bytes]);
}

import { useState } from 'react';
import { useT } from '../i18n';

/**
 * A long list shown a page at a time: how many to show, and the "Toon meer" button to show the
 * next page (rendered only when the query found more than are shown: ask it for `limit + 1`).
 */
export function usePages(size: number): { limit: number; more: (found: number) => React.ReactNode } {
  const t = useT();
  const [limit, setLimit] = useState(size);
  const more = (found: number) =>
    found > limit && (
      <button type="button" className="button" onClick={() => setLimit(limit + size)}>
        {t('audit.more')}
      </button>
    );
  return { limit, more };
}

import { usePhoto } from '../../data/queries';
import { useT } from '../../i18n';
import { usePhotoUrl } from '../../ui/usePhotoUrl';

/** A photo from this device's photo store by its hash; until it has come through sync, a note that it is on its way. */
export function StoredPhoto({ hash, alt }: { hash: string; alt: string }) {
  const t = useT();
  const row = usePhoto(hash);
  const url = usePhotoUrl(row?.bytes);
  if (row === null) return <p className="step-photo missing">{t('steps.photoComing')}</p>;
  return url && row ? <img className="step-photo" src={url} alt={alt} width={row.width} height={row.height} /> : null;
}

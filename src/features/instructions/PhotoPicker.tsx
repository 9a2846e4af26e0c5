import { useState } from 'react';
import type { NewPhoto } from '../../data/commands';
import { translateLoose, useT } from '../../i18n';
import { TextField } from '../../ui/Field';
import { resizePhoto } from '../../ui/photoResize';
import { usePhotoUrl } from '../../ui/usePhotoUrl';
import { StoredPhoto } from './StoredPhoto';

/** A preview of bytes not stored yet (a photo just chosen). */
function NewPhotoImage({ photo, alt }: { photo: NewPhoto; alt: string }) {
  const url = usePhotoUrl(photo.bytes);
  return url ? <img className="step-photo" src={url} alt={alt} width={photo.width} height={photo.height} /> : null;
}

/**
 * Take or choose a photo, made smaller on this device at once; what cannot be a photo is said at
 * the field, and nothing is kept. No `capture`: that would open only the camera, while phones
 * and tablets offer the camera and the photos already taken when it is left out.
 */
export function PhotoPicker({
  label,
  alt,
  removeLabel,
  photo,
  onChange,
  error,
}: {
  label: string;
  alt: string;
  removeLabel: string;
  photo: string | NewPhoto | undefined;
  onChange: (photo: NewPhoto | undefined) => void;
  error?: string;
}) {
  const t = useT();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const outcome = await resizePhoto(file);
      if (outcome.ok) onChange(outcome.photo);
      else setProblem(translateLoose(t, outcome.problem.key, outcome.problem.params));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="photo-picker">
      {photo !== undefined && (typeof photo === 'string' ? <StoredPhoto hash={photo} alt={alt} /> : <NewPhotoImage photo={photo} alt={alt} />)}
      {photo !== undefined && (
        <button type="button" className="button" onClick={() => onChange(undefined)}>
          {removeLabel}
        </button>
      )}
      <TextField
        label={label}
        type="file"
        accept="image/*"
        error={problem ?? error}
        onChange={(e) => {
          void choose(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {busy && <p role="status">{t('instruction.preparing')}</p>}
    </div>
  );
}

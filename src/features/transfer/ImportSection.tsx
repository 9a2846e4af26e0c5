import { useEffect, useId, useRef, useState } from 'react';
import { importWorkshop, type ImportSummary } from '../../data/commands';
import type { MatrixImport } from '../../domain/transfer/matrixImport';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { SelectField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { formatPercent } from '../../ui/format';
import { ImportPreview } from './ImportPreview';
import { useMatrixImport, type ImportWork } from './useMatrixImport';

/** Bring an existing Excel matrix in: pick the sheet, guess the columns, let the lead correct, preview, import. */
export function ImportSection() {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const file = useRef<HTMLInputElement>(null);
  const matrix = useMatrixImport();
  const [busy, setBusy] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const [keepHigher, setKeepHigher] = useState(true);
  const defaults = { team: t('import.defaultTeam'), station: t('import.defaultStation') };
  const effect = useImportEffect(matrix.result, defaults, keepHigher);

  const reset = () => {
    matrix.clear();
    if (file.current) file.current.value = '';
  };

  const stop = () => {
    reset();
    announce('import.stopped');
  };

  const run = async () => {
    const result = matrix.result;
    if (!result) return;
    setBusy(true);
    const r = await importWorkshop(result, defaults, ctx, { keepHigher });
    setBusy(false);
    if (r.ok) {
      announce('import.done', 'info', { people: t('people.membersCount', { count: result.rows.length }), levels: t('import.levelsChanged', { count: r.value.levels }) });
      reset();
    } else setRunError(translateLoose(t, r.errors[0]!.key, r.errors[0]!.params));
  };

  const error = runError ?? (matrix.error && t(matrix.error.key, matrix.error.params));
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          ref={file}
          id="import-file"
          type="file"
          accept=".csv,.txt,.tsv,.xlsx,text/csv"
          onChange={(e) => {
            setRunError(null);
            void matrix.choose(e.target.files?.[0]);
          }}
        />
      </div>
      <FormError message={error} />
      {matrix.sheets.length > 1 && (
        <SelectField label={t('import.sheet')} value={matrix.sheetIndex} onChange={(e) => void matrix.pickSheet(Number(e.target.value))}>
          {matrix.sheets.map((sheet, i) => (
            <option key={i} value={i}>
              {sheet.name}
            </option>
          ))}
        </SelectField>
      )}
      {matrix.work && <ImportProgress work={matrix.work} onStop={stop} />}
      {matrix.layout && matrix.result && (
        <ImportPreview
          layout={matrix.layout}
          result={matrix.result}
          onLayout={(l) => void matrix.changeLayout(l)}
          busy={busy || !!matrix.work}
          onRun={run}
          effect={effect && <ImportEffect summary={effect} keepHigher={keepHigher} onKeepHigher={setKeepHigher} />}
        />
      )}
    </section>
  );
}

/**
 * What the import would change, worked out by the import itself in a transaction that is then
 * undone: new people, teams, stations and skills, and levels going up or down.
 */
function useImportEffect(result: MatrixImport | null, defaults: { team: string; station: string }, keepHigher: boolean): ImportSummary | null {
  const { actor } = useCommandContext();
  const [found, setFound] = useState<{ result: MatrixImport; keepHigher: boolean; summary: ImportSummary } | null>(null);
  const { team, station } = defaults;
  useEffect(() => {
    if (!result || result.problems.length || !result.rows.length) return;
    let current = true;
    void importWorkshop(result, { team, station }, { actor }, { keepHigher, dryRun: true }).then((r) => {
      if (current && r.ok) setFound({ result, keepHigher, summary: r.value });
    });
    return () => {
      current = false;
    };
  }, [result, team, station, actor, keepHigher]);
  // Only the answer for what is on screen now: an older one is never shown.
  return found && found.result === result && found.keepHigher === keepHigher ? found.summary : null;
}

function ImportEffect({ summary, keepHigher, onKeepHigher }: { summary: ImportSummary; keepHigher: boolean; onKeepHigher: (keep: boolean) => void }) {
  const t = useT();
  const added = (['workers', 'teams', 'stations', 'skills'] as const).filter((k) => summary[k] > 0).map((k) => t(`import.new.${k}`, { count: summary[k] }));
  const lower = keepHigher ? summary.kept : summary.down;
  return (
    <section className="import-effect" aria-labelledby="import-effect-title">
      <h3 id="import-effect-title">{t('import.effect')}</h3>
      <ul>
        <li>{added.length ? t('import.added', { list: added.join(', ') }) : t('import.nothingNew')}</li>
        <li>{t('import.levelsUp', { count: summary.up })}</li>
        {lower > 0 && <li className={keepHigher ? undefined : 'warn-text'}>{t(keepHigher ? 'import.levelsKept' : 'import.levelsDown', { count: lower })}</li>}
      </ul>
      {(summary.down > 0 || summary.kept > 0) && (
        <label className="check-field">
          <input type="checkbox" checked={keepHigher} onChange={(e) => onKeepHigher(e.target.checked)} />
          {t('import.keepHigher')}
        </label>
      )}
    </section>
  );
}

/** How far reading a big sheet is, and a way out: stopping leaves nothing behind (nothing is written yet). */
function ImportProgress({ work, onStop }: { work: ImportWork; onStop: () => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const id = useId();
  return (
    <div className="progress-line import-progress">
      <span id={id} role="status">
        {t(`import.phase.${work.phase}`)}
      </span>
      <progress aria-labelledby={id} max={1} value={work.done} />
      <span aria-hidden="true">{formatPercent(work.done, language)}</span>
      <button type="button" className="button" onClick={onStop}>
        {t('import.stop')}
      </button>
    </div>
  );
}

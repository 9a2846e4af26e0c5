import { useMemo, useState } from 'react';
import { importWorkshop } from '../../data/commands';
import { decodeText, parseCsv, type Grid } from '../../domain/transfer/csv';
import { guessLayout, readMatrix, type ColumnRole, type MatrixLayout } from '../../domain/transfer/matrixImport';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { levelLetter } from '../../domain/levels';
import { readFileBytes } from '../../ui/download';
import { SelectField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';

const ROLES: ColumnRole[] = ['name', 'team', 'skill', 'ignore'];

/** Reads a CSV or .xlsx file into a grid; .xlsx support loads only when such a file is chosen. */
async function readGrid(file: File): Promise<{ grid: Grid } | { error: string }> {
  const bytes = await readFileBytes(file);
  if (/\.xlsx$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    try {
      const { default: readXlsx } = await import('read-excel-file/browser');
      const sheets = await readXlsx(file);
      const data = sheets[0]?.data ?? [];
      return { grid: data.map((row) => row.map((c) => (c == null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)))) };
    } catch {
      return { error: 'import.badXlsx' };
    }
  }
  if (bytes.includes(0)) return { error: 'import.notText' };
  return { grid: parseCsv(decodeText(bytes).text).grid };
}

/** Bring an existing Excel matrix in: guess the columns, let the lead correct, preview, import. */
export function ImportSection() {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [layout, setLayout] = useState<MatrixLayout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useMemo(() => (grid && layout ? readMatrix(grid, layout) : null), [grid, layout]);

  const choose = async (file: File | undefined) => {
    setError(null);
    setGrid(null);
    setLayout(null);
    if (!file) return;
    const read = await readGrid(file);
    if ('error' in read) return setError(t(read.error as 'import.badXlsx'));
    const guessed = guessLayout(read.grid);
    if (!guessed) return setError(t('import.empty'));
    setGrid(read.grid);
    setLayout(guessed);
  };

  const setRole = (index: number, role: ColumnRole) =>
    setLayout((l) => l && { ...l, columns: l.columns.map((c) => (c.index === index ? { ...c, role } : role === 'name' && c.role === 'name' ? { ...c, role: 'ignore' } : c)) });

  const run = async () => {
    if (!result) return;
    setBusy(true);
    const r = await importWorkshop(result, { team: t('import.defaultTeam'), station: t('import.defaultStation') }, ctx);
    setBusy(false);
    if (r.ok) {
      announce('import.done', 'info', { workers: result.rows.length, levels: r.value.levels });
      setGrid(null);
      setLayout(null);
    } else setError(translateLoose(t, r.errors[0]!.key, r.errors[0]!.params));
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input id="import-file" type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      <FormError message={error} />
      {layout && result && (
        <>
          <h3>{t('import.columns')}</h3>
          <div className="column-map">
            {layout.columns
              .filter((c) => c.header || c.role !== 'ignore')
              .map((c) => (
                <SelectField key={c.index} label={c.header || t('import.columnN', { n: c.index + 1 })} value={c.role} onChange={(e) => setRole(c.index, e.target.value as ColumnRole)}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`import.role.${role}`)}
                      {role === 'skill' && c.station ? ` (${c.station})` : ''}
                    </option>
                  ))}
                </SelectField>
              ))}
          </div>
          <p>{t('import.summary', { rows: result.rows.length, skills: result.skills.length, skipped: result.skipped.length })}</p>
          {result.problems.length > 0 && (
            <section className="problems" aria-labelledby="problems-title">
              <h3 id="problems-title">{t('import.problems', { count: result.problems.length })}</h3>
              <ul>
                {result.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    {p.line ? t('import.line', { line: p.line }) : ''} {p.column ? t('import.column', { column: p.column }) : ''} {translateLoose(t, p.key, p.params)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="preview-wrap">
            <table className="preview">
              <caption>{t('import.preview')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line', { line: '' })}</th>
                  <th scope="col">{t('import.role.name')}</th>
                  <th scope="col">{t('import.role.team')}</th>
                  <th scope="col">{t('import.levels')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.slice(0, 15).map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.name}</td>
                    <td>{r.team}</td>
                    <td>{r.levels.map((l) => `${l.skill}: ${levelLetter(l.level)}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" className="button primary" disabled={busy || result.problems.length > 0 || result.rows.length === 0} onClick={run}>
              {t('import.run', { count: result.rows.length })}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

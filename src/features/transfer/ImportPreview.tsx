import type { ReactNode } from 'react';
import { levelLetter, levelOf, REACHABLE_LEVELS, type LevelCode } from '../../domain/levels';
import { isFraction, numberOf } from '../../domain/transfer/levelText';
import type { MatrixImport, SkipReason } from '../../domain/transfer/matrixImport';
import { atStation, columnLabels, withRole, type ColumnRole, type MatrixLayout } from '../../domain/transfer/matrixLayout';
import { translateLoose, useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { SelectField } from '../../ui/Field';
import { formatPercent } from '../../ui/format';
import { levelChoice, levelName } from '../../ui/levelDisplay';

const ROLES: ColumnRole[] = ['name', 'firstName', 'infix', 'lastName', 'team', 'skill', 'ignore'];
/** Left-out lines, the ones the lead most wants to check first. */
const SKIP_ORDER: SkipReason[] = ['totals', 'legend', 'notes', 'empty'];
/** Line numbers listed per reason; a long run of empty lines needs no full list. */
const LINES_SHOWN = 20;
const PREVIEW_ROWS = 15;
const PROBLEMS_SHOWN = 50;

interface Props {
  layout: MatrixLayout;
  result: MatrixImport;
  onLayout: (layout: MatrixLayout) => void;
  busy: boolean;
  onRun: () => void;
  /** What the import changes compared with now, shown just above the button that does it. */
  effect?: ReactNode;
}

/** What the import will do, before it does it: the columns (correctable), how cells read, what is left out, problems, the first rows. */
export function ImportPreview({ layout, result, onLayout, busy, onRun, effect }: Props) {
  const t = useT();
  const labels = columnLabels(layout.columns);
  return (
    <>
      <h3>{t('import.columns')}</h3>
      <div className="column-map">
        {layout.columns
          .filter((c) => c.header || c.role !== 'ignore')
          .map((c) => (
            <SelectField
              key={c.index}
              label={labels[c.index] || t('import.columnN', { n: c.index + 1 })}
              help={c.role === 'ignore' && c.reason ? t(`import.reason.${c.reason}`) : undefined}
              value={c.role}
              onChange={(e) => onLayout(withRole(layout, c.index, e.target.value as ColumnRole))}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {atStation(t(`import.role.${role}`), role === 'skill' ? c.station : '')}
                </option>
              ))}
            </SelectField>
          ))}
      </div>
      <Notations result={result} markLevel={layout.markLevel} onMarkLevel={(markLevel) => onLayout({ ...layout, markLevel })} />
      <p>{t('import.summary', { people: t('people.membersCount', { count: result.rows.length }), skills: t('skills.skillCount', { count: result.skills.length }) })}</p>
      <Skipped skipped={result.skipped} />
      {result.problems.length > 0 && (
        <section className="problems" aria-labelledby="problems-title">
          <h3 id="problems-title">{t('import.problems', { count: result.problems.length })}</h3>
          <ul>
            {result.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
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
            {result.rows.slice(0, PREVIEW_ROWS).map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.name}</td>
                <td>{r.team}</td>
                <td>{r.levels.map((l) => `${result.skills[l.skill]!.label}: ${levelLetter(l.level)}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {effect}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={busy || result.problems.length > 0 || result.rows.length === 0} onClick={onRun}>
          {t('import.run', { count: result.rows.length })}
        </button>
      </div>
    </>
  );
}

/** Every way the sheet writes a level besides the letter, and what it becomes: "x → kan het zelfstandig (U)". */
function Notations({ result, markLevel, onMarkLevel }: { result: MatrixImport; markLevel: LevelCode; onMarkLevel: (level: LevelCode) => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  if (!result.notations.length) return null;
  // A sheet with fractions is one where Excel stored percentages: show them as the lead sees them.
  const fractions = result.notations.some((n) => isFraction(n.text));
  const shown = (text: string) => {
    const value = numberOf(text);
    return fractions && value !== undefined && value <= 1 ? formatPercent(value, language) : text;
  };
  const notations = [...result.notations].sort((a, b) => levelOf(a.level).rank - levelOf(b.level).rank);
  return (
    <section aria-labelledby="notations-title">
      <h3 id="notations-title">{t('import.mapping')}</h3>
      <ul>
        {notations.map((n) => (
          <li key={n.text}>{t('import.mappingItem', { text: shown(n.text), level: levelName(t, n.level) })}</li>
        ))}
      </ul>
      {result.notations.some((n) => n.mark) && (
        <SelectField label={t('import.markLevel')} value={markLevel} onChange={(e) => onMarkLevel(e.target.value as LevelCode)}>
          {REACHABLE_LEVELS.map((l) => (
            <option key={l.code} value={l.code}>
              {levelChoice(t, l.code)}
            </option>
          ))}
        </SelectField>
      )}
    </section>
  );
}

function Skipped({ skipped }: { skipped: MatrixImport['skipped'] }) {
  const t = useT();
  if (!skipped.length) return null;
  const groups = SKIP_ORDER.map((reason) => ({ reason, lines: skipped.filter((s) => s.reason === reason).map((s) => s.line) })).filter((g) => g.lines.length);
  return (
    <section aria-labelledby="skipped-title">
      <h3 id="skipped-title">{t('import.skipped')}</h3>
      <ul>
        {groups.map(({ reason, lines }) => (
          <li key={reason}>{t(`import.skip.${reason}`, { count: lines.length, lines: lines.slice(0, LINES_SHOWN).join(', ') + (lines.length > LINES_SHOWN ? ', …' : '') })}</li>
        ))}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { approveMapping, importQualification, removeMapping, setCompanyDetails, setCompanyName, setMapping, setTarget } from '../../data/commands';
import { companyName, useCompanyDetails, useCompanyName, useQualificationData } from '../../data/queries';
import { REACHABLE_LEVELS, type LevelCode } from '../../domain/levels';
import { werkprocessenOf, type Qualification } from '../../domain/qualification';
import { EXAMPLE_QUALIFICATION } from '../../domain/exampleQualification';
import { readQualificationCsv, readQualificationJson } from '../../domain/transfer/qualificationFile';
import type { ImportProblem } from '../../domain/transfer/matrixImport';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { readFileBytes } from '../../ui/download';
import { fileTooBig } from '../../ui/fileLimit';
import { SelectField, TextField } from '../../ui/Field';
import { levelChoice, levelName } from '../../ui/levelDisplay';
import { decodeText } from '../../domain/transfer/csv';
import { LeadGate } from '../kiosk/LeadGate';
import { useNames } from '../history/useNames';
import { EvidenceDialog } from './EvidenceDialog';
import { qualificationLabel } from './qualificationLabel';
import { FundReportSection } from './FundReportSection';
import { VerifySection } from './VerifySection';
import { compareText } from '../../domain/sort';
import { KVK_NUMBER_DIGITS } from '../../domain/thresholds';

export function QualificationsScreen() {
  return (
    <LeadGate>
      <Qualifications />
    </LeadGate>
  );
}

function Qualifications() {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const clearNotice = useUi((s) => s.clearNotice);
  const [selected, setSelected] = useState<string | null>(null);
  const data = useQualificationData(selected);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [evidenceFor, setEvidenceFor] = useState<string | null>(null);
  const names = useNames();
  if (!data || !names) return <p className="loading">{t('app.loading')}</p>;
  const current = data.qualification;

  const load = async (file: File | undefined) => {
    // A new file: what was said about the last one ("ingelezen") no longer holds.
    setProblems([]);
    clearNotice();
    if (!file) return;
    const big = fileTooBig(file);
    if (big) return setProblems([{ line: 0, key: big.key, params: big.params }]);
    const text = decodeText(await readFileBytes(file)).text;
    const read = /\.json$/i.test(file.name) || text.trim().startsWith('{') ? readQualificationJson(text) : readQualificationCsv(text);
    if (!read.ok) return setProblems(read.problems);
    const r = await importQualification(read.qualification, ctx);
    if (r.ok) {
      setSelected(r.value);
      announce('qualification.imported');
    } else announce(translateLoose(t, r.errors[0]!.key), 'error');
  };
  const loadExample = async () => {
    const r = await importQualification(EXAMPLE_QUALIFICATION, ctx);
    if (r.ok) setSelected(r.value);
  };

  return (
    <section className="list-screen" aria-labelledby="q-title">
      <h1 id="q-title" className="screen-title">
        {t('qualification.title')}
      </h1>
      <p>{t('qualification.intro')}</p>
      <CompanyName />
      <div className="filters">
        <SelectField label={t('qualification.choose')} value={selected ?? ''} onChange={(e) => setSelected(e.target.value || null)}>
          <option value="">{t('qualification.none')}</option>
          {data.qualifications.map((q) => (
            <option key={q.id} value={q.id}>
              {qualificationLabel(q, t)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="q-file">{t('qualification.file')}</label>
          <input
            id="q-file"
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Emptied, so the same file can be chosen again once it is fixed.
              e.target.value = '';
              void load(file);
            }}
          />
        </div>
        <button type="button" className="button" onClick={loadExample}>
          {t('qualification.loadExample')}
        </button>
      </div>
      {problems.length > 0 && (
        <section className="problems" role="alert">
          <h2>{t('qualification.problems')}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.line ? t('import.line', { line: p.line }) : ''} {p.column ? t('import.column', { column: p.column }) : ''} {translateLoose(t, p.key, p.params)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {current && (
        <>
          {current.example && <p className="example-badge">{t('qualification.exampleNote')}</p>}
          <MappingEditor q={current} data={data} />
          <section aria-labelledby="team-progress">
            <h2 id="team-progress">{t('qualification.teamTitle')}</h2>
            <ul className="item-list">
              {[...data.workers]
                .sort((a, b) => (data.progress.get(b.id)?.shown ?? 0) - (data.progress.get(a.id)?.shown ?? 0) || compareText(a.name, b.name))
                .map((w) => {
                  const p = data.progress.get(w.id)!;
                  return (
                    <li key={w.id}>
                      <span className="item-name">
                        {w.name}
                        <span className="muted small-line">{t('progress.count', { shown: p.shown, total: p.total })}</span>
                      </span>
                      <progress max={p.total} value={p.shown} aria-label={t('progress.countFor', { name: w.name, shown: p.shown, total: p.total })} />
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={w.targetQualificationId === current.id}
                          onChange={(e) => void setTarget(w.id, e.target.checked ? current.id : null, ctx)}
                          aria-label={t('qualification.targetFor', { name: w.name, qualification: current.title })}
                        />
                        {t('qualification.target')}
                      </label>
                      <button type="button" className="button" onClick={() => setEvidenceFor(w.id)} aria-label={t('evidence.openFor', { name: w.name })}>
                        {t('evidence.open')}
                      </button>
                    </li>
                  );
                })}
            </ul>
          </section>
          <FundReportSection q={current} />
          {evidenceFor && <EvidenceDialog workerId={evidenceFor} q={current} onClose={() => setEvidenceFor(null)} />}
        </>
      )}
      {/* Checking a credential needs no qualification chosen: an assessor may come only for that. */}
      <VerifySection />
    </section>
  );
}

/** The company as portfolios and reports name it: its name, KvK number and SBB leerbedrijf-ID. */
function CompanyName() {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const stored = useCompanyName();
  const details = useCompanyDetails();
  const [draft, setDraft] = useState<{ name?: string; kvkNumber?: string; leerbedrijfId?: string }>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const name = draft.name ?? stored ?? '';
  const kvkNumber = draft.kvkNumber ?? details?.kvkNumber ?? '';
  const leerbedrijfId = draft.leerbedrijfId ?? details?.leerbedrijfId ?? '';
  return (
    <form
      className="filters"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const named = await setCompanyName(draft.name ?? stored ?? (await companyName()), ctx);
        const numbered = await setCompanyDetails({ kvkNumber, leerbedrijfId }, ctx);
        const found: Record<string, string> = {};
        for (const r of [named, numbered]) if (!r.ok) for (const error of r.errors) found[error.field] = translateLoose(t, error.key, error.params);
        setErrors(found);
        setDraft({ ...(named.ok ? {} : { name: draft.name }), ...(numbered.ok ? {} : { kvkNumber: draft.kvkNumber, leerbedrijfId: draft.leerbedrijfId }) });
        if (named.ok && numbered.ok) announce('picker.saved');
      }}
    >
      <TextField label={t('qualification.company')} value={name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors.company} />
      <TextField
        label={t('qualification.kvkNumber')}
        help={t('qualification.kvkHelp', { digits: KVK_NUMBER_DIGITS })}
        inputMode="numeric"
        value={kvkNumber}
        onChange={(e) => setDraft({ ...draft, kvkNumber: e.target.value })}
        error={errors.kvkNumber}
      />
      <TextField
        label={t('qualification.leerbedrijfId')}
        help={t('qualification.optional')}
        inputMode="numeric"
        value={leerbedrijfId}
        onChange={(e) => setDraft({ ...draft, leerbedrijfId: e.target.value })}
        error={errors.leerbedrijfId}
      />
      <button type="submit" className="button">
        {t('action.save')}
      </button>
    </form>
  );
}

function MappingEditor({ q, data }: { q: Qualification; data: NonNullable<ReturnType<typeof useQualificationData>> }) {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [adding, setAdding] = useState<Record<string, { skillId: string; level: LevelCode; coverage: 'full' | 'partial' }>>({});
  const report = (r: { ok: boolean; errors?: { key: string }[] }) => !r.ok && announce(translateLoose(t, r.errors![0]!.key), 'error');
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('mapping.title')}</h2>
      <p>{t('mapping.intro')}</p>
      {werkprocessenOf(q).map((wp) => {
        const form = adding[wp.code] ?? { skillId: '', level: 'U' as LevelCode, coverage: 'full' as const };
        const mapped = data.mappings.filter((m) => m.werkproces === wp.code);
        return (
          <section key={wp.code} className="group werkproces" aria-labelledby={`wp-${wp.code}`}>
            <h3 id={`wp-${wp.code}`}>
              {wp.code} {wp.title}
            </h3>
            <ul className="item-list">
              {mapped.map((m) => {
                const skill = data.skillsById.get(m.skillId);
                const target = { qualificationId: q.id, werkproces: wp.code, skillId: m.skillId };
                return (
                  <li key={m.id}>
                    <span className="item-name">
                      {skill?.name} — {levelName(t, m.requiredLevel)}, {t(m.coverage === 'full' ? 'mapping.full' : 'mapping.partial')}
                      <span className="muted small-line">{m.status === 'approved' ? t('mapping.approved') : t('mapping.draft')}</span>
                    </span>
                    {m.status === 'draft' && (
                      <button
                        type="button"
                        className="button primary"
                        onClick={async () => report(await approveMapping(target, ctx))}
                        aria-label={t('mapping.approveFor', { skill: skill?.name ?? '', werkproces: wp.code })}
                      >
                        {t('mapping.approve')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button"
                      onClick={async () => report(await removeMapping(target, ctx))}
                      aria-label={t('mapping.removeFor', { skill: skill?.name ?? '', werkproces: wp.code })}
                    >
                      {t('mapping.remove')}
                    </button>
                  </li>
                );
              })}
            </ul>
            <form
              className="filters"
              onSubmit={async (e) => {
                e.preventDefault();
                if (!form.skillId) return;
                report(await setMapping({ qualificationId: q.id, werkproces: wp.code, skillId: form.skillId, requiredLevel: form.level, coverage: form.coverage }, ctx));
                setAdding({ ...adding, [wp.code]: { ...form, skillId: '' } });
              }}
            >
              <SelectField label={t('mapping.skillFor', { werkproces: wp.code })} value={form.skillId} onChange={(e) => setAdding({ ...adding, [wp.code]: { ...form, skillId: e.target.value } })}>
                <option value="">{t('mapping.chooseSkill')}</option>
                {data.skills
                  .filter((s) => !mapped.some((m) => m.skillId === s.id))
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </SelectField>
              <SelectField label={t('mapping.level')} value={form.level} onChange={(e) => setAdding({ ...adding, [wp.code]: { ...form, level: e.target.value as LevelCode } })}>
                {REACHABLE_LEVELS.map((l) => (
                  <option key={l.code} value={l.code}>
                    {levelChoice(t, l.code)}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('mapping.coverage')} value={form.coverage} onChange={(e) => setAdding({ ...adding, [wp.code]: { ...form, coverage: e.target.value as 'full' | 'partial' } })}>
                <option value="full">{t('mapping.full')}</option>
                <option value="partial">{t('mapping.partial')}</option>
              </SelectField>
              <button type="submit" className="button" disabled={!form.skillId}>
                {t('mapping.add')}
              </button>
            </form>
          </section>
        );
      })}
    </section>
  );
}

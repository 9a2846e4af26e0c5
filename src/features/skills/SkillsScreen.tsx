import { useState } from 'react';
import { changeSkill, changeStation, createSkill, createStation, moveStation, type CommandResult } from '../../data/commands';
import { useInstructions, useSkills, useStations } from '../../data/queries';
import { InstructionEditor } from '../instructions/InstructionEditor';
import { type Skill, type Station } from '../../domain/model';
import { DEFAULT_TARGET_COVERAGE } from '../../domain/thresholds';
import { REACHABLE_LEVELS, type LevelCode } from '../../domain/levels';
import { useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { SelectField, TextField } from '../../ui/Field';
import { levelChoice } from '../../ui/levelDisplay';
import { FormDialog } from '../../ui/FormDialog';
import { Icon } from '../../ui/Icon';
import { RowActions } from '../../ui/RowActions';
import { useCommandForm } from '../../ui/useCommandForm';
import { LeadGate } from '../kiosk/LeadGate';

type Editing = { kind: 'station'; station?: Station } | { kind: 'skill'; skill?: Skill } | { kind: 'instruction'; skill: Skill } | null;

export function SkillsScreen() {
  return (
    <LeadGate>
      <SkillsScreenContent />
    </LeadGate>
  );
}

function SkillsScreenContent() {
  const t = useT();
  const stations = useStations();
  const skills = useSkills();
  const instructions = useInstructions();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [editing, setEditing] = useState<Editing>(null);
  const [showArchived, setShowArchived] = useState(false);
  if (!stations || !skills || !instructions) return <p className="loading">{t('app.loading')}</p>;

  const report = (result: CommandResult<unknown>) => {
    if (!result.ok) announce(result.errors[0]!.key, 'error', result.errors[0]!.params);
  };
  const activeStations = stations.filter((s) => !s.archived);
  const visibleStations = stations.filter((s) => showArchived || !s.archived);

  return (
    <section className="list-screen" aria-labelledby="skills-title">
      <h1 id="skills-title" className="screen-title">
        {t('skills.title')}
      </h1>
      <label className="check">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('people.showArchived')}
      </label>

      <section aria-labelledby="stations-title">
        <div className="section-head">
          <h2 id="stations-title">{t('skills.stations')}</h2>
          <button type="button" className="button primary" onClick={() => setEditing({ kind: 'station' })}>
            <Icon name="plus" /> {t('skills.addStation')}
          </button>
        </div>
        <ol className="item-list">
          {visibleStations.map((station) => {
            const index = activeStations.indexOf(station);
            return (
              <li key={station.id} className={station.archived ? 'archived' : undefined}>
                <span className="item-name">{station.name}</span>
                <span className="muted">
                  {t('skills.skillCount', { count: skills.filter((s) => s.stationId === station.id && !s.archived).length })}
                  {station.archived && ` · ${t('people.archived')}`}
                </span>
                {!station.archived && (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="icon-button"
                      disabled={index === 0}
                      aria-label={t('skills.moveUp', { name: station.name })}
                      onClick={async () => report(await moveStation(station.id, -1, ctx))}
                    >
                      <Icon name="up" />
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      disabled={index === activeStations.length - 1}
                      aria-label={t('skills.moveDown', { name: station.name })}
                      onClick={async () => report(await moveStation(station.id, 1, ctx))}
                    >
                      <Icon name="down" />
                    </button>
                  </span>
                )}
                <RowActions
                  name={station.name}
                  archived={station.archived}
                  onEdit={() => setEditing({ kind: 'station', station })}
                  onArchive={async (archived) => report(await changeStation({ id: station.id, archived }, ctx))}
                />
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="skill-list-title">
        <div className="section-head">
          <h2 id="skill-list-title">{t('skills.skills')}</h2>
          <button type="button" className="button primary" onClick={() => setEditing({ kind: 'skill' })} disabled={activeStations.length === 0}>
            <Icon name="plus" /> {t('skills.addSkill')}
          </button>
        </div>
        {activeStations.length === 0 && <p>{t('skills.noStations')}</p>}
        {visibleStations.map((station) => {
          const own = skills.filter((s) => s.stationId === station.id && (showArchived || !s.archived));
          if (own.length === 0) return null;
          return (
            <section key={station.id} aria-label={station.name} className="group">
              <h3>{station.name}</h3>
              <ul className="item-list">
                {own.map((skill) => (
                  <li key={skill.id} className={skill.archived ? 'archived' : undefined}>
                    <span className="item-name">{skill.name}</span>
                    <span className="muted">
                      {t('skills.targetShort', { count: skill.targetCoverage })}
                      {skill.validityMonths != null && ` · ${t('skills.validityShort', { months: skill.validityMonths })}`}
                      {skill.archived && ` · ${t('people.archived')}`}
                      {instructions.has(skill.id) && ` · ${t('instruction.version', { version: instructions.get(skill.id)!.version })}`}
                    </span>
                    {!skill.archived && (
                      <button type="button" className="button" onClick={() => setEditing({ kind: 'instruction', skill })} aria-label={t('instruction.openFor', { skill: skill.name })}>
                        <Icon name="list" /> <span aria-hidden="true">{t('instruction.open')}</span>
                      </button>
                    )}
                    <RowActions
                      name={skill.name}
                      archived={skill.archived}
                      onEdit={() => setEditing({ kind: 'skill', skill })}
                      onArchive={async (archived) => report(await changeSkill({ id: skill.id, archived }, ctx))}
                    />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>

      {editing?.kind === 'station' && <StationForm station={editing.station} onClose={() => setEditing(null)} />}
      {editing?.kind === 'instruction' && <InstructionEditor skill={editing.skill} current={instructions.get(editing.skill.id)} onClose={() => setEditing(null)} />}
      {editing?.kind === 'skill' && <SkillForm skill={editing.skill} stations={activeStations} skills={skills} onClose={() => setEditing(null)} />}
    </section>
  );
}

function StationForm({ station, onClose }: { station?: Station; onClose: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const [name, setName] = useState(station?.name ?? '');
  const { errors, busy, submit } = useCommandForm(onClose);
  return (
    <FormDialog
      title={station ? t('action.editItem', { name: station.name }) : t('skills.addStation')}
      onClose={onClose}
      busy={busy}
      error={errors['']}
      onSubmit={() => submit(() => (station ? changeStation({ id: station.id, name }, ctx) : createStation({ name }, ctx)))}
    >
      <TextField label={t('skills.stationName')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus required />
    </FormDialog>
  );
}

/** Numbers typed in a form: empty stays empty, anything else goes to the schema to judge. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

function SkillForm({ skill, stations, skills, onClose }: { skill?: Skill; stations: Station[]; skills: Skill[]; onClose: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const [name, setName] = useState(skill?.name ?? '');
  const [stationId, setStationId] = useState(skill?.stationId ?? stations[0]?.id ?? '');
  const [description, setDescription] = useState(skill?.description ?? '');
  const [target, setTarget] = useState(String(skill?.targetCoverage ?? DEFAULT_TARGET_COVERAGE));
  const [validity, setValidity] = useState(skill?.validityMonths != null ? String(skill.validityMonths) : '');
  const [requiresId, setRequiresId] = useState(skill?.requires?.[0]?.skillId ?? '');
  const [requiresLevel, setRequiresLevel] = useState<LevelCode>(skill?.requires?.[0]?.level ?? 'U');
  const { errors, busy, submit } = useCommandForm(onClose);
  const save = () => {
    const fields = {
      name,
      stationId,
      description,
      targetCoverage: parseNumber(target) ?? Number.NaN,
      validityMonths: parseNumber(validity),
      requires: requiresId ? [{ skillId: requiresId, level: requiresLevel }] : [],
    };
    return submit(() => (skill ? changeSkill({ id: skill.id, ...fields }, ctx) : createSkill(fields, ctx)));
  };
  return (
    <FormDialog title={skill ? t('action.editItem', { name: skill.name }) : t('skills.addSkill')} onClose={onClose} busy={busy} error={errors['']} onSubmit={save}>
      <TextField label={t('skills.skillName')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus required />
      <SelectField label={t('skills.station')} value={stationId} onChange={(e) => setStationId(e.target.value)} error={errors.stationId} required>
        <option value="" disabled>
          {t('skills.chooseStation')}
        </option>
        {stations.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('skills.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
      <TextField label={t('skills.target')} help={t('skills.targetHelp')} inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value)} error={errors.targetCoverage} />
      <TextField label={t('skills.validity')} help={t('skills.validityHelp')} inputMode="numeric" value={validity} onChange={(e) => setValidity(e.target.value)} error={errors.validityMonths} />
      <SelectField label={t('skills.requires')} help={t('skills.requiresHelp')} value={requiresId} onChange={(e) => setRequiresId(e.target.value)}>
        <option value="">{t('skills.requiresNone')}</option>
        {skills
          .filter((s) => !s.archived && s.id !== skill?.id)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
      </SelectField>
      {requiresId && (
        <SelectField label={t('skills.requiresLevel')} value={requiresLevel} onChange={(e) => setRequiresLevel(e.target.value as LevelCode)}>
          {REACHABLE_LEVELS.map((l) => (
            <option key={l.code} value={l.code}>
              {levelChoice(t, l.code)}
            </option>
          ))}
        </SelectField>
      )}
    </FormDialog>
  );
}

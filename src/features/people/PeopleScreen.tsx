import { useState } from 'react';
import { changeTeam, changeWorker, createTeam, createWorker, type CommandResult, resetPin, setPin, fail, ok } from '../../data/commands';
import { useForgettingProposals, useTeams, useWorkers } from '../../data/queries';
import { DAY_MS, RETENTION_MONTHS } from '../../domain/thresholds';
import { formatDate } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { ForgetDialog } from './ForgetDialog';
import type { Role, Team, Worker } from '../../domain/model';
import { isValidPin } from '../../domain/pin';
import { useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { NewPinField, SelectField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { Icon } from '../../ui/Icon';
import { RowActions } from '../../ui/RowActions';
import { useCommandForm } from '../../ui/useCommandForm';
import { LeadGate } from '../kiosk/LeadGate';

type Editing = { kind: 'team'; team?: Team } | { kind: 'worker'; worker?: Worker } | { kind: 'forget'; worker: Worker } | null;

export function PeopleScreen() {
  return (
    <LeadGate>
      <PeopleScreenContent />
    </LeadGate>
  );
}

function PeopleScreenContent() {
  const t = useT();
  const teams = useTeams();
  const workers = useWorkers();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [editing, setEditing] = useState<Editing>(null);
  const [showArchived, setShowArchived] = useState(false);
  if (!teams || !workers) return <p className="loading">{t('app.loading')}</p>;

  const report = (result: CommandResult<unknown>) => {
    if (!result.ok) announce(result.errors[0]!.key, 'error', result.errors[0]!.params);
  };
  const visibleTeams = teams.filter((tm) => showArchived || !tm.archived);
  const activeTeams = teams.filter((tm) => !tm.archived);

  return (
    <section className="list-screen" aria-labelledby="people-title">
      <h1 id="people-title" className="screen-title">
        {t('people.title')}
      </h1>
      <label className="check">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('people.showArchived')}
      </label>

      <RetentionProposals onForget={(worker) => setEditing({ kind: 'forget', worker })} />

      <section aria-labelledby="teams-title">
        <div className="section-head">
          <h2 id="teams-title">{t('people.teams')}</h2>
          <button type="button" className="button primary" onClick={() => setEditing({ kind: 'team' })}>
            <Icon name="plus" /> {t('people.addTeam')}
          </button>
        </div>
        <ul className="item-list">
          {visibleTeams.map((team) => (
            <li key={team.id} className={team.archived ? 'archived' : undefined}>
              <span className="item-name">{team.name}</span>
              <span className="muted">
                {t('people.membersCount', { count: workers.filter((w) => w.teamId === team.id && !w.archived).length })}
                {team.archived && ` · ${t('people.archived')}`}
              </span>
              <RowActions
                name={team.name}
                archived={team.archived}
                onEdit={() => setEditing({ kind: 'team', team })}
                onArchive={async (archived) => report(await changeTeam({ id: team.id, archived }, ctx))}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="workers-title">
        <div className="section-head">
          <h2 id="workers-title" tabIndex={-1}>
            {t('people.workers')}
          </h2>
          <button type="button" className="button primary" onClick={() => setEditing({ kind: 'worker' })} disabled={activeTeams.length === 0}>
            <Icon name="plus" /> {t('people.addWorker')}
          </button>
        </div>
        {activeTeams.length === 0 && <p>{t('people.noTeams')}</p>}
        {visibleTeams.map((team) => {
          const members = workers.filter((w) => w.teamId === team.id && (showArchived || !w.archived));
          if (members.length === 0) return null;
          return (
            <section key={team.id} aria-label={team.name} className="group">
              <h3>{team.name}</h3>
              <ul className="item-list">
                {members.map((worker) => (
                  <li key={worker.id} className={worker.archived ? 'archived' : undefined}>
                    <span className="item-name">{worker.name}</span>
                    <span className="muted">
                      {(worker.forgotten ? [t('people.forgotten')] : [worker.role === 'lead' && t('people.roleLead'), worker.coachSince && t('people.coach'), worker.archived && t('people.archived')])
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {/* A forgotten person is nobody to edit or bring back. */}
                    {!worker.forgotten && (
                      <RowActions
                        name={worker.name}
                        archived={worker.archived}
                        onEdit={() => setEditing({ kind: 'worker', worker })}
                        onArchive={async (archived) => report(await changeWorker({ id: worker.id, archived }, ctx))}
                      >
                        {worker.archived && <ForgetButton name={worker.name} onClick={() => setEditing({ kind: 'forget', worker })} />}
                      </RowActions>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>

      {editing?.kind === 'team' && <TeamForm team={editing.team} onClose={() => setEditing(null)} />}
      {editing?.kind === 'worker' && (
        <WorkerForm
          worker={editing.worker}
          teams={activeTeams}
          onClose={() => setEditing(null)}
          onForget={editing.worker && editing.worker.id !== ctx.actor ? () => setEditing({ kind: 'forget', worker: editing.worker! }) : undefined}
        />
      )}
      {editing?.kind === 'forget' && (
        <ForgetDialog
          worker={editing.worker}
          onClose={() => setEditing(null)}
          onForgotten={() => {
            setEditing(null);
            // The button that opened the dialog is gone with the person: focus goes to the list.
            requestAnimationFrame(() => document.getElementById('workers-title')?.focus());
          }}
        />
      )}
    </section>
  );
}

function TeamForm({ team, onClose }: { team?: Team; onClose: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const [name, setName] = useState(team?.name ?? '');
  const { errors, busy, submit } = useCommandForm(onClose);
  return (
    <FormDialog
      title={team ? t('action.editItem', { name: team.name }) : t('people.addTeam')}
      onClose={onClose}
      busy={busy}
      error={errors['']}
      onSubmit={() => submit(() => (team ? changeTeam({ id: team.id, name }, ctx) : createTeam({ name }, ctx)))}
    >
      <TextField label={t('people.teamName')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus required />
    </FormDialog>
  );
}

function ForgetButton({ name, onClick }: { name: string; onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button danger" onClick={onClick} aria-label={t('forget.title', { name })}>
      <span aria-hidden="true">{t('forget.action')}</span>
    </button>
  );
}

/** People archived longer than the retention period: proposed for forgetting, each with its button. */
function RetentionProposals({ onForget }: { onForget: (worker: Worker) => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const now = useNow();
  const due = useForgettingProposals(Math.floor(now / DAY_MS) * DAY_MS);
  if (!due?.length) return null;
  return (
    <section aria-labelledby="retention-title" className="notice-block">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p>{t('retention.intro', { count: due.length, months: RETENTION_MONTHS })}</p>
      <ul className="item-list">
        {due.map(({ worker, archivedAt }) => (
          <li key={worker.id}>
            <span className="item-name">{worker.name}</span>
            <span className="muted">{t('retention.since', { date: formatDate(archivedAt, language) })}</span>
            <ForgetButton name={worker.name} onClick={() => onForget(worker)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function WorkerForm({ worker, teams, onClose, onForget }: { worker?: Worker; teams: Team[]; onClose: () => void; onForget?: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [name, setName] = useState(worker?.name ?? '');
  const [teamId, setTeamId] = useState(worker?.teamId ?? teams[0]?.id ?? '');
  const [role, setRole] = useState<Role>(worker?.role ?? 'worker');
  const [coachSince, setCoachSince] = useState(worker?.coachSince ?? '');
  const [pin, setPinText] = useState('');
  const { errors, busy, submit } = useCommandForm(onClose);
  const save = () =>
    submit(async () => {
      if (pin && !isValidPin(pin)) return fail({ field: 'pin', key: 'error.pinFormat' });
      const fields = { name, teamId, role, coachSince: coachSince || null };
      const result = worker ? await changeWorker({ id: worker.id, ...fields }, ctx) : await createWorker({ name, teamId, role }, ctx);
      if (!result.ok) return result;
      const id = result.value.id;
      if (!worker && coachSince) await changeWorker({ id, coachSince }, ctx);
      if (pin) return setPin(id, pin, ctx);
      return ok(undefined);
    });
  return (
    <FormDialog title={worker ? t('action.editItem', { name: worker.name }) : t('people.addWorker')} onClose={onClose} busy={busy} error={errors['']} onSubmit={save}>
      <TextField label={t('people.workerName')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus required />
      <SelectField label={t('people.team')} value={teamId} onChange={(e) => setTeamId(e.target.value)} error={errors.teamId} required>
        <option value="" disabled>
          {t('people.chooseTeam')}
        </option>
        {teams.map((tm) => (
          <option key={tm.id} value={tm.id}>
            {tm.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('people.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} error={errors.role}>
        <option value="worker">{t('people.roleWorker')}</option>
        <option value="lead">{t('people.roleLead')}</option>
      </SelectField>
      <TextField label={t('people.coachSince')} help={t('people.coachSinceHelp')} type="date" value={coachSince} onChange={(e) => setCoachSince(e.target.value)} error={errors.coachSince} />
      <NewPinField label={t('people.newPin')} help={t('people.newPinHelp')} value={pin} onChange={setPinText} error={errors.pin} />
      {worker && (
        <button
          type="button"
          className="button"
          onClick={async () => {
            const r = await resetPin(worker.id, ctx);
            announce(r.ok ? 'people.pinReset' : r.errors[0]!.key, r.ok ? 'info' : 'error');
          }}
        >
          {t('people.resetPin')}
        </button>
      )}
      {onForget && (
        <div className="danger-zone">
          <button type="button" className="button danger" onClick={onForget}>
            {t('forget.action')}
          </button>
        </div>
      )}
    </FormDialog>
  );
}

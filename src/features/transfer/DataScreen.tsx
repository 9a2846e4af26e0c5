import { useState } from 'react';
import { fileTooBig } from '../../ui/fileLimit';
import { backupFileName, checkBackup, createBackup, restoreBackup, type BackupCheck } from '../../data/commands';
import { matrixSheet, peopleSheet, skillsSheet, useLastBackup } from '../../data/queries';
import { writeCsv } from '../../domain/transfer/csv';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { download } from '../../ui/download';
import { formatDateTime, localDay } from '../../ui/format';
import { TeamSelect } from '../people/TeamSelect';
import { LeadGate } from '../kiosk/LeadGate';
import { BACKUP_REMIND_DAYS, DAY_MS, LIMITS } from '../../domain/thresholds';
import { ImportSection } from './ImportSection';
import { useNow } from '../../ui/useNow';

/** Bring the matrix in, take it out, print it, and keep a backup: the lead's data screen. */
export function DataScreen() {
  return (
    <LeadGate>
      <section className="list-screen" aria-labelledby="data-title">
        <DataContent />
      </section>
    </LeadGate>
  );
}

function DataContent() {
  const t = useT();
  return (
    <>
      <h1 id="data-title" className="screen-title">
        {t('data.title')}
      </h1>
      <ImportSection />
      <ExportSection />
      <BackupSection />
    </>
  );
}

/** File names stay Dutch whatever the screen's language, like the backup's (`vaardig-reservekopie-…`). */
const EXPORT_NAME = { matrix: 'matrix', people: 'mensen', skills: 'vaardigheden' } as const;

function ExportSection() {
  const t = useT();
  const { go, setPrintTeam } = useUi();
  const [teamId, setTeamId] = useState('');
  const labels = { name: t('import.role.name'), team: t('import.role.team') };
  // The file name's day (yyyy-mm-dd sorts by date), on this device's calendar, when the file is made.
  const stamp = () => localDay(Date.now());
  const sheets = {
    matrix: () => matrixSheet(teamId || null, labels),
    people: () => peopleSheet({ ...labels, role: t('people.role'), lead: t('people.roleLead'), worker: t('people.roleWorker') }),
    skills: () => skillsSheet({ name: labels.name, station: t('skills.station'), target: t('data.targetColumn'), validity: t('data.validityColumn') }),
  };
  type Kind = keyof typeof sheets;
  const exportCsv = async (kind: Kind) => download(writeCsv(await sheets[kind]()), `vaardig-${EXPORT_NAME[kind]}-${stamp()}.csv`, 'text/csv;charset=utf-8');
  const exportXlsx = async (kind: Kind) => {
    const [{ default: writeXlsx }, grid] = await Promise.all([import('write-excel-file/browser'), sheets[kind]()]);
    const blob = await writeXlsx(
      grid.map((row) => row.map((value) => ({ value }))),
      { sheet: t('data.sheetName') },
    ).toBlob();
    download(blob, `vaardig-${EXPORT_NAME[kind]}-${stamp()}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('data.exportTitle')}</h2>
      <TeamSelect value={teamId} onChange={setTeamId} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => exportCsv('matrix')}>
          {t('data.exportCsv')}
        </button>
        <button type="button" className="button" onClick={() => exportXlsx('matrix')}>
          {t('data.exportXlsx')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setPrintTeam(teamId || null);
            go('print');
          }}
        >
          {t('data.print')}
        </button>
      </div>
      <h3>{t('data.listsTitle')}</h3>
      <div className="button-row">
        {(['people', 'skills'] as const).map((kind) => (
          <span key={kind} className="row-actions">
            <button type="button" className="button" onClick={() => exportCsv(kind)}>
              {t(kind === 'people' ? 'data.peopleCsv' : 'data.skillsCsv')}
            </button>
            <button type="button" className="button" onClick={() => exportXlsx(kind)}>
              {t(kind === 'people' ? 'data.peopleXlsx' : 'data.skillsXlsx')}
            </button>
          </span>
        ))}
      </div>
    </section>
  );
}

export function BackupSection() {
  const t = useT();
  const now = useNow();
  const language = useUi((s) => s.language);
  const announce = useUi((s) => s.announce);
  const returnHome = useUi((s) => s.returnHome);
  const ctx = useCommandContext();
  const last = useLastBackup();
  const [check, setCheck] = useState<BackupCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const old = !last || now - Date.parse(last) > BACKUP_REMIND_DAYS * DAY_MS;

  const makeBackup = async () => {
    const backup = await createBackup();
    download(JSON.stringify(backup), backupFileName(), 'application/json');
    announce('backup.made');
  };
  const choose = async (file: File | undefined) => setCheck(!file ? null : (fileTooBig(file, LIMITS.backupBytes) ?? (await checkBackup(await file.text()))));
  const restore = async () => {
    if (!check?.ok) return;
    setBusy(true);
    const r = await restoreBackup(check.backup, ctx, check.held);
    setBusy(false);
    setCheck(null);
    if (r.ok) {
      announce('backup.restored', 'info', { count: r.value });
      returnHome();
    } else announce(translateLoose(t, r.errors[0]!.key), 'error');
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className={old ? 'warn-text' : undefined} data-testid="last-backup">
        {last ? t('backup.last', { date: formatDateTime(Date.parse(last), language) }) : t('backup.never')}
        {old && ` ${t('backup.remind')}`}
      </p>
      <div className="button-row">
        <button type="button" className="button primary" onClick={makeBackup}>
          {t('backup.make')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="restore-file">{t('backup.restoreFile')}</label>
        <input id="restore-file" type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {check && !check.ok && (
        <p className="form-error" role="alert">
          {translateLoose(t, check.key, { ...check.params, reason: check.params?.reason ? translateLoose(t, String(check.params.reason), check.params) : '' })}
        </p>
      )}
      {check?.ok && (
        <Dialog title={t('backup.confirmTitle')} onClose={() => setCheck(null)}>
          <p>
            {t('backup.confirmText', {
              date: formatDateTime(Date.parse(check.summary.createdAt), language),
              people: t('people.membersCount', { count: check.summary.people }),
              skills: t('skills.skillCount', { count: check.summary.skills }),
              events: t('backup.changes', { count: check.summary.events }),
            })}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setCheck(null)}>
              {t('action.no')}
            </button>
            <button type="button" className="button danger" onClick={restore} disabled={busy}>
              {t('backup.confirmRestore')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

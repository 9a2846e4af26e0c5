import { payloadSchemas, type VaardigEvent } from '../../domain/events';
import { DEFAULT_TARGET_COVERAGE } from '../../domain/thresholds';
import { nameKey as key } from '../../domain/names';
import type { MatrixImport } from '../../domain/transfer/matrixImport';
import { appendEvents, asLead, buildEvent, type CommandContext } from './kernel';
import { rowConfirmationEvents } from './levelCommands';
import { db, newId } from '../store';
import { fail, ok, type CommandResult } from './commandResult';

/** What an import adds (new teams, stations, skills, people) and how it changes levels. */
export interface ImportSummary {
  teams: number;
  stations: number;
  skills: number;
  workers: number;
  levels: number;
  up: number;
  down: number;
  /** Levels lower in the file than they are now, left as they are (`keepHigher`). */
  kept: number;
}

export interface ImportOptions {
  /** A level in the file lower than the confirmed one now does not lower it. */
  keepHigher?: boolean;
  /** Work it all out, write nothing: the preview's "what changes". */
  dryRun?: boolean;
}

/**
 * Writes an imported matrix: people, teams, stations and skills are matched by name (so a
 * second import updates instead of duplicating), and levels that differ are confirmed by the
 * lead. One transaction: all of it, or — on any problem, a full disk included — none of it.
 */
export async function importWorkshop(data: MatrixImport, defaults: { team: string; station: string }, ctx: CommandContext, options: ImportOptions = {}): Promise<CommandResult<ImportSummary>> {
  if (data.problems.length) return fail({ field: '', key: 'import.fixFirst' });
  try {
    return await asLead(ctx, async () => {
      const [teams, stations, skills, workers] = await Promise.all([db.teams.toArray(), db.stations.toArray(), db.skills.toArray(), db.workers.toArray()]);
      const summary: ImportSummary = { teams: 0, stations: 0, skills: 0, workers: 0, levels: 0, up: 0, down: 0, kept: 0 };
      const events: VaardigEvent[] = [];
      const emit = <T extends VaardigEvent['type']>(type: T, input: unknown) => {
        const parsed = payloadSchemas[type].safeParse(input);
        if (!parsed.success) throw new ImportRefused(String(parsed.error.issues[0]?.message ?? 'error.invalid'));
        events.push(buildEvent(type, parsed.data as never, ctx.actor));
        return parsed.data as { id: string };
      };
      const byName = <T extends { name: string; archived: boolean }>(rows: T[]) => {
        const map = new Map<string, T>();
        for (const r of [...rows].sort((a, b) => Number(a.archived) - Number(b.archived))) if (!map.has(key(r.name))) map.set(key(r.name), r);
        return map;
      };
      const teamIds = new Map([...byName(teams)].map(([k, t]) => [k, t.id]));
      const stationIds = new Map([...byName(stations)].map(([k, s]) => [k, s.id]));
      let nextOrder = Math.max(-1, ...stations.map((s) => s.order)) + 1;
      const teamId = (name: string) => {
        const k = key(name);
        if (!teamIds.has(k)) {
          teamIds.set(k, emit('team.created', { id: newId(), name: name.trim() }).id);
          summary.teams++;
        } else {
          const existing = teams.find((t) => t.id === teamIds.get(k));
          if (existing?.archived) emit('team.changed', { id: existing.id, archived: false });
        }
        return teamIds.get(k)!;
      };
      const stationId = (name: string) => {
        const k = key(name);
        if (!stationIds.has(k)) {
          stationIds.set(k, emit('station.created', { id: newId(), name: name.trim(), order: nextOrder++ }).id);
          summary.stations++;
        }
        return stationIds.get(k)!;
      };
      const skillIds = new Map(skills.map((s) => [`${s.stationId}|${key(s.name)}`, s.id]));
      const activeByName = new Map<string, string[]>();
      for (const s of skills) if (!s.archived) activeByName.set(key(s.name), [...(activeByName.get(key(s.name)) ?? []), s.id]);
      const skillId = (name: string, station: string) => {
        // A sheet without a station row does not say where a skill is: the one active skill of
        // that name at any station is the one meant (not a second one under the default station).
        const only = station ? undefined : activeByName.get(key(name));
        if (only?.length === 1) return only[0]!;
        const st = stationId(station || defaults.station);
        const k = `${st}|${key(name)}`;
        if (!skillIds.has(k)) {
          skillIds.set(k, emit('skill.created', { id: newId(), name: name.trim(), stationId: st, description: '', targetCoverage: DEFAULT_TARGET_COVERAGE, validityMonths: null, requires: [] }).id);
          summary.skills++;
        }
        return skillIds.get(k)!;
      };
      const importedSkillIds = data.skills.map((s) => skillId(s.name, s.station));
      const workerByName = byName(workers);
      for (const row of data.rows) {
        const existing = workerByName.get(key(row.name));
        let workerId: string;
        if (!existing) {
          workerId = emit('worker.created', { id: newId(), name: row.name, teamId: teamId(row.team || defaults.team), role: 'worker' }).id;
          summary.workers++;
        } else {
          workerId = existing.id;
          const wantedTeam = row.team ? teamId(row.team) : existing.teamId;
          if (wantedTeam !== existing.teamId || existing.archived) emit('worker.changed', { id: existing.id, teamId: wantedTeam, archived: false });
        }
        const confirmed = await rowConfirmationEvents(
          workerId,
          row.levels.map((cell) => ({ skillId: importedSkillIds[cell.skill]!, level: cell.level })),
          ctx.actor,
          options.keepHigher,
        );
        events.push(...confirmed.events);
        summary.levels += confirmed.changed;
        summary.up += confirmed.up;
        summary.down += confirmed.down;
        summary.kept += confirmed.kept;
      }
      // A dry run stops before writing (its transaction only read; the real run meets the gate).
      if (options.dryRun) throw new DryRun(summary);
      await appendEvents(events);
      return ok(summary);
    });
  } catch (error) {
    if (error instanceof DryRun) return ok(error.summary);
    if (error instanceof ImportRefused) return fail({ field: '', key: error.message.startsWith('error.') ? error.message : 'error.invalid' });
    throw error;
  }
}

class ImportRefused extends Error {}

/** Thrown at the end of a dry run so that its transaction writes nothing. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

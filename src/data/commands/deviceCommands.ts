import { enrolmentCode, ENROLMENT_CODE_LENGTH, readCode } from '../../domain/identity/enrolmentCode';
import { deviceStatus, type Device } from '../../domain/model';
import { isLead } from '../../domain/permissions';
import { currentDevice, currentPublicKey, db, getMeta, setMeta } from '../store';
import { fail, ok, type CommandResult } from './commandResult';
import { actorOf, appendEvents, asLead, buildEvent, LEAD_ONLY, transact, type CommandContext } from './kernel';

/**
 * Devices: a new one asks to take part, a lead lets it in by the code it shows, and takes a
 * lost one out. People get onto a device by a PIN chosen there — never one synced from
 * elsewhere — and only when that device may trust them to be who they say (see `pinChoice`).
 */

/** This device asks to take part (once per key; nothing happens if it already does). */
export async function requestEnrolment(): Promise<CommandResult<string>> {
  return transact(async () => {
    const me = await db.devices.get(currentDevice());
    const key = currentPublicKey();
    if (me && (me.key === key || me.requestKey === key)) return ok(enrolmentCode(key));
    await appendEvents([buildEvent('device.requested', { deviceId: currentDevice(), key }, null)]);
    return ok(enrolmentCode(key));
  });
}

export interface Enrolment {
  /** The code the new device shows (spaces, dashes and case do not matter). */
  code: string;
  name: string;
  /** Whether the enrolling lead may choose their own PIN on the new device, to start it. */
  pinForMe: boolean;
}

/** A lead lets in the device that shows this code, under a name people recognise. */
export function enrolDevice(input: Enrolment, ctx: CommandContext): Promise<CommandResult<Device>> {
  return asLead(ctx, async (lead) => {
    const name = input.name.trim();
    const code = readCode(input.code);
    const errors = [
      ...(code.length === 0
        ? [{ field: 'code', key: 'error.required' }]
        : code.length !== ENROLMENT_CODE_LENGTH
          ? [{ field: 'code', key: 'device.codeLength', params: { length: ENROLMENT_CODE_LENGTH } }]
          : []),
      ...(name ? [] : [{ field: 'name', key: 'error.required' }]),
    ];
    if (errors.length) return fail<Device>(...errors);
    const waiting = (await db.devices.toArray()).filter((d) => d.requestKey && d.key !== d.requestKey && enrolmentCode(d.requestKey) === code);
    if (waiting.length === 0) return fail<Device>({ field: 'code', key: 'device.codeUnknown' });
    if (waiting.length > 1) return fail<Device>({ field: 'code', key: 'device.codeTwice' });
    const device = waiting[0]!;
    await appendEvents([buildEvent('device.enrolled', { deviceId: device.id, key: device.requestKey!, name, pinFor: input.pinForMe ? lead.id : null }, lead.id)]);
    return ok((await db.devices.get(device.id))!);
  });
}

/** A lead takes a device out: what it signs from now on is refused everywhere. */
export function revokeDevice(deviceId: string, ctx: CommandContext): Promise<CommandResult<void>> {
  return asLead(ctx, async (lead) => {
    if (deviceId === currentDevice()) return fail({ field: '', key: 'device.notThisOne' });
    const device = await db.devices.get(deviceId);
    if (!device || deviceStatus(device) !== 'enrolled') return fail({ field: '', key: 'error.notFound' });
    await appendEvents([buildEvent('device.revoked', { deviceId }, lead.id)]);
    return ok(undefined);
  });
}

/** A lead signed in on this device lets these people choose their first PIN here. */
export async function allowPinHere(workerIds: readonly string[], ctx: CommandContext): Promise<CommandResult<void>> {
  if (!isLead(await actorOf(ctx))) return fail(...LEAD_ONLY);
  const allowed = new Set((await getMeta('pinAllowed')) ?? []);
  for (const id of workerIds) allowed.add(id);
  await setMeta('pinAllowed', [...allowed]);
  return ok(undefined);
}

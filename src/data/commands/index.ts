/**
 * The commands: every change to the workshop. Each validates its input, checks who may do it
 * with the domain's rules, and appends its events in one transaction (kernel.ts) — or changes
 * nothing and says why, as message keys the screen translates. Screens change data only
 * through here. Loaded after the first paint (it brings the event schemas).
 */
export { backupFileName, checkBackup, createBackup, restoreBackup, type BackupCheck, type BackupFile } from './backupCommands';
export { changeAssignment, checkSession, createAssignments, recordSession, type NewAssignment, type SessionInput, type SessionResult } from './coachingCommands';
export { fail, ok, type CommandResult, type FieldError } from './commandResult';
export { allowPinHere, enrolDevice, requestEnrolment, revokeDevice, type Enrolment } from './deviceCommands';
export { issueCredentials, type IssuedCredential } from './credentialCommands';
export { FACTORY_LEAD_PIN, loadFactory } from './factoryLoad';
export { importWorkshop, type ImportSummary } from './importCommands';
export { saveInstruction, type StepInput } from './instructionCommands';
export type { NewPhoto } from './photoInput';
export { buildEvent, type CommandContext } from './kernel';
export { hashPin, kioskPolicy, resetPin, setKioskPolicy, setPin, signIn, type SignInResult } from './kioskCommands';
export { confirmClaim, declineClaim, setLevel, setWish } from './levelCommands';
export { approveMapping, evidenceFor, giveConsent, importQualification, removeMapping, setMapping, setTarget, withdrawConsent, type ConsentResult } from './qualificationCommands';
export {
  changeSkill,
  changeStation,
  changeTeam,
  changeWorker,
  createFirstLead,
  createSkill,
  createStation,
  createTeam,
  createWorker,
  moveStation,
  setCompanyDetails,
  setCompanyName,
  type CompanyDetails,
  type LeadSetup,
  type SkillInput,
} from './workshopCommands';
export { demoEvents, ensureStarted, removeDemo, startEmpty } from './workshopStart';
export { forgetWorker } from './privacyCommands';

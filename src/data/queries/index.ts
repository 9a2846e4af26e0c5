/**
 * The queries: everything the screens read, as live hooks (re-run when their tables change)
 * or one-off reads, each through one completeness filter (readTables) and the matrix's order
 * (domain/matrixOrder). Screens read only through here.
 */
export { useAuditEvents, type AuditFilter } from './auditQueries';
export { activeConsent, fundReportRows, useEvidenceSubject, useMyProgress, useQualificationData } from './certificationQueries';
export { coachingOverview, useCoachingOverview, useOpenAssignments } from './coachingQueries';
export { matrixSheet, peopleSheet, skillsSheet } from './exportSheets';
export { pinChoice, pinStep, thisDevice, useDevices, usePeopleWaitingForPin, type DeviceRow } from './deviceQueries';
// Apart from the device list: the first screen asks where this device stands, without the enrolment codes' hashing.
export { deviceStanding, useDeviceStanding, type DeviceStanding } from './deviceStanding';
export { useGateCounts, useRefusedEvents } from './gateQueries';
export {
  cellHistory,
  useCellEditor,
  useCellHistory,
  useCoverageProblems,
  useMyLevels,
  openClaims,
  useOpenClaimCount,
  useOpenClaims,
  usePrintedMatrix,
  useSkillLevels,
  useWorkerLevels,
  type CoverageProblem,
} from './levelQueries';
export { loadPlanInput } from './planInput';
export { prefetchMatrix } from './matrixPrefetch';
export { collectPersonalData } from './personalDataQueries';
export { useWeekNews, weekNews } from './wallQueries';
export { demoInstructionTargets, hasDemo, hasHeldEvents, openDeviceData, startState, syncIsConfigured, useSetupBlocker } from './startQueries';
// A first start writes (the demo), but in a worker: here, with opening the device's data, it
// costs the first paint no command code (see commands/startOffThread.ts).
export {
  companyDetails,
  companyName,
  useCompanyDetails,
  useCompanyName,
  useDeviceId,
  useHasDemo,
  useKioskPolicy,
  useLastBackup,
  useLeadExists,
  useNotOnServerCount,
  primeHasDemo,
  useSkills,
  useStartState,
  useStations,
  useSyncBeforeSigning,
  useSyncConfig,
  useTeams,
  useWaitingToSend,
  useWorker,
  useWorkers,
  useForgettingProposals,
  useWorkersWithPin,
} from './workshopQueries';
export { currentInstructions, instructionVersion, photosByHash, useInstructions, usePhoto, useStepsDoneAlone } from './instructionQueries';
export { setPersonLabels } from './readTables';
/** The cipher for people's texts, fetched after the first paint so the first change does not wait for it. */
export { loadSealing } from '../store';

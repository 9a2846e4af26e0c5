/**
 * The store: the one IndexedDB database (Dexie), its meta keys, the level documents, this
 * device's clock and ids, and the writer that folds events into the projection tables.
 * Only the other data wings (commands, queries, sync) and tests come in through here.
 */
export { db, refold, SCHEMA_V1, VaardigDB, type CredentialRow, type HeldRow, type MetaRow, type PhotoRow, type RefusedRow } from './database';
export { BACKED_UP_META, FORGETTING_META, deleteMeta, getMeta, setMeta, type MetaKey, type MetaValues, type StartState, type SyncConfig } from './meta';
export { allLevels, columnsOfSkills, getLevels, levelsOfSkill, levelsOfSkills, levelsOfWorker, levelsOfWorkers, putLevels, storedLevel, type CoverageEntry, type StoredLevel } from './levelStore';
export { columnCells, columnDocs, rowDocs } from './levelDocuments';
export { currentDevice, initClock, nextStamp, observeStamp, resetClockForTests, resumeAfter } from './deviceClock';
export { dropDemo } from './demoData';
export { newId } from './ids';
export { currentPublicKey, loadDeviceKey, signBytes, SIGNING, type DeviceKey } from './deviceKey';
export { signEvents } from './eventSigning';
export { setupBlocker, type SetupBlocker } from './setupBlocker';
export { isMember, thisDeviceRow } from './thisDevice';
export { pinChoice, pinChoices, type PinChoice } from './pinChoice';
export { applyEvents, rebuildProjections, refoldAll } from './projectionWriter';
export { forgottenPeople, honourForgetting } from './forgetting';
export { ForgottenPerson, keyRing, loadSealing, MissingPersonKey, newPersonKey, openEvent, refreshKeyRing, resetKeyRingForTests, saveNewKeys, sealPayload, type PersonKeyRow } from './personKeys';
export { deletePhotosOf, putPhotos, sha256Hex } from './photoStore';
export { readInstructions } from './instructionLog';

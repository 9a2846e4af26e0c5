/** The gate's data side: where local and received events are judged before they enter the log. */
export { admitLocal, GateRefused } from './localAdmission';
export { admitReceived, forgetAuthority, noteLocalEvents, releaseHeld, watchHeld, type Admission, type Source } from './receivedAdmission';
export { signatureHolds } from './signatures';

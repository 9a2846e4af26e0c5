import { v7 } from 'uuid';

/** Ids are made on the device: UUIDv7 sorts by creation time, which keeps indexes tidy. */
export const newId = (): string => v7();

/** After this many days without a backup, the lead is reminded. */
export const BACKUP_REMIND_DAYS = 30;

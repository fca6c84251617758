/** `settings`: one JSON value per key (status date rule, calendar, lights, assessment, demo). */
export interface SettingTable {
  key: string;
  value: string;
  version: number;
  updatedAt: string;
}

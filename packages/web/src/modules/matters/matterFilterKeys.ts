/** The matters list's filters as URL parameters: the dashboard links here with the same names. */
export const MATTER_FILTER_KEYS = [
  'q',
  'state',
  'warning',
  'unitId',
  'source',
  'overdue',
  'sourceActivityId',
  'supervisedByMe',
] as const;
export type MatterFilterKey = (typeof MATTER_FILTER_KEYS)[number];
export type MatterFilterValues = Partial<Record<MatterFilterKey, string | undefined>>;

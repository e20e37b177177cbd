import type { WarningLevel } from '@yiting/domain';

/** The traffic-light colours every supervision office uses: green on track, yellow due soon, red overdue. */
export const WARNING_COLORS: Record<WarningLevel, string> = {
  green: '#389e0d',
  yellow: '#d48806',
  red: '#cf1322',
};

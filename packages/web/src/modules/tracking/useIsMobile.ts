import { Grid } from 'antd';

/** Phones (below antd's `md`, 768 px): side menu as a drawer, cards instead of tables, full-width buttons. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; desktop is the safer guess then.
  return screens.md === false;
}

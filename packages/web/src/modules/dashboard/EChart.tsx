import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECElementEvent, type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only what the dashboard draws: the full echarts bundle is several times larger.
use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/** One ECharts chart; `onClick` receives the clicked item's `data` (where the dashboard keeps its filter). */
export function EChart({
  option,
  onClick,
  style,
  testId,
}: {
  option: EChartsCoreOption;
  onClick?: (data: unknown) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e: ECElementEvent) => click.current?.(e.data));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} data-testid={testId} style={{ height: 280, width: '100%', ...style }} />;
}

// Charts as SVG text on the server: echarts' server-side renderer over the same options the dashboard draws.
import * as echarts from 'echarts';
import { worldMap } from '../views/world.ts';

let mapRegistered = false;

export function renderSvg(option: Record<string, unknown>, width: number, height: number): string {
  if (!mapRegistered) {
    echarts.registerMap('world', worldMap() as unknown as Parameters<typeof echarts.registerMap>[1]);
    mapRegistered = true;
  }
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

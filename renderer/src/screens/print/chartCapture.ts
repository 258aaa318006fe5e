import { CHART_CAPTURE_FUNCTION, CHART_ID_ATTRIBUTE } from '../../../../shared/publication/printLayout';

const SCALE = 2;

/** One chart's SVG drawn onto a canvas at twice its size: the picture Word gets. */
async function pngOf(svg: SVGSVGElement): Promise<string> {
  const source = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = svg.width.baseVal.value * SCALE;
  canvas.height = svg.height.baseVal.value * SCALE;
  const context = canvas.getContext('2d')!;
  context.scale(SCALE, SCALE);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Lets the shell (and the harness) take every chart of the print route as a PNG. */
export function exposeChartCapture(): () => void {
  const target = window as unknown as Record<string, unknown>;
  target[CHART_CAPTURE_FUNCTION] = async () =>
    Promise.all(
      [...document.querySelectorAll<HTMLElement>(`[${CHART_ID_ATTRIBUTE}]`)].map(async (figure) => ({
        id: figure.getAttribute(CHART_ID_ATTRIBUTE)!,
        dataUrl: await pngOf(figure.querySelector('svg')!),
      })),
    );
  return () => {
    delete target[CHART_CAPTURE_FUNCTION];
  };
}

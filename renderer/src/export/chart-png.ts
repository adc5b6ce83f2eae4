import { Chart, type ChartConfiguration, type Plugin } from 'chart.js'

/** Paints the background before the chart draws, so the PNG is not transparent. */
function backgroundPlugin(color: string): Plugin {
  return {
    id: 'stackplanPngBackground',
    beforeDraw(chart) {
      const { ctx, width, height } = chart
      ctx.save()
      ctx.globalCompositeOperation = 'destination-over'
      ctx.fillStyle = color
      ctx.fillRect(0, 0, width, height)
      ctx.restore()
    },
  }
}

/** The PNG file's bytes from a canvas. */
function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) reject(new Error('the chart could not be turned into a PNG'))
      else void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject)
    }, 'image/png')
  })
}

/**
 * A PNG of a chart at `scale` × its on-screen size (2 by default): the same configuration is drawn again
 * on an off-screen canvas of the same CSS size with devicePixelRatio = scale, so text and lines are sharp
 * rather than enlarged. The chart on screen is left alone.
 */
export async function chartToPng(
  chart: Chart,
  options: { scale?: number; background: string; title?: string; textColor?: string }
): Promise<Uint8Array> {
  const { scale = 2, background, title, textColor = '#1d232b' } = options
  const width = Math.round(chart.width)
  const height = Math.round(chart.height)
  const box = document.createElement('div')
  box.style.cssText = `position:fixed;left:-100000px;top:0;width:${width}px;height:${height}px;`
  const canvas = document.createElement('canvas')
  box.append(canvas)
  document.body.append(box)
  const config = chart.config as unknown as ChartConfiguration
  let copy: Chart | null = null
  try {
    copy = new Chart(canvas, {
      type: config.type,
      data: {
        ...config.data,
        datasets: config.data.datasets.map((d) => ({ ...d, data: [...d.data] })),
      } as ChartConfiguration['data'],
      options: {
        ...config.options,
        responsive: false,
        maintainAspectRatio: false,
        animation: false,
        devicePixelRatio: scale,
        plugins: {
          ...config.options?.plugins,
          // A PNG leaves the window: it carries its own title and legend (one entry per distinct label).
          title: title
            ? { display: true, text: title, color: textColor, font: { size: 14, weight: 'bold' } }
            : { display: false },
          legend: {
            display: true,
            labels: {
              color: textColor,
              boxHeight: 10,
              filter: (item, data) =>
                !!item.text && data.datasets.findIndex((d) => d.label === item.text) === item.datasetIndex,
            },
          },
        },
      } as ChartConfiguration['options'],
      plugins: [...(config.plugins ?? []), backgroundPlugin(background)],
    })
    copy.resize(width, height)
    return await canvasPng(canvas)
  } finally {
    copy?.destroy()
    box.remove()
  }
}

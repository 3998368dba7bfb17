import { translate } from '@/utils/i18n/locale';
import type { PriceChartData } from '@/utils/cases/price-series';
import { linearScale, priceDomain, timeDomain, timeLabel, timeTicks } from '@/utils/cases/chart-scale';
import { localDateTime } from '@/utils/cases/warning-letter';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

// The shop's listings' lowest prices over time against the minimum price of the list in force:
// an inline SVG, drawn with dark strokes and distinct dash patterns so it prints in black and white.

export const CHART = { width: 720, height: 280, left: 64, right: 40, top: 16, bottom: 36 } as const;
const COLOURS = ['#1f6feb', '#8250df', '#1a7f37', '#bc4c00', '#0969da', '#6e7781'];

export function chartScales(data: PriceChartData) {
  const times = [...data.series.flatMap((s) => s.points.map((p) => p.t)), ...data.minPrices.flatMap((s) => s.points.map((p) => p.t))];
  const prices = [...data.series.flatMap((s) => s.points.map((p) => p.price)), ...data.minPrices.flatMap((s) => s.points.map((p) => p.price))];
  const x = linearScale(timeDomain(times), [CHART.left, CHART.width - CHART.right]);
  const y = linearScale(priceDomain(prices), [CHART.height - CHART.bottom, CHART.top]);
  return { x, y };
}

export function PriceChart({ data }: { data: PriceChartData }) {
  if (!data.series.length && !data.minPrices.length) return <p className="muted">{translate(m, 'chartEmpty')}</p>;
  const { x, y } = chartScales(data);
  const [t0, t1] = x.domain;
  const time = timeTicks(t0, t1, 5);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        data-testid="case-price-chart"
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        width="100%"
        style={{ maxWidth: CHART.width, background: '#fff' }}
        role="img"
        aria-label={translate(m, 'chartTitle')}
      >
        <g data-axis="y" fontSize={11} fill="#1f2328">
          {y.ticks.map((v) => (
            <g key={v}>
              <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(v)} y2={y(v)} stroke="#d0d7de" strokeWidth={0.5} />
              <text x={CHART.left - 6} y={y(v) + 4} textAnchor="end">
                ¥{v}
              </text>
            </g>
          ))}
          <text x={12} y={CHART.top + 4} fontSize={11}>
            {translate(m, 'yuan')}
          </text>
        </g>
        <g data-axis="x" fontSize={11} fill="#1f2328">
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={CHART.height - CHART.bottom} y2={CHART.height - CHART.bottom} stroke="#1f2328" />
          {time.ticks.map((t) => (
            <text key={t} x={x(t)} y={CHART.height - CHART.bottom + 16} textAnchor="middle">
              {timeLabel(t, time.step)}
            </text>
          ))}
        </g>
        {data.minPrices.map((s) => {
          // a step line: each minimum holds until the next capture under a changed list
          const pts = s.points.map((p, i) => ({
            x0: i === 0 ? CHART.left : x(p.t),
            x1: i + 1 < s.points.length ? x(s.points[i + 1]!.t) : CHART.width - CHART.right,
            y: y(p.price),
          }));
          const d = pts.map((p, i) => `${i === 0 ? `M${p.x0.toFixed(2)},${p.y.toFixed(2)}` : `V${p.y.toFixed(2)}`} H${p.x1.toFixed(2)}`).join(' ');
          return (
            <g key={s.productCode} data-testid="min-price-line" data-product-code={s.productCode} data-min-price={s.points.at(-1)?.price}>
              <path d={d} fill="none" stroke="#cf222e" strokeWidth={2} strokeDasharray="6 4" />
              <text x={CHART.width - CHART.right - 4} y={(pts.at(-1)?.y ?? 0) - 5} textAnchor="end" fontSize={11} fill="#cf222e">
                {translate(m, 'minPrice', { code: s.productCode, price: s.points.at(-1)?.price ?? '' })}
              </text>
            </g>
          );
        })}
        {data.series.map((s, i) => (
          <g key={s.itemId} data-testid="price-series" data-item-id={s.itemId} stroke={COLOURS[i % COLOURS.length]} fill={COLOURS[i % COLOURS.length]}>
            <polyline points={s.points.map((p) => `${x(p.t).toFixed(2)},${y(p.price).toFixed(2)}`).join(' ')} fill="none" strokeWidth={1.5} />
            {s.points.map((p) => (
              <circle key={p.captureId} data-testid="price-point" data-capture-id={p.captureId} data-price={p.price} cx={x(p.t)} cy={y(p.price)} r={3.5}>
                <title>{`${s.itemId} · ${localDateTime(new Date(p.t))} · ¥${p.price}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="muted">
        {data.series.map((s, i) => (
          <span key={s.itemId} style={{ marginRight: 12 }}>
            <span style={{ color: COLOURS[i % COLOURS.length] }}>●</span> {translate(m, 'item', { id: s.itemId })}
          </span>
        ))}
        <span style={{ color: '#cf222e' }}>- - </span>
        {translate(m, 'minPriceLegend')}
      </figcaption>
    </figure>
  );
}

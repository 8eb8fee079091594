import { scaleLinear, scaleUtc } from "d3-scale";
import { area, curveStepAfter, line } from "d3-shape";
import { formatDate } from "@/lib/format";
import { formatPercent } from "@/lib/scores/split";
import { wilsonInterval } from "@/lib/scores/wilson";
import type { ToolHistory, ToolHistoryDay, VerdictMarker } from "@/lib/trends/queries";
import { TrendTable } from "./trend-table";

/** Rows of the data table behind the chart (the most recent days). */
export const TREND_TABLE_ROWS = 60;

export const TREND_EMPTY_TEXT = "The trend starts once the site has two days of figures.";

/** One day as the chart draws it: community share and its 95 % Wilson band, when there were votes. */
type Point = ToolHistoryDay & {
  at: Date;
  community: number | null;
  band: { low: number; high: number } | null;
  panel: number | null;
};

/** Two drawings of one chart: a narrow one for phones and a wide one from `sm` up, each with its own text size in view units. */
type Layout = { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number }; xTicks: number; yTicks: number[] };
const COMPACT: Layout = { width: 360, height: 250, margin: { top: 10, right: 10, bottom: 46, left: 34 }, xTicks: 3, yTicks: [0, 0.5, 1] };
const WIDE: Layout = { width: 760, height: 290, margin: { top: 12, right: 16, bottom: 48, left: 40 }, xTicks: 6, yTicks: [0, 0.25, 0.5, 0.75, 1] };

const axisDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
/** Coordinates to a tenth of a view unit, as the paths are: smaller markup, the same picture. */
const tenth = (value: number) => Math.round(value * 10) / 10;
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const percentText = (share: number) => `${Math.round(share * 100)}%`;
const bandText = (band: { low: number; high: number }) => `${Math.round(band.low * 100)}–${Math.round(band.high * 100)}%`;
const decisionWord = (marker: VerdictMarker) => (marker.decision === "ship" ? "ship" : "skip");
const markerText = (marker: VerdictMarker) =>
  `${formatDate(asDate(marker.day))}: ${marker.reviewer} ${marker.first ? "published a verdict" : "changed their call"}: ${decisionWord(marker)}`;

function toPoint(day: ToolHistoryDay): Point {
  const community = { ship: day.communityShip, total: day.communityTotal };
  return {
    ...day,
    at: asDate(day.day),
    community: day.communityTotal > 0 ? day.communityShip / day.communityTotal : null,
    band: wilsonInterval(community),
    panel: day.panelTotal > 0 ? day.panelShip / day.panelTotal : null,
  };
}

/** Runs of consecutive sample days, as [first, last] day pairs. */
function sampleRanges(points: readonly Point[]): [Point, Point][] {
  const ranges: [Point, Point][] = [];
  let start: Point | null = null;
  points.forEach((point, i) => {
    if (point.sample && !start) start = point;
    if (start && point.sample && !points[i + 1]?.sample) {
      ranges.push([start, point]);
      start = null;
    }
  });
  return ranges;
}

function sampleCaption(points: readonly Point[]): string | null {
  const ranges = sampleRanges(points);
  if (ranges.length === 0) return null;
  if (ranges.length === 1 && ranges[0]![0] === points[0] && ranges[0]![1] === points.at(-1)) {
    return "Every day shown is sample history from the seed, not a real snapshot.";
  }
  const spans = ranges.map(([from, to]) => (from === to ? formatDate(from.at) : `${formatDate(from.at)} to ${formatDate(to.at)}`));
  const firstReal = points.find((point) => !point.sample);
  return `${spans.join(", ")}: sample history from the seed (drawn lighter, on a grey ground), not real snapshots.${
    firstReal ? ` Real daily snapshots from ${formatDate(firstReal.at)}.` : ""
  }`;
}

function summary(name: string, points: readonly Point[], markers: readonly VerdictMarker[]): string {
  const voted = points.filter((point) => point.community !== null);
  const first = voted[0];
  const last = voted.at(-1);
  const community =
    first && last
      ? `community ship share ${formatPercent({ ship: first.communityShip, total: first.communityTotal })} on ${formatDate(first.at)} (${first.communityTotal} votes), ${formatPercent({ ship: last.communityShip, total: last.communityTotal })} on ${formatDate(last.at)} (${last.communityTotal} votes, 95% band ${bandText(last.band!)})`
      : "no community votes yet";
  const end = points.at(-1)!;
  const panel = end.panelTotal > 0 ? `panel ${end.panelShip} of ${end.panelTotal} ship` : "no panel verdicts";
  const changes = markers.length === 0 ? "no panel verdict changes" : `${markers.length} panel verdict ${markers.length === 1 ? "change" : "changes"} marked`;
  const sample = points.some((point) => point.sample) ? "; includes sample history from the seed" : "";
  return `${name} from ${formatDate(points[0]!.at)} to ${formatDate(end.at)}: ${community}; ${panel}; ${changes}${sample}.`;
}

function ChartSvg({ points, markers, label, layout, className }: { points: Point[]; markers: VerdictMarker[]; label: string; layout: Layout; className: string }) {
  const { width, height, margin } = layout;
  const bottom = height - margin.bottom;
  const xScale = scaleUtc()
    .domain([points[0]!.at, points.at(-1)!.at])
    .range([margin.left, width - margin.right]);
  const yScale = scaleLinear().domain([0, 1]).range([bottom, margin.top]);
  const x = (at: Date) => tenth(xScale(at));
  const y = (share: number) => tenth(yScale(share));

  // A sample run's line and band reach the first real day after it, so the two meet.
  const sampleSide = points.map((point, i) => point.sample || Boolean(points[i - 1]?.sample));
  const realSide = points.map((point) => !point.sample);
  const communityLine = (side: boolean[]) =>
    line<Point>()
      .defined((point, i) => side[i]! && point.community !== null)
      .x((point) => x(point.at))
      .y((point) => y(point.community ?? 0))
      .digits(1)(points) ?? undefined;
  const communityBand = (side: boolean[]) =>
    area<Point>()
      .defined((point, i) => side[i]! && point.band !== null)
      .x((point) => x(point.at))
      .y0((point) => y(point.band?.low ?? 0))
      .y1((point) => y(point.band?.high ?? 0))
      .digits(1)(points) ?? undefined;
  const panelLine =
    line<Point>()
      .defined((point) => point.panel !== null)
      .x((point) => x(point.at))
      .y((point) => y(point.panel ?? 0))
      .curve(curveStepAfter)
      .digits(1)(points) ?? undefined;

  // The same day's markers stack upwards; markers outside the days drawn stay in the list below the chart.
  const [from, to] = [points[0]!.day, points.at(-1)!.day];
  const stacked = new Map<string, number>();
  const drawnMarkers = markers
    .filter((marker) => marker.day >= from && marker.day <= to)
    .map((marker) => {
      const level = stacked.get(marker.day) ?? 0;
      stacked.set(marker.day, level + 1);
      return { marker, cx: x(asDate(marker.day)), cy: bottom + 12 + level * 7 };
    });
  const ticks = xScale.ticks(layout.xTicks).filter((tick) => tick.getUTCHours() === 0);

  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} className={className} fontSize={11}>
      {sampleRanges(points).map(([start, end]) => (
        <rect
          key={start.day}
          data-sample-range=""
          x={x(start.at)}
          y={margin.top}
          width={Math.max(1, tenth(x(end.at) - x(start.at)))}
          height={bottom - margin.top}
          className="fill-stone-200/60 dark:fill-stone-800/60"
        />
      ))}
      {layout.yTicks.map((tick) => (
        <g key={tick}>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(tick)}
            y2={y(tick)}
            strokeDasharray={tick === 0.5 ? undefined : "2 3"}
            className={tick === 0.5 ? "stroke-stone-400 dark:stroke-stone-500" : "stroke-stone-200 dark:stroke-stone-700"}
          />
          <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-stone-500 dark:fill-stone-400">
            {percentText(tick)}
          </text>
        </g>
      ))}
      {ticks.map((tick) => (
        <text
          key={tick.toISOString()}
          x={x(tick)}
          y={height - 6}
          // A label at either end of the axis stays inside the drawing.
          textAnchor={x(tick) < margin.left + 20 ? "start" : x(tick) > width - margin.right - 20 ? "end" : "middle"}
          className="fill-stone-500 dark:fill-stone-400"
        >
          {axisDay.format(tick)}
        </text>
      ))}
      <path data-series="band-sample" d={communityBand(sampleSide)} className="fill-ship-500/10 dark:fill-ship-400/10" />
      <path data-series="band" d={communityBand(realSide)} className="fill-ship-500/25 dark:fill-ship-400/25" />
      <path data-series="panel" d={panelLine} fill="none" strokeWidth={1.25} className="stroke-stone-500 dark:stroke-stone-400" />
      <path data-series="community-sample" d={communityLine(sampleSide)} fill="none" strokeWidth={2} strokeDasharray="4 3" className="stroke-ship-600/60 dark:stroke-ship-400/60" />
      <path data-series="community" d={communityLine(realSide)} fill="none" strokeWidth={2} strokeLinejoin="round" className="stroke-ship-600 dark:stroke-ship-400" />
      {points.length <= 45
        ? points.map((point) =>
            point.community === null ? null : (
              <circle key={point.day} cx={x(point.at)} cy={y(point.community)} r={2.25} className={point.sample ? "fill-ship-600/60 dark:fill-ship-400/60" : "fill-ship-600 dark:fill-ship-400"} />
            ),
          )
        : null}
      {drawnMarkers.map(({ marker, cx, cy }, i) => (
        <g key={i} data-marker={marker.decision}>
          <title>{markerText(marker)}</title>
          <path
            d={`M${cx.toFixed(1)},${(cy - 4).toFixed(1)}l4,7h-8z`}
            className={marker.decision === "ship" ? "fill-ship-600 dark:fill-ship-400" : "fill-skip-600 dark:fill-skip-400"}
          />
        </g>
      ))}
    </svg>
  );
}

function LegendSwatch({ children }: { children: React.ReactNode }) {
  return (
    <svg viewBox="0 0 16 10" width={16} height={10} aria-hidden="true" className="inline-block shrink-0">
      {children}
    </svg>
  );
}

/**
 * A tool's standing over time, drawn on the server (no script): the community's
 * ship share per day with its 95 % Wilson interval, the panel's ship share as a
 * step line, and the days a reviewer's call began or changed. A data table
 * carries the same figures for whoever cannot see the chart.
 */
export function TrendChart({ history }: { history: ToolHistory }) {
  const { tool, days, markers } = history;
  if (days.length < 2) {
    return (
      <p className="rounded-xl border border-dashed border-stone-300 px-4 py-3 text-sm text-stone-500 dark:border-stone-700 dark:text-stone-400">
        {TREND_EMPTY_TEXT}
      </p>
    );
  }
  const points = days.map(toPoint);
  const label = `Chart of ${summary(tool.name, points, markers)}`;
  const sample = sampleCaption(points);
  const rows = points.slice(-TREND_TABLE_ROWS).reverse();
  const legendText = "text-xs text-stone-600 dark:text-stone-400";
  return (
    <figure className="max-w-4xl space-y-3">
      <ChartSvg points={points} markers={markers} label={label} layout={COMPACT} className="block sm:hidden" />
      <ChartSvg points={points} markers={markers} label={label} layout={WIDE} className="hidden sm:block" />
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5" aria-label="Legend">
        <li className={`flex items-center gap-1.5 ${legendText}`}>
          <LegendSwatch>
            <line x1={0} x2={16} y1={5} y2={5} strokeWidth={2} className="stroke-ship-600 dark:stroke-ship-400" />
          </LegendSwatch>
          Community ship %
        </li>
        <li className={`flex items-center gap-1.5 ${legendText}`}>
          <LegendSwatch>
            <rect width={16} height={10} className="fill-ship-500/25 dark:fill-ship-400/25" />
          </LegendSwatch>
          95% band
        </li>
        <li className={`flex items-center gap-1.5 ${legendText}`}>
          <LegendSwatch>
            <path d="M0,8H6V2H16" fill="none" strokeWidth={1.25} className="stroke-stone-500 dark:stroke-stone-400" />
          </LegendSwatch>
          Panel ship %
        </li>
        <li className={`flex items-center gap-1.5 ${legendText}`}>
          <LegendSwatch>
            <path d="M4,1.5l3.5,7h-7z" className="fill-ship-600 dark:fill-ship-400" />
            <path d="M12,1.5l3.5,7h-7z" className="fill-skip-600 dark:fill-skip-400" />
          </LegendSwatch>
          Panel call to ship / skip
        </li>
        {sample ? (
          <li className={`flex items-center gap-1.5 ${legendText}`}>
            <LegendSwatch>
              <rect width={16} height={10} className="fill-stone-200 dark:fill-stone-800" />
              <line x1={0} x2={16} y1={5} y2={5} strokeWidth={2} strokeDasharray="4 3" className="stroke-ship-600/60 dark:stroke-ship-400/60" />
            </LegendSwatch>
            sample history (seed)
          </li>
        ) : null}
      </ul>
      <figcaption className="space-y-1 text-sm text-stone-600 dark:text-stone-400">
        <p>
          The share of readers&apos; votes that say ship, day by day, with the range it is 95% likely to lie in (Wilson interval: wide
          while votes are few); the panel&apos;s share as a thin step line. Triangles mark the days a reviewer published or changed
          their call.
        </p>
        {sample ? <p data-sample-caption="">{sample}</p> : null}
      </figcaption>
      {markers.length ? (
        <div className="text-sm text-stone-600 dark:text-stone-400">
          <h3 className="sr-only">Panel changes</h3>
          <ul className="space-y-0.5">
            {markers.map((marker, i) => (
              <li key={i}>
                <time dateTime={marker.day}>{formatDate(asDate(marker.day))}</time>: {marker.reviewer}{" "}
                {marker.first ? "published a verdict" : "changed their call"}:{" "}
                <span className={marker.decision === "ship" ? "font-medium text-ship-700 dark:text-ship-400" : "font-medium text-skip-700 dark:text-skip-400"}>
                  {decisionWord(marker)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TrendTable
        rows={rows.map((point) => ({
          day: point.day,
          date: formatDate(point.at),
          sample: point.sample,
          community: formatPercent({ ship: point.communityShip, total: point.communityTotal }),
          votes: point.communityTotal,
          band: point.band ? bandText(point.band) : "—",
          panel: formatPercent({ ship: point.panelShip, total: point.panelTotal }),
          panelCount: point.panelTotal > 0 ? `(${point.panelShip} of ${point.panelTotal})` : null,
        }))}
        caption={rows.length < points.length ? `The last ${rows.length} of ${points.length} days, most recent first.` : "Most recent first."}
        json={`/api/tools/${tool.slug}/history`}
      />
    </figure>
  );
}

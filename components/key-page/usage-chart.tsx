// A key's usage over time as a small SVG line chart (no chart library, no JavaScript in the
// browser): characters used at each watch run, the limit as a dashed line, the first and last
// dates and the scale's top written out. The numbers are in the label for screen readers.
import type { UsagePoint } from "@/lib/jobs/usage";

const WIDTH = 480;
const HEIGHT = 120;
const PAD = { left: 8, right: 8, top: 10, bottom: 4 };
const number = new Intl.NumberFormat("en");
const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function UsageChart({ points }: { points: UsagePoint[] }) {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const limit = last.limit;
  const top = Math.max(1, limit ?? 0, ...points.map((p) => p.used));
  const start = Date.parse(first.at);
  const span = Math.max(1, Date.parse(last.at) - start);
  const x = (at: string) => PAD.left + ((Date.parse(at) - start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const line = points.map((p) => `${x(p.at).toFixed(1)},${y(p.used).toFixed(1)}`).join(" ");
  const summary =
    `Characters used, ${points.length} readings from ${day.format(new Date(first.at))} to ` +
    `${day.format(new Date(last.at))}: from ${number.format(first.used)} to ${number.format(last.used)}` +
    (limit ? ` of a ${number.format(limit)} limit.` : " (no limit).");
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        className="h-32 w-full max-w-xl rounded-md border border-slate-200 bg-white"
        preserveAspectRatio="none"
      >
        {limit ? (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(limit)}
            y2={y(limit)}
            className="stroke-red-400"
            strokeDasharray="4 3"
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        {points.length === 1 ? (
          <circle cx={x(first.at)} cy={y(first.used)} r={3} className="fill-indigo-700" />
        ) : (
          <polyline
            points={line}
            fill="none"
            className="stroke-indigo-700"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        )}
      </svg>
      <figcaption className="flex max-w-xl justify-between text-xs text-slate-600">
        <span>{day.format(new Date(first.at))}</span>
        <span>
          {number.format(last.used)}
          {limit ? ` of ${number.format(limit)} (dashed: the limit)` : ""} characters
        </span>
        <span>{day.format(new Date(last.at))}</span>
      </figcaption>
    </figure>
  );
}

export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol aria-label="Steps" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {steps.map((label, i) => (
        <li
          key={label}
          aria-current={i === current ? "step" : undefined}
          className={
            i === current
              ? "font-semibold text-indigo-700"
              : i < current
                ? "text-slate-700"
                : "text-slate-500"
          }
        >
          {i + 1}. {label}
          {i < current ? <span className="sr-only"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}

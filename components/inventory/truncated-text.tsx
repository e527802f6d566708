// Text cut to its cell's width with the whole of it on hover (title) and on keyboard focus (the
// cell's text can be tabbed to, and a box under it shows the full value while it has focus). The
// box is CSS generated content, shown only while focused, so the text is not in the page twice.
export function TruncatedText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <span
      tabIndex={0}
      title={text}
      data-full={text}
      className={`relative block rounded-sm after:absolute after:top-full after:left-0 after:z-30 after:hidden after:w-max after:max-w-xs after:rounded after:bg-slate-900 after:px-2 after:py-1 after:text-xs after:font-normal after:whitespace-normal after:text-white after:content-[attr(data-full)] focus:outline-2 focus:outline-indigo-600 focus:after:block ${className}`}
    >
      <span className="block truncate">{text}</span>
    </span>
  );
}

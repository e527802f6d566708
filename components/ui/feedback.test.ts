import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FeedbackMessage, type Feedback } from "./feedback";

const html = (feedback: Feedback) =>
  renderToStaticMarkup(createElement(FeedbackMessage, { feedback, onDismiss: () => {} }));

describe("FeedbackMessage", () => {
  it("announces a success politely", () => {
    const out = html({ kind: "ok", text: "Renamed it.", toasted: false });
    expect(out).toMatch(/^<div aria-live="polite"><div role="status" class=/);
  });

  it("keeps a success a toast also says on screen, but silent", () => {
    const out = html({ kind: "ok", text: "Deleted it.", toasted: true });
    expect(out).toMatch(/^<div aria-live="off"><div role="status" aria-live="off" class=/);
    expect(out).toContain("Deleted it.");
  });

  it("raises a failure as an alert", () => {
    expect(html({ kind: "error", text: "Refused." })).toMatch(
      /^<div aria-live="polite"><div role="alert" class=/,
    );
  });

  it("leaves an empty live region in place before the first message", () => {
    expect(html(null)).toBe('<div aria-live="polite"></div>');
  });
});

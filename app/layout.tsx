import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { isDemoMode } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keydesk", template: "%s · Keydesk" },
  description: "A safe admin console for ElevenLabs service-account API keys.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        {isDemoMode() ? <DemoBanner /> : null}
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center gap-3 px-6 py-4">
            <span aria-hidden className="grid size-8 place-items-center rounded-md bg-indigo-600 font-mono text-sm font-bold text-white">
              K
            </span>
            <span className="text-lg font-semibold tracking-tight">Keydesk</span>
            <span className="text-sm text-slate-500">ElevenLabs service-account keys</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-6 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}

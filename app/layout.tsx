import type { Metadata } from "next";
import { connection } from "next/server";
import { DemoBanner } from "@/components/layout/demo-banner";
import { isDemoMode } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keydesk", template: "%s · Keydesk" },
  description: "A safe admin console for ElevenLabs service-account API keys.",
};

export default async function RootLayout({ children }: LayoutProps<"/">) {
  // Every page renders per request: its scripts must carry that request's CSP nonce (proxy.ts),
  // which a page built ahead of time could not. This is the one call that ensures it: most pages
  // read the request anyway (requireUser reads its headers), but some read nothing from it
  // (/account/confirm-sso, the not-found page) and would otherwise be prerendered at build time.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {isDemoMode() ? <DemoBanner /> : null}
        {children}
      </body>
    </html>
  );
}

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
        {children}
      </body>
    </html>
  );
}

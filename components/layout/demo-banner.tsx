// Says on every page that demo mode's four connections are emulators with sample data
// (lib/connections/demo.ts starts them), so nobody takes a demo key for a real one.
export function DemoBanner() {
  return (
    <div
      role="region"
      aria-label="Demo mode"
      className="bg-amber-100 px-6 py-2 text-center text-sm text-amber-950"
    >
      <strong className="font-semibold">Demo mode.</strong> Keydesk is talking to four built-in emulators with
      sample data: two ElevenLabs workspaces (default and EU region), an ONLYOFFICE DocSpace portal and a
      Voiceable account. No real account is touched. Set <code className="font-mono">ELEVENLABS_API_KEY</code>{" "}
      to manage a real workspace.
    </div>
  );
}

export function DemoBanner() {
  return (
    <div
      role="region"
      aria-label="Demo mode"
      className="bg-amber-100 px-6 py-2 text-center text-sm text-amber-950"
    >
      <strong className="font-semibold">Demo mode.</strong> Keydesk is talking to its built-in ElevenLabs
      emulator with sample data; no real workspace is touched. Set{" "}
      <code className="font-mono">ELEVENLABS_API_KEY</code> to manage a real one.
    </div>
  );
}

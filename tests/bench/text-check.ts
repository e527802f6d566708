// What the text check withRole runs on every request costs (lib/text/safe-text.ts findBadText):
// a typical key-create body, a body at the 1 MiB limit, and a long query string.
// Run: npx tsx tests/bench/text-check.ts   (prints; asserts nothing)
import { findBadText } from "@/lib/text/safe-text";

const typical = {
  name: "tts-worker 🎙️",
  permissions: ["text_to_speech", "voices_read"],
  characterLimit: 1000,
  allowedIps: Array.from({ length: 100 }, (_, i) => `10.0.${i}.0/24`),
};
const atLimit = {
  name: "k",
  permissions: "all",
  pad: Array.from({ length: 1024 }, (_, i) => `${"x".repeat(1000)}${i}`),
};
const query = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, "a".repeat(40)]));

function time(label: string, value: unknown, n: number) {
  for (let i = 0; i < Math.min(n, 100); i++) findBadText(value); // warm up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    findBadText(value);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
  console.log(
    `${label.padEnd(44)} p50 ${pct(0.5).toFixed(4)} ms   p99 ${pct(0.99).toFixed(4)} ms   (${n} runs, ${JSON.stringify(value).length} bytes)`,
  );
}

time("key create body, 100 allowlist entries", typical, 5000);
time("body at the 1 MiB limit", atLimit, 200);
time("query string, 50 parameters", query, 5000);

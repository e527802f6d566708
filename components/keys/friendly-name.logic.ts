// A friendly random name to start a new key with, easy to say and to find again ("calm-otter-42").
const ADJECTIVES = [
  "amber",
  "brisk",
  "calm",
  "clever",
  "eager",
  "gentle",
  "lively",
  "lucky",
  "mellow",
  "nimble",
  "quiet",
  "rapid",
  "steady",
  "sunny",
  "swift",
  "tidy",
  "vivid",
  "witty",
];
const NOUNS = [
  "badger",
  "comet",
  "falcon",
  "fern",
  "harbor",
  "heron",
  "lantern",
  "maple",
  "meadow",
  "otter",
  "pebble",
  "river",
  "robin",
  "sparrow",
  "summit",
  "willow",
];

export function friendlyKeyName(random: () => number = Math.random): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length) % list.length]!;
  const number = 10 + Math.floor(random() * 90);
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${Math.min(99, number)}`;
}

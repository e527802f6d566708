// Recognising Keydesk's own error classes. Next.js can bundle a module once per route, so an
// error made by one copy of a class fails `instanceof` against another copy; a global symbol
// (Symbol.for) is the same in every copy.
export function errorBrand(name: string): symbol {
  return Symbol.for(`keydesk.${name}`);
}

export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

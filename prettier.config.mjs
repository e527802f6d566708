// One formatter for the whole tree (`npm run format`; `npm test` fails on unformatted code).
// Width 110: the codebase's long, descriptive names and why-comments read better a little wider
// than Prettier's 80. The Tailwind plugin sorts class lists in the order Tailwind applies them.
const config = {
  printWidth: 110,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
  tailwindFunctions: ["cva", "cn"],
};

export default config;

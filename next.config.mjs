/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The upstream SDK is server-only and large; keep it out of the server bundle's
  // transpilation and load it from node_modules at run time.
  serverExternalPackages: ["@elevenlabs/elevenlabs-js"],
};

export default nextConfig;

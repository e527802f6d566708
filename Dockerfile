# syntax=docker/dockerfile:1
# Keydesk as a container: three stages, and only the last one ships. It runs the standalone server
# (`output: "standalone"` in next.config.mjs): server.js with just the node_modules it needs, the
# build's static files, the database migrations and a ready data folder to copy (stage 2), as an
# unprivileged user.
#
#   docker build -t keydesk .
#   docker run -p 3000:3000 -v keydesk-data:/data keydesk              # demo mode
#   docker compose up                                                   # two instances on PostgreSQL (compose.yaml)

ARG NODE_IMAGE=node:22-slim

# 1. Dependencies, exactly as the lockfile has them (dev dependencies too: the build needs them).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The build. `public/` may not exist; an empty one keeps the runtime stage's COPY simple.
# Then the embedded database's template (lib/ops/prepare-data-dir.ts): a data folder made and
# migrated now, which a first start on an empty volume copies instead of making one (about 7 s).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build && mkdir -p public \
 && npx tsx --conditions=react-server lib/ops/prepare-data-dir-cli.ts .next/standalone/data-template

# 3. What runs: no npm, no sources, no dev dependencies.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOSTNAME: every interface of the container (Docker sets it to the container's id otherwise).
# KEYDESK_DATA_DIR: the embedded database (when there is no DATABASE_URL) and demo mode's secret.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    KEYDESK_DATA_DIR=/data
# The application's files stay root's and read-only to the server; it writes only to /data and to
# Next.js's cache folder. `node` (uid 1000) is the unprivileged user the Node.js images come with.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p /data .next/cache && chown node:node /data .next/cache
USER node
VOLUME ["/data"]
EXPOSE 3000
# Alive, not ready: a slim image has no curl, so Node's own fetch asks /api/health.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# On SIGTERM (`docker stop`) Keydesk drains: new requests get 503, those in flight finish and write
# their audit rows, within KEYDESK_SHUTDOWN_GRACE_SECONDS (25). `docker stop` waits only 10 s before
# it kills: give it `--time 30` (compose.yaml sets stop_grace_period).
# The flags are lib/server-node-flags.ts's, which says why (less memory for a little CPU); `npm start`
# passes the same ones and lib/server-node-flags.test.ts checks that this line agrees.
CMD ["node", "--liftoff-only", "--max-semi-space-size=4", "--heap-growing-percent=25", "server.js"]

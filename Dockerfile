# syntax=docker/dockerfile:1
#
# One image for both Hearth processes. It starts the api by default; the worker runs from
# the same image with:
#   node --enable-source-maps dist/apps/worker/src/main.js
#
# Debian slim rather than Alpine: argon2's prebuilt addons and the other native packages
# target glibc.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install every dependency, compile TypeScript, then drop the dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# argon2 normally loads the prebuilt binary shipped in its package; the toolchain is here so
# node-gyp can still compile it if no prebuild matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# package.json#allowScripts (which install scripts may run) needs npm 11; Node 20 ships npm 10.
RUN npm install -g npm@11

# Dependencies first, so this layer is reused until package.json or the lock file change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

COPY . .
# `npm prune` removes the dev dependencies without re-running install scripts, so the native
# addons built or fetched by `npm ci` stay in place.
RUN npm run build \
 && npm prune --omit=dev

# ---- runtime: only what `node dist/...` needs ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app

# HOST=0.0.0.0: the default (127.0.0.1) would be unreachable from outside the container.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WORKER_HEALTH_PORT=3001

# package.json is needed at run time: its "imports" map resolves #common/* and friends into
# dist/, and projectRoot() finds the app folder (and so dist/web, the web app) by looking for it.
# Files stay owned by root, so the app user can read but not change them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

# The only place the app writes to: MAIL_OUTBOX_DIR defaults to .data/outbox (used when
# SMTP_URL is unset).
RUN mkdir -p .data/outbox && chown -R node:node .data

USER node

EXPOSE 3000 3001

# Checks the api on PORT; the worker's container overrides it to use WORKER_HEALTH_PORT
# (see docker-compose.yml). Node's fetch, because slim images have no curl. start-period
# leaves time for the api's database migrations.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Both apps handle SIGTERM themselves (Nest shutdown hooks), so node can be PID 1.
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]

# Cloudlex container image: the production build behind the Cloudlex server (src/server/server.ts), which
# Next's standalone output cannot carry. Build: docker build -t cloudlex .
# Run: see docker-compose.yml (MongoDB) or pass DATABASE_URI yourself.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# What the server needs at run time and nothing else (tsx, which runs the server's TypeScript, is one).
FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next build evaluates payload.config.ts, which demands a secret and opens a database. Both are
# throwaways that live only in this RUN's environment, so neither reaches an image layer's ENV;
# the real secret is supplied at run time. public/ is created so the runtime COPY never fails.
RUN mkdir -p public \
 && PAYLOAD_SECRET=build-time-placeholder-not-used-at-runtime-000 \
    DATABASE_URI=file:/tmp/cloudlex-build/build.db \
    CLOUDLEX_SEED=off \
    NEXT_TELEMETRY_DISABLED=1 \
    npm run build \
 && rm -rf /tmp/cloudlex-build .next/cache

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY package.json next.config.mjs tsconfig.json ./
# The server and the settings it checks before it listens.
COPY src ./src
# .next is owned by the app user because Next rewrites prerendered pages and its cache there at run time.
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build /app/public ./public
# Read on first start (relative to the working directory) to load the initial glossary.
COPY --from=build /app/seed ./seed
# Created here, owned by the app user, so that a fresh named volume mounted on them inherits that
# ownership: media/ holds uploads, data/ the SQLite file when DATABASE_URI is left unset.
RUN mkdir -p media data && chown node:node media data
USER node
EXPOSE 3000
# /admin answers 200 even while redirecting, so the probe asks the REST API, which needs the database.
# The slim image has no curl; Node 20's fetch does the request.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/providers?limit=1').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"
# node runs as PID 1 with no npm or shell in between, so `docker stop`'s SIGTERM reaches the graceful stop.
CMD ["node", "--no-deprecation", "--import", "tsx", "src/server/server.ts"]

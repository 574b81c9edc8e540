# micropower: build once with the whole toolchain, run with production dependencies only.
# The Node.js major version is the one in .nvmrc (a test checks that they agree).

# --- build: compiles TypeScript and runs the governance checker over workflows/ ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts stay off, as npm 11 leaves them off on the developers' machines: nothing here needs one.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY workflows ./workflows
RUN npm run build

# --- runtime: no compiler, no dev dependencies, no build at start; migrations run when the app starts ---
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The image's own unprivileged user (uid 1000); the app writes nothing to disk with DATABASE_URL set.
USER node
EXPOSE 3000
# The slim image has no curl: Node asks the health endpoint, which also asks the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 (not npm): it receives SIGTERM from `docker stop` and the app shuts down cleanly.
CMD ["node", "--enable-source-maps", "dist/src/main.js"]

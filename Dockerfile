# Production image of the app. `npm start` applies migrations, seeds what is
# missing and serves the build; with DATABASE_URL set it never starts the
# embedded database.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/no-schema-engine ./scripts/no-schema-engine
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# A heap cap per node: old space above this is collected rather than grown (bench: peak RSS).
ENV NODE_ENV=production PORT=3000 NODE_OPTIONS=--max-old-space-size=512
EXPOSE 3000
CMD ["npm", "start"]

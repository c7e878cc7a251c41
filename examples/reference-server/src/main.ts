import { readEnv } from './compose/env';
import { createLogger, startServer } from './server';

let env: ReturnType<typeof readEnv>;
try {
  env = readEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const logger = createLogger(env);
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(env, logger);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.log(
  `\nDeal Scout API on ${server.url}  ·  reference: ${server.url}/docs  ·  OpenAPI: ${server.url}/openapi.json\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

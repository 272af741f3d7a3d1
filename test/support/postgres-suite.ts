import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type Postgres } from './postgres.js';

/**
 * A PostgreSQL server for the suite this is called in: started before its first test, stopped after
 * its last. A getter, since the server exists only once the suite has begun. (Apart from
 * postgres.ts, which the import bench loads outside vitest.)
 */
export function postgresForThisSuite(): () => Postgres {
  let server: Postgres | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the PostgreSQL server is not started yet: use it inside a test');
    return server;
  };
}

import { describe, expect, it } from 'vitest';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { postgresProblem } from '../src/store/postgres/postgres-problem.js';

const STORE = { kind: 'postgres', url: 'postgres://gazette:hunter2@db.example.com:5432/list' } as const;

/** An error as node-postgres or Node's socket raises it: a message and, often, a code. */
const failure = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

function ruleOf(error: unknown): string | null {
  return error instanceof GazetteError ? error.diagnostics[0]!.rule : null;
}

describe('a failure of a PostgreSQL store', () => {
  it.each([
    ['a refused connection', failure('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'store/unreachable'],
    ['an unknown host', failure('getaddrinfo ENOTFOUND db.example.com', 'ENOTFOUND'), 'store/unreachable'],
    ['a connection cut mid-query', failure('Connection terminated unexpectedly'), 'store/unreachable'],
    ['a connect timeout', failure('timeout exceeded when trying to connect'), 'store/unreachable'],
    ['a server shutting down', failure('terminating connection due to administrator command', '57P01'), 'store/unreachable'],
    ['a database that does not exist', failure('database "list" does not exist', '3D000'), 'store/unreachable'],
    ['a wrong password', failure('password authentication failed for user "gazette"', '28P01'), 'store/postgres-login'],
    ['a user not let in', failure('no pg_hba.conf entry for host "10.0.0.5"', '28000'), 'store/postgres-login'],
    ['a user without rights', failure('permission denied for table subscribers', '42501'), 'store/read-only'],
    ['a read-only replica', failure('cannot execute INSERT in a read-only transaction', '25006'), 'store/read-only'],
    ['a server out of connections', failure('sorry, too many clients already', '53300'), 'store/busy'],
    ['a frozen server', failure('Query read timeout'), 'store/unreachable'],
    ['a URL asking for SSL of a server without it', failure('The server does not support SSL connections'), 'store/unreachable'],
    ['a certificate file the URL names that is not there', failure("ENOENT: no such file or directory, open '/nonexistent'", 'ENOENT'), 'store/invalid-url'],
    ['tables another program made', failure('relation "subscribers" already exists', '42P07'), 'store/foreign-schema'],
    ['tables gone that the migrations recorded', failure('relation "subscribers" does not exist', '42P01'), 'store/foreign-schema'],
  ])('is told in one line for %s', (_, error, rule) => {
    const problem = postgresProblem(error, STORE);
    expect(ruleOf(problem)).toBe(rule);
    const { message, field } = (problem as GazetteError).diagnostics[0]!;
    expect(field).toBe('store');
    expect(message).toContain('postgres://gazette:***@db.example.com:5432/list');
    expect(message).not.toContain('hunter2');
  });

  it('passes a bug through unchanged: a broken constraint or a syntax error is not the deployment', () => {
    for (const error of [failure('duplicate key value violates unique constraint', '23505'), failure('syntax error at or near "SELEC"', '42601'), new TypeError('x is undefined')]) {
      expect(postgresProblem(error, STORE)).toBe(error);
    }
    const already = new GazetteError([]);
    expect(postgresProblem(already, STORE)).toBe(already);
  });
});

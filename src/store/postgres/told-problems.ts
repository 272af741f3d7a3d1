/**
 * `target` with every failure of its asynchronous methods passed through `toProblem`: a rejected
 * promise, or a step of an async generator (a page of `all()` read half-way through a send). So a
 * server that goes away while `gazette serve` runs is told in one line wherever it is met, with no
 * try/catch in each method. Methods are wrapped once each, on first use.
 */
export function withProblemsTold<T extends object>(target: T, toProblem: (error: unknown) => unknown): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, name) {
      const value: unknown = Reflect.get(object, name, object);
      if (typeof value !== 'function') return value;
      if (!wrapped.has(name)) {
        const method = value as (...args: unknown[]) => unknown;
        wrapped.set(name, (...args: unknown[]) => told(method.apply(object, args), toProblem));
      }
      return wrapped.get(name);
    },
  });
}

function told(result: unknown, toProblem: (error: unknown) => unknown): unknown {
  if (result instanceof Promise) {
    return result.catch((error: unknown) => {
      throw toProblem(error);
    });
  }
  if (isAsyncGenerator(result)) return toldSteps(result, toProblem);
  return result;
}

function isAsyncGenerator(value: unknown): value is AsyncGenerator<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value && typeof (value as { next?: unknown }).next === 'function';
}

async function* toldSteps<T>(steps: AsyncGenerator<T>, toProblem: (error: unknown) => unknown): AsyncGenerator<T> {
  try {
    yield* steps;
  } catch (error) {
    throw toProblem(error);
  }
}

/**
 * A bare hello-world route, `GET /hello` answering `{"hello":"world"}`, on Fastify or Express
 * with their defaults: the HTTP suite's floor, run as a child process so that, like the API,
 * it has its own process and core:
 * `node -r ts-node/register/transpile-only bench/peers/hello-server.ts fastify|express <port>`.
 * Both load by a module name TypeScript does not resolve (bench/README.md, "Type-checking
 * without the peers"); the few functions used are declared here, checked against their types.
 */
import { createRequire } from 'node:module';

interface FastifyApp {
  get(path: string, handler: () => Promise<object>): void;
  listen(options: { port: number; host: string }): Promise<string>;
}
type Fastify = (options: { logger: boolean }) => FastifyApp;

interface ExpressResponse {
  json(body: object): void;
}
interface ExpressApp {
  get(path: string, handler: (request: unknown, response: ExpressResponse) => void): void;
  /** Express 5 calls `ready` with the listening error, if any. */
  listen(port: number, host: string, ready: (error?: Error) => void): void;
}
type Express = () => ExpressApp;

export const HELLO_FRAMEWORKS = ['fastify', 'express'] as const;
export type HelloFramework = (typeof HELLO_FRAMEWORKS)[number];

const HELLO = { hello: 'world' };
// Resolves from bench/, where the peers are installed.
const load = createRequire(__filename);

const servers: Record<HelloFramework, (port: number) => Promise<void>> = {
  fastify: async (port) => {
    const app = (load('fastify') as Fastify)({ logger: false });
    app.get('/hello', () => Promise.resolve(HELLO));
    await app.listen({ port, host: '127.0.0.1' });
  },
  express: (port) =>
    new Promise((resolve, reject) => {
      const app = (load('express') as Express)();
      app.get('/hello', (_request, response) => response.json(HELLO));
      app.listen(port, '127.0.0.1', (error) => (error ? reject(error) : resolve()));
    }),
};

if (require.main === module) {
  const [framework, port] = process.argv.slice(2);
  if (!HELLO_FRAMEWORKS.includes(framework as HelloFramework) || !/^\d+$/.test(port ?? '')) {
    process.stderr.write(`usage: hello-server.ts ${HELLO_FRAMEWORKS.join('|')} <port>\n`);
    process.exit(2);
  }
  servers[framework as HelloFramework](Number(port)).catch((error: unknown) => {
    process.stderr.write(`${framework}: ${String(error)}\n`);
    process.exit(1);
  });
}

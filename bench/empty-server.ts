/**
 * The HTTP floor: a bare Fastify server with one empty JSON route, in its own Node process like the real
 * server. `node --import tsx bench/empty-server.ts <port>`; prints "ready" once listening.
 */
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 3999);
const app = Fastify({ logger: false });
app.get('/empty', async () => ({ ok: true }));
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config/app-config.js';

/** A process that keeps dying is restarted no sooner than this after its last start. */
const RESTART_BACKOFF_MS = 5_000;

/**
 * `npm run start:cluster`: `APP_PROCESSES` app processes (one per core by default) sharing one port
 * through Node's cluster module, whose primary hands each new connection to the next process in turn: a
 * county's server needs no other load balancer. A process that dies is started again; SIGTERM stops
 * them all (each finishes its requests and leaves its timers to the others or the next start).
 */
if (cluster.isPrimary) {
  let processes: number;
  try {
    const config = loadConfig(process.env);
    if (config.database.kind === 'pglite' && config.appProcesses > 1) {
      throw new ConfigError(
        'APP_PROCESSES above 1 needs DATABASE_URL: the embedded database serves one process',
      );
    }
    processes = config.appProcesses;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    const since = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) return;
    console.error(`app process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(fork, Math.max(0, RESTART_BACKOFF_MS - since));
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (let index = 0; index < processes; index++) fork();
} else {
  await import('./main.js');
}

import cluster from 'node:cluster';

/**
 * `node cluster.js N`: N app processes (src/main.js, configured by the environment) sharing one port
 * through Node's cluster module, whose primary hands each new connection to the next worker in turn: the
 * local load balancer of issue 21, with nothing to install. A worker that dies ends the run.
 */
if (cluster.isPrimary) {
  const workers = Number(process.argv[2] ?? '1');
  cluster.schedulingPolicy = cluster.SCHED_RR;
  for (let index = 0; index < workers; index++) cluster.fork();
  let stopping = false;
  cluster.on('exit', (worker, code) => {
    if (!stopping && code !== 0) {
      console.error(`app process ${worker.process.pid} ended with ${code}`);
      process.exit(1);
    }
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else {
  await import('../../../src/main.js');
}

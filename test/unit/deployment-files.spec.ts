import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';
import { parse } from 'yaml';

/**
 * The image and the compose file, checked by reading them, so that a machine with no container runtime
 * still holds them to what matters; where `docker info` reaches an engine, the image is also built.
 */
const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Dockerfile stages with their instructions: continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) pending += `${line.slice(0, -1)} `;
    else {
      lines.push(pending + line);
      pending = '';
    }
  }
  const stages: Stage[] = [];
  for (const line of lines.filter((entry) => entry !== '')) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    if (keyword.toUpperCase() === 'FROM') {
      const [image, as, name] = args.replace(/--\S+\s+/g, '').split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

/** An exec-form (JSON array) or shell-form command as one line. */
const commandLine = (args: string) =>
  args.startsWith('[') ? (JSON.parse(args) as string[]).join(' ') : args;

/** What `npm run x` (or `npm start`) really runs: the script, with its `pre` script. */
function expandNpm(command: string, scripts: Record<string, string>): string {
  const run = /\bnpm\s+(?:run(?:-script)?\s+(\S+)|(start|test))/.exec(command);
  if (!run) return command;
  const name = run[1] ?? run[2];
  return [scripts[`pre${name}`], scripts[name], command].filter(Boolean).join(' && ');
}

type Environment = Record<string, string>;
const environmentOf = (service: { environment?: Environment | string[] }): Environment =>
  Array.isArray(service.environment)
    ? Object.fromEntries(
        service.environment.map((entry): [string, string] => {
          const [name, value = ''] = entry.split(/=(.*)/s, 2);
          return [name, value];
        }),
      )
    : (service.environment ?? {});

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Environment | string[];
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  ports?: (string | { target?: number; published?: string | number })[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

describe('The Dockerfile', () => {
  const stages = parseDockerfile(read('Dockerfile'));
  const final = stages.at(-1)!;
  const inFinal = (keyword: string) => final.instructions.filter((entry) => entry.keyword === keyword);
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

  it('builds in one stage and runs from another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const builder = stages
      .slice(0, -1)
      .find((stage) =>
        stage.instructions.some((entry) => entry.keyword === 'RUN' && /npm run build/.test(entry.args)),
      );
    expect(builder?.name).toBeDefined();
    expect(inFinal('COPY').map((entry) => entry.args)).toContainEqual(
      expect.stringMatching(new RegExp(`--from=${builder!.name}\\s+\\S*dist`)),
    );
  });

  it('uses the Node.js major version that .nvmrc names, in every stage', () => {
    const major = read('.nvmrc').trim().split('.')[0];
    for (const stage of stages) expect(stage.image).toMatch(new RegExp(`^node:${major}(\\.|-|$)`));
  });

  it('runs on a Node.js that every locked package accepts, and that package.json promises', () => {
    const version = read('.nvmrc').trim();
    const { engines } = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(satisfies(version, engines.node)).toBe(true);
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .map(([path, entry]) => [path, Array.isArray(entry.engines) ? undefined : entry.engines?.node] as const)
      .filter(([, range]) => range !== undefined && !satisfies(version, range, { includePrerelease: true }));
    // npm ci would print EBADENGINE for each of these on the Node.js that CI and the image run.
    expect(refusing).toEqual([]);
  });

  it('installs production dependencies only in the final stage, from the lock file', () => {
    const installs = inFinal('RUN').filter((entry) => /\bnpm\s+(ci|install|i)\b/.test(entry.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) {
      expect(install.args).toMatch(/\bnpm ci\b/);
      expect(install.args).toMatch(/--omit=dev\b/);
    }
  });

  it('runs as a user other than root', () => {
    const user = inFinal('USER').at(-1)?.args.trim();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('sets NODE_ENV=production', () => {
    expect(inFinal('ENV').map((entry) => entry.args)).toContainEqual(
      expect.stringMatching(/\bNODE_ENV[= ]production\b/),
    );
  });

  it('starts the built app without building it (no npm run build, nest or npm start)', () => {
    const starts = [...inFinal('ENTRYPOINT'), ...inFinal('CMD')];
    expect(starts.length).toBeGreaterThan(0);
    const command = starts.map((entry) => expandNpm(commandLine(entry.args), scripts)).join(' ');
    expect(command).toMatch(/dist\/src\/main\.js/);
    expect(command).not.toMatch(/\bbuild\b|\bnest\b|\btsc\b/);
    expect(inFinal('RUN').map((entry) => entry.args)).not.toContainEqual(
      expect.stringMatching(/npm run build/),
    );
  });

  it('checks /api/health', () => {
    expect(inFinal('HEALTHCHECK').map((entry) => entry.args)).toContainEqual(
      expect.stringMatching(/\/api\/health/),
    );
  });

  it('keeps the embedded database, secrets and local builds out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.git', '.env', 'node_modules', 'dist', 'data']));
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as Compose;
  const [dbName, db] = Object.entries(compose.services).find(([, service]) =>
    service.image?.startsWith('postgres:'),
  )!;
  const [, app] = Object.entries(compose.services).find(([, service]) => service.build !== undefined)!;
  const env = environmentOf(app);
  /** Stands for a variable taken from the environment; anything else is a literal written in the file. */
  const FROM_ENVIRONMENT = /^\$\{(\w+):\?[^}]*\}$/;

  it('runs PostgreSQL 15 or later with its data in a named volume', () => {
    expect(Number(/^postgres:(\d+)/.exec(db.image!)?.[1])).toBeGreaterThanOrEqual(15);
    const mounts = (db.volumes ?? []).map((volume) =>
      typeof volume === 'string' ? volume.split(':') : [volume.source ?? '', volume.target ?? ''],
    );
    const data = mounts.find(([, target]) => target.startsWith('/var/lib/postgresql'));
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data![0]);
  });

  it('checks that the database is ready', () => {
    expect(JSON.stringify(db.healthcheck?.test)).toMatch(/pg_isready/);
  });

  it('builds the app from the Dockerfile', () => {
    const build = typeof app.build === 'string' ? { context: app.build } : app.build!;
    expect(existsSync(join(ROOT, build.context ?? '.', build.dockerfile ?? 'Dockerfile'))).toBe(true);
    expect(join(ROOT, build.context ?? '.')).toBe(ROOT);
  });

  it('starts the app once the database is healthy', () => {
    expect(app.depends_on).toEqual(expect.objectContaining({ [dbName]: { condition: 'service_healthy' } }));
  });

  it('runs the app in production against the db service', () => {
    expect(env.NODE_ENV).toBe('production');
    const url = new URL(env.DATABASE_URL.replace(/\$\{[^}]*\}/g, 'x'));
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe(dbName);
  });

  it('takes AUTH_SECRET and the database password from the environment, never from the file', () => {
    expect(env.AUTH_SECRET).toMatch(FROM_ENVIRONMENT);
    expect(FROM_ENVIRONMENT.exec(env.AUTH_SECRET)?.[1]).toBe('AUTH_SECRET');
    expect(environmentOf(db).POSTGRES_PASSWORD).toMatch(FROM_ENVIRONMENT);
    expect(new URL(env.DATABASE_URL.replace(/\$\{[^}]*\}/g, 'x')).password).toBe('x');
  });

  it('sets the public address and the proxy to trust', () => {
    expect(env.PUBLIC_URL).toMatch(/^\$\{PUBLIC_URL\b/);
    expect(env.TRUST_PROXY).toBeDefined();
  });

  it('publishes the app port', () => {
    const port = Number(env.PORT ?? 3000);
    const targets = (app.ports ?? []).map((entry) =>
      typeof entry === 'string' ? Number(entry.split(':').at(-1)!.split('/')[0]) : entry.target,
    );
    expect(targets).toContain(port);
  });
});

describe('The image, built', () => {
  const engine = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
  const title = engine
    ? 'builds with the Docker engine and runs as the unprivileged user in production'
    : 'builds with a Docker engine (skipped: `docker info` reaches no engine on this machine)';

  (engine ? it : it.skip)(
    title,
    () => {
      const tag = 'micropower:deployment-test';
      const build = spawnSync('docker', ['build', '-t', tag, ROOT], { encoding: 'utf8', timeout: 1_500_000 });
      expect(build.stderr.slice(-2000)).not.toMatch(/^ERROR/m);
      expect(build.status).toBe(0);
      const inspect = spawnSync('docker', ['image', 'inspect', tag, '--format', '{{json .Config}}'], {
        encoding: 'utf8',
      });
      const config = JSON.parse(inspect.stdout) as { User: string; Env: string[]; Healthcheck?: object };
      expect(config.User).toBe('node');
      expect(config.Env).toContain('NODE_ENV=production');
      expect(config.Healthcheck).toBeDefined();
    },
    1_600_000,
  );
});
